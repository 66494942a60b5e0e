using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Security;
using Minzheng.Platform.Statistics;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Reports;

public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Policies.BusinessRead);
        reports.MapGet("/assistance-summary", Summary).WithName("Reports_AssistanceSummary")
            .WithSummary("救助统计：截至 to 的在保户数、人数、月保障金额，[from, to] 内新增与停保（按原因），含下级区划");
        reports.MapGet("/assistance-summary.xlsx", SummaryXlsx).WithName("Reports_AssistanceSummaryXlsx").WithSummary("救助统计导出（xlsx，中文表头）");
        reports.MapGet("/work-summary", WorkSummary).WithName("Reports_WorkSummary").WithSummary("工作总结初稿：每句话的数字都来自统计查询");
        reports.MapPost("/work-summary.docx", WorkSummaryDocx).WithName("Reports_WorkSummaryDocx").WithSummary("将（编辑后的）工作总结导出为 Word 文档");
        reports.MapGet("/dashboard", Dashboard).WithName("Reports_Dashboard").WithSummary("首页看板数据：趋势、乡镇对比、停保原因、期限与核查");
        return api;
    }

    /// <summary>Parses region/from/to into a query, or the problem to answer with (400 for bad values, 404 outside the scope).</summary>
    internal static async Task<(ReportQuery? Query, IResult? Problem)> QueryAsync(string? region, string? from, string? to, AssistanceSummaryService service,
        TimeProvider clock, CancellationToken ct)
    {
        var (query, errors, outside) = await service.ParseAsync(region, from, to, clock.Today(), ct);
        if (errors.Any)
        {
            return (null, errors.ToProblem());
        }

        return outside ? (null, ApiProblems.NotFound("区划不存在或不在您的管辖范围内")) : (query, null);
    }

    public static async Task<IResult> Summary(string? region, string? from, string? to, AssistanceSummaryService service, TimeProvider clock, CancellationToken ct)
    {
        var (query, problem) = await QueryAsync(region, from, to, service, clock, ct);
        return problem ?? TypedResults.Ok(await service.SummaryAsync(query!, ct));
    }

    public static async Task<IResult> SummaryXlsx(string? region, string? from, string? to, AssistanceSummaryService service, TimeProvider clock,
        AuditLog audit, CancellationToken ct)
    {
        var (query, problem) = await QueryAsync(region, from, to, service, clock, ct);
        if (problem is not null)
        {
            return problem;
        }

        var summary = await service.SummaryAsync(query!, ct);
        var stream = new MemoryStream();
        await SummaryWorkbook.WriteAsync(summary, stream, ct);
        stream.Position = 0;
        await audit.RecordAsync(AuditActions.Exported, entityType: "AssistanceSummary", regionCode: summary.RegionCode,
            details: new { kind = "assistance-summary", from = summary.From, to = summary.To }, ct: ct);
        return TypedResults.File(stream, ImportEndpoints.XlsxType, $"assistance-summary-{summary.RegionCode}-{summary.From:yyyyMMdd}-{summary.To:yyyyMMdd}.xlsx");
    }

    public static async Task<IResult> WorkSummary(string? region, string? from, string? to, AssistanceSummaryService service, WorkSummaryDrafter drafter,
        TimeProvider clock, CancellationToken ct)
    {
        var (query, problem) = await QueryAsync(region, from, to, service, clock, ct);
        return problem ?? TypedResults.Ok(await drafter.DraftAsync(query!, ct));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> WorkSummaryDocx(WorkSummaryText request, AuditLog audit, CancellationToken ct)
    {
        var (file, errors) = await WorkSummaryDocument.ExportAsync(request, audit, ct);
        return file is null ? errors.ToProblem() : TypedResults.File(file, WorkSummaryDocument.ContentType, "work-summary.docx");
    }

    public static async Task<IResult> Dashboard(string? region, DashboardService dashboards, AssistanceSummaryService service, TimeProvider clock,
        CancellationToken ct)
    {
        var (query, problem) = await QueryAsync(region, null, null, service, clock, ct);
        return problem ?? TypedResults.Ok(await dashboards.BuildAsync(query!, ct));
    }
}
