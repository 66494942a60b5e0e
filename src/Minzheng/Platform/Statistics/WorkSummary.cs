using Minzheng.Platform.Regions;

namespace Minzheng.Platform.Statistics;

/// <summary>A sentence of the draft and the query its figures come from (an API address the reader can open).</summary>
public sealed record DraftSentence(string Text, string Source);

public sealed record DraftSection(string Heading, IReadOnlyList<DraftSentence> Sentences);

public sealed record WorkSummaryDraft(string Title, string RegionCode, DateOnly From, DateOnly To, IReadOnlyList<DraftSection> Sections)
{
    /// <summary>The draft as plain text: title, then each section's heading and paragraph — what the user edits.</summary>
    public string Text => string.Join("\n", [Title, .. Sections.SelectMany(s => new[] { s.Heading, string.Concat(s.Sentences.Select(x => x.Text)) })]);
}

/// <summary>One titled part of the work summary, written by the module whose work it reports.</summary>
public sealed record WorkSummarySection(string Title, IReadOnlyList<DraftSentence> Sentences);

/// <summary>
/// A module's part of the drafted work summary (工作总结): its sections for a region and period, every figure from its own
/// statistics queries. Registered as <c>services.AddScoped&lt;IWorkSummaryContributor, …&gt;()</c>; modules are drafted
/// in the order of the module list.
/// </summary>
public interface IWorkSummaryContributor
{
    Task<IReadOnlyList<WorkSummarySection>> SectionsAsync(ReportQuery q, CancellationToken ct);
}

/// <summary>
/// Drafts the work summary of a region and period in the style of bureau reports, from every module's contribution;
/// a section with no data in the period is left out, and the rest are numbered 一、二、三….
/// </summary>
public sealed class WorkSummaryDrafter(IEnumerable<IWorkSummaryContributor> contributors, RegionService regions)
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

    public async Task<WorkSummaryDraft> DraftAsync(ReportQuery q, CancellationToken ct)
    {
        var sections = new List<WorkSummarySection>();
        foreach (var contributor in contributors)
        {
            sections.AddRange((await contributor.SectionsAsync(q, ct)).Where(s => s.Sentences.Count > 0));
        }

        var name = await regions.NameOfAsync(q.RegionCode, ct) ?? q.RegionCode;
        var numbered = sections.Select((s, i) => new DraftSection($"{Numeral(i)}、{s.Title}", s.Sentences)).ToList();
        return new WorkSummaryDraft($"{name}{ReportFormat.Period(q.From, q.To)}民政工作总结（初稿）", q.RegionCode, q.From, q.To, numbered);
    }

    /// <summary>The address of a statistics query with this region and period, as the source of a sentence.</summary>
    public static string Source(string path, ReportQuery q, bool dates) => dates
        ? $"/api/v1/{path}?region={q.RegionCode}&from={q.From:yyyy-MM-dd}&to={q.To:yyyy-MM-dd}"
        : $"/api/v1/{path}?region={q.RegionCode}&from={q.FromMonth:yyyy-MM}&to={q.ToMonth:yyyy-MM}";

    private static string Numeral(int i) => i < Numerals.Length ? Numerals[i] : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
