using Minzheng.Platform.Privacy;

namespace Minzheng.Modules.SocialAssistance.Contracts;

/// <summary>
/// A death learnt one record at a time by another line (a cremation entered by the funeral home): the person, the day of
/// death, and the list source it counts as (公安, 卫健, 火化, 其他 — the sources of an imported death list).
/// </summary>
/// <param name="ReportId">The reporting line's own record (e.g. the cremation), kept with the death record as where it came from.</param>
public sealed record DeathReport(Guid ReportId, IdNumber IdNumber, string Name, DateOnly DeathDate, string Source);

/// <summary>What the report changed: the findings opened (one per affected enrolment) and the programmes the person was covered by.</summary>
/// <param name="Findings">New open findings; 0 when the person is not enrolled or the death was already reported.</param>
/// <param name="Programs">Programme codes (DESIGN §4) of the active enrolments of the person or of their household, as they stood.</param>
public sealed record DeathReportResult(int Findings, IReadOnlyList<string> Programs);

/// <summary>
/// Social assistance's door for deaths reported by other lines. A report has exactly the effect of one row of an imported
/// death list (DESIGN §5): the record kept as evidence, the person marked deceased, one open death finding per active
/// enrolment of the person or of their household, so payments stop from the month after death once a reviewer confirms.
/// It writes in the caller's transaction (which must be open), so the report and the caller's own record commit together.
/// </summary>
public interface IDeathReportSink
{
    Task<DeathReportResult> ReportAsync(DeathReport report, CancellationToken ct);
}
