using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Statistics;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Reports;

public sealed record PeriodTable(string RegionCode, string RegionName, string Period, IReadOnlyList<TableRow> Rows);

/// <summary>民政事业统计 period tables and their 上报 → 审核 → 退回 chain.</summary>
public static class StatisticsEndpoints
{
    public static RouteGroupBuilder MapStatistics(this RouteGroupBuilder api)
    {
        var statistics = api.MapGroup("/statistics").WithTags("Statistics");
        statistics.MapGet("/table", Table).WithName("Statistics_Table").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("统计报表（月报 YYYY-MM、季报 YYYY-Qn）：按项目的户数、人数及其中老年人/残疾人（重度）/未成年人/重病患者，本期与本年累计发放，人次，备用金");
        statistics.MapGet("/table.xlsx", TableXlsx).WithName("Statistics_TableXlsx").RequireAuthorization(Policies.BusinessRead);
        statistics.MapGet("/reports", List).WithName("Statistics_Reports").RequireAuthorization(Policies.BusinessRead).WithSummary("各乡镇的上报状态");
        statistics.MapGet("/reports/{id:guid}", Get).WithName("Statistics_Report").RequireAuthorization(Policies.BusinessRead);
        statistics.MapPost("/reports", Submit).WithName("Statistics_Submit").RequireAuthorization(AssistancePolicies.SubmitStatistics)
            .WithSummary("乡镇上报统计表（数字在上报时固定）；已上报待审核或已审核通过的 409");
        statistics.MapPost("/reports/{id:guid}/accept", Accept).WithName("Statistics_Accept").RequireAuthorization(AssistancePolicies.ReviewStatistics)
            .WithSummary("县级审核通过（之后锁定）");
        statistics.MapPost("/reports/{id:guid}/return", Return).WithName("Statistics_Return").RequireAuthorization(AssistancePolicies.ReviewStatistics)
            .WithSummary("县级退回，须填写意见");
        return api;
    }

    private static async Task<(PeriodTable? Table, IResult? Problem)> BuildAsync(string? region, string? period, AssistanceSummaryService summaries,
        RegionService regions, PeriodTables tables, CancellationToken ct)
    {
        var parsed = StatisticalPeriod.Parse(period);
        var errors = new FieldErrors();
        if (parsed is null)
        {
            errors.Add("period", "period 应为月份 YYYY-MM 或季度 YYYY-Qn，如 2026-06、2026-Q2");
        }

        var (_, prefix) = summaries.ParseRegion(region, errors);
        if (errors.Any)
        {
            return (null, errors.ToProblem());
        }

        if (!await summaries.InScopeAsync(prefix!, ct))
        {
            return (null, ApiProblems.NotFound("区划不存在或不在您的管辖范围内"));
        }

        var code = prefix!.PadRight(RegionCode.Length, '0');
        return (new PeriodTable(code, await regions.NameOfAsync(code, ct) ?? code, parsed!.Text, await tables.RowsAsync(prefix, parsed, ct)), null);
    }

    public static async Task<IResult> Table(string? region, string? period, AssistanceSummaryService summaries, RegionService regions, PeriodTables tables, CancellationToken ct)
    {
        var (table, problem) = await BuildAsync(region, period, summaries, regions, tables, ct);
        return problem ?? TypedResults.Ok(table);
    }

