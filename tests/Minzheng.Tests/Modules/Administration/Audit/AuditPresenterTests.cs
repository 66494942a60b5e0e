using Minzheng.Modules.Administration.Audit;
using Minzheng.Platform.Auditing;

namespace Minzheng.Tests.Modules.Administration.Audit;

/// <summary>The auditor's page reads in Chinese: action and record names, particulars as lines, ids behind hovers.</summary>
public sealed class AuditPresenterTests
{
    // No account look-up happens for these entries (only "AppUser" records are named by id), so no database is needed.
    private static readonly AuditPresenter Presenter = new([new PlatformAuditVocabulary(), new AssistanceAuditVocabulary()], [], null!);

    private static Task<AuditRow> PresentAsync(string action, string? entity, string? details) =>
        Presenter.PresentAsync(new AuditEntry { Action = action, EntityType = entity, Details = details }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Login_ShowsItsChineseName_AndTheChannelAsALine()
    {
        var row = await PresentAsync(AuditActions.LoginSuccess, null, """{"channel":"web"}""");
        Assert.Equal("登录", row.ActionName);
        var line = Assert.Single(row.Lines);
        Assert.Equal(("渠道", "网页"), (line.Label, line.Value));

        // A region written by the administrator: the login is marked as a person, shown by name on the page.
        var region = await PresentAsync("data.insert", "Region", """{"Code":"360482000000","CreatedBy":"admin"}""");
        Assert.Contains(region.Lines, l => l is { Label: "创建人", Value: "admin", IsUser: true });
    }

    [Fact]
    public async Task ModuleAction_IsNamedByItsModule_AndCodesAndIdsBecomeNames()
    {
        var row = await PresentAsync("payroll.created", "Payroll",
            """{"Program":"rural-dibao","Period":"2026-11","RegionPrefix":"360482","source":"01a24441-6e5e-73e4-a380-b8c007718c1d","TotalAmount":1050.0}""");
        Assert.Equal("生成发放名册", row.ActionName);
        Assert.Equal("发放名册", row.EntityName);
        Assert.Contains(row.Lines, l => l is { Label: "保障类别", Value: "农村低保" });
        Assert.Contains(row.Lines, l => l is { Label: "区划", IsRegion: true, Value: "360482" });
        Assert.Contains(row.Lines, l => l.Value == "（记录标识）" && l.Title == "01a24441-6e5e-73e4-a380-b8c007718c1d");
        Assert.DoesNotContain(row.Lines, l => l.Label.Any(char.IsAsciiLetter) || l.Value.Any(char.IsAsciiLetter));
    }

    [Fact]
    public async Task UnknownCodes_FallBackToTheirGroup_AndUnnamedFieldsAreCounted()
    {
        Assert.Equal("登录认证（其他操作）", (await PresentAsync("auth.something-new", null, null)).ActionName);
        Assert.Equal("其他操作", (await PresentAsync("mystery.thing", null, null)).ActionName);
        Assert.Equal("业务记录", (await PresentAsync("data.insert", "SomethingNew", null)).EntityName);

        // A business row written before values were sealed: field names only, never the values.
        var row = await PresentAsync("data.insert", "WelfareVisit", """{"CaseId":"x","Name":"张三","Zzz":"secret"}""");
        Assert.Equal("新增记录，字段：救助申请、姓名及其他1项", row.FieldText);
        Assert.Empty(row.Lines);
        Assert.DoesNotContain("张三", row.FieldText);
    }

    [Fact]
    public async Task RevealOfAnIdNumber_NamesTheFieldInChinese()
    {
        var row = await PresentAsync(AuditActions.SensitiveRevealed, "Person", """{"field":"idNumber","reason":"核对户籍"}""");
        Assert.Contains(row.Lines, l => l.Value == "身份证号码");
        Assert.DoesNotContain(row.Lines, l => l.Value.Any(char.IsAsciiLetter));
    }
}
