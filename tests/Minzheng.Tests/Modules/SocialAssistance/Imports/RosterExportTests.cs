using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;

namespace Minzheng.Tests.Modules.SocialAssistance.Imports;

public sealed class RosterExportTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> ImportAsync(MinzhengApp target, byte[] content, string fileName)
    {
        var ct = TestContext.Current.CancellationToken;
        using var county = await target.ClientAsAsync("county");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        var staged = await (await county.PostAsync("/api/v1/imports?kind=assistance-roster", form, ct)).JsonAsync();
        Assert.Empty(staged.GetProperty("errors").EnumerateArray());
        var committed = await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, ct)).JsonAsync();
        return committed.GetProperty("imported").GetInt32();
    }

    private static byte[] Roster(params (string Id, string Name)[] rows) => Encoding.UTF8.GetBytes(string.Join(",", AssistanceRoster.Headers) + "\n" + string.Join("\n",
        rows.Select(r => $"360482200201,农村低保,{r.Name},{r.Id},2,2,300.00,2026-03,农商银行,6228480012345678,13800138000,金湖村出口组1号")));

    [Fact]
    public async Task Export_IsMaskedByDefault_AndNeutralisesFormulas()
    {
        var id = SqliteRegistryApiTests.NewIdNumber();
        await ImportAsync(app, Roster((id, "=SUM(A1)")), "roster.csv");
        using var county = await app.ClientAsAsync("county");
        var bytes = await county.GetByteArrayAsync("/api/v1/exports/assistance-roster.xlsx?region=360482200201&program=rural-dibao", Ct);
        var rows = new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(AssistanceRoster.Headers, rows[0].Keys.ToArray());
        var row = rows.Single(r => r["户主姓名"]?.ToString() == "'=SUM(A1)");
        Assert.Equal(id[..6] + "********" + id[14..], row["户主身份证号"]);
        Assert.Equal("**** 5678", row["银行账号"]);
        Assert.DoesNotContain(id, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task FullExport_NeedsPermissionAndReason_AndRoundTripsIntoAnEmptyDatabase()
    {
        var ids = Enumerable.Range(0, 3).Select(_ => SqliteRegistryApiTests.NewIdNumber()).ToArray();
        await ImportAsync(app, Roster([.. ids.Select((id, i) => (id, $"往返{i}"))]), "roster.csv");

        using var village = await app.ClientAsAsync("village");
        await (await village.GetAsync("/api/v1/exports/assistance-roster.xlsx?full=true&reason=核对", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        using var county = await app.ClientAsAsync("county");
        await (await county.GetAsync("/api/v1/exports/assistance-roster.xlsx?full=true", Ct)).AssertFieldErrorAsync("reason");
        var full = await county.GetByteArrayAsync("/api/v1/exports/assistance-roster.xlsx?region=360482200201&full=true&reason=迁移到新系统", Ct);
        Assert.Contains(ids[0], string.Join(",", new MemoryStream(full).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => r["户主身份证号"])));

        await using var empty = new SqliteApp { WithCaseload = false };
        await empty.InitializeAsync();
        var imported = await ImportAsync(empty, full, "roster.xlsx");
        Assert.Equal(new MemoryStream(full).Query(useHeaderRow: true).Count(), imported);

        using var auditor = await app.ClientAsAsync("auditor");
        var entries = await (await auditor.GetAsync("/api/v1/audit?action=privacy.revealed&user=county", Ct)).JsonAsync();
        Assert.Contains(entries.EnumerateArray(), e => e.GetProperty("details").GetString()!.Contains("迁移到新系统", StringComparison.Ordinal));
    }
}
