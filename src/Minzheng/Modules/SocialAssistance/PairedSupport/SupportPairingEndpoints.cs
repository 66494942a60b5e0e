using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.PairedSupport;

public static class SupportPairingEndpoints
{
    public static RouteGroupBuilder MapPairedSupport(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/paired-supports").WithTags("PairedSupport");
        group.MapGet("/", List).WithName("PairedSupport_List").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("结对帮扶：active=true|false、householdId、region、name（户主姓名）、helper（帮扶责任人或单位）；page、pageSize（默认且最多500）、sort=region|head|helper|unit|started|ended、dir=desc；总数在 X-Total-Count");
        group.MapGet("/export.xlsx", Export).WithName("PairedSupport_Export").RequireAuthorization(Policies.BusinessRead).WithSummary("导出当前筛选的结对帮扶台账（身份证号脱敏）");
        group.MapGet("/{id:guid}", Get).WithName("PairedSupport_Get").RequireAuthorization(Policies.BusinessRead).WithSummary("结对帮扶及帮扶记录");
        group.MapPost("/", Pair).WithName("PairedSupport_Pair").RequireAuthorization(AssistancePolicies.RecordVisits)
            .WithSummary("结对：家庭、帮扶责任人、帮扶单位、结对日期、帮扶措施");
        group.MapPost("/{id:guid}/contacts", Contact).WithName("PairedSupport_Contact").RequireAuthorization(AssistancePolicies.RecordVisits)
            .WithSummary("记录一次帮扶（日期、方式、内容）");
        group.MapPost("/{id:guid}/end", End).WithName("PairedSupport_End").RequireAuthorization(AssistancePolicies.RecordVisits).WithSummary("结束结对（须写原因）");
        return api;
    }

    public const string ExportKind = "support-pairings";

    /// <summary>The API answered up to 500 pairings in one array before it paged: that stays its default page.</summary>
    public static async Task<Ok<List<PairingDto>>> List([AsParameters] PairingFilter filter, int? page, int? pageSize, string? sort, string? dir,
        SupportPairingService service, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await service.PageAsync(filter, PageRequest.From(page, pageSize, sort, dir, 500, 500), ct)).WithTotalHeader(response));

    public static async Task<FileStreamHttpResult> Export([AsParameters] PairingFilter filter, string? sort, string? dir, SupportPairingService service,
        Minzheng.Platform.Auditing.AuditLog audit, CancellationToken ct)
    {
        var found = await service.PageAsync(filter, PageRequest.ForExport(sort, dir), ct);
        var rows = found.Items.Select((p, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["村（社区）"] = p.VillageName,
            ["户主"] = SpreadsheetText.Safe(p.HeadName),
            ["身份证号"] = p.HeadIdNumberMasked,
            ["享受项目"] = p.Programs,
            ["帮扶责任人"] = SpreadsheetText.Safe(p.Helper),
            ["帮扶单位"] = SpreadsheetText.Safe(p.HelperUnit),
            ["结对日期"] = p.StartedOn,
            ["帮扶措施"] = SpreadsheetText.Safe(p.Measures),
            ["最近帮扶"] = p.LastContactOn,
            ["帮扶次数"] = p.Contacts,
            ["状态"] = p.EndedOn is null ? "进行中" : $"已结束（{p.EndedOn}）",
            ["结束原因"] = SpreadsheetText.Safe(p.EndReason),
        });
        await audit.RecordAsync(Minzheng.Platform.Auditing.AuditActions.Exported, entityType: nameof(SupportPairing),
            details: new { kind = ExportKind, filter.Active, filter.Region, filter.Name, filter.Helper, rows = found.Items.Count }, ct: ct);
        return await SpreadsheetFile.XlsxAsync(rows, "结对帮扶", "support-pairings.xlsx", ct);
    }

    public static async Task<Results<Ok<PairingDto>, ProblemHttpResult>> Get(Guid id, SupportPairingService service, CancellationToken ct) =>
        await service.GetAsync(id, ct) is { } found ? TypedResults.Ok(found) : ApiProblems.NotFound("结对帮扶不存在或不在您的管辖范围内");

    public static async Task<Results<Created<PairingDto>, ValidationProblem, ProblemHttpResult>> Pair(PairingRequest request, SupportPairingService service,
        CancellationToken ct)
    {
        var (outcome, id, errors, message) = await service.PairAsync(request, ct);
        return id is { } created ? TypedResults.Created($"/api/v1/paired-supports/{created}", (await service.GetAsync(created, ct))!)
            : errors.Any ? errors.ToProblem() : ApiProblems.For(outcome, message!);
    }

    public static async Task<Results<Ok<PairingDto>, ValidationProblem, ProblemHttpResult>> Contact(Guid id, ContactRequest request, SupportPairingService service,
        CancellationToken ct) => await AnswerAsync(await service.ContactAsync(id, request, ct), id, service, ct);

    public static async Task<Results<Ok<PairingDto>, ValidationProblem, ProblemHttpResult>> End(Guid id, EndPairingRequest request, SupportPairingService service,
        CancellationToken ct) => await AnswerAsync(await service.EndAsync(id, request, ct), id, service, ct);

    private static async Task<Results<Ok<PairingDto>, ValidationProblem, ProblemHttpResult>> AnswerAsync((Outcome Outcome, FieldErrors Errors, string? Message) r,
        Guid id, SupportPairingService service, CancellationToken ct) => r switch
        {
            { Outcome: Outcome.Done } => TypedResults.Ok((await service.GetAsync(id, ct))!),
            { Errors.Any: true } => r.Errors.ToProblem(),
            _ => ApiProblems.For(r.Outcome, r.Message!),
        };
}
