using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// The marriage register's API (DESIGN §5 "Marriage"): registrations, divorce applications with their windows, look-up and
/// reissue of certificates, revocations and corrections by the registry's head, statistics.
/// </summary>
public static class MarriageEndpoints
{
    public static RouteGroupBuilder MapMarriage(this RouteGroupBuilder api)
    {
        var marriage = api.MapGroup("/marriage").WithTags("Marriage");
        marriage.MapPost("/registrations", RegisterMarriage).WithName("Marriage_Register").RequireAuthorization(MarriageModule.Register)
            .WithSummary("结婚登记：法定婚龄、性别、重婚与声明检查；同一双方同一日期重复提交答复409");
        var divorces = marriage.MapGroup("/divorce-applications").RequireAuthorization(MarriageModule.Register);
        divorces.MapPost("/", Apply).WithName("Marriage_ApplyDivorce").WithSummary("离婚登记申请：受理并计算冷静期届满日与领证截止日");
        divorces.MapGet("/{id:guid}", Application).WithName("Marriage_DivorceApplication")
            .WithSummary("离婚登记申请详情：期限、状态、撤回人、离婚协议（子女抚养、财产分割、债务处理；脱敏，留痕）");
        divorces.MapPost("/{id:guid}/withdraw", Withdraw).WithName("Marriage_WithdrawDivorce").WithSummary("冷静期内任一方撤回离婚登记申请");
        divorces.MapPost("/{id:guid}/register", RegisterDivorce).WithName("Marriage_RegisterDivorce").WithSummary("冷静期届满后30日内办理离婚登记");
        var records = marriage.MapGroup("/records").RequireAuthorization(MarriageModule.Register);
        records.MapPost("/lookup", Lookup).WithName("Marriage_Lookup").WithSummary("按当事人身份证号查找其婚姻登记记录（全国通办，脱敏，留痕）");
        records.MapGet("/{id:guid}", Record).WithName("Marriage_Record").WithSummary("婚姻登记记录详情及其历史（补领、离婚、撤销、更正；脱敏，留痕）");
        records.MapPost("/{id:guid}/corrections", Correct).WithName("Marriage_Correct").RequireAuthorization(MarriageModule.Supervise)
            .WithSummary("更正婚姻登记错误（婚姻登记处负责人）：一项内容、原因");
        marriage.MapPost("/reissues", Reissue).WithName("Marriage_Reissue").RequireAuthorization(MarriageModule.Register)
            .WithSummary("补领结婚证或离婚证：由当事人本人申请，发给补发证字号");
        marriage.MapPost("/revocations", Revoke).WithName("Marriage_Revoke").RequireAuthorization(MarriageModule.Supervise)
            .WithSummary("依人民法院判决撤销婚姻或宣告婚姻无效（婚姻登记处负责人），双方恢复未婚状态");
        // The 补录 itself goes through the platform's staged import: POST /api/v1/imports?kind=marriage-history, then commit.
        marriage.MapGet("/historical-imports/template.xlsx", ImportTemplate).WithName("Marriage_ImportTemplate").RequireAuthorization(MarriageModule.Register)
            .WithSummary("婚姻登记档案补录模板（补录经 POST /api/v1/imports?kind=marriage-history 上传校验，再确认导入）");
        marriage.MapGet("/statistics", Statistics).WithName("Marriage_Statistics").RequireAuthorization(MarriageModule.Read)
            .WithSummary("婚姻登记统计：按登记日期统计结婚、离婚、补发结婚证、补发离婚证、撤销");
        return api;
    }

    public static async Task<Results<Created<RegisteredMarriageRecord>, ValidationProblem, ProblemHttpResult>> RegisterMarriage(RegisterMarriageRequest request,
        MarriageRegistry registry, CancellationToken ct) =>
        Answer(await registry.RegisterMarriageAsync(request, ct), v => $"/api/v1/marriage/registrations/{v.Id}");

    public static async Task<Results<Created<CreatedDivorceApplication>, ValidationProblem, ProblemHttpResult>> Apply(DivorceApplicationRequest request,
        DivorceService divorces, CancellationToken ct) =>
        Answer(await divorces.ApplyAsync(request, ct), v => $"/api/v1/marriage/divorce-applications/{v.Id}");

