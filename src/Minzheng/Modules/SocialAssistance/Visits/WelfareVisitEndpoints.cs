using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Visits;

/// <summary><c>/api/v1/welfare-visits</c>: persons in 特困分散供养 due a visit, an enrolment's visits, recording a visit.</summary>
public static class WelfareVisitEndpoints
{
    public static RouteGroupBuilder MapWelfareVisits(this RouteGroupBuilder api)
    {
        var visits = api.MapGroup("/welfare-visits").WithTags("WelfareVisits");
        visits.MapGet("/", List).WithName("WelfareVisits_List").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("应探视的特困分散供养人员：region、due=overdue|soon；page、pageSize（或 take，默认1000，最多5000）、sort=due|name|region|last|selfCare、dir=desc；默认按应探视日期排序；总数在 X-Total-Count");
        visits.MapGet("/export.xlsx", Export).WithName("WelfareVisits_Export").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("导出当前筛选的探视任务清单（身份证号脱敏）");
        visits.MapGet("/{enrollmentId:guid}", History).WithName("WelfareVisits_History").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("一名特困分散供养人员的探视巡访记录与下次应探视日期");
        visits.MapPost("/{enrollmentId:guid}", Record).WithName("WelfareVisits_Record").RequireAuthorization(AssistancePolicies.RecordVisits)
            .WithSummary("登记一次探视巡访：visitedOn、visitors、way=home-visit|phone-call|group-visit、findings、needsFollowUp、followUpNote");
        return api;
    }

    public const string ExportKind = "welfare-visits-due";

    public static async Task<Results<Ok<List<WelfareVisitDue>>, ValidationProblem>> List(string? region, string? due, int? take, int? page, int? pageSize,
        string? sort, string? dir, WelfareVisitService visits, HttpResponse response, CancellationToken ct)
    {
        var (items, errors) = await visits.DueAsync(region, due, ct);
        return items is null ? errors.ToProblem()
            : TypedResults.Ok(items.PageInMemory(PageRequest.From(page, pageSize ?? take, sort, dir, 1000, 5000), WelfareVisitService.Sort).WithTotalHeader(response));
    }

    public static async Task<Results<FileStreamHttpResult, ValidationProblem>> Export(string? region, string? due, string? sort, string? dir, WelfareVisitService visits,
        Minzheng.Platform.Auditing.AuditLog audit, CancellationToken ct)
    {
        var (items, errors) = await visits.DueAsync(region, due, ct);
        if (items is null)
        {
            return errors.ToProblem();
        }

        var found = items.PageInMemory(PageRequest.ForExport(sort, dir), WelfareVisitService.Sort);
        var rows = found.Items.Select((i, n) => new Dictionary<string, object?>
        {
            ["序号"] = n + 1,
            ["姓名"] = SpreadsheetText.Safe(i.Name),
            ["身份证号"] = i.IdNumberMasked,
            ["乡镇（街道）"] = i.TownshipName,
            ["村（社区）"] = i.VillageName,
            ["自理能力"] = i.SelfCareName,
            ["探视间隔（天）"] = i.IntervalDays,
            ["上次探视"] = i.LastVisitedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["应探视日期"] = i.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["状态"] = StatusName(i),
        });
        await audit.RecordAsync(Minzheng.Platform.Auditing.AuditActions.Exported, entityType: nameof(WelfareVisit),
            details: new { kind = ExportKind, region, due, rows = found.Items.Count }, ct: ct);
        return await SpreadsheetFile.XlsxAsync(rows, "探视任务清单", "welfare-visits-due.xlsx", ct);
    }

    public static string StatusName(WelfareVisitDue d) => d.Urgency switch
    {
        "overdue" => $"逾期 {d.DaysOverdue} 天",
        "due-soon" => "即将到期",
        _ => "正常",
    };

    public static async Task<Results<Ok<WelfareVisitHistory>, ProblemHttpResult>> History(Guid enrollmentId, WelfareVisitService visits, CancellationToken ct)
    {
        var (history, message) = await visits.HistoryAsync(enrollmentId, ct);
        return history is null ? ApiProblems.NotFound(message!) : TypedResults.Ok(history);
    }

    public static async Task<Results<Created<WelfareVisitDto>, ValidationProblem, ProblemHttpResult>> Record(Guid enrollmentId, WelfareVisitRequest request,
        WelfareVisitService visits, CancellationToken ct)
    {
        var result = await visits.RecordAsync(enrollmentId, request, ct);
        return result.Outcome switch
        {
            Outcome.Done => TypedResults.Created($"/api/v1/welfare-visits/{enrollmentId}", result.Visit),
            Outcome.Invalid => result.Errors.ToProblem(),
            _ => ApiProblems.For(result.Outcome, result.Message!),
        };
    }
}
