using Microsoft.Extensions.Configuration;
using Minzheng.Modules.SocialOrganizations.Applications;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;

namespace Minzheng.Tests.Modules.SocialOrganizations;

/// <summary>The 登记申请 procedure as declared: which steps each state allows, who may take them, and the configured decision period.</summary>
public sealed class SocialOrgApplicationProcedureTests
{
    private static readonly string[] Registrar = [Roles.SocialOrgRegistrar];

    [Theory]
    [InlineData(ApplicationStatus.Received, "accept,not-accept,request-correction,withdraw")]
    [InlineData(ApplicationStatus.Accepted, "request-correction,extend,approve,refuse,withdraw")]
    [InlineData(ApplicationStatus.Correcting, "not-accept,receive-correction,withdraw")]
    [InlineData(ApplicationStatus.NotAccepted, "")]
    [InlineData(ApplicationStatus.Approved, "")]
    [InlineData(ApplicationStatus.Refused, "")]
    [InlineData(ApplicationStatus.Withdrawn, "")]
    public void AvailableActions_FollowTheState(ApplicationStatus state, string expected) =>
        Assert.Equal(expected, string.Join(",", ApplicationProcedure.Steps.AvailableActions(state, Registrar).Select(s => s.Action)));

    [Theory]
    [InlineData(Roles.County)]
    [InlineData(Roles.Leader)]
    [InlineData(Roles.MarriageRegistrar)]
    public void OtherRoles_MayTakeNoStep(string role)
    {
        Assert.Empty(ApplicationProcedure.Steps.AvailableActions(ApplicationStatus.Received, [role]));
        var refused = Assert.Throws<DomainRuleException>(() => ApplicationProcedure.Steps.Ensure(ApplicationProcedure.Accept, ApplicationStatus.Received, [role]));
        Assert.Contains("社会组织登记管理员", refused.Message);
    }

    [Fact]
    public void DecidedApplications_CannotBeDecidedAgainOrWithdrawn_AndUnknownStepsAreInvalid()
    {
        Assert.Contains("已作出决定", Assert.Throws<DomainRuleException>(() =>
            ApplicationProcedure.Steps.Ensure(ApplicationProcedure.Withdraw, ApplicationStatus.Approved, Registrar)).Message);
        Assert.Equal(Outcome.Conflict, Assert.Throws<DomainRuleException>(() =>
            ApplicationProcedure.Steps.Ensure(ApplicationProcedure.Approve, ApplicationStatus.Refused, Registrar)).Outcome);
        Assert.Equal(Outcome.Invalid, Assert.Throws<DomainRuleException>(() =>
            ApplicationProcedure.Steps.Ensure("merge", ApplicationStatus.Accepted, Registrar)).Outcome);
        Assert.All(ApplicationProcedure.Steps.Steps.Where(s => s.Action is ApplicationProcedure.NotAccept or ApplicationProcedure.Refuse or ApplicationProcedure.Extend),
            s => Assert.True(s.NeedsReason));
        // While the applicant prepares the 补正 the clock is stopped: nothing can be decided or extended until the materials are in.
        Assert.Equal(Outcome.Conflict, Assert.Throws<DomainRuleException>(() =>
            ApplicationProcedure.Steps.Ensure(ApplicationProcedure.Approve, ApplicationStatus.Correcting, Registrar)).Outcome);
        Assert.Contains("停止计算", Assert.Throws<DomainRuleException>(() =>
            ApplicationProcedure.Steps.Ensure(ApplicationProcedure.Extend, ApplicationStatus.Correcting, Registrar)).Message);
    }

    [Fact]
    public void DecisionPeriod_DefaultsToTwentyWorkingDays_AndIsConfigurablePerKind()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SocialOrganizations:DecisionWorkingDays:Deregister"] = "10",
            ["SocialOrganizations:DecisionWorkingDays:Change"] = "0",
        }).Build();
        Assert.Equal(20, ApplicationProcedure.DecisionWorkingDays(configuration, ApplicationKind.Establish));
        Assert.Equal(10, ApplicationProcedure.DecisionWorkingDays(configuration, ApplicationKind.Deregister));
        Assert.Equal(1, ApplicationProcedure.DecisionWorkingDays(configuration, ApplicationKind.Change));
        var calendar = new WorkingCalendar(BuiltInHolidays.All.SelectMany(n => n.Holidays).ToHashSet(), BuiltInHolidays.All.SelectMany(n => n.Workdays).ToHashSet(),
            BuiltInHolidays.All.Select(n => n.Year).ToHashSet());
        // Spring Festival 2026: accepted Fri 13 Feb, 20 working days skip 15–23 Feb and count the make-up Saturdays 14 and 28 Feb.
        Assert.Equal(new DateOnly(2026, 3, 19), calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 20));
    }
}
