using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Reports;

/// <summary>The (edited) work summary the user exports: a title and the text, one paragraph per line.</summary>
public sealed record WorkSummaryText(
    string? Title,
    [property: System.ComponentModel.DataAnnotations.MaxLength(2 * WorkSummaryDocument.MaxTextLength)] string? Text);

/// <summary>
/// Writes the work summary as a Word document laid out like an official document (GB/T 9704): title in 小标宋 二号
/// centred, headings "一、…" in 黑体 三号, body in 仿宋 三号 with a two-character first-line indent.
/// </summary>
public static partial class WorkSummaryDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const int MaxTitleLength = 100;
    public const int MaxTextLength = 50_000;

    public static FieldErrors Validate(WorkSummaryText request)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Trim().Length > MaxTitleLength)
        {
            errors.Add("title", $"标题为必填项，不超过{MaxTitleLength}个字");
        }

        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxTextLength)
        {
            errors.Add("text", $"正文为必填项，不超过{MaxTextLength}个字");
        }

        return errors;
    }

    /// <summary>Validates, audits the export and builds the document: the one path of the API and the page.</summary>
    public static async Task<(byte[]? File, FieldErrors Errors)> ExportAsync(WorkSummaryText request, Minzheng.Platform.Auditing.AuditLog audit, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.Any)
        {
            return (null, errors);
        }

        await audit.RecordAsync(Minzheng.Platform.Auditing.AuditActions.Exported, entityType: "WorkSummary", details: new { kind = "work-summary", title = request.Title },
            ct: ct);
        return (Build(request), errors);
    }

    public static byte[] Build(WorkSummaryText request)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(request.Title!.Trim(), "方正小标宋简体", 44, JustificationValues.Center, indent: false));
            var lines = request.Text!.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
            foreach (var line in lines.SkipWhile(l => l == request.Title.Trim()))
            {
                body.Append(Heading().IsMatch(line)
                    ? Paragraph(line, "黑体", 32, JustificationValues.Both, indent: true)
                    : Paragraph(line, "仿宋_GB2312", 32, JustificationValues.Both, indent: true));
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, string font, int halfPoints, JustificationValues justification, bool indent)
    {
        // Schema order matters to Word: spacing, then indentation, then justification.
        var properties = new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact });
        if (indent)
        {
            properties.Append(new Indentation { FirstLineChars = 200 });
        }

        properties.Append(new Justification { Val = justification });
        var run = new Run(new RunProperties(new RunFonts { Ascii = font, EastAsia = font, HighAnsi = font }, new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(properties, run);
    }

    [GeneratedRegex("^[一二三四五六七八九十]+、")]
    private static partial Regex Heading();
}
