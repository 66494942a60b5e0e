using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Minzheng.Tests.Modules.SocialAssistance.Medical;
using static Minzheng.Tests.Modules.SocialAssistance.Medical.MedicalFixtures;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.OneOffs;

/// <summary>一次性生活补贴 and 医疗救助结算 batches page with their total, newest first unless sorted, filtered by status in the URL (issue 22).</summary>
public abstract class BatchListTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OneOffBatches_PageNewestMonthFirst_SortByName_AndFilterByStatus()
    {
        using var county = await app.ClientAsAsync("county");
        using var approver = await app.ClientAsAsync("approver");
        var ids = new List<string>();
        foreach (var (name, month) in new[] { ("分页补贴乙", "2026-01"), ("分页补贴甲", "2026-02") })
        {
            var village = await VillageAsync(app);
            await CaseloadAsync(app, village, "农村低保", 400m);
            var batch = await (await county.PostAsJsonAsync("/api/v1/one-off-batches",
                new { name, month, programs = new[] { "rural-dibao" }, regionCode = village, basis = "per-household", unitAmount = 100m }, Ct)).JsonAsync(HttpStatusCode.Created);
            ids.Add(batch.GetProperty("id").GetString()!);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await approver.PostAsJsonAsync($"/api/v1/one-off-batches/{ids[0]}/reject", new { reason = "标准有误" }, Ct)).StatusCode);
        var (all, total) = await county.GetPageAsync("/api/v1/one-off-batches");
        Assert.Equal(all.Count, total);
        var months = all.Strings("month");
        Assert.Equal(months.OrderDescending(StringComparer.Ordinal), months);
        var (one, sameTotal) = await county.GetPageAsync("/api/v1/one-off-batches?pageSize=1&page=2");
        Assert.Equal((total, all[1].GetProperty("id").GetString()), (sameTotal, Assert.Single(one).GetProperty("id").GetString()));
        var names = (await county.GetPageAsync("/api/v1/one-off-batches?sort=name")).Items.Strings("name");
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        var rejected = (await county.GetPageAsync("/api/v1/one-off-batches?status=rejected")).Items;
        Assert.All(rejected, b => Assert.Equal("rejected", b.GetProperty("status").GetString()));
        Assert.Contains(rejected, b => b.GetProperty("id").GetString() == ids[0]);
        Assert.DoesNotContain(rejected, b => b.GetProperty("id").GetString() == ids[1]);
        Assert.Equal(total, (await county.GetPageAsync("/api/v1/one-off-batches?status=nonsense&sort=nonsense&page=-1")).Total);

        using var session = new WebSession(app);
        await session.LoginAsync("county", Minzheng.Platform.Demo.DemoSeeder.Password);
        var html = await (await session.GetAsync("/OneOffs?status=rejected&sort=name")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("分页补贴乙", html);
        Assert.DoesNotContain("分页补贴甲", html);
        Assert.Contains("data-testid=\"pager-total\"", html);
    }

    [Fact]
    public async Task SettlementBatches_PageLatestImportFirst_AndFilterByStatus()
    {
        var village = await VillageAsync(app);
        var payee = (await CaseloadAsync(app, village, "农村低保", 500m))[0];
        using var county = await app.ClientAsAsync("county");
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var csv = Csv(new Settlement(NewNumber(), "共青城市人民医院", payee.Name, payee.IdNumber, 3000m, 1800m, 0m, 1000m));
            ids.Add((await (await county.UploadSettlementsAsync(csv)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!);
        }

        var (first, total) = await county.GetPageAsync("/api/v1/medical-settlements?pageSize=1");
        Assert.True(total >= 2);
        Assert.Equal(ids[1], Assert.Single(first).GetProperty("id").GetString()); // the latest import first
        Assert.Equal(ids[0], (await county.GetPageAsync("/api/v1/medical-settlements?pageSize=1&page=2")).Items.Single().GetProperty("id").GetString());
        var created = (await county.GetPageAsync("/api/v1/medical-settlements?sort=imported&pageSize=200")).Items
            .Select(b => DateTimeOffset.Parse(b.GetProperty("createdAt").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(created.Order(), created);
        Assert.All((await county.GetPageAsync("/api/v1/medical-settlements?status=proposed")).Items, b => Assert.Equal("proposed", b.GetProperty("status").GetString()));
        Assert.Equal(0, (await county.GetPageAsync("/api/v1/medical-settlements?status=rejected&pageSize=1")).Items.Count(b => ids.Contains(b.GetProperty("id").GetString()!)));
    }
}

public sealed class SqliteBatchListTests(SqliteApp app) : BatchListTests<SqliteApp>(app);

public sealed class PostgresBatchListTests(PostgresApp app) : BatchListTests<PostgresApp>(app);
