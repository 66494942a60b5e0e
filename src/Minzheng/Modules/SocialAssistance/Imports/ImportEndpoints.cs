using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Imports;

public static class ImportEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapImports(this RouteGroupBuilder api)
    {
        // Staging and committing are the platform's (/api/v1/imports, StagedImportEndpoints); the templates are the line's.
        var imports = api.MapGroup("/imports").WithTags("Imports").RequireAuthorization(AssistancePolicies.ImportRosters);
        imports.MapGet("/templates/assistance-roster.xlsx", Template).WithName("Imports_Template").WithSummary("花名册模板");
        imports.MapGet("/templates/member-roster.xlsx", MemberTemplate).WithName("Imports_MemberTemplate").WithSummary("家庭成员花名册模板");
        imports.MapGet("/templates/{kind}.xlsx", CheckListTemplate).WithName("Imports_CheckListTemplate")
            .WithSummary("核查名单模板：death-records、economic-records、staff-relatives");
        return api;
    }

    private static readonly Dictionary<string, (string Sheet, string[] Headers, string[] Example)> CheckListTemplates = new()
    {
        [Verification.DeathRecordImport.Kind] = ("死亡名单", Verification.DeathRecordImport.Headers, ["11010519491231002X", "张三", "2026-05-01", "火化"]),
        [Verification.CheckListImport.EconomicKind] = ("核对数据", Verification.CheckListImport.EconomicHeaders,
            ["11010519491231002X", "张三", "车辆", "赣G12345 小型轿车", "", "2026-05-01", "公安交管"]),
        [Verification.CheckListImport.RelativesKind] = ("近亲属备案", Verification.CheckListImport.RelativeHeaders,
            ["360482100201", "王五", "村委会主任", "张三", "11010519491231002X", "配偶"]),
    };

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CheckListTemplate(string kind, CancellationToken ct)
    {
        if (!CheckListTemplates.TryGetValue(kind, out var t))
        {
            return ApiProblems.NotFound($"没有“{kind}”模板");
        }

        var sheet = TemplateWorkbook.Sheet(t.Sheet, t.Headers, [.. t.Example]);
        return TypedResults.File(await TemplateWorkbook.SaveAsync([sheet], ct), XlsxType, $"{kind}.xlsx");
    }

    public static async Task<FileContentHttpResult> MemberTemplate(CancellationToken ct)
    {
        object?[][] examples =
        [
            ["11010519491231002X", "360482100201", "农村", "红光村一组1号", "张三", "11010519491231002X", "户主", "300.00", "", "自理", "13800138000"],
            ["11010519491231002X", "360482100201", "农村", "红光村一组1号", "李四", "440524188001010014", "配偶", "0", "2", "半失能", ""],
        ];
        XlsxSheet[] sheets =
        [
            TemplateWorkbook.Sheet("成员花名册", MemberRoster.Headers, examples),
            TemplateWorkbook.Sheet("与户主关系", ["与户主关系"], [.. MemberRoster.Relationships.Keys.Select(k => new object?[] { k })]),
        ];
        return TypedResults.File(await TemplateWorkbook.SaveAsync(sheets, ct), XlsxType, "member-roster.xlsx");
    }

    public static async Task<FileContentHttpResult> Template(CancellationToken ct)
    {
        // Counts and the amount are numbers, as in an exported roster, so the example shows what the importer accepts.
        object?[] example = ["360482100201", "农村低保", "张三", "11010519491231002X", 3, 2, 520.00m, "2026-01", "中国农业银行", "6228480012345678", "13800138000", "红光村一组1号"];
        XlsxSheet[] sheets =
        [
            TemplateWorkbook.Sheet("花名册", AssistanceRoster.Headers, example),
            // The roster takes the programme by its Chinese name (AssistancePrograms.ByName): the list shows only names.
            TemplateWorkbook.Sheet("保障类别", ["保障类别"], [.. AssistancePrograms.All.Select(p => new object?[] { p.Name })]),
        ];
        return TypedResults.File(await TemplateWorkbook.SaveAsync(sheets, ct), XlsxType, "assistance-roster.xlsx");
    }
}
