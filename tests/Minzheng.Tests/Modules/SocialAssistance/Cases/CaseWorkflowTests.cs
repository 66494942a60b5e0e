using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;

namespace Minzheng.Tests.Modules.SocialAssistance.Cases;

/// <summary>The statutory order and who may take each step, on the aggregate itself; deadlines on the 2026 calendar.</summary>
public sealed class CaseWorkflowTests
{
    private static readonly WorkingCalendar Calendar2026 = new(
        BuiltInHolidays.All.SelectMany(n => n.Holidays).ToHashSet(),
        BuiltInHolidays.All.SelectMany(n => n.Workdays).ToHashSet(),
        BuiltInHolidays.All.Select(n => n.Year).ToHashSet());

    private static readonly CaseActor Village = new("village", new HashSet<string> { Roles.Village });
    private static readonly CaseActor Township = new("township", new HashSet<string> { Roles.Township });
    private static readonly CaseActor County = new("county", new HashSet<string> { Roles.County });
    private static readonly DateOnly Day = new(2026, 9, 21);
    private static readonly CaseRules Dibao = CaseRules.For("urban-dibao");

    private static AssistanceCase Applied(bool signed = true, bool relative = false) =>
        new() { Program = "urban-dibao", AppliedOn = Day, AuthorisationSigned = signed, RelativeOfStaff = relative };

    private static AssistanceCase InPublicity(bool relative = false)
    {
        var c = Applied(relative: relative);
        c.Accept(Township, Day);
        c.Investigate(Township, Day, Day, ["张三", "李四"], "家中无劳动力");
        c.RecordCheck(Township, true, null);
        c.TownshipReview(Township, Dibao, Day, true, "符合条件");
        c.StartPublicity(Township, Dibao, Calendar2026, Day, Day);
        return c;
    }

    private static AssistanceCase AwaitingDecision(bool relative = false)
    {
        var c = InPublicity(relative);
        c.EndPublicity(Township, c.PublicityUntil!.Value.AddDays(1));
        return c;
    }

    [Fact]
    public void VillageAssistant_CannotAcceptOrApprove()
    {
        var error = Assert.Throws<DomainRuleException>(() => Applied().Accept(Village, Day));
        Assert.Contains("乡镇", error.Message);
        Assert.Throws<DomainRuleException>(() => AwaitingDecision().Decide(Village, Day, true, null));
        Assert.Throws<DomainRuleException>(() => AwaitingDecision().Decide(Township, Day, true, null));
    }

    [Fact]
    public void Accept_NeedsTheSignedCheckAuthorisation()
    {
        Assert.Contains("授权书", Assert.Throws<DomainRuleException>(() => Applied(signed: false).Accept(Township, Day)).Message);
    }

    [Fact]
    public void Investigation_NeedsTwoInvestigators()
    {
        var c = Applied();
        c.Accept(Township, Day);
        Assert.Throws<DomainRuleException>(() => c.Investigate(Township, Day, Day, ["张三", " 张三 "], "情况"));
        Assert.Equal(CaseStatus.Accepted, c.Status);
        c.Investigate(Township, Day, Day, ["张三", "李四"], "情况");
        Assert.Equal(CaseStatus.Investigated, c.Status);
    }

    [Fact]
    public void TownshipReview_NeedsTheCheckResult()
    {
        var c = Applied();
        c.Accept(Township, Day);
        c.Investigate(Township, Day, Day, ["张三", "李四"], "情况");
        Assert.Contains("核对结果", Assert.Throws<DomainRuleException>(() => c.TownshipReview(Township, Dibao, Day, true, "同意")).Message);
    }

    [Fact]
    public void Approval_BeforePublicityEnds_IsRefused()
    {
        var c = InPublicity();
        Assert.Throws<DomainRuleException>(() => c.Decide(County, Day, true, null));
        Assert.Contains("期满后", Assert.Throws<DomainRuleException>(() => c.EndPublicity(Township, c.PublicityUntil!.Value)).Message);
        c.EndPublicity(Township, c.PublicityUntil!.Value.AddDays(1));
        c.Decide(County, Day, true, null);
        Assert.Equal(CaseStatus.Approved, c.Status);
    }

