using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.InformationOfficers;

/// <summary>殡改信息员 and their yearly subsidy: <c>/api/v1/funeral/officers</c> and <c>/api/v1/funeral/officer-rosters</c>.</summary>
public static class OfficerEndpoints
{
    public const string ExportKind = "officer-subsidies";

    public static void Map(RouteGroupBuilder api)
    {
        var officers = api.MapGroup("/funeral/officers").WithTags("Funeral").RequireAuthorization(FuneralModule.Record);
        officers.MapPost("/", Appoint).WithName("Funeral_AppointOfficer")
            .WithSummary("聘任殡改信息员：name、idNumber、phone、regionCode（本人管辖范围内的村）、appointedOn；同一人在同一村在任时再次聘任答复409");
        officers.MapGet("/", List).WithName("Funeral_ListOfficers")
            .WithSummary("殡改信息员：region、status=active|ended、name；page、pageSize、sort=appointed|region|name、dir；身份证号、电话脱敏；总数在 X-Total-Count");
        officers.MapGet("/by-township", ByTownship).WithName("Funeral_OfficersByTownship").WithSummary("在任殡改信息员按乡镇统计");
        officers.MapPost("/{id:guid}/end", End).WithName("Funeral_EndOfficer").WithSummary("解聘：endedOn（不早于聘任日期、不晚于今天）；已解聘答复409");

        var rosters = api.MapGroup("/funeral/officer-rosters").WithTags("Funeral").RequireAuthorization(FuneralModule.Record);
        rosters.MapPost("/", Generate).WithName("Funeral_GenerateOfficerRoster")
            .WithSummary("生成年度殡改信息员补贴：year、annualStandard（选填，默认600.00元/年）、regionCode（选填，默认本人管辖区划）；每人补贴=标准×服务月数÷12；同一年度再次生成答复409");
        rosters.MapGet("/{year:int}", Roster).WithName("Funeral_GetOfficerRoster").WithSummary("年度补贴发放表：每人服务月数、计算式、金额、发放日期，合计与已发放");
        rosters.MapGet("/{year:int}/export.xlsx", Export).WithName("Funeral_ExportOfficerRoster").WithSummary("导出年度补贴发放表供财政发放（身份证号脱敏），记入审计日志");
        rosters.MapPost("/lines/{id:guid}/paid", Paid).WithName("Funeral_MarkOfficerSubsidyPaid").WithSummary("登记已发放：paidOn；已发放答复409");
    }

    public static async Task<Results<Created<OfficerRow>, ProblemHttpResult>> Appoint(OfficerRequest request, OfficerService service, CancellationToken ct) =>
        Answer(await service.AppointAsync(request, ct), r => $"/api/v1/funeral/officers/{r.Id}");

    public static async Task<Ok<List<OfficerRow>>> List([AsParameters] OfficerFilter filter, int? page, int? pageSize, string? sort, string? dir,
        OfficerService service, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await service.PageAsync(filter, PageRequest.NewestFirst(page, pageSize, sort, dir), ct)).WithTotalHeader(response));

    public static async Task<Ok<List<OfficerTownship>>> ByTownship(OfficerService service, CancellationToken ct) => TypedResults.Ok(await service.ByTownshipAsync(ct));

    public static async Task<Results<Created<OfficerRow>, ProblemHttpResult>> End(Guid id, OfficerEndRequest request, OfficerService service, CancellationToken ct) =>
        Answer(await service.EndAsync(id, request, ct), r => $"/api/v1/funeral/officers/{r.Id}");

    public static async Task<Results<Created<SubsidyRoster>, ProblemHttpResult>> Generate(RosterRequest request, SubsidyService service, CancellationToken ct) =>
        Answer(await service.GenerateAsync(request, ct), r => $"/api/v1/funeral/officer-rosters/{r.Year}");

    public static async Task<Ok<SubsidyRoster>> Roster(int year, SubsidyService service, CancellationToken ct) => TypedResults.Ok(await service.RosterAsync(year, ct));

    public static async Task<Results<Created<SubsidyRow>, ProblemHttpResult>> Paid(Guid id, PaidRequest request, SubsidyService service, CancellationToken ct) =>
        Answer(await service.MarkPaidAsync(id, request, ct), r => $"/api/v1/funeral/officer-rosters/{r.Id}");

    public static async Task<FileStreamHttpResult> Export(int year, SubsidyService service, AuditLog audit, Platform.Regions.RegionService regions, CancellationToken ct)
    {
        var roster = await service.RosterAsync(year, ct);
        var names = await regions.NamesOfAsync(roster.Rows.SelectMany(r => new[] { r.RegionCode, r.RegionCode[..9].PadRight(12, '0') }), ct);
        var rows = roster.Rows.Select((r, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["乡镇"] = names.GetValueOrDefault(r.RegionCode[..9].PadRight(12, '0'), ""),
            ["村（社区）"] = names.GetValueOrDefault(r.RegionCode, r.RegionCode),
            ["姓名"] = SpreadsheetText.Safe(r.Name),
            ["身份证号"] = r.IdNumberMasked,
            ["服务月数"] = r.Months,
            ["计算方式"] = r.Calculation,
            ["补贴金额（元）"] = r.Amount,
            ["发放日期"] = r.PaidOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "未发放",
        });
        await audit.RecordAsync(AuditActions.Exported, entityType: nameof(OfficerSubsidyLine), details: new { kind = ExportKind, year, rows = roster.Rows.Count }, ct: ct);
        return await SpreadsheetFile.XlsxAsync(rows, $"{year}年殡改信息员补贴", $"officer-subsidies-{year}.xlsx", ct, totals: true);
    }

    private static Results<Created<T>, ProblemHttpResult> Answer<T>(FuneralResult<T> result, Func<T, string> location) => result.Outcome switch
    {
        Outcome.Done => TypedResults.Created(location(result.Value!), result.Value),
        Outcome.Invalid => FuneralEndpoints.Unprocessable(result.Errors),
        _ => ApiProblems.For(result.Outcome, result.Message!),
    };
}
