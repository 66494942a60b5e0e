using Minzheng.Platform.Calendar;
using Minzheng.Platform.Kernel;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>Who acts on a case: the user and the roles that decide what they may do.</summary>
public sealed record CaseActor(string UserName, IReadOnlySet<string> Roles)
{
    public bool IsTownship => Roles.Contains(Minzheng.Platform.Security.Roles.Township) || Roles.Contains(Minzheng.Platform.Security.Roles.TownshipReviewer);

    public bool IsCounty => Roles.Contains(Minzheng.Platform.Security.Roles.County) || Roles.Contains(Minzheng.Platform.Security.Roles.CountyApprover);
}

/// <summary>The result of a legal transition: the event text to append (the service stamps who and when).</summary>
public sealed record Transition(string Action, CaseStatus From, CaseStatus To, string? Note);

public sealed partial class AssistanceCase
{
    /// <summary>受理: the township accepts the application; the check authorisation must be signed (民发〔2021〕57号).</summary>
    public Transition Accept(CaseActor actor, DateOnly today)
    {
        Step("accept", actor);
        Require(AuthorisationSigned, "申请人尚未签署家庭经济状况核对授权书，不能受理");
        AcceptedOn = today;
        return Move("受理", CaseStatus.Accepted, null);
    }

    /// <summary>
    /// 补录授权书: the signed 核对授权书 arrived after the application was entered; recorded on the case instead of
    /// withdrawing and entering the application again (which would lose its date and deadlines).
    /// </summary>
    public Transition RecordAuthorisation(CaseActor actor, string? note)
    {
        Step("record-authorisation", actor);
        Require(!AuthorisationSigned, "授权书已登记为签署");
        AuthorisationSigned = true;
        return Move("补录授权书", Status, string.IsNullOrWhiteSpace(note) ? "申请人已签署家庭经济状况核对授权书和承诺书" : Text(note));
    }

    /// <summary>入户调查: at least two investigators, both named; a re-investigation after an upheld objection is allowed.</summary>
    public Transition Investigate(CaseActor actor, DateOnly today, DateOnly? date, IReadOnlyList<string> investigators, string? findings)
    {
        Step("investigate", actor);
        var names = investigators.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        Require(names.Count >= 2, "入户调查应由至少两名工作人员进行，请填写两名以上调查人员");
        Require(date is { } d && d <= today && d >= AcceptedOn, $"调查日期应在受理日期 {AcceptedOn:yyyy-MM-dd} 与今天之间");
        Require(!string.IsNullOrWhiteSpace(findings), "请填写入户调查情况");
        (InvestigatedOn, Investigators, Findings) = (date, string.Join("、", names), Text(findings));
        return Move(CaseText.Investigation, CaseStatus.Investigated, $"调查人员：{Investigators}；{Findings}");
    }

    /// <summary>家庭经济状况核对 result, entered for now (the data match arrives with the verification module).</summary>
    public Transition RecordCheck(CaseActor actor, bool? passed, string? note)
    {
        Step("check", actor);
        Require(passed is not null, "请选择核对结果：通过或未通过");
        (CheckPassed, CheckNote) = (passed, Text(note));
        return Move("经济状况核对", Status, $"{(passed == true ? "核对通过" : "核对未通过")}{(CheckNote is null ? "" : "：" + CheckNote)}");
    }

    /// <summary>民主评议: optional for Dibao; a way to settle doubts or objections.</summary>
    public Transition RecordDemocraticReview(CaseActor actor, CaseRules rules, string? note)
    {
        Step("democratic-review", actor);
        Require(rules.DemocraticReviewAvailable, "该项目不适用民主评议");
        Require(!string.IsNullOrWhiteSpace(note), "请填写民主评议情况");
        DemocraticReview = Text(note);
        return Move("民主评议", Status, DemocraticReview);
    }

    /// <summary>乡镇审核意见; without 公示 (children) or with a negative opinion the file goes straight to the county.</summary>
    public Transition TownshipReview(CaseActor actor, CaseRules rules, DateOnly today, bool? approves, string? note)
    {
        Step("township-review", actor);
        Require(CheckPassed is not null, "尚未录入家庭经济状况核对结果，不能提出审核意见");
        Require(approves is not null && !string.IsNullOrWhiteSpace(note), "请选择审核意见（同意/不同意）并填写理由");
        (TownshipApproves, TownshipOpinion) = (approves, Text(note));
        var direct = !rules.HasPublicity || approves == false;
        if (direct)
        {
            SubmittedOn = today;
        }

        return Move("乡镇审核", direct ? CaseStatus.AwaitingDecision : CaseStatus.TownshipReviewed, $"{(approves == true ? "同意" : "不同意")}：{TownshipOpinion}");
    }

