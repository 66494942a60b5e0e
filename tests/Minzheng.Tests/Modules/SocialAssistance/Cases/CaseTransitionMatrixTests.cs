using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;

namespace Minzheng.Tests.Modules.SocialAssistance.Cases;

/// <summary>
/// docs/permissions.md for every step of the application procedure: each role against each transition, from the state in
/// which that step is legal, so a refusal can only come from the role check (security issue: a village assistant could
/// withdraw a case awaiting the county's decision).
/// </summary>
public sealed class CaseTransitionMatrixTests
{
    private static readonly DateOnly Day = new(2026, 9, 21);
    private static readonly CaseRules Dibao = CaseRules.For("urban-dibao");
    private static readonly WorkingCalendar Calendar = new(
        BuiltInHolidays.All.SelectMany(n => n.Holidays).ToHashSet(),
        BuiltInHolidays.All.SelectMany(n => n.Workdays).ToHashSet(),
        BuiltInHolidays.All.Select(n => n.Year).ToHashSet());
    private static readonly CaseActor Township = Actor(Roles.Township);

    private static readonly string[] CaseRoles = [Roles.Village, Roles.Township, Roles.TownshipReviewer, Roles.County, Roles.CountyApprover];
    private static readonly string[] TownshipStaff = [Roles.Township, Roles.TownshipReviewer];
    private static readonly string[] CountyStaff = [Roles.County, Roles.CountyApprover];

    /// <summary>Each step: the case in the state where it is legal, the step itself, and who may take it.</summary>
    private static readonly Dictionary<string, (Func<AssistanceCase> Before, Func<AssistanceCase, CaseActor, Transition> Step, string[] Allowed)> Steps = new()
    {
        ["record-authorisation"] = (() => Unsigned(Applied()), (c, a) => c.RecordAuthorisation(a, null), CaseRoles),
        ["accept"] = (Applied, (c, a) => c.Accept(a, Day), TownshipStaff),
        ["investigate"] = (Accepted, (c, a) => c.Investigate(a, Day, Day, ["张三", "李四"], "家中无劳动力"), TownshipStaff),
        ["check"] = (Investigated, (c, a) => c.RecordCheck(a, true, null), TownshipStaff),
        ["democratic-review"] = (Investigated, (c, a) => c.RecordDemocraticReview(a, Dibao, "评议通过"), TownshipStaff),
        ["township-review"] = (Checked, (c, a) => c.TownshipReview(a, Dibao, Day, true, "符合条件"), TownshipStaff),
        ["start-publicity"] = (Reviewed, (c, a) => c.StartPublicity(a, Dibao, Calendar, Day, Day), TownshipStaff),
        ["object"] = (InPublicity, (c, a) => c.RecordObjection(a, "邻居反映有车辆"), CaseRoles),
        ["resolve-objection"] = (Objected, (c, a) => c.ResolveObjection(a, false, "核实无车辆"), TownshipStaff),
        ["end-publicity"] = (InPublicity, (c, a) => c.EndPublicity(a, c.PublicityUntil!.Value.AddDays(1)), TownshipStaff),
        ["relative-review"] = (() => AwaitingDecision(relative: true), (c, a) => c.RecordRelativeReview(a, "单独审核通过"), CountyStaff),
        ["decide"] = (() => AwaitingDecision(), (c, a) => c.Decide(a, Day, true, null), CountyStaff),
        ["withdraw-applied"] = (Applied, (c, a) => c.Withdraw(a, "申请人书面撤回"), [.. TownshipStaff, .. CountyStaff]),
        ["withdraw-awaiting-decision"] = (() => AwaitingDecision(), (c, a) => c.Withdraw(a, "申请人书面撤回"), [.. TownshipStaff, .. CountyStaff]),
    };

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var step in Steps.Keys)
        {
            foreach (var role in CaseRoles)
            {
                data.Add(step, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Role_Step_IsAllowedOrRefusedAsDocumented(string step, string role)
    {
        var (before, act, allowed) = Steps[step];
        var @case = before();
        var status = @case.Status;
        // The declared procedure offers the step to exactly the roles that may take it (pages and API list these).
        var action = step.StartsWith("withdraw", StringComparison.Ordinal) ? "withdraw" : step;
        Assert.Equal(allowed.Contains(role), CaseProcedure.AvailableActions(status, [role]).Contains(action));
        if (allowed.Contains(role))
        {
            var transition = act(@case, Actor(role));
            Assert.Equal(status, transition.From);
        }
        else
        {
            var refused = Assert.Throws<DomainRuleException>(() => act(@case, Actor(role)));
            // The role check speaks, not a state or data rule: the step was legal for the right role.
            Assert.Matches("^只有|由县级民政部门进行$", refused.Message);
            Assert.Equal(status, @case.Status);
        }
    }

    [Fact]
    public void EveryProcedureStep_IsInTheMatrix()
    {
        var covered = Steps.Keys.Select(k => k.StartsWith("withdraw", StringComparison.Ordinal) ? "withdraw" : k).ToHashSet();
        Assert.Equal(CaseProcedure.Definition.Steps.Select(s => s.Action).Order(), covered.Order());
    }

    private static CaseActor Actor(string role) => new(role, new HashSet<string> { role });

    private static AssistanceCase Unsigned(AssistanceCase c)
    {
        c.AuthorisationSigned = false;
        return c;
    }

    private static AssistanceCase Applied() =>
        new() { Program = "urban-dibao", AppliedOn = Day, AuthorisationSigned = true };

    private static AssistanceCase Accepted() => Then(Applied(), c => c.Accept(Township, Day));

    private static AssistanceCase Investigated() => Then(Accepted(), c => c.Investigate(Township, Day, Day, ["张三", "李四"], "家中无劳动力"));

    private static AssistanceCase Checked() => Then(Investigated(), c => c.RecordCheck(Township, true, null));

    private static AssistanceCase Reviewed() => Then(Checked(), c => c.TownshipReview(Township, Dibao, Day, true, "符合条件"));

    private static AssistanceCase InPublicity() => Then(Reviewed(), c => c.StartPublicity(Township, Dibao, Calendar, Day, Day));

    private static AssistanceCase Objected() => Then(InPublicity(), c => c.RecordObjection(Actor(Roles.Village), "邻居反映有车辆"));

    private static AssistanceCase AwaitingDecision(bool relative = false)
    {
        var c = InPublicity();
        c.RelativeOfStaff = relative;
        c.EndPublicity(Township, c.PublicityUntil!.Value.AddDays(1));
        return c;
    }

    private static AssistanceCase Then(AssistanceCase c, Func<AssistanceCase, Transition> step)
    {
        step(c);
        return c;
    }
}
