using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Enrollments;

public sealed record EnrollmentActionRequest(string? FromMonth, decimal? MonthlyAmount, int? CoveredPersons, string? Reason, int? Months, string? Note);

public sealed record EnrollmentEventDto(string Kind, string EffectiveMonth, string? Reason, string? ReasonName, decimal OldAmount, decimal NewAmount,
    int CoveredPersons, DateTimeOffset At, string Actor, string? Note);

public sealed record EnrollmentListItem(Guid Id, string Program, string ProgramName, string RegionCode, Guid HouseholdId, string Name,
    string IdNumberMasked, int CoveredPersons, decimal MonthlyAmount, string StartMonth, string? EndMonth, string Status, string? StatusReason);

/// <summary>Adjust, suspend, resume, terminate and 渐退 of enrolments, each with its event; lists for the caseload.</summary>
public sealed class EnrollmentService(MinzhengDbContext db, TimeProvider clock, MoneyLimits money)
{
    public static readonly string[] Actions = ["adjust", "suspend", "resume", "terminate", "gradual-exit"];

    /// <summary>Applies one lifecycle action (the caller saves). Throws <see cref="DomainRuleException"/> on an illegal move.</summary>
    public EnrollmentEvent Apply(Enrollment e, string action, EnrollmentActionRequest request, string actor, Guid? campaignId = null)
    {
        if (!InputValues.TryParseMonth(request.FromMonth, out var from))
        {
            throw new DomainRuleException("起始月份 fromMonth 应为 YYYY-MM");
        }

        if (action == "adjust" && money.CheckMonthly(request.MonthlyAmount, e.Program, "新的月保障金额") is { } tooMuch)
        {
            throw new DomainRuleException(tooMuch);
        }

        var ev = action switch
        {
            "adjust" => e.Adjust(from, request.MonthlyAmount ?? -1, request.CoveredPersons, request.Note),
            "suspend" => e.Suspend(from, request.Note ?? request.Reason),
            "resume" => e.Resume(from, request.Note),
            "terminate" => e.Terminate(from, request.Reason, request.Note),
            "gradual-exit" => e.GradualExit(from, request.Months, request.Reason, request.Note),
            "continue" => e.Reviewed(from, request.Note),
            _ => throw new DomainRuleException($"未知的操作“{action}”，应为 {string.Join("、", Actions)} 之一"),
        };
        (ev.At, ev.Actor, ev.CampaignId) = (clock.GetUtcNow(), actor, campaignId);
        db.EnrollmentEvents.Add(ev);
        return ev;
    }

    public async Task<(Outcome Outcome, string? Message)> ActAsync(Guid id, string action, EnrollmentActionRequest request, string actor, CancellationToken ct)
    {
        var enrollment = await db.Enrollments.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (enrollment is null)
        {
            return (Outcome.NotFound, "在保记录不存在或不在您的管辖范围内");
        }

        if (action == "adjust" && money.CheckMonthly(request.MonthlyAmount, enrollment.Program, "新的月保障金额") is { } invalid)
        {
            return (Outcome.Invalid, invalid);
        }

        try
        {
            Apply(enrollment, action, request, actor);
            await db.SaveChangesAsync(ct);
            return (Outcome.Done, null);
        }
        catch (DomainRuleException ex)
        {
            return (ex.Outcome, ex.Message);
        }
    }

    public async Task<List<EnrollmentListItem>?> ListAsync(string? program, string? region, string? status, int take, CancellationToken ct)
    {
        var query = db.Enrollments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(region))
        {
            if (RegionCode.ToScopePrefix(region) is not { } prefix)
            {
                return null;
            }

            query = query.Where(e => e.RegionCode.StartsWith(prefix));
        }

        if (!string.IsNullOrWhiteSpace(program))
        {
            query = query.Where(e => e.Program == program);
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<EnrollmentStatus>(status, true, out var s))
            {
                return null;
            }

