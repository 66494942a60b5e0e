using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Reports;

public sealed record ReportDto(Guid? Id, string RegionCode, string RegionName, string Period, string Status, string StatusName, string? SubmittedBy,
    DateTimeOffset? SubmittedAt, string? ReviewedBy, DateTimeOffset? ReviewedAt, string? ReviewComment, IReadOnlyList<TableRow> Rows);

public sealed record SubmitRequest(string? RegionCode, string? Period);

public sealed record ReviewRequest(string? Comment);

/// <summary>
/// The 上报 → 审核 → 退回 chain of the period tables: a township submits its table (the figures are frozen then), the
/// county accepts it — locked from then on — or returns it with comments, after which the township submits again.
/// </summary>
public sealed class ReportSubmissions(MinzhengDbContext db, PeriodTables tables, RegionService regions, IRegionScope scope, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string StatusName(ReportStatus? status) => status switch
    {
        ReportStatus.Submitted => "已上报待审核",
        ReportStatus.Returned => "已退回",
        ReportStatus.Accepted => "审核通过",
        _ => "未上报",
    };

    public async Task<(Outcome Outcome, string? Message, ReportDto? Report)> SubmitAsync(SubmitRequest request, string user, CancellationToken ct)
    {
        var period = StatisticalPeriod.Parse(request.Period);
        var code = request.RegionCode?.Trim() ?? "";
        if (period is null)
        {
            return (Outcome.Invalid, "period 应为月份 YYYY-MM 或季度 YYYY-Qn，如 2026-06、2026-Q2", null);
        }

        if (!RegionCode.TryGetLevel(code, out var level, out _) || level != RegionLevel.Township || !code.StartsWith(scope.Prefix, StringComparison.Ordinal)
            || !await regions.ExistsAsync(code, ct))
        {
            return (Outcome.Invalid, "regionCode 应为您管辖范围内乡镇（街道）的12位区划代码", null);
        }

        var today = clock.Today();
        if (period.LastDay >= today)
        {
            return (Outcome.Invalid, $"统计期 {period.Text} 尚未结束（截至 {period.LastDay:yyyy-MM-dd}），期满后才能上报", null);
        }

        var report = await db.StatisticalReports.SingleOrDefaultAsync(r => r.RegionCode == code && r.Period == period.Text, ct);
        if (report?.Status is ReportStatus.Accepted or ReportStatus.Submitted)
        {
            return (Outcome.Conflict, report.Status == ReportStatus.Accepted ? $"{period.Text} 统计表已审核通过并锁定，不能再次上报" : $"{period.Text} 统计表已上报，等待县级审核", null);
        }

        var rows = await tables.RowsAsync(RegionCode.Prefix(code), period, ct);
        if (report is null)
        {
            report = new StatisticalReport { RegionCode = code, Period = period.Text };
            db.StatisticalReports.Add(report);
        }

        (report.Status, report.RowsJson, report.SubmittedBy, report.SubmittedAt) = (ReportStatus.Submitted, JsonSerializer.Serialize(rows, Json), user, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return (Outcome.Conflict, $"{period.Text} 统计表已由他人同时上报", null);
        }

        return (Outcome.Done, null, await DtoAsync(report, ct));
    }

    /// <summary>Accepts (comment optional) or returns (comment required) a submitted table.</summary>
    public async Task<(Outcome Outcome, string? Message, ReportDto? Report)> ReviewAsync(Guid id, bool accept, ReviewRequest request, string user,
        CancellationToken ct)
    {
        var report = await db.StatisticalReports.SingleOrDefaultAsync(r => r.Id == id, ct);
        var comment = request.Comment?.Trim();
        if (report is null)
        {
            return (Outcome.NotFound, "统计表不存在或不在您的管辖范围内", null);
        }

        if (!accept && string.IsNullOrEmpty(comment))
        {
            return (Outcome.Invalid, "退回须填写意见，说明需要更正的内容", null);
        }

        if (comment?.Length > StatisticalReport.CommentMaxLength)
        {
            return (Outcome.Invalid, $"审核意见不能超过{StatisticalReport.CommentMaxLength}个字", null);
        }

        if (report.Status != ReportStatus.Submitted)
        {
            return (Outcome.Conflict, $"该统计表{StatusName(report.Status)}，只有已上报待审核的统计表可以审核或退回", null);
        }

        (report.Status, report.ReviewedBy, report.ReviewedAt, report.ReviewComment) =
            (accept ? ReportStatus.Accepted : ReportStatus.Returned, user, clock.GetUtcNow(), string.IsNullOrEmpty(comment) ? null : comment);
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, null, await DtoAsync(report, ct));
    }

    /// <summary>Every township of the caller's scope for the period, submitted or not, with the frozen figures.</summary>
    public async Task<List<ReportDto>> ListAsync(StatisticalPeriod period, CancellationToken ct)
    {
        var reports = await db.StatisticalReports.AsNoTracking().Where(r => r.Period == period.Text).ToDictionaryAsync(r => r.RegionCode, ct);
        var names = await regions.NamesWithinAsync(scope.Prefix, RegionLevel.Township, ct);
        var townships = names.Keys.Order(StringComparer.Ordinal);
        return townships.Select(t => reports.TryGetValue(t, out var r) ? Dto(r, names)
            : new ReportDto(null, t, names[t], period.Text, "not-submitted", StatusName(null), null, null, null, null, null, [])).ToList();
    }

    public async Task<ReportDto?> GetAsync(Guid id, CancellationToken ct) =>
        await db.StatisticalReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } r ? await DtoAsync(r, ct) : null;

    private async Task<ReportDto> DtoAsync(StatisticalReport r, CancellationToken ct) => Dto(r, await regions.NamesOfAsync([r.RegionCode], ct));

    private static ReportDto Dto(StatisticalReport r, IReadOnlyDictionary<string, string> names) => new(r.Id, r.RegionCode, names.GetValueOrDefault(r.RegionCode, r.RegionCode),
        r.Period, Minzheng.Platform.Web.InputValues.Code(r.Status), StatusName(r.Status), r.SubmittedBy, r.SubmittedAt, r.ReviewedBy, r.ReviewedAt, r.ReviewComment,
        JsonSerializer.Deserialize<List<TableRow>>(r.RowsJson, Json) ?? []);
}
