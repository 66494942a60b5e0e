using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Platform.Data;

namespace Minzheng.Tests.Modules.Marriage;

/// <summary>Revocations from court judgments and corrections of the register, by the registry's head only, on both databases.</summary>
public abstract class MarriageAmendmentApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Judgment(string? marriageId, string date = "2026-03-10", string kind = "void", string court = "共青城市人民法院",
        string caseNumber = "（2026）赣0482民初123号", string judgmentDate = "2026-03-01") => new { marriageId, date, kind, court, caseNumber, judgmentDate };

    private static async Task<int> RevocationsAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/marriage/statistics?region=360482&from=2026-03-10&to=2026-03-10", Ct)).JsonAsync()).GetProperty("revocations").GetInt32();

    [Fact]
    public async Task Revocation_ByTheHead_FreesBothParties_IsCounted_AndEndsAPendingDivorceApplication()
    {
        using var head = await app.ClientAsAsync("marriagehead");
        var (man, woman) = (MarriageIds.Man(1988), MarriageIds.Woman(1990));
        var id = (await MarriageReissueApiTests<TApp>.MarryAsync(head, "2025-06-01", man, woman)).GetProperty("id").GetString();
        var application = (await (await head.PostAsJsonAsync("/api/v1/marriage/divorce-applications",
            new { receivedOn = "2026-03-02", parties = new[] { new { name = "王强", idNumber = man }, new { name = "赵敏", idNumber = woman } } }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var before = await RevocationsAsync(head);

        using var registrar = await app.ClientAsAsync("marriage");
        Assert.Equal(HttpStatusCode.Forbidden, (await registrar.PostAsJsonAsync("/api/v1/marriage/revocations", Judgment(id), Ct)).StatusCode);
        var revoked = await (await head.PostAsJsonAsync("/api/v1/marriage/revocations", Judgment(id), Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(id, revoked.GetProperty("marriageId").GetString());
        Assert.Equal(before + 1, await RevocationsAsync(head));
        await (await head.PostAsJsonAsync("/api/v1/marriage/revocations", Judgment(id, date: "2026-03-11"), Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        var detail = await (await head.GetAsync($"/api/v1/marriage/records/{revoked.GetProperty("id").GetString()}", Ct)).JsonAsync();
        Assert.Equal("（2026）赣0482民初123号", detail.GetProperty("caseNumber").GetString());
        Assert.Equal("void", detail.GetProperty("annulmentKind").GetString());
        Assert.False((await (await head.GetAsync($"/api/v1/marriage/records/{id}", Ct)).JsonAsync()).GetProperty("inForce").GetBoolean());

        // Nothing left to divorce; both may marry again.
        await (await head.PostAsJsonAsync($"/api/v1/marriage/divorce-applications/{application}/register", new { date = "2026-04-10" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await MarriageReissueApiTests<TApp>.MarryAsync(head, "2026-03-20", man, MarriageIds.Woman(1991));
        await MarriageReissueApiTests<TApp>.MarryAsync(head, "2026-03-20", MarriageIds.Man(1987), woman);
    }

    [Fact]
    public async Task Revocation_BadInput_IsRefusedNamingTheField_AndWritesNothing()
    {
        using var head = await app.ClientAsAsync("marriagehead");
        var id = (await MarriageReissueApiTests<TApp>.MarryAsync(head, "2024-01-01", MarriageIds.Man(1986), MarriageIds.Woman(1986))).GetProperty("id").GetString();
        var before = await RevocationsAsync(head);
        await (await head.PostAsJsonAsync("/api/v1/marriage/revocations", Judgment(id, kind: "divorce"), Ct)).AssertFieldErrorAsync("kind");
        Assert.Contains("人民法院", await (await head.PostAsJsonAsync("/api/v1/marriage/revocations", Judgment(id, court: ""), Ct)).AssertFieldErrorAsync("court"));
        Assert.Contains("控制字符", await (await head.PostAsJsonAsync("/api/v1/marriage/revocations", Judgment(id, caseNumber: "（2026）\u0000号"), Ct))
            .AssertFieldErrorAsync("caseNumber"));
        await (await head.PostAsJsonAsync("/api/v1/marriage/revocations", Judgment(id, caseNumber: new string('号', 51)), Ct)).AssertFieldErrorAsync("caseNumber");
        await (await head.PostAsJsonAsync("/api/v1/marriage/revocations", Judgment(id, judgmentDate: "2026-03-11"), Ct)).AssertFieldErrorAsync("judgmentDate");
        await (await head.PostAsJsonAsync("/api/v1/marriage/revocations", Judgment(id, judgmentDate: "2023-12-31"), Ct)).AssertFieldErrorAsync("judgmentDate");
        await (await head.PostAsJsonAsync("/api/v1/marriage/revocations", Judgment(id, date: "2026-02-30"), Ct)).AssertFieldErrorAsync("date");
        await (await head.PostAsJsonAsync("/api/v1/marriage/revocations", Judgment(null), Ct)).AssertFieldErrorAsync("marriageId");
        await (await head.PostAsJsonAsync("/api/v1/marriage/revocations", Judgment(Guid.NewGuid().ToString()), Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await RevocationsAsync(head));
        Assert.True((await (await head.GetAsync($"/api/v1/marriage/records/{id}", Ct)).JsonAsync()).GetProperty("inForce").GetBoolean());
    }

    [Fact]
    public async Task Correction_ByTheHead_IsOnTheHistory_AndACorrectedIdNumberMovesTheOneSpouseCheck()
    {
        using var head = await app.ClientAsAsync("marriagehead");
        var (man, woman, rightWoman) = (MarriageIds.Man(1977), MarriageIds.Woman(1978), MarriageIds.Woman(1978));
        var id = (await MarriageReissueApiTests<TApp>.MarryAsync(head, "2005-08-08", man, woman)).GetProperty("id").GetString();
        using var registrar = await app.ClientAsAsync("marriage");
        var correction = new { field = "partyBName", newValue = "赵敏敏", reason = "登记时姓名录入错误，据户籍证明更正" };
        Assert.Equal(HttpStatusCode.Forbidden, (await registrar.PostAsJsonAsync($"/api/v1/marriage/records/{id}/corrections", correction, Ct)).StatusCode);
        var corrected = await (await head.PostAsJsonAsync($"/api/v1/marriage/records/{id}/corrections", correction, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("赵敏", corrected.GetProperty("oldValue").GetString());
        await (await head.PostAsJsonAsync($"/api/v1/marriage/records/{id}/corrections", correction, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        var moved = await (await head.PostAsJsonAsync($"/api/v1/marriage/records/{id}/corrections",
            new { field = "partyBIdNumber", newValue = rightWoman, reason = "身份证号录入错误" }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.DoesNotContain(rightWoman, moved.GetRawText());
        var detail = await (await registrar.GetAsync($"/api/v1/marriage/records/{id}", Ct)).JsonAsync();
        Assert.Equal("赵敏敏", detail.GetProperty("parties")[1].GetProperty("name").GetString());
        Assert.Equal(["另一方姓名", "另一方身份证号"], detail.GetProperty("corrections").EnumerateArray().Select(c => c.GetProperty("fieldName").GetString()!).ToArray());

        // The wrongly entered number is free again; the corrected one is married.
        await MarriageReissueApiTests<TApp>.MarryAsync(head, "2026-01-20", MarriageIds.Man(1979), woman);
        var bigamy = await (await head.PostAsJsonAsync("/api/v1/marriage/registrations", new
        {
            kind = "marriage",
            date = "2026-01-20",
            parties = new[] { new { name = "钱进", idNumber = MarriageIds.Man(1979) }, new { name = "赵敏敏", idNumber = rightWoman } },
            declarations = new { noSpouse = true, noProhibitedKinship = true },
        }, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("有配偶", bigamy.GetProperty("detail").GetString());

        // Viewing the full record is audited.
        var views = await app.WithScopeAsync(async s => await s.GetRequiredService<MinzhengDbContext>().AuditEntries
            .CountAsync(e => e.Action == Minzheng.Platform.Auditing.AuditActions.RecordViewed && e.EntityId == id, Ct));
        Assert.True(views >= 1);
    }

    [Fact]
    public async Task Correction_BadInput_IsRefusedNamingTheField_AndChangesNothing()
    {
        using var head = await app.ClientAsAsync("marriagehead");
        var (man, woman) = (MarriageIds.Man(1966), MarriageIds.Woman(1967));
        var id = (await MarriageReissueApiTests<TApp>.MarryAsync(head, "1995-05-05", man, woman)).GetProperty("id").GetString();
        async Task<HttpResponseMessage> Correct(string? field, string? newValue, string? reason = "更正") =>
            await head.PostAsJsonAsync($"/api/v1/marriage/records/{id}/corrections", new { field, newValue, reason }, Ct);
        await (await Correct("certificateNumber", "x")).AssertFieldErrorAsync("field");
        await (await Correct("partyAName", "张三", reason: null)).AssertFieldErrorAsync("reason");
        await (await Correct("partyAName", "张\u0007三")).AssertFieldErrorAsync("newValue");
        await (await Correct("partyAName", new string('张', 51))).AssertFieldErrorAsync("newValue");
        await (await Correct("partyAIdNumber", "110105194912310021")).AssertFieldErrorAsync("newValue");
        await (await Correct("date", "2999-01-01")).AssertFieldErrorAsync("newValue");
        Assert.Contains("性别相同", (await (await Correct("partyAIdNumber", MarriageIds.Woman(1966))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("detail").GetString());
        Assert.Contains("相同", (await (await Correct("partyBIdNumber", man)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var married = MarriageIds.Man(1966);
        await MarriageReissueApiTests<TApp>.MarryAsync(head, "2000-01-01", married, MarriageIds.Woman(1968));
        await (await Correct("partyAIdNumber", married)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await head.PostAsJsonAsync($"/api/v1/marriage/records/{Guid.NewGuid()}/corrections", new { field = "date", newValue = "2000-01-01", reason = "x" }, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var detail = await (await head.GetAsync($"/api/v1/marriage/records/{id}", Ct)).JsonAsync();
        Assert.Empty(detail.GetProperty("corrections").EnumerateArray());
        Assert.Equal("王强", detail.GetProperty("parties")[0].GetProperty("name").GetString());
    }
}

public sealed class SqliteMarriageAmendmentApiTests(SqliteApp app) : MarriageAmendmentApiTests<SqliteApp>(app);

public sealed class PostgresMarriageAmendmentApiTests(PostgresApp app) : MarriageAmendmentApiTests<PostgresApp>(app);