    public static async Task<IResult> TableXlsx(string? region, string? period, AssistanceSummaryService summaries, RegionService regions, PeriodTables tables, AuditLog audit,
        ClaimsPrincipal user, LineStatistics lines, CancellationToken ct)
    {
        var (table, problem) = await BuildAsync(region, period, summaries, regions, tables, ct);
        if (problem is not null)
        {
            return problem;
        }

        // 合计 adds up the money columns only: a household in two programmes is counted in both rows' 户数.
        var rows = table!.Rows.Select(r => new Dictionary<string, object?>
        {
            ["区划"] = SpreadsheetText.Safe(table.RegionName),
            ["统计期"] = table.Period,
            ["项目"] = r.Name,
            ["户数"] = r.Households,
            ["人数"] = r.Persons,
            ["其中老年人"] = r.Elderly,
            ["其中残疾人"] = r.Disabled,
            ["其中未成年人"] = r.Minors,
            ["其中重度残疾人"] = r.SevereDisabled,
            ["其中重病患者"] = r.SeriouslyIll,
            ["月保障金额（元）"] = r.MonthlyAmount,
            ["本期发放（元）"] = r.PaidInPeriod,
            ["本年累计发放（元）"] = r.PaidYearToDate,
            ["救助人次"] = r.PersonTimes,
            ["备用金救助人次"] = r.ReserveFundPersons,
            ["备用金支出（元）"] = r.ReserveFundAmount,
        });
        // The other lines' figures of the same period follow on their own sheet, for the lines the user may read.
        var parsed = StatisticalPeriod.Parse(table.Period)!;
        var prefix = RegionCode.ToScopePrefix(table.RegionCode)!;
        var others = await lines.ForAsync(user, new ReportQuery(prefix, table.RegionCode, prefix, parsed.FirstMonth, parsed.LastDay), ct);
        var sheets = new List<XlsxSheet> { XlsxSheet.Of("统计报表", rows, totals: true) };
        if (others.Count > 0)
        {
            sheets.Add(XlsxSheet.Of("其他业务", LineStatistics.Rows(table.RegionName, table.Period, others)));
        }

        var file = await SpreadsheetFile.XlsxAsync(sheets, $"statistics-{table.RegionCode}-{table.Period}.xlsx", ct);
        await audit.RecordAsync(AuditActions.Exported, entityType: "StatisticalTable", regionCode: table.RegionCode,
            details: new { kind = "statistical-table", period = table.Period }, ct: ct);
        return file;
    }

    public static async Task<IResult> List(string? period, ReportSubmissions submissions, CancellationToken ct) =>
        StatisticalPeriod.Parse(period) is { } parsed
            ? TypedResults.Ok(await submissions.ListAsync(parsed, ct))
            : ApiProblems.Validation("period", "period 应为月份 YYYY-MM 或季度 YYYY-Qn");

    public static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> Get(Guid id, ReportSubmissions submissions, CancellationToken ct) =>
        await submissions.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : ApiProblems.NotFound("统计表不存在或不在您的管辖范围内");

    public static async Task<Results<Created<ReportDto>, ProblemHttpResult>> Submit(SubmitRequest request, ClaimsPrincipal user, ReportSubmissions submissions,
        CancellationToken ct)
    {
        var (outcome, message, report) = await submissions.SubmitAsync(request, user.Identity?.Name ?? "", ct);
        return outcome == Outcome.Done ? TypedResults.Created($"/api/v1/statistics/reports/{report!.Id}", report) : ApiProblems.For(outcome, message!);
    }

    public static Task<Results<Ok<ReportDto>, ProblemHttpResult>> Accept(Guid id, ReviewRequest? request, ClaimsPrincipal user, ReportSubmissions submissions,
        CancellationToken ct) => ReviewAsync(id, true, request, user, submissions, ct);

    public static Task<Results<Ok<ReportDto>, ProblemHttpResult>> Return(Guid id, ReviewRequest? request, ClaimsPrincipal user, ReportSubmissions submissions,
        CancellationToken ct) => ReviewAsync(id, false, request, user, submissions, ct);

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> ReviewAsync(Guid id, bool accept, ReviewRequest? request, ClaimsPrincipal user,
        ReportSubmissions submissions, CancellationToken ct)
    {
        var (outcome, message, report) = await submissions.ReviewAsync(id, accept, request ?? new ReviewRequest(null), user.Identity?.Name ?? "", ct);
        return outcome == Outcome.Done ? TypedResults.Ok(report!) : ApiProblems.For(outcome, message!);
    }

}
