using Minzheng.Modules.SocialAssistance.Contracts;
using Minzheng.Platform.Auditing;

namespace Minzheng.Modules.SocialAssistance.Verification;

/// <summary>
/// <see cref="IDeathReportSink"/> by the death-list import's own writer: a reported death is a one-row list, matched and
/// turned into findings by the same code, so a cremation and an imported list can never disagree.
/// </summary>
public sealed class DeathReportSink(DeathRecordImport deaths, AuditLog audit) : IDeathReportSink
{
    public const string AuditReported = "verification.death-reported";

    public async Task<DeathReportResult> ReportAsync(DeathReport report, CancellationToken ct)
    {
        if (!DeathRecordImport.Sources.Contains(report.Source))
        {
            throw new ArgumentException($"Unknown death list source '{report.Source}'.", nameof(report));
        }

        var written = await deaths.WriteAsync(report.ReportId, [new DeathRow(1, report.IdNumber, report.Name, report.DeathDate, report.Source)], ct);
        // The death record and findings go by the bulk path, which the audit interceptor does not see: one entry says what they were.
        audit.Add(AuditReported, entityType: nameof(DeathRecord), entityId: report.ReportId.ToString(),
            details: new { source = report.Source, findings = written.Findings, matched = written.Matched });
        return new DeathReportResult(written.Findings, written.Programs);
    }
}
