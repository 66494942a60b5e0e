using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.Marriage;
using Minzheng.Modules.Marriage.Marriages;
using Minzheng.Platform.Data;
using Minzheng.Tests.Platform.Attachments;

namespace Minzheng.Tests.Modules.Marriage;

/// <summary>
/// The paperwork of issue 25 on both databases: the divorce agreement (stored, shown, refused field by field writing
/// nothing), the 撤回确认单, the 结婚登记审查处理表, divorce applications on the deadline board for the registry only,
/// and files on applications and registrations.
/// </summary>
public abstract class DivorcePaperworkTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object[] Parties(string nameA, string a, string nameB, string b) => [new { name = nameA, idNumber = a }, new { name = nameB, idNumber = b }];

    private static int _nameSerial = Random.Shared.Next(0, 40_000);

    /// <summary>A given name no other couple in this process shares: titles are matched by substring, so a random pick could collide.</summary>
    private static string Unique(string surname)
    {
        var serial = Interlocked.Increment(ref _nameSerial);
        return surname + "春夏秋冬梅兰竹菊"[serial % 8] + (char)('甲' + serial / 8 % 200) + (char)('乙' + serial / 1600 % 200);
    }

    /// <summary>A married couple (names unique to the test) and its ID numbers.</summary>
    private async Task<(string Husband, string Man, string Wife, string Woman, JsonElement Marriage)> CoupleAsync(HttpClient client)
    {
        var (husband, wife) = (Unique("欧阳"), Unique("上官"));
        var (man, woman) = (MarriageIds.Man(1984), MarriageIds.Woman(1986));
        var marriage = await (await client.PostAsJsonAsync("/api/v1/marriage/registrations", new
        {
            kind = "marriage",
            date = "2012-10-01",
            parties = Parties(husband, man, wife, woman),
            declarations = new { noSpouse = true, noProhibitedKinship = true },
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        return (husband, man, wife, woman, marriage);
    }

    [Fact]
    public async Task Apply_WithAnAgreement_StoresAndShowsIt_WithoutOneTheContractIsUnchanged()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (husband, man, wife, woman, _) = await CoupleAsync(client);
        var applied = await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications", new
        {
            receivedOn = "2026-03-02",
            parties = Parties(husband, man, wife, woman),
            agreement = new
            {
                children = new object[]
                {
                    new { name = "欧阳小雨", custodian = wife, monthlySupport = 1500.50m, supportPayer = husband, visitation = "每月探望两次" },
                    new { name = "欧阳小雪", custodian = husband, monthlySupport = 0m },
                },
                propertyDivision = new[] { "住房一套归女方所有", "汽车一辆归男方所有" },
                debts = "房贷由女方偿还\n车贷由男方偿还",
            },
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("2026-04-01", applied.GetProperty("coolingOffEnds").GetString());
        var id = applied.GetProperty("id").GetString();

        var shown = await (await client.GetAsync($"/api/v1/marriage/divorce-applications/{id}", Ct)).JsonAsync();
        Assert.Contains("离申字", shown.GetProperty("number").GetString());
        var agreement = shown.GetProperty("agreement");
        var children = agreement.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(2, children.Count);
        Assert.Equal(1500.50m, children[0].GetProperty("monthlySupport").GetDecimal());
        Assert.Equal(wife, children[0].GetProperty("custodian").GetString());
        Assert.Equal(husband, children[0].GetProperty("supportPayer").GetString());
        Assert.Equal(JsonValueKind.Null, children[1].GetProperty("supportPayer").ValueKind);
        Assert.Equal(["住房一套归女方所有", "汽车一辆归男方所有"], agreement.GetProperty("propertyDivision").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("房贷由女方偿还\n车贷由男方偿还", agreement.GetProperty("debts").GetString());
        Assert.DoesNotContain(man, shown.GetRawText());

        // The application page shows it to the registrar, masked, ready to print.
        using var web = new WebSession(app);
        await web.LoginAsync("marriage", Minzheng.Platform.Demo.DemoSeeder.Password);
        var page = await (await web.GetAsync($"/Marriages/Application?id={id}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("欧阳小雨", page);
        Assert.Contains("1,500.50元", page);
        Assert.Contains("房贷由女方偿还", page);
        Assert.DoesNotContain(woman, page);

        // The contract of DESIGN §5 without the field: 201 with the same three fields, no agreement stored.
        var other = await CoupleAsync(client);
        var plain = await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications",
            new { receivedOn = "2026-03-02", parties = Parties(other.Husband, other.Man, other.Wife, other.Woman) }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(["id", "coolingOffEnds", "collectBy"], plain.EnumerateObject().Select(p => p.Name));
        var plainShown = await (await client.GetAsync($"/api/v1/marriage/divorce-applications/{plain.GetProperty("id").GetString()}", Ct)).JsonAsync();
        Assert.Equal(JsonValueKind.Null, plainShown.GetProperty("agreement").ValueKind);
    }

    [Theory]
    [InlineData("money-over", "agreement.children[0].monthlySupport")]
    [InlineData("money-decimals", "agreement.children[0].monthlySupport")]
    [InlineData("money-negative", "agreement.children[0].monthlySupport")]
    [InlineData("custodian-stranger", "agreement.children[0].custodian")]
    [InlineData("payer-missing", "agreement.children[0].supportPayer")]
    [InlineData("too-many-children", "agreement.children")]
    [InlineData("control-character", "agreement.debts")]
    [InlineData("long-item", "agreement.propertyDivision[0]")]
    [InlineData("child-name-missing", "agreement.children[0].name")]
    public async Task Apply_WithABadAgreement_Is400NamingTheField_AndWritesNothing(string problem, string field)
    {
        using var client = await app.ClientAsAsync("marriage");
        var (husband, man, wife, woman, _) = await CoupleAsync(client);
        object Child(decimal money, string? custodian = null, string? payer = null, string name = "欧阳小雨") =>
            new { name, custodian = custodian ?? wife, monthlySupport = money, supportPayer = payer ?? husband };
        object agreement = problem switch
        {
            "money-over" => new { children = new[] { Child(100_000.01m) } },
            "money-decimals" => new { children = new[] { Child(1000.005m) } },
            "money-negative" => new { children = new[] { Child(-1m) } },
            "custodian-stranger" => new { children = new[] { Child(100m, custodian: "张三") } },
            "payer-missing" => new { children = new[] { new { name = "欧阳小雨", custodian = wife, monthlySupport = 800m } } },
            "too-many-children" => new { children = Enumerable.Range(0, 11).Select(_ => Child(100m)).ToArray() },
            "control-character" => new { debts = "房贷\u0007由女方偿还" },
            "long-item" => new { propertyDivision = new[] { new string('房', DivorceAgreement.ItemMaxLength + 1) } },
            _ => new { children = new[] { Child(100m, name: " ") } },
        };
        var message = await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications",
            new { receivedOn = "2026-03-02", parties = Parties(husband, man, wife, woman), agreement }, Ct)).AssertFieldErrorAsync(field);
        Assert.Contains(field, message);

        // Nothing was written: the couple may apply at once (a stored application would be a 409 conflict), and no number was used up.
        var numbersBefore = await NumbersAsync();
        await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications",
            new { receivedOn = "2026-03-02", parties = Parties(husband, man, wife, woman) }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(numbersBefore + 1, await NumbersAsync());
    }

    [Fact]
    public async Task DivorcePage_WithABadSupportAmount_ShowsTheFieldInChinese_AndWritesNothing_ThenTheCertificateLinksTheAgreement()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (husband, man, wife, woman, _) = await CoupleAsync(client);
        using var web = new WebSession(app);
        await web.LoginAsync("marriage", Minzheng.Platform.Demo.DemoSeeder.Password);
        var form = new Dictionary<string, string>
        {
            ["ReceivedOn"] = "2026-01-05",
            ["NameA"] = husband,
            ["IdNumberA"] = man,
            ["NameB"] = wife,
            ["IdNumberB"] = woman,
            ["Children[0].Name"] = "欧阳小雨",
            ["Children[0].Custodian"] = "b",
            ["Children[0].MonthlySupport"] = "100000.01",
            ["Children[0].SupportPayer"] = "a",
            ["PropertyDivision"] = "住房一套归女方所有\n汽车一辆归男方所有",
        };
        var refused = await web.PostFormAsync("/Marriages/Divorces", form, "/Marriages/Divorces?handler=Apply");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("第1个子女的每月抚养费", await refused.Content.ReadAsStringAsync(Ct));

        form["Children[0].MonthlySupport"] = "1000";
        var done = await web.PostFormAsync("/Marriages/Divorces", form, "/Marriages/Divorces?handler=Apply");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var id = done.Headers.Location!.OriginalString.Split("receipt=")[1];
        var shown = await (await client.GetAsync($"/api/v1/marriage/divorce-applications/{id}", Ct)).JsonAsync();
        var child = Assert.Single(shown.GetProperty("agreement").GetProperty("children").EnumerateArray());
        Assert.Equal(wife, child.GetProperty("custodian").GetString());
        Assert.Equal(husband, child.GetProperty("supportPayer").GetString());
        Assert.Equal(2, shown.GetProperty("agreement").GetProperty("propertyDivision").GetArrayLength());

        var divorce = await (await client.PostAsJsonAsync($"/api/v1/marriage/divorce-applications/{id}/register",
            new { date = Text(shown.GetProperty("coolingOffEnds").GetString()!.AsDate().AddDays(1)) }, Ct)).JsonAsync(HttpStatusCode.Created);
        var certificate = await (await web.GetAsync($"/Marriages/Certificate?id={divorce.GetProperty("id").GetString()}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains($"/Marriages/Application?id={id}", certificate);
    }

    private Task<int> NumbersAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<MinzhengDbContext>().Set<Minzheng.Platform.Documents.IssuedDocument>()
        .IgnoreQueryFilters().CountAsync(d => d.Kind == MarriageDocuments.ApplicationKind, Ct));

    [Fact]
    public async Task Withdraw_OnThePage_OpensThePrintableConfirmation_NamingWhoWithdrewAndWhen()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (husband, man, wife, woman, _) = await CoupleAsync(client);
        var received = Today.AddDays(-5);
        var id = (await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications",
            new { receivedOn = Text(received), parties = Parties(husband, man, wife, woman) }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        using var web = new WebSession(app);
        await web.LoginAsync("marriage", Minzheng.Platform.Demo.DemoSeeder.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/Marriages/Withdrawal?id={id}")).StatusCode);

        var withdrawn = await web.PostFormAsync("/Marriages/Divorces", new Dictionary<string, string> { ["date"] = Text(Today.AddDays(-1)), ["idNumber"] = woman },
            $"/Marriages/Divorces?id={id}&handler=Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal($"/Marriages/Withdrawal?id={id}", withdrawn.Headers.Location!.OriginalString);
        var html = await (await web.GetAsync(withdrawn.Headers.Location.OriginalString)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("离婚登记申请撤回确认单", html);
        Assert.Contains($"<strong data-testid=\"withdrawn-by\">{wife}</strong>", html);
        Assert.Contains(Today.AddDays(-1).ToString("yyyy年M月d日", CultureInfo.InvariantCulture), html);
        Assert.Contains(received.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), html);
        Assert.Contains("离申字", html);
        Assert.DoesNotContain(woman, html);
        var shown = await (await client.GetAsync($"/api/v1/marriage/divorce-applications/{id}", Ct)).JsonAsync();
        Assert.Equal("withdrawn", shown.GetProperty("status").GetString());
        Assert.Equal(wife, shown.GetProperty("withdrawnByName").GetString());
    }

    [Fact]
    public async Task ExaminationForm_OfAMarriage_ShowsIdentityChecksRegistrarAndNumber_AndNoneForOtherKinds()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (husband, man, wife, woman, marriage) = await CoupleAsync(client);
        using var web = new WebSession(app);
        await web.LoginAsync("marriage", Minzheng.Platform.Demo.DemoSeeder.Password);
        var id = marriage.GetProperty("id").GetString();
        var html = await (await web.GetAsync($"/Marriages/Examination?id={id}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("结婚登记审查处理表", html);
        Assert.Contains(marriage.GetProperty("certificateNumber").GetString()!, html);
        Assert.Contains($"{husband}（男）登记之日28周岁，法定婚龄22周岁", html);
        Assert.Contains($"{wife}（女）登记之日26周岁，法定婚龄20周岁", html);
        Assert.Equal(5, html.Split("<td>符合</td>").Length - 1);
        Assert.Contains("2012年10月1日", html);
        Assert.Contains("婚姻登记员", html);
        Assert.DoesNotContain(man, html);
        Assert.Contains($"/Marriages/Examination?id={id}", await (await web.GetAsync($"/Marriages/Detail?id={id}")).Content.ReadAsStringAsync(Ct));

        // A divorce has no 结婚登记审查处理表.
        var applied = await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications",
            new { receivedOn = "2026-01-05", parties = Parties(husband, man, wife, woman) }, Ct)).JsonAsync(HttpStatusCode.Created);
        var divorce = await (await client.PostAsJsonAsync($"/api/v1/marriage/divorce-applications/{applied.GetProperty("id").GetString()}/register",
            new { date = Text(applied.GetProperty("coolingOffEnds").GetString()!.AsDate().AddDays(1)) }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/Marriages/Examination?id={divorce.GetProperty("id").GetString()}")).StatusCode);
    }

    [Fact]
    public async Task DeadlineBoard_ListsPendingAndLapsedApplicationsForMarriageStaff_AndNoneForTownshipOrCounty()
    {
        using var client = await app.ClientAsAsync("marriage");
        var near = await CoupleAsync(client);
        var lapsed = await CoupleAsync(client);
        await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications",
            new { receivedOn = Text(Today.AddDays(-29)), parties = Parties(near.Husband, near.Man, near.Wife, near.Woman) }, Ct)).JsonAsync(HttpStatusCode.Created);
        var old = await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications",
            new { receivedOn = Text(Today.AddDays(-75)), parties = Parties(lapsed.Husband, lapsed.Man, lapsed.Wife, lapsed.Woman) }, Ct)).JsonAsync(HttpStatusCode.Created);
        var oldId = Guid.Parse(old.GetProperty("id").GetString()!);
        var collectBy = old.GetProperty("collectBy").GetString()!.AsDate();
        Assert.True(collectBy < Today);
        // As the daily job marks it.
        await app.WithScopeAsync(sp => sp.GetRequiredService<MinzhengDbContext>().DivorceApplications.IgnoreQueryFilters().Where(a => a.Id == oldId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, DivorceApplicationStatus.Lapsed).SetProperty(a => a.ClosedOn, collectBy.AddDays(1)), Ct));

        var items = (await (await client.GetAsync("/api/v1/deadlines?take=1000", Ct)).JsonAsync()).EnumerateArray().ToList();
        Assert.All(items, i => Assert.Equal(DivorceDeadlines.KindName, i.GetProperty("kind").GetString()));
        var nearItem = Assert.Single(items, i => i.GetProperty("title").GetString()!.Contains(near.Husband));
        Assert.StartsWith("冷静期届满", nearItem.GetProperty("title").GetString());
        Assert.NotEqual("overdue", nearItem.GetProperty("urgency").GetString());
        var lapsedItem = Assert.Single(items, i => i.GetProperty("title").GetString()!.Contains(lapsed.Husband));
        Assert.StartsWith("逾期视为撤回", lapsedItem.GetProperty("title").GetString());
        Assert.Equal("overdue", lapsedItem.GetProperty("urgency").GetString());
        Assert.Equal(Text(collectBy), lapsedItem.GetProperty("dueOn").GetString());
        var overdue = await client.GetStringAsync("/api/v1/deadlines?due=overdue&take=1000", Ct);
        Assert.Contains(lapsed.Husband, overdue);
        Assert.DoesNotContain(near.Husband, overdue);

        var board = await client.GetStringAsync("/api/v1/deadlines/board", Ct);
        Assert.Contains(DivorceDeadlines.KindName, board);
        Assert.DoesNotContain("救助申请", board);
        using var web = new WebSession(app);
        await web.LoginAsync("marriage", Minzheng.Platform.Demo.DemoSeeder.Password);
        Assert.Contains(near.Husband, await (await web.GetAsync("/Deadlines")).Content.ReadAsStringAsync(Ct));

        foreach (var user in new[] { "township", "village", "county" })
        {
            using var other = await app.ClientAsAsync(user);
            Assert.DoesNotContain(near.Husband, await other.GetStringAsync("/api/v1/deadlines?take=1000", Ct));
            Assert.DoesNotContain(DivorceDeadlines.KindName, await other.GetStringAsync("/api/v1/deadlines/board", Ct));
        }
    }

    [Fact]
    public async Task Attachments_OnAnApplicationAndARegistration_AreKept_AndNotFoundOutOfTheRegistryOrLine()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (husband, man, wife, woman, marriage) = await CoupleAsync(client);
        var recordId = marriage.GetProperty("id").GetString()!;
        var applicationId = (await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications",
            new { receivedOn = "2026-03-02", parties = Parties(husband, man, wife, woman) }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var scan = await client.UploadedAsync(MarriageDocuments.ApplicationOwnerType, applicationId, AttachmentFixtures.Pdf, "离婚协议.pdf");
        var photo = await client.UploadedAsync(MarriageDocuments.OwnerType, recordId, AttachmentFixtures.Png, "合影照片.png");
        Assert.Single(await client.ListAsync(MarriageDocuments.ApplicationOwnerType, applicationId));
        Assert.Equal(photo, Assert.Single(await client.ListAsync(MarriageDocuments.OwnerType, recordId)).GetProperty("id").GetString());
        Assert.Equal(AttachmentFixtures.Pdf, await (await client.GetAsync($"/api/v1/attachments/{scan}/content", Ct)).Content.ReadAsByteArrayAsync(Ct));

        using var web = new WebSession(app);
        await web.LoginAsync("marriage", Minzheng.Platform.Demo.DemoSeeder.Password);
        Assert.Contains("合影照片.png", await (await web.GetAsync($"/Marriages/Detail?id={recordId}")).Content.ReadAsStringAsync(Ct));
        Assert.Contains("离婚协议.pdf", await (await web.GetAsync($"/Marriages/Application?id={applicationId}")).Content.ReadAsStringAsync(Ct));

        // A registrar of another registry (a township's, outside the county registry) and a township case worker of the county: not found.
        var (registrar, password) = await TestUsers.CreateAsync(app, "marriage-registrar", "360482200000");
        using var elsewhere = await app.ClientAsAsync(registrar, password);
        using var township = await app.ClientAsAsync("township");
        foreach (var other in new[] { elsewhere, township })
        {
            await (await other.GetAsync($"/api/v1/attachments/{MarriageDocuments.OwnerType}/{recordId}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await other.GetAsync($"/api/v1/attachments/{MarriageDocuments.ApplicationOwnerType}/{applicationId}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await other.GetAsync($"/api/v1/attachments/{photo}/content", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        await (await elsewhere.UploadAsync(MarriageDocuments.OwnerType, recordId, AttachmentFixtures.Png, "x.png")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await township.UploadAsync(MarriageDocuments.OwnerType, recordId, AttachmentFixtures.Png, "x.png")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Single(await client.ListAsync(MarriageDocuments.OwnerType, recordId));
    }
}

public sealed class SqliteDivorcePaperworkTests(SqliteApp app) : DivorcePaperworkTests<SqliteApp>(app);

public sealed class PostgresDivorcePaperworkTests(PostgresApp app) : DivorcePaperworkTests<PostgresApp>(app);

internal static class DateText
{
    public static DateOnly AsDate(this string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