            query = query.Where(e => e.Status == s);
        }

        var rows = await query.OrderBy(e => e.RegionCode).ThenBy(e => e.Id).Take(Math.Clamp(take, 1, 1000))
            .Join(db.Persons, e => e.PersonId, p => p.Id, (e, p) => new { E = e, p.Name, p.IdNumberMasked }).ToListAsync(ct);
        return rows.Select(r => ToItem(r.E, r.Name, r.IdNumberMasked)).ToList();
    }

    public async Task<(EnrollmentListItem Enrollment, List<EnrollmentEventDto> Events)?> GetAsync(Guid id, CancellationToken ct)
    {
        var e = await db.Enrollments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return null;
        }

        var person = await db.Persons.AsNoTracking().Where(p => p.Id == e.PersonId).Select(p => new { p.Name, p.IdNumberMasked }).SingleAsync(ct);
        var events = (await db.EnrollmentEvents.AsNoTracking().Where(x => x.EnrollmentId == id).ToListAsync(ct)).OrderBy(x => x.At)
            .Select(x => new EnrollmentEventDto(InputValues.Code(x.Kind), Month(x.EffectiveMonth), x.Reason, x.Reason is null ? null : TerminationReasons.Name(x.Reason),
                x.OldAmount, x.NewAmount, x.CoveredPersons, x.At, x.Actor, x.Note)).ToList();
        return (ToItem(e, person.Name, person.IdNumberMasked), events);
    }

    private static EnrollmentListItem ToItem(Enrollment e, string name, string masked) => new(e.Id, e.Program,
        AssistancePrograms.NameOf(e.Program), e.RegionCode, e.HouseholdId, name, masked, e.CoveredPersons, e.MonthlyAmount,
        Month(e.StartMonth), e.EndMonth is { } end ? Month(end) : null, InputValues.Code(e.Status), e.StatusReason);

    private static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

public static class EnrollmentEndpoints
{
    public static RouteGroupBuilder MapEnrollments(this RouteGroupBuilder api)
    {
        var enrollments = api.MapGroup("/enrollments").WithTags("Enrollments");
        enrollments.MapGet("/", List).WithName("Enrollments_List").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("在保对象：program、region、status=active|suspended|terminated");
        enrollments.MapGet("/{id:guid}", Get).WithName("Enrollments_Get").RequireAuthorization(Policies.BusinessRead).WithSummary("在保记录及变动历史");
        enrollments.MapPost("/{id:guid}/{action}", Act).WithName("Enrollments_Act").RequireAuthorization(AssistancePolicies.DecideCases)
            .WithSummary("调整（adjust）、暂停（suspend）、恢复（resume）、停保（terminate，须原因）、渐退（gradual-exit）");
        return api;
    }

    public static async Task<Results<Ok<List<EnrollmentListItem>>, ValidationProblem>> List(string? program, string? region, string? status, int? take,
        EnrollmentService enrollments, CancellationToken ct) =>
        await enrollments.ListAsync(program, region, status, take ?? 200, ct) is { } rows
            ? TypedResults.Ok(rows)
            : ApiProblems.Validation("query", "region 应为区划代码或其前缀，status 应为 active、suspended 或 terminated");

    public static async Task<Results<Ok<EnrollmentDetail>, ProblemHttpResult>> Get(Guid id, EnrollmentService enrollments, CancellationToken ct) =>
        await enrollments.GetAsync(id, ct) is { } found
            ? TypedResults.Ok(new EnrollmentDetail(found.Enrollment, found.Events))
            : ApiProblems.NotFound("在保记录不存在或不在您的管辖范围内");

    public static async Task<Results<Ok<EnrollmentDetail>, ProblemHttpResult, ValidationProblem>> Act(Guid id, string action, EnrollmentActionRequest request,
        System.Security.Claims.ClaimsPrincipal user, EnrollmentService enrollments, CancellationToken ct)
    {
        var (outcome, message) = await enrollments.ActAsync(id, action, request, user.Identity?.Name ?? "", ct);
        return outcome switch
        {
            Outcome.Done when await enrollments.GetAsync(id, ct) is { } found => TypedResults.Ok(new EnrollmentDetail(found.Enrollment, found.Events)),
            Outcome.Conflict => ApiProblems.Conflict(message!),
            Outcome.Invalid => ApiProblems.Validation("monthlyAmount", message!),
            _ => ApiProblems.NotFound(message ?? "在保记录不存在或不在您的管辖范围内"),
        };
    }
}

public sealed record EnrollmentDetail(EnrollmentListItem Enrollment, List<EnrollmentEventDto> Events);
