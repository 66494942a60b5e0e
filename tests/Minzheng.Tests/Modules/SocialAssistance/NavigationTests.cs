using System.Security.Claims;
using Minzheng.Modules.SocialAssistance;
using Minzheng.Platform.Modules;
using Minzheng.Platform.Security;

namespace Minzheng.Tests.Modules.SocialAssistance;

/// <summary>What each role's menu offers and where it starts: the leader reads the dashboard, not clerks' tools.</summary>
public sealed class NavigationTests
{
    private static readonly ModuleCatalog Catalog = new([new SocialAssistanceModule()]);

    private static ClaimsPrincipal UserIn(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test", ClaimTypes.Name, ClaimTypes.Role));

    private static List<string> Links(string role) => Catalog.NavigationFor(UserIn(role)).SelectMany(s => s.Items).Select(i => i.Href).ToList();

    [Fact]
    public void Leader_StartsOnTheDashboard_AndHasNoRegisterOrIdChecker()
    {
        Assert.Equal("/Reports/Dashboard", Catalog.HomePageFor(UserIn(Roles.Leader)));
        var links = Links(Roles.Leader);
        Assert.Contains("/Reports/Dashboard", links);
        Assert.DoesNotContain("/Registry", links);
        Assert.DoesNotContain("/IdNumbers", links);
    }

    [Theory]
    [InlineData(Roles.County)]
    [InlineData(Roles.Township)]
    [InlineData(Roles.Village)]
    public void Clerks_StartOnTheHomePage_AndKeepTheRegisterAndIdChecker(string role)
    {
        Assert.Null(Catalog.HomePageFor(UserIn(role)));
        Assert.Contains("/Registry", Links(role));
        Assert.Contains("/IdNumbers", Links(role));
    }

    [Theory]
    [InlineData(Roles.Township)]
    [InlineData(Roles.Village)]
    public void TownshipAndVillage_KeepThePayrolls_WhereTheirSliceOfTheCountyPayrollIs_ButNotTheCountysOwnTools(string role)
    {
        var links = Links(role);
        Assert.Contains("/Payments", links); // their people's lines of the county payroll, and the 签领表 (PayrollSliceTests)
        Assert.Contains("/Payments/Ledger", links);
        foreach (var countyOnly in new[] { "/OneOffs", "/Medical", "/Recalculations" })
        {
            Assert.DoesNotContain(countyOnly, links);
        }
    }

    [Fact]
    public void TheVillage_IsNotOfferedImportsOrTipOffs_WhichItCannotUse()
    {
        var links = Links(Roles.Village);
        Assert.DoesNotContain("/Imports", links);
        Assert.DoesNotContain("/Verification/TipOffs", links);
    }
}