    public static async Task<Results<Ok<DivorceApplicationView>, ProblemHttpResult>> Application(Guid id, DivorceApplicationDetails details, CancellationToken ct) =>
        await details.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : ApiProblems.NotFound("离婚登记申请不存在或不在您的管辖范围内");

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Withdraw(Guid id, WithdrawDivorceRequest request, DivorceService divorces,
        CancellationToken ct)
    {
        var (outcome, message, errors) = await divorces.WithdrawAsync(id, request, ct);
        return outcome switch
        {
            Outcome.Done => TypedResults.NoContent(),
            Outcome.Invalid => errors.ToProblem(),
            _ => ApiProblems.For(outcome, message!),
        };
    }

    public static async Task<Results<Created<RegisteredMarriageRecord>, ValidationProblem, ProblemHttpResult>> RegisterDivorce(Guid id,
        RegisterDivorceRequest request, DivorceService divorces, CancellationToken ct) =>
        Answer(await divorces.RegisterAsync(id, request, ct), v => $"/api/v1/marriage/registrations/{v.Id}");

    public static async Task<Results<Ok<List<MarriageLookupRow>>, ValidationProblem, ProblemHttpResult>> Lookup(MarriageLookupRequest request,
        MarriageReissues reissues, CancellationToken ct)
    {
        var result = await reissues.LookupAsync(request, ct);
        return result.Outcome == Outcome.Done ? TypedResults.Ok(result.Value!) : result.Errors.ToProblem();
    }

    public static async Task<Results<Ok<MarriageRecordDetail>, ProblemHttpResult>> Record(Guid id, MarriageRecordDetails details, CancellationToken ct) =>
        await details.GetAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound("婚姻登记记录不存在或不在您的管辖范围内");

    public static async Task<Results<Created<ReissuedCertificate>, ValidationProblem, ProblemHttpResult>> Reissue(ReissueRequest request,
        MarriageReissues reissues, CancellationToken ct) =>
        Answer(await reissues.ReissueAsync(request, ct), v => $"/api/v1/marriage/records/{v.Id}");

    public static async Task<Results<Created<RecordedRevocation>, ValidationProblem, ProblemHttpResult>> Revoke(RevocationRequest request,
        MarriageAmendments amendments, CancellationToken ct) =>
        Answer(await amendments.RevokeAsync(request, ct), v => $"/api/v1/marriage/records/{v.Id}");

    public static async Task<Results<Created<RecordedCorrection>, ValidationProblem, ProblemHttpResult>> Correct(Guid id, CorrectionRequest request,
        MarriageCorrections corrections, CancellationToken ct) =>
        Answer(await corrections.CorrectAsync(id, request, ct), _ => $"/api/v1/marriage/records/{id}");

    public static async Task<FileContentHttpResult> ImportTemplate(CancellationToken ct)
    {
        // The optional columns follow: only a party with a passport or a 通行证 needs them (the third example).
        var sheet = TemplateWorkbook.Sheet("婚姻登记档案", [.. MarriageHistoryImport.Headers, .. HistoricalPartyCells.OptionalHeaders],
            ["结婚", "1998-10-01", "共青城结字第98001号", "张伟", "360482197001010017", "李娜", "360482197203030024", "", "", "", "", "", "", "", "", ""],
            ["离婚", "2005-06-18", "共青城离字第05012号", "张伟", "360482197001010017", "李娜", "360482197203030024", "", "", "", "", "", "", "", "", ""],
            ["结婚", "2012-05-20", "共青城结字第12035号", "陈刚", "360482198305050039", "阮氏兰", "C1234567", "", "", "", "", "", "护照", "女", "1990-02-03", "VNM"]);
        return TypedResults.File(await TemplateWorkbook.SaveAsync([sheet], ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "marriage-history.xlsx");
    }

    public static async Task<Results<Ok<MarriageStatistics>, ValidationProblem, ProblemHttpResult>> Statistics(string? region, string? from, string? to,
        MarriageQueries queries, CancellationToken ct)
    {
        var (outcome, value, errors) = await queries.StatisticsAsync(region, from, to, ct);
        return outcome switch
        {
            Outcome.Done => TypedResults.Ok(value!),
            Outcome.Invalid => errors.ToProblem(),
            _ => ApiProblems.NotFound("请求的区划不存在或不在您的管辖范围内"),
        };
    }

    private static Results<Created<T>, ValidationProblem, ProblemHttpResult> Answer<T>(MarriageResult<T> result, Func<T, string> location) => result.Outcome switch
    {
        Outcome.Done => TypedResults.Created(location(result.Value!), result.Value),
        Outcome.Invalid => result.Errors.ToProblem(),
        _ => ApiProblems.For(result.Outcome, result.Message!),
    };
}
