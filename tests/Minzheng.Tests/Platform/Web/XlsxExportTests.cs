using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Web;
using Minzheng.Tests.Modules.SocialAssistance.Payments;
using Minzheng.Tests.Modules.SocialAssistance.Registry;

namespace Minzheng.Tests.Platform.Web;

/// <summary>
/// Issue 31: every export, opened with the Open XML SDK, has typed cells (money numeric 0.00, codes as text), fitted
/// widths, a bold frozen header printed on every page, fit-to-width printing, a Chinese sheet name and, for lists of
/// amounts, a 合计 row — and an exported roster re-imports into an empty system as it was.
/// </summary>
public sealed class XlsxExportTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<byte[]> WriteAsync(params XlsxSheet[] sheets)
    {
        using var stream = new MemoryStream();
        await XlsxWriter.WriteAsync(stream, sheets, Ct);
        return stream.ToArray();
    }

    [Fact]
    public async Task Writer_TypesEachCell_FitsTheColumns_AndTheImporterReadsItBack()
    {
        var note = string.Concat(Enumerable.Repeat("因病致贫，", 30));
        var bytes = await WriteAsync(XlsxSheet.Of("测试清单", [
            new Dictionary<string, object?>
            {
                ["序号"] = 1, ["姓名"] = "=HYPERLINK(\"http://x\")", ["身份证号"] = "360482199001010018", ["区划代码"] = "360482100201",
                ["金额（元）"] = 2395.00m, ["日期"] = new DateOnly(2026, 3, 1), ["说明"] = note,
            },
            new Dictionary<string, object?>
            {
                ["序号"] = 2, ["姓名"] = "李四", ["身份证号"] = "360482********0018", ["区划代码"] = "360482100202",
                ["金额（元）"] = 0.10m, ["日期"] = new DateTime(2026, 3, 2), ["说明"] = null,
            },
        ], totals: true));

        using var sheet = new XlsxSheetReader(bytes);
        sheet.AssertLayout();
        sheet.AssertText("姓名", "身份证号", "区划代码", "日期");
        sheet.AssertMoney("金额（元）");
        sheet.AssertWholeNumbers("序号");
        sheet.AssertTotals("序号", "金额（元）");
        Assert.Equal(2395.10m, decimal.Parse(XlsxSheetReader.Text(sheet.CellOf(sheet.Body[^1], "金额（元）")!), CultureInfo.InvariantCulture));
        Assert.Equal(["2026-03-01", "2026-03-02"], sheet.Body.SkipLast(1).Select(r => XlsxSheetReader.Text(sheet.CellOf(r, "日期")!)));
        Assert.Equal("'=HYPERLINK(\"http://x\")", XlsxSheetReader.Text(sheet.CellOf(sheet.Body[0], "姓名")!));
        // The long note is capped (and wraps) instead of pushing the table off the page.
        var widths = sheet.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal(XlsxCells.MaxWidth, widths[^1]);

        // The importer reads what the writer wrote: the ID whole, the amount as a number, the name without the guard.
        var rows = SpreadsheetReader.Read(bytes, "清单.xlsx").ToList();
        Assert.Equal(["1", "=HYPERLINK(\"http://x\")", "360482199001010018", "360482100201", "2395", "2026-03-01", note], rows[1].Cells);
        Assert.Equal("合计", rows[3].Cells[0]);
    }

    [Fact]
    public async Task Writer_StreamsRows_WithoutHoldingThem()
    {
        WeakReference? first = null;
        var collected = false;
        IEnumerable<IReadOnlyDictionary<string, object?>> Rows()
        {
            for (var i = 1; i <= 100_000; i++)
            {
                var row = new Dictionary<string, object?> { ["序号"] = i, ["姓名"] = $"对象{i}", ["身份证号"] = $"36048219900101{i % 10000:D4}", ["金额（元）"] = i / 100m };
                first ??= new WeakReference(row);
                if (i == 50_000)
                {
                    GC.Collect();
                    collected = !first.IsAlive;
                }

                yield return row;
            }
        }

        var path = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(path))
            {
                await XlsxWriter.WriteAsync(file, [XlsxSheet.Of("大名单", Rows(), totals: true)], Ct);
            }

            Assert.True(collected, "the writer kept the first row while writing the 50,000th");
            using var sheet = new XlsxSheetReader(await File.ReadAllBytesAsync(path, Ct));
            Assert.Equal(100_001, sheet.Body.Count);
            Assert.Equal(Enumerable.Range(1, 100_000).Sum(i => i / 100m), decimal.Parse(XlsxSheetReader.Text(sheet.CellOf(sheet.Body[^1], "金额（元）")!), CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task EveryExportKind_HasTypedCells_FittedColumns_AndAPrintableHeader()
    {
        var village = await PaymentFixtures.VillageAsync(app);
        var payees = await PaymentFixtures.CaseloadAsync(app, village, "农村低保", 395.5m, 1200m);
        var payroll = await PaymentFixtures.PayrollAsync(app, "rural-dibao", village, "2026-09");
        using var county = await app.ClientAsAsync("county");
        async Task<XlsxSheetReader> Get(HttpClient client, string url, string? sheet = null)
        {
            var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var reader = new XlsxSheetReader(await response.Content.ReadAsByteArrayAsync(Ct), sheet);
            reader.AssertLayout();
            return reader;
        }

        using (var roster = await Get(county, $"/api/v1/exports/assistance-roster.xlsx?region={village}"))
        {
            Assert.Equal("花名册", roster.Sheet.Name!.Value);
            Assert.Equal(AssistanceRoster.Headers, roster.Headers);
            roster.AssertText("区划代码", "户主身份证号", "起始年月", "银行账号");
            roster.AssertMoney("月保障金额");
            roster.AssertWholeNumbers("家庭人口", "保障人数");
            Assert.Equal(2, roster.Body.Count); // an import roster: no 合计 row to be read back as a household
        }

        using (var lines = await Get(county, $"/api/v1/payrolls/{payroll}/lines.xlsx"))
        {
            lines.AssertText("姓名", "身份证号", "月份", "银行账号");
            lines.AssertMoney("金额（元）");
            lines.AssertWholeNumbers("序号", "保障人数");
            lines.AssertTotals("序号", "金额（元）");
            Assert.Equal(payees.Sum(p => p.Amount), decimal.Parse(XlsxSheetReader.Text(lines.CellOf(lines.Body[^1], "金额（元）")!), CultureInfo.InvariantCulture));
        }

        using (var table = await Get(county, $"/api/v1/statistics/table.xlsx?region={village}&period=2026-09"))
        {
            Assert.Equal("统计报表", table.Sheet.Name!.Value);
            table.AssertText("区划", "统计期", "项目");
            table.AssertWholeNumbers("户数", "人数");
            table.AssertMoney("月保障金额（元）", "本期发放（元）", "本年累计发放（元）");
            table.AssertTotals("区划", "月保障金额（元）", "本期发放（元）", "本年累计发放（元）", "备用金支出（元）");
        }

        foreach (var name in new[] { "救助统计", "停保原因" })
        {
            using var summary = await Get(county, $"/api/v1/reports/assistance-summary.xlsx?region={village}&from=2026-01-01&to=2026-09-30", name);
            Assert.Equal(["救助统计", "停保原因"], summary.Sheets.Select(s => s.Name!.Value));
            if (name == "救助统计")
            {
                summary.AssertText("区划代码", "统计期间");
                summary.AssertMoney("月保障金额（元）", "本期救助金额（元）");
                summary.AssertWholeNumbers("期末在保户数");
            }
        }

        using (var finance = await app.ClientAsAsync("finance"))
        using (var bank = await Get(finance, $"/api/v1/payrolls/{payroll}/bank-file?layout=xlsx"))
        {
            Assert.Equal("代发明细", bank.Sheet.Name!.Value);
            Assert.Equal(payees.Select(p => p.Account).Order(), bank.Body.Select(r => XlsxSheetReader.Text(bank.CellOf(r, "银行账号")!)).Order());
            bank.AssertText("银行账号", "身份证号");
            Assert.DoesNotContain(bank.Body, r => XlsxSheetReader.Text(r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First()) == "合计");
        }

        using (var households = await Get(county, $"/api/v1/households/export.xlsx?region={village}"))
        {
            households.AssertText("户主身份证号", "区划代码");
            households.AssertWholeNumbers("序号", "家庭人口");
        }

        using (var template = await Get(county, "/api/v1/imports/templates/assistance-roster.xlsx"))
        {
            template.AssertText("区划代码", "户主身份证号", "起始年月");
            template.AssertMoney("月保障金额");
        }

        using var auditor = await app.ClientAsAsync("auditor");
        using var audit = await Get(auditor, "/api/v1/audit/export?action=auth.");
        Assert.Equal("审计日志", audit.Sheet.Name!.Value);
        audit.AssertWholeNumbers("序号");
        audit.AssertText("时间（北京时间）", "用户", "哈希");
    }

    [Fact]
    public async Task ExportedRoster_ReimportsIntoAnEmptySystem_AndExportsTheSame()
    {
        var village = await PaymentFixtures.VillageAsync(app);
        var ids = new[] { SqliteRegistryApiTests.NewAdultIdNumber(), SqliteRegistryApiTests.NewAdultIdNumber() };
        var csv = string.Join(",", AssistanceRoster.Headers) + "\n"
            + $"{village},农村低保,=SUM(A1),{ids[0]},3,2,2395.50,2026-03,农商银行,6228480012345678,13800138000,东头1号\n"
            + $"{village},农村低保,往返乙,{ids[1]},1,1,300.00,2026-03,,,,";
        using var county = await app.ClientAsAsync("county");
        var staged = await (await county.UploadImportAsync(AssistanceRoster.Kind, Encoding.UTF8.GetBytes(csv), "roster.csv")).JsonAsync();
        Assert.Empty(staged.GetProperty("errors").EnumerateArray());
        await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync();
        var url = $"/api/v1/exports/assistance-roster.xlsx?region={village}&full=true&reason=迁移到新系统";
        var exported = await county.GetByteArrayAsync(url, Ct);

        await using var empty = new SqliteApp { WithCaseload = false };
        await empty.InitializeAsync();
        using (var admin = await empty.ClientAsAsync("admin"))
        {
            var region = new { code = village, name = "往返村", parentCode = $"{village[..9]}000" };
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/regions", region, Ct)).StatusCode);
        }

        using var target = await empty.ClientAsAsync("county");
        var again = await (await target.UploadImportAsync(AssistanceRoster.Kind, exported, "roster.xlsx")).JsonAsync();
        Assert.Empty(again.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, (await (await target.PostAsync($"/api/v1/imports/{again.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync()).GetProperty("imported").GetInt32());

        static string[][] Cells(byte[] bytes)
        {
            using var sheet = new XlsxSheetReader(bytes);
            return [.. sheet.Body.Select(r => sheet.Headers.Select(h => sheet.CellOf(r, h) is { } c ? XlsxSheetReader.Text(c) : "").ToArray())];
        }

        var before = Cells(exported);
        Assert.Equal(before, Cells(await target.GetByteArrayAsync(url, Ct)));
        Assert.Contains(before, r => r[2] == "'=SUM(A1)" && r[3] == ids[0] && decimal.Parse(r[6], CultureInfo.InvariantCulture) == 2395.50m);
    }
}
