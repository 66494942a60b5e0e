using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Benefits;

public static class BenefitEndpoints
{
    public static RouteGroupBuilder MapBenefits(this RouteGroupBuilder api)
    {
        api.MapGet("/households/{id:guid}/benefit", Calculate).WithTags("Benefits").WithName("Households_Benefit")
            .RequireAuthorization(Policies.BusinessRead)
            .WithSummary("按月计算家庭的保障金额（逐步说明公式和政策依据）：program=urban-dibao&month=2026-11");
        return api;
    }

    public static async Task<Results<Ok<BenefitResult>, ValidationProblem, ProblemHttpResult>> Calculate(
        Guid id, string? program, string? month, BenefitService benefits, CancellationToken ct)
    {
        var (outcome, result, errors, message) = await benefits.CalculateAsync(id, program, month, ct);
        return outcome switch
        {
            BenefitOutcome.Calculated => TypedResults.Ok(result!),
            BenefitOutcome.Invalid => errors.ToProblem(),
            BenefitOutcome.NotFound => ApiProblems.NotFound("家庭不存在或不在您的管辖范围内"),
            BenefitOutcome.NoStandard => ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, message!),
        };
    }
}
