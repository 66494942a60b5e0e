using Microsoft.Extensions.Configuration;
using Minzheng.Modules.SocialOrganizations.Revocations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;

namespace Minzheng.Tests.Modules.SocialOrganizations;

/// <summary>The 撤销登记 procedure as declared: which steps each state allows, who may take them, and the configured response period.</summary>
public sealed class SocialOrgRevocationProcedureTests
{
    private static readonly string[] Registrar = [Roles.SocialOrgRegistrar];

    [Theory]
    [InlineData(RevocationStatus.Opened, "notify,dismiss")]
    [InlineData(RevocationStatus.Notified, "respond,revoke,dismiss")]
    [InlineData(RevocationStatus.Heard, "revoke,dismiss")]
    [InlineData(RevocationStatus.Revoked, "")]
    [InlineData(RevocationStatus.NotRevoked, "")]
    public void AvailableActions_FollowTheState(RevocationStatus state, string expected) =>
        Assert.Equal(expected, string.Join(",", RevocationProcedure.Steps.AvailableActions(state, Registrar).Select(s => s.Action)));

    [Theory]
    [InlineData(Roles.County)]
    [InlineData(Roles.Leader)]
    [InlineData(Roles.MarriageHead)]
    public void OtherRoles_MayTakeNoStep(string role)
    {
        Assert.Empty(RevocationProcedure.Steps.AvailableActions(RevocationStatus.Notified, [role]));
        var refused = Assert.Throws<DomainRuleException>(() => RevocationProcedure.Steps.Ensure(RevocationProcedure.Revoke, RevocationStatus.Heard, [role]));
        Assert.Contains("社会组织登记管理员", refused.Message);
    }

    [Fact]
    public void NoRevocationWithoutNotice_NoStepAfterTheDecision_AndUnknownStepsAreInvalid()
    {
        Assert.Contains("未经告知", Assert.Throws<DomainRuleException>(() =>
            RevocationProcedure.Steps.Ensure(RevocationProcedure.Revoke, RevocationStatus.Opened, Registrar)).Message);
        Assert.Equal(Outcome.Conflict, Assert.Throws<DomainRuleException>(() =>
            RevocationProcedure.Steps.Ensure(RevocationProcedure.Dismiss, RevocationStatus.Revoked, Registrar)).Outcome);
        Assert.Equal(Outcome.Conflict, Assert.Throws<DomainRuleException>(() =>
            RevocationProcedure.Steps.Ensure(RevocationProcedure.Respond, RevocationStatus.Heard, Registrar)).Outcome);
        Assert.Equal(Outcome.Invalid, Assert.Throws<DomainRuleException>(() =>
            RevocationProcedure.Steps.Ensure("appeal", RevocationStatus.Notified, Registrar)).Outcome);
        Assert.True(RevocationProcedure.Steps.Steps.Single(s => s.Action == RevocationProcedure.Dismiss).NeedsReason);
    }

    [Fact]
    public void ResponsePeriod_DefaultsToFiveWorkingDays_IsClamped_AndSkipsNationalDay()
    {
        var empty = new ConfigurationBuilder().Build();
        Assert.Equal(5, RevocationProcedure.ResponseWorkingDays(empty));
        Assert.Equal(30, RevocationProcedure.ResponseWorkingDays(Config("90")));
        Assert.Equal(1, RevocationProcedure.ResponseWorkingDays(Config("0")));
        Assert.Equal(10, RevocationProcedure.ResponseWorkingDays(Config("10")));
        var calendar = new WorkingCalendar(BuiltInHolidays.All.SelectMany(n => n.Holidays).ToHashSet(), BuiltInHolidays.All.SelectMany(n => n.Workdays).ToHashSet(),
            BuiltInHolidays.All.Select(n => n.Year).ToHashSet());
        // Told Mon 29 Sep 2025: 30 Sep, then 1–8 Oct are holidays; 9, 10, Sat 11 (make-up workday) and 13 Oct complete the five.
        Assert.Equal(new DateOnly(2025, 10, 13), calendar.AddWorkingDays(new DateOnly(2025, 9, 29), 5));

        static IConfiguration Config(string days) => new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SocialOrganizations:RevocationResponseWorkingDays"] = days }).Build();
    }
}
