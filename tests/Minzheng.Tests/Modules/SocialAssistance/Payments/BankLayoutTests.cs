using Microsoft.Extensions.Configuration;
using Minzheng.Modules.SocialAssistance.Payments;

namespace Minzheng.Tests.Modules.SocialAssistance.Payments;

public sealed class BankLayoutTests
{
    private static BankFileService With(Dictionary<string, string?> settings) =>
        new(null!, null!, null!, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    [Fact]
    public void Layout_FromConfiguration_AddsABanksFormat_AndBuiltInsRemain()
    {
        var files = With(new()
        {
            ["Payments:BankLayouts:ccb:Encoding"] = "gbk",
            ["Payments:BankLayouts:ccb:ControlTotal"] = "true",
            ["Payments:BankLayouts:ccb:Fields:0"] = "ref",
            ["Payments:BankLayouts:ccb:Fields:1"] = "account",
            ["Payments:BankLayouts:ccb:Fields:2"] = "amountFen",
        });
        var ccb = files.Layout("ccb");
        Assert.NotNull(ccb);
        Assert.Equal(("csv", "gbk", true), (ccb.Format, ccb.Encoding, ccb.ControlTotal));
        Assert.Equal(["ref", "account", "amountFen"], ccb.Fields);
        Assert.Equal("fixed", files.Layout("fixed")?.Format);
        Assert.Null(files.Layout("unknown"));
    }
}