    /// <summary>公示 from the day the list is posted; the period starts the next day (Civil Code arts. 201/203).</summary>
    public Transition StartPublicity(CaseActor actor, CaseRules rules, WorkingCalendar calendar, DateOnly today, DateOnly? from)
    {
        Step("start-publicity", actor);
        Require(from is { } f && f >= today.AddDays(-3) && f <= today.AddDays(30), "公示张贴日期应在近3天至30天内");
        PublicityFrom = from;
        PublicityUntil = rules.PublicityInWorkingDays
            ? calendar.AddWorkingDays(from!.Value, rules.PublicityDays)
            : calendar.EndOfCalendarDayPeriod(from!.Value, rules.PublicityDays);
        return Move("公示", CaseStatus.InPublicity, $"{PublicityFrom:yyyy-MM-dd} 张贴，公示期至 {PublicityUntil:yyyy-MM-dd}");
    }

    public Transition RecordObjection(CaseActor actor, string? note)
    {
        Step("object", actor);
        Require(!string.IsNullOrWhiteSpace(note), "请填写异议内容（来源、事由）");
        OpenObjections++;
        return Move("公示异议", Status, Text(note));
    }

    /// <summary>An upheld objection sends the case back to investigation; it is publicised again afterwards.</summary>
    public Transition ResolveObjection(CaseActor actor, bool? upheld, string? note)
    {
        Step("resolve-objection", actor);
        Require(OpenObjections > 0, "没有待处理的异议");
        Require(upheld is not null && !string.IsNullOrWhiteSpace(note), "请选择异议是否成立并填写核实情况");
        if (upheld == true)
        {
            (OpenObjections, PublicityFrom, PublicityUntil, TownshipApproves, CheckPassed) = (0, null, null, null, null);
            return Move("异议成立，重新调查", CaseStatus.Accepted, Text(note));
        }

        OpenObjections--;
        return Move("异议不成立", Status, Text(note));
    }

    public Transition EndPublicity(CaseActor actor, DateOnly today)
    {
        Step("end-publicity", actor);
        Require(today > PublicityUntil, $"公示期至 {PublicityUntil:yyyy-MM-dd}，期满后方可报县级审批");
        Require(OpenObjections == 0, "尚有未处理的公示异议");
        SubmittedOn = today;
        return Move("公示期满，报县级审批", CaseStatus.AwaitingDecision, null);
    }

    /// <summary>近亲属备案: the county's separate review (a home visit is mandatory for registered relatives, 民发〔2021〕57号).</summary>
    public Transition RecordRelativeReview(CaseActor actor, string? note)
    {
        Step("relative-review", actor);
        Require(RelativeOfStaff, "该申请人未登记为工作人员或村干部近亲属");
        Require(!string.IsNullOrWhiteSpace(note), "请填写县级入户核查及单独审核意见");
        RelativeReview = Text(note);
        return Move("近亲属单独审核", Status, RelativeReview);
    }

    /// <summary>County decision. Approval figures come from the service's calculation; a refusal needs written reasons.</summary>
    public Transition Decide(CaseActor actor, DateOnly today, bool? approve, string? reason)
    {
        Step("decide", actor);
        Require(approve is not null, "请选择批准或不予批准");
        Require(!RelativeOfStaff || RelativeReview is not null, "申请人为工作人员或村干部近亲属，须先记录县级单独审核意见");
        Require(approve == false || CheckPassed == true, "家庭经济状况核对未通过，不能批准");
        Require(approve == true || !string.IsNullOrWhiteSpace(reason), "不予批准须书面说明理由");
        (DecidedOn, DecisionReason) = (today, Text(reason));
        return Move(approve == true ? "批准" : "不予批准", approve == true ? CaseStatus.Approved : CaseStatus.Refused, DecisionReason);
    }

    /// <summary>
    /// 申请人撤回: the applicant withdraws in writing at the township window (or the county while it decides); a village
    /// assistant only files applications and objections, never ends one (docs/permissions.md).
    /// </summary>
    public Transition Withdraw(CaseActor actor, string? reason)
    {
        Step("withdraw", actor);
        Require(!string.IsNullOrWhiteSpace(reason), "请填写撤回原因");
        return Move("申请人撤回", CaseStatus.Withdrawn, Text(reason));
    }

    private Transition Move(string action, CaseStatus to, string? note)
    {
        var from = Status;
        Status = to;
        return new Transition(action, from, to, note);
    }

    /// <summary>The declared step (<see cref="CaseProcedure"/>) for this actor and the case's state, or its refusal.</summary>
    private void Step(string action, CaseActor actor) => CaseProcedure.Definition.Ensure(action, Status, actor.Roles);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainRuleException(message);
        }
    }

    private static string? Text(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, TextMaxLength)];
}

public static class CaseText
{
    /// <summary>The event of the home visit: separation of duties looks for its recorder.</summary>
    public const string Investigation = "入户调查";

    public static string StatusName(CaseStatus status) => status switch
    {
        CaseStatus.Applied => "已申请",
        CaseStatus.Accepted => "已受理",
        CaseStatus.Investigated => "已调查",
        CaseStatus.TownshipReviewed => "乡镇已审核",
        CaseStatus.InPublicity => "公示中",
        CaseStatus.AwaitingDecision => "待县级审批",
        CaseStatus.Approved => "已批准",
        CaseStatus.Refused => "不予批准",
        CaseStatus.Withdrawn => "已撤回",
    };
}
