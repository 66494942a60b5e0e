using System.Net;
using System.Text;
using Minzheng.Modules.SocialAssistance.Payments.Comparison;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.ComparisonFixtures;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Payments;

/// <summary>Old lists the comparison refuses, each with a Chinese answer naming the row and column (422) or the file (400) — never a server error.</summary>
public abstract class PayrollComparisonInputTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BadLists_AreRefused_WithTheRowAndColumn_OrWhyTheFileCannotBeRead()
    {
        var village = await VillageAsync(app);
        var payee = (await CaseloadAsync(app, village, "农村低保", 410m)).Single();
        var id = await PayrollAsync(app, "rural-dibao", village, "2026-01", approve: false);
        using var county = await app.ClientAsAsync("county");
        var wrongCheck = payee.IdNumber[..17] + (payee.IdNumber[17] == '0' ? '1' : '0');

        (string Csv, string Column, string Message)[] rowErrors =
        [
            (Csv(new OldRow(wrongCheck, payee.Name, "农村低保", "410")), "身份证号", "校验"),
            (Csv(new OldRow("3.60482E+17", payee.Name, "农村低保", "410")), "身份证号", SpreadsheetIdNumber.MangledMessage),
            (Csv(new OldRow(payee.IdNumber, payee.Name, "农村低保", "四百一十")), "金额", "不是数字"),
            (Csv(new OldRow(payee.IdNumber, payee.Name, "农村低保", "")), "金额", "不能为空"),
            (Csv(new OldRow(payee.IdNumber, payee.Name, "农村低保", "4100000")), "金额", "不合理"),
            (Csv(new OldRow(payee.IdNumber, payee.Name, "农村低保", "-5")), "金额", "不合理"),
            (Csv(new OldRow(payee.IdNumber, payee.Name, "农村低保", "410.123")), "金额", "两位小数"),
            (Csv(new OldRow(payee.IdNumber, payee.Name, "低保户", "410")), "救助项目", "无法识别"),
            (Csv(new OldRow(payee.IdNumber, "", "农村低保", "410")), "姓名", "不能为空"),
            (Csv(new OldRow(payee.IdNumber, payee.Name, "农村低保", "410", "0")), "保障人数", "整数"),
            (Csv(new OldRow(payee.IdNumber, payee.Name, "农村低保", "410", "2", "360482999999")), "区划代码", "不是本县"),
            (Csv(new OldRow(payee.IdNumber, payee.Name, "农村低保", "410", "2", "360482000000")), "区划代码", "不是本县"),
            (Csv(new OldRow(payee.IdNumber, payee.Name, "农村低保", "410", "2", "", "不存在镇")), "乡镇", "不是本县"),
        ];
        foreach (var (csv, column, message) in rowErrors)
        {
            var problem = await (await CompareAsync(county, id, csv)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            var error = problem.GetProperty("errors").EnumerateArray().Single();
            Assert.Equal((2, column), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
            Assert.Contains(message, error.GetProperty("message").GetString());
            Assert.Contains("1 处错误", problem.GetProperty("detail").GetString());
        }

        (byte[] Content, string FileName, string Message)[] unreadable =
        [
            (Encoding.UTF8.GetBytes("身份证,名字,项目,钱\n" + payee.IdNumber + ",甲,农村低保,410"), "old.csv", "缺少“身份证号，姓名，金额”列"),
            (Encoding.UTF8.GetBytes("身份证号,公民身份号码,姓名,救助项目,金额"), "old.csv", "两列都是“身份证号”"),
            (Encoding.UTF8.GetBytes("\n\n"), "old.csv", "表头不正确"),
            ([], "old.csv", "请上传"),
            ([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02, 0x03, 0xFF, 0xFE], "old.xlsx", "不是有效的"),
            ([0x41, 0x00, 0x42, 0x00], "old.csv", "不是文本格式"),
            (Encoding.UTF8.GetBytes("MZ"), "old.exe", "只支持"),
        ];
        foreach (var (content, fileName, message) in unreadable)
        {
            var problem = await (await CompareAsync(county, id, content, fileName)).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(message, problem.GetProperty("detail").GetString());
        }

        // A list without 保障人数: persons are not compared, and no payee is said to differ in them.
        var unpersoned = await (await CompareAsync(county, id, $"身份证号,姓名,救助项目,金额\n{payee.IdNumber},{payee.Name},农村低保,400")).JsonAsync();
        Assert.False(unpersoned.GetProperty("oldPersonsGiven").GetBoolean());
        var differs = unpersoned.GetProperty("differences").EnumerateArray().Single();
        Assert.Equal(("amount", 10m), (differs.GetProperty("kind").GetString(), differs.GetProperty("difference").GetDecimal()));
        Assert.DoesNotContain("保障人数", differs.GetProperty("note").GetString());

        await (await CompareAsync(county, Guid.NewGuid().ToString(), Csv(new OldRow(payee.IdNumber, payee.Name, "农村低保", "410")))).AssertProblemAsync(HttpStatusCode.NotFound);
        using var empty = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        await (await county.PostAsync($"/api/v1/payrolls/{id}/comparison", empty, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Template_IsAnExcelFileTheComparisonReads()
    {
        var village = await VillageAsync(app);
        await CaseloadAsync(app, village, "农村低保", 410m);
        var id = await PayrollAsync(app, "rural-dibao", village, "2026-01", approve: false);
        using var county = await app.ClientAsAsync("county");
        var template = await county.GetAsync("/api/v1/payrolls/comparison-template.xlsx", Ct);
        Assert.Equal(Minzheng.Platform.Web.SpreadsheetFile.XlsxType, template.Content.Headers.ContentType?.MediaType);
        var bytes = await template.Content.ReadAsByteArrayAsync(Ct);
        using (var sheet = new XlsxSheetReader(bytes))
        {
            Assert.Equal(OldPaymentList.Headers, sheet.Headers);
        }

        var report = await (await CompareAsync(county, id, bytes, "原系统名单.xlsx")).JsonAsync();
        Assert.Equal(2, report.GetProperty("rows").GetInt32());
        var programs = report.GetProperty("programs").EnumerateArray().ToList();
        // The example's 农村低保 row is of 红光村, inside the county but outside this village's payroll: reported, not counted.
        Assert.Equal(0, programs[0].GetProperty("old").GetProperty("households").GetInt32());
        var outside = report.GetProperty("differences").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "outside-scope");
        Assert.Equal(("张三", 2, "甘露镇红光村"), (outside.GetProperty("name").GetString(), outside.GetProperty("row").GetInt32(), outside.GetProperty("regionName").GetString()));
        Assert.Contains("不在本名册的区划范围内", outside.GetProperty("note").GetString());
        Assert.Contains(programs, x => x.GetProperty("programName").GetString() == "城市低保" && !x.GetProperty("compared").GetBoolean());
    }
}

public sealed class SqlitePayrollComparisonInputTests(SqliteApp app) : PayrollComparisonInputTests<SqliteApp>(app);

public sealed class PostgresPayrollComparisonInputTests(PostgresApp app) : PayrollComparisonInputTests<PostgresApp>(app);

/// <summary>Reading an old list without the database: columns by name in any order, the row cap, programme names.</summary>
public sealed class ComparisonListReaderTests
{
    private static readonly PersonalDataProtector Protector = new(new PrivacyKeys("k1", new Dictionary<string, string> { ["k1"] = PrivacyKeys.NewKey() }, PrivacyKeys.NewKey()));

    private static readonly Dictionary<string, string> Regions = new() { ["360482100000"] = "甘露镇", ["360482100201"] = "红光村" };

    private static List<OldPayment> Read(string csv, int maxRows = 100, ImportErrorList? errors = null) => OldPaymentList.Read(Encoding.UTF8.GetBytes(csv), "old.csv",
        "urban-dibao", new Dictionary<string, string?> { ["甘露镇"] = "360482100000" }, Regions, Protector, new DateOnly(2026, 12, 1), maxRows, errors ?? new ImportErrorList());

    [Fact]
    public void Columns_AreFoundByTheirCommonNames_InAnyOrder_AndTheNumberIsKeptOnlyMaskedAndHashed()
    {
        var rows = Read("备注,户主姓名,发放金额,户主身份证号,保障类别,乡镇（街道）\n无,张三,\"1,234.50\",11010519491231002X,城镇低保,甘露镇");
        var row = Assert.Single(rows);
        Assert.Equal((2, "张三", "urban-dibao", 1234.50m, 1, "360482100000"), (row.Row, row.Name, row.Program, row.Amount, row.Persons, row.RegionCode));
        Assert.Equal("110105********002X", row.IdNumberMasked);
        Assert.Equal(Protector.BlindIndex("11010519491231002X", DataPurpose.IdNumber), row.Index);
    }

    [Fact]
    public void AListOverTheCap_IsRefusedWithTheLimit()
    {
        var csv = "身份证号,姓名,救助项目,金额\n11010519491231002X,甲,城市低保,1\n440524188001010014,乙,城市低保,2\n11010519491231002X,丙,城市低保,3";
        Assert.Equal(3, Read(csv, maxRows: 3).Count);
        var refused = Assert.Throws<UnreadableFileException>(() => Read(csv, maxRows: 2));
        Assert.Contains("超过2行数据的上限", refused.Message);
    }

    [Theory]
    [InlineData("特困", "destitute-dispersed", "destitute-dispersed", true)]
    [InlineData("五保", "urban-dibao", null, true)]
    [InlineData("城市最低生活保障", "rural-dibao", "urban-dibao", true)]
    [InlineData("优抚对象抚恤金", "urban-dibao", "veterans-pension", true)]
    [InlineData("低保户", "urban-dibao", null, false)]
    public void ProgrammeNames_MapToOurCodes(string name, string payroll, string? expected, bool known)
    {
        Assert.Equal(expected, OldPaymentList.ProgramOf(name, payroll, out var isKnown));
        Assert.Equal(known, isKnown);
    }
}
