using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Web;

namespace Minzheng.Tests.Modules.Funeral;

public sealed class FeeWaiverRulesTests
{
    private static readonly FeeWaiverOptions Defaults = new();

    [Fact]
    public void Compute_AllFourItems_StorageCappedAtThreeFreeDays()
    {
        var lines = FeeWaiverRules.Compute([FeeWaiverRules.AshesStorage, FeeWaiverRules.Storage, FeeWaiverRules.Transport, FeeWaiverRules.CremationItem], 5, Defaults);

        Assert.Equal([FeeWaiverRules.Transport, FeeWaiverRules.Storage, FeeWaiverRules.CremationItem, FeeWaiverRules.AshesStorage], lines.Select(l => l.Item));
        Assert.Equal(3, lines.Single(l => l.Item == FeeWaiverRules.Storage).Quantity);
        Assert.Equal(400m + 300m + 600m + 280m, lines.Sum(l => l.Amount));
    }

    [Theory]
    [InlineData("dibao", false, true)]
    [InlineData("destitute", false, true)]
    [InlineData("entitled-group", false, true)]
    [InlineData("resident", false, false)]
    [InlineData("resident", true, true)]
    public void Qualifies_FollowsTheStatus_OrLocalPolicyForAllResidents(string status, bool allResidents, bool expected) =>
        Assert.Equal(expected, FeeWaiverRules.Qualifies(status, new FeeWaiverOptions { AllResidents = allResidents }));

    [Theory]
    [InlineData(null, "rural-dibao", "dibao")]
    [InlineData("resident", "destitute-dispersed,urban-dibao", "destitute")]
    [InlineData("entitled-group", "urban-dibao", "entitled-group")]
    [InlineData(null, "temporary", "resident")]
    [InlineData(null, "", "resident")]
    public void Effective_PrefersADeclaredQualifyingStatus_ThenTheEnrolments(string? declared, string programs, string expected) =>
        Assert.Equal(expected, FeeWaiverRules.Effective(declared, FeeWaiverRules.StatusFromPrograms(programs.Split(',', StringSplitOptions.RemoveEmptyEntries))));

    [Fact]
    public void Options_RefuseNegativeOrSubFenAmounts()
    {
        Assert.True(Defaults.IsValid);
        Assert.False(new FeeWaiverOptions { Transport = -1m }.IsValid);
        Assert.False(new FeeWaiverOptions { Cremation = 600.001m }.IsValid);
    }

    [Fact]
    public void PageMessages_DropTheJsonFieldNames_KeepingTheChineseLabels() =>
        Assert.Equal(["火化日期不能早于死亡日期", "请填写死亡日期（格式 YYYY-MM-DD）", "“棺木”不是基本殡葬服务", "第二方的出生日期不能晚于今天"],
            PageMessages.For(["火化日期（cremationDate）不能早于死亡日期（deathDate）", "请填写死亡日期（deathDate，格式 YYYY-MM-DD）", "“棺木”不是基本殡葬服务",
                "第二方的出生日期（parties[1].birthDate）不能晚于今天"]));
}