    [Fact]
    public void OpenObjection_BlocksTheEnd_UpheldObjectionSendsBackToInvestigation()
    {
        var c = InPublicity();
        c.RecordObjection(Village, "村民反映其有经营收入");
        Assert.Contains("异议", Assert.Throws<DomainRuleException>(() => c.EndPublicity(Township, c.PublicityUntil!.Value.AddDays(1))).Message);
        c.ResolveObjection(Township, upheld: true, "核实有经营性收入");
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Null(c.CheckPassed);
        Assert.Null(c.PublicityUntil);
    }

    [Fact]
    public void RelativeOfStaff_NeedsTheSeparateReviewBeforeTheDecision()
    {
        var c = AwaitingDecision(relative: true);
        Assert.Contains("近亲属", Assert.Throws<DomainRuleException>(() => c.Decide(County, Day, true, null)).Message);
        Assert.Throws<DomainRuleException>(() => c.RecordRelativeReview(Township, "乡镇不能代替县级审核"));
        c.RecordRelativeReview(County, "县级入户核查属实");
        c.Decide(County, Day, true, null);
        Assert.Equal(CaseStatus.Approved, c.Status);
    }

    [Fact]
    public void Refusal_NeedsWrittenReasons_FailedCheckCannotBeApproved()
    {
        var c = Applied();
        c.Accept(Township, Day);
        c.Investigate(Township, Day, Day, ["张三", "李四"], "情况");
        c.RecordCheck(Township, false, "名下有车辆");
        c.TownshipReview(Township, Dibao, Day, false, "核对未通过");
        Assert.Equal(CaseStatus.AwaitingDecision, c.Status);
        Assert.Throws<DomainRuleException>(() => c.Decide(County, Day, true, null));
        Assert.Throws<DomainRuleException>(() => c.Decide(County, Day, false, " "));
        c.Decide(County, Day, false, "家庭财产超过规定");
        Assert.Equal(CaseStatus.Refused, c.Status);
        Assert.Throws<DomainRuleException>(() => c.Withdraw(Township, "办结后不能撤回"));
    }

    [Fact]
    public void Children_HaveNoPublicity()
    {
        var c = new AssistanceCase { Program = "orphan", AppliedOn = Day, AuthorisationSigned = true };
        var rules = CaseRules.For("orphan");
        c.Accept(Township, Day);
        c.Investigate(Township, Day, Day, ["张三", "李四"], "父母双亡");
        c.RecordCheck(Township, true, null);
        c.TownshipReview(Township, rules, Day, true, "符合孤儿认定条件");
        Assert.Equal(CaseStatus.AwaitingDecision, c.Status);
    }

    [Theory]
    // Applied Wed 2026-09-30: Oct 1–7 are holidays, Sat Oct 10 is a 调休 workday → 3 wd = Oct 10.
    [InlineData("2026-09-30", CaseStatus.Applied, "2026-10-10")]
    // Publicity posted Mon 2026-09-28: 7 days end Mon Oct 5, a holiday → moves to the next working day, Oct 8.
    [InlineData("2026-09-28", CaseStatus.InPublicity, "2026-10-08")]
    // The county's 10 wd from Tue 2026-09-29: Sep 30, Oct 8, 9, 10 (调休), 12–16, 19 → Oct 19.
    [InlineData("2026-09-29", CaseStatus.AwaitingDecision, "2026-10-19")]
    public void Deadlines_CountWorkingDaysAcrossHolidaysAndSwaps(string start, CaseStatus status, string expected)
    {
        var day = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var c = new AssistanceCase { Program = "urban-dibao", AppliedOn = day, Status = status, AcceptedOn = day, SubmittedOn = day };
        if (status == CaseStatus.InPublicity)
        {
            c.Status = CaseStatus.TownshipReviewed;
            c.StartPublicity(Township, Dibao, Calendar2026, day, day);
        }

        CaseService.SetDeadlines(c, Dibao, Calendar2026);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), c.DueOn);
    }
}
