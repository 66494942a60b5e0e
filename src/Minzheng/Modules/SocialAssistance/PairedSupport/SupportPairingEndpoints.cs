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
        group.MapGet("/", List).WithName("PairedSupport_List").RequireAuthorization(Policies.BusinessRead).WithSummary("结对帮扶：active=true|false，householdId");
        group.MapGet("/{id:guid}", Get).WithName("PairedSupport_Get").RequireAuthorization(Policies.BusinessRead).WithSummary("结对帮扶及帮扶记录");
        group.MapPost("/", Pair).WithName("PairedSupport_Pair").RequireAuthorization(AssistancePolicies.RecordVisits)
            .WithSummary("结对：家庭、帮扶责任人、帮扶单位、结对日期、帮扶措施");
        group.MapPost("/{id:guid}/contacts", Contact).WithName("PairedSupport_Contact").RequireAuthorization(AssistancePolicies.RecordVisits)
            .WithSummary("记录一次帮扶（日期、方式、内容）");
        group.MapPost("/{id:guid}/end", End).WithName("PairedSupport_End").RequireAuthorization(AssistancePolicies.RecordVisits).WithSummary("结束结对（须写原因）");
        return api;
    }

    public static async Task<Ok<List<PairingDto>>> List(bool? active, Guid? householdId, SupportPairingService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(active, householdId, ct));

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
