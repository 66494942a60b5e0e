using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>Applications and their statutory steps: each action loads the case, runs the aggregate's transition, sets the next deadline and appends the event.</summary>
public sealed class CaseService(MinzhengDbContext db, CalendarService calendars, CaseDecision decisions, ReserveFundService reserve, TimeProvider clock,
    Verification.ApplicationScreening screening, DocumentService documents, CaseChecks checks, PublicityPostings postings)
{
    public async Task<(Outcome Outcome, Guid? Id, string? Message, FieldErrors Errors)> CreateAsync(CaseActor actor, CreateCaseRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var today = clock.Today();
        var program = AssistancePrograms.ByCode(request.Program);
        if (program is null)
        {
            errors.Add("program", $"program 应为 {string.Join("、", AssistancePrograms.All.Select(p => p.Code))} 之一");
        }

        var applied = today;
        if (!string.IsNullOrWhiteSpace(request.AppliedOn) &&
            (!Minzheng.Platform.Web.InputValues.TryParseDate(request.AppliedOn, out applied) || applied > today))
        {
            errors.Add("appliedOn", "申请日期应为不晚于今天的日期 YYYY-MM-DD");
        }

        if (request.EmergencyAmount is not null && (program?.Code != "temporary" || !InputValues.IsMoney(request.EmergencyAmount) || request.EmergencyAmount <= 0))
        {
            errors.Add("emergencyAmount", "先行救助只适用于临时救助，金额应为大于0、最多两位小数的金额");
        }

        var temporaryCategory = request.TemporaryCategory ?? (request.EmergencyAmount is null ? "expenditure" : "emergency");
        var aidPlace = request.AidPlace ?? "hukou";
        if (program?.Code == "temporary" && (!TemporaryAid.Categories.ContainsKey(temporaryCategory) || !TemporaryAid.Places.ContainsKey(aidPlace)))
        {
            errors.Add("temporaryCategory", "临时救助类型应为 expenditure（支出型）或 emergency（急难型），救助地应为 hukou（户籍地）或 incident（急难发生地）");
        }
        else if (program?.Code != "temporary" && (request.TemporaryCategory is not null || request.AidPlace is not null || request.IndividualAid == true))
        {
            errors.Add("temporaryCategory", "救助类型、个人救助和救助地只适用于临时救助");
        }

        if (request.HouseholdId is null)
        {
            errors.Add("householdId", "请选择申请家庭");
        }

        if (errors.Any)
        {
            return (Outcome.Invalid, null, null, errors);
        }

        var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == request.HouseholdId, ct);
        if (household is null)
        {
            return (Outcome.NotFound, null, "家庭不存在或不在您的管辖范围内", errors);
        }

        var applicantId = request.PersonId ?? household.HeadPersonId;
        var applicant = await db.HouseholdMembers.AsNoTracking().Where(m => m.HouseholdId == household.Id && m.PersonId == applicantId && m.ValidTo == null)
            .Select(m => m.Person).SingleOrDefaultAsync(ct);
        if (applicant is null)
        {
            errors.Add("personId", "申请人应为该家庭的现有成员");
            return (Outcome.Invalid, null, null, errors);
        }

        if (applicant.DeathDate is not null)
        {
            return (Outcome.Conflict, null, $"{applicant.Name} 已登记死亡，不能提出申请", errors);
        }

        if (await db.Cases.AnyAsync(c => c.HouseholdId == household.Id && c.Program == program!.Code && c.ApplicantPersonId == applicantId
                && c.Status != CaseStatus.Approved && c.Status != CaseStatus.Refused && c.Status != CaseStatus.Withdrawn, ct))
        {
            return (Outcome.Conflict, null, $"该家庭已有一件在办的“{program!.Name}”申请，不能重复申请", errors);
        }

        if (await checks.ConflictsAsync(household.Id, applicantId, program!.Code, ct) is { Count: > 0 } conflicts)
        {
            return (Outcome.Conflict, null, $"{applicant.Name}：{string.Join("；", conflicts)}", errors);
        }

        var calendar = await calendars.GetAsync(ct);
        var rules = CaseRules.For(program!.Code);
        var @case = new AssistanceCase
        {
            RegionCode = household.RegionCode,
            Program = program.Code,
            HouseholdId = household.Id,
            ApplicantPersonId = applicantId,
            AppliedOn = applied,
            AuthorisationSigned = request.AuthorisationSigned == true,
            RelativeOfStaff = request.RelativeOfStaff == true,
            TemporaryCategory = program.Code == "temporary" ? temporaryCategory : null,
            IndividualAid = program.Code == "temporary" && request.IndividualAid == true,
            AidPlace = program.Code == "temporary" ? aidPlace : null,
            DueOn = calendar.AddWorkingDays(applied, rules.AcceptDays),
        };
        db.Cases.Add(@case);
        await screening.ScreenAsync(@case, ct);
        var channel = actor.IsTownship || actor.IsCounty ? "乡镇（街道）受理窗口登记" : "村（社区）协理员代为录入";
        Append(@case, actor, new Transition("申请", CaseStatus.Applied, CaseStatus.Applied, $"{channel}{(request.Note is { Length: > 0 } n ? "：" + n.Trim() : "")}"));
        if (request.EmergencyAmount is { } emergency)
        {
            if (!actor.IsTownship)
            {
                return (Outcome.Conflict, null, "先行救助由乡镇（街道）从备用金中支付，须由乡镇人员办理", errors);
            }

            if (await reserve.SpendAsync(household.RegionCode, today, emergency, @case.Id, ct) is { } refused)
            {
                return (Outcome.Conflict, null, refused, errors);
            }

            @case.EmergencyAmount = emergency;
            Append(@case, actor, new Transition("先行救助", CaseStatus.Applied, CaseStatus.Applied, $"从乡镇备用金支付 {emergency:0.00} 元，后补手续"));
        }

        await db.SaveChangesAsync(ct);
        return (Outcome.Done, @case.Id, null, errors);
    }

    public async Task<(Outcome Outcome, string? Message)> ActAsync(Guid id, string action, CaseActor actor, CaseActionRequest request, CancellationToken ct)
    {
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return (Outcome.NotFound, "案件不存在或不在您的管辖范围内");
        }

        var today = clock.Today();
        var rules = CaseRules.For(@case.Program);
        var calendar = await calendars.GetAsync(ct);
        // Separation of duties (民发〔2021〕57号 审核审批分离): whoever recorded the home visit does not review the case.
        if (action == "township-review" && await db.CaseEvents.AnyAsync(e => e.CaseId == id && e.Action == CaseText.Investigation && e.Actor == actor.UserName, ct))
        {
            return (Outcome.Conflict, "入户调查的经办人不能再对同一案件提出乡镇审核意见，请由另一名乡镇审核人员办理（审核与调查分离）");
        }

        try
        {
            var transition = action switch
            {
                "accept" => @case.Accept(actor, today),
                "record-authorisation" => @case.RecordAuthorisation(actor, request.Note),
                "investigate" => @case.Investigate(actor, today, Date(request.Date), request.Investigators ?? [], request.Findings),
                "check" => @case.RecordCheck(actor, request.Passed, request.Note),
                "democratic-review" => @case.RecordDemocraticReview(actor, rules, request.Note),
                "township-review" => @case.TownshipReview(actor, rules, today, request.Approve, request.Note),
                "start-publicity" => @case.StartPublicity(actor, rules, calendar, today, string.IsNullOrWhiteSpace(request.Date) ? today : Date(request.Date)),
                "object" => @case.RecordObjection(actor, request.Note),
                "resolve-objection" => @case.ResolveObjection(actor, request.Upheld, request.Note),
                "end-publicity" => @case.EndPublicity(actor, today),
                "relative-review" => @case.RecordRelativeReview(actor, request.Note),
                "decide" => await decisions.DecideAsync(@case, actor, today, request, ct),
                "withdraw" => @case.Withdraw(actor, request.Reason ?? request.Note),
                // Unknown steps are refused by the procedure itself, naming the known ones.
                _ => throw CaseProcedure.Unknown(action),
            };
            SetDeadlines(@case, rules, calendar);
            Append(@case, actor, transition);
            if (action == "start-publicity")
            {
                await postings.AddStatutoryAsync(@case, ct); // 三榜公示: the statutory 公示 is the township's round
            }

            await db.SaveChangesAsync(ct);
            if (@case.Status is CaseStatus.Approved or CaseStatus.Refused && transition.From != @case.Status)
            {
                // The decision gets its number in the county's series when it is made, not when someone first prints it.
                await documents.IssueAsync(CaseDocuments.DecisionKind, @case.RegionCode, CaseDocuments.OwnerType, @case.Id, ct, @case.DecidedOn);
            }

            return (Outcome.Done, null);
        }
        catch (DomainRuleException ex)
        {
            return (ex.Outcome, ex.Message);
        }
    }

    /// <summary>
    /// 批量审批: approves each listed case that passed every check (economic check passed, township agreed, relatives
    /// reviewed); the others are reported, not touched. Each case is decided and saved on its own.
    /// </summary>
    public async Task<List<BatchResult>> BatchApproveAsync(IReadOnlyList<Guid> ids, CaseActor actor, CancellationToken ct)
    {
        var results = new List<BatchResult>();
        foreach (var id in ids.Distinct().Take(500))
        {
            var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            string? problem = c switch
            {
                null => "案件不存在或不在您的管辖范围内",
                { Status: not CaseStatus.AwaitingDecision } => "不是待县级审批状态",
                { CheckPassed: not true } or { TownshipApproves: not true } => "核对未通过或乡镇未同意，须逐件审批",
                { RelativeOfStaff: true, RelativeReview: null } => "近亲属备案，须先单独审核",
                _ => null,
            };
            if (problem is null)
            {
                (_, problem) = await ActAsync(id, "decide", actor, new CaseActionRequest(null, null, null, null, true, null, "批量审批", null, null, null), ct);
            }

            db.ChangeTracker.Clear();
            results.Add(new BatchResult(id, problem is null, problem));
        }

        return results;
    }

    /// <summary>The deadline of the step the case is now in, and the overall limit from acceptance.</summary>
    public static void SetDeadlines(AssistanceCase c, CaseRules rules, WorkingCalendar calendar)
    {
        c.FinalDueOn = c.AcceptedOn is { } accepted ? calendar.AddWorkingDays(accepted, rules.TotalDays) : null;
        c.DueOn = c.Status switch
        {
            CaseStatus.Applied => calendar.AddWorkingDays(c.AppliedOn, rules.AcceptDays),
            CaseStatus.Accepted or CaseStatus.Investigated or CaseStatus.TownshipReviewed => calendar.AddWorkingDays(c.AcceptedOn!.Value, rules.TownshipDays),
            CaseStatus.InPublicity => c.PublicityUntil,
            CaseStatus.AwaitingDecision => calendar.AddWorkingDays(c.SubmittedOn!.Value, rules.DecisionDays),
            _ => null,
        };
    }

    /// <summary>The day the current step's period started, as <see cref="SetDeadlines"/> counts it: "due soon" is a share of it.</summary>
    public static DateOnly? StepStartedOn(AssistanceCase c) => c.Status switch
    {
        CaseStatus.Applied => c.AppliedOn,
        CaseStatus.Accepted or CaseStatus.Investigated or CaseStatus.TownshipReviewed => c.AcceptedOn,
        CaseStatus.InPublicity => c.PublicityFrom,
        CaseStatus.AwaitingDecision => c.SubmittedOn,
        _ => null,
    };

    private void Append(AssistanceCase c, CaseActor actor, Transition t) => db.CaseEvents.Add(new CaseEvent
    {
        CaseId = c.Id,
        RegionCode = c.RegionCode,
        At = clock.GetUtcNow(),
        Actor = actor.UserName,
        Action = t.Action,
        From = t.From,
        To = t.To,
        Note = t.Note,
    });

    private static DateOnly? Date(string? value) =>
        Minzheng.Platform.Web.InputValues.TryParseDate(value, out var d) ? d : null;
}
