using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Imports;

/// <summary>Roster import in the browser: upload, read the errors by row, download them, fix, commit.</summary>
[Authorize(Policy = AssistancePolicies.ImportRosters)]
public sealed class IndexModel(ImportService imports) : PageModel
{
    public StagedImport? Staged { get; private set; }
    public string? FileError { get; private set; }
    public int? Imported { get; private set; }

    /// <summary>A file refused for too many errors: the first of them, to fix the file by.</summary>
    public IReadOnlyList<ImportError> RefusedErrors { get; private set; } = [];

    /// <summary>For a death list: how many of its persons are in an active enrolment.</summary>
    public int? Matched { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostUploadAsync(string? kind, IFormFile? file, CancellationToken ct)
    {
        try
        {
            Staged = await imports.StageUploadAsync(ImportService.Kinds.Contains(kind) ? kind! : AssistanceRoster.Kind, file, ct);
        }
        catch (TooManyImportErrorsException ex)
        {
            (FileError, RefusedErrors) = (ex.Message, ex.Errors.Take(imports.ShownErrors).ToList());
        }
        catch (UnreadableFileException ex)
        {
            FileError = ex.Message;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(Guid id, bool skipInvalid, CancellationToken ct)
    {
        var (outcome, imported, errors, matched) = await imports.CommitAsync(id, skipInvalid, ct);
        switch (outcome)
        {
            case CommitOutcome.NotFound:
                return NotFound();
            case CommitOutcome.Committed:
                (Imported, Matched) = (imported, matched);
                break;
            case CommitOutcome.AlreadyCommitted:
                FileError = $"该批次已经导入（{imported}行），不能重复导入";
                break;
            case CommitOutcome.Invalid:
                Staged = await imports.GetAsync(id, ct) is { } s ? StagedImport.Of(id, s.TotalRows, s.TotalRows - errors.Count, errors, imports.ShownErrors) : null;
                FileError = "数据已发生变化，有行不能导入，未写入任何数据";
                break;
        }

        return Page();
    }

    /// <summary>The full error list of a batch as xlsx (row, column, message), formula-safe.</summary>
    public async Task<IActionResult> OnGetErrorsAsync(Guid id, CancellationToken ct)
    {
        if (await imports.GetErrorsAsync(id, ct) is not { } staged)
        {
            return NotFound();
        }

        var rows = staged.Errors.Select(e => new Dictionary<string, object?>
        {
            ["行号"] = e.Row,
            ["列"] = SpreadsheetText.Safe(e.Column),
            ["问题"] = SpreadsheetText.Safe(e.Message),
        });
        using var stream = new MemoryStream();
        await XlsxWriter.WriteAsync(stream, [XlsxSheet.Of("错误清单", rows, headers: ["行号", "列", "问题"])], ct);
        return File(stream.ToArray(), ImportEndpoints.XlsxType, "import-errors.xlsx");
    }
}
