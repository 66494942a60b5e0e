using System.Net;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Payments;

/// <summary>
/// The first return file of a payroll is copied into the database while it is read: one with more errors than the
/// limit stops the check midway, with answers already sent. Nothing of it may stay, and the connection goes on working.
/// </summary>
public abstract class BankReturnErrorLimitTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    [Fact]
    public async Task TooManyErrors_StopTheCopyMidway_NothingIsKept_AndTheNextFileGoesIn()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "城市低保", 110m, 120m);
        var id = await PayrollAsync(app, "urban-dibao", village, "2026-03");
        using var finance = await app.ClientAsAsync("finance");
        using var county = await app.ClientAsAsync("county");
        static string Ref(Payee p) => Guid.Parse(p.EnrollmentId).ToString("N");
        var header = "流水号,金额,处理结果,失败原因\n";
        var unknown = string.Concat(Enumerable.Range(0, 3).Select(_ => $"{Guid.NewGuid():N},1.00,成功,\n"));
        var refused = await (await finance.UploadReturnAsync(id, header + $"{Ref(payees[0])},110.00,成功,\n" + unknown))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal([3, 4], refused.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()));
        Assert.All(await LinesAsync(county, id), l => Assert.Equal("pending", l.GetProperty("status").GetString()));

        await (await finance.UploadReturnAsync(id, header + $"{Ref(payees[0])},110.00,成功,\n{Ref(payees[1])},120.00,失败,账户冻结\n")).JsonAsync();
        Assert.Equal(["failed", "paid"], (await LinesAsync(county, id)).Select(l => l.GetProperty("status").GetString()).Order());
    }
}

public sealed class FewImportErrorsSqliteApp : SqliteApp
{
    public FewImportErrorsSqliteApp() => Settings["Imports:MaxErrors"] = "2";
}

public sealed class FewImportErrorsPostgresApp : PostgresApp
{
    public FewImportErrorsPostgresApp() => Settings["Imports:MaxErrors"] = "2";
}

public sealed class SqliteBankReturnErrorLimitTests(FewImportErrorsSqliteApp app) : BankReturnErrorLimitTests<FewImportErrorsSqliteApp>(app);

public sealed class PostgresBankReturnErrorLimitTests(FewImportErrorsPostgresApp app) : BankReturnErrorLimitTests<FewImportErrorsPostgresApp>(app);
