using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Payments.Comparison;

/// <summary>
/// <c>POST /api/v1/payrolls/{id}/comparison</c> (multipart field <c>file</c>): the payroll against the old system's list
/// of the month; <c>…/comparison.xlsx</c> the same as a workbook with every difference; the list's template.
/// </summary>
public static class ComparisonEndpoints
{
    public const string TemplateFile = "payroll-comparison.xlsx";

    public static RouteGroupBuilder MapPayrollComparison(this RouteGroupBuilder api)
    {
        var payrolls = api.MapGroup("/payrolls").WithTags("Payments");
        payrolls.MapPost("/{id:guid}/comparison", CompareAsync).WithName("Payrolls_Compare").RequireAuthorization(Policies.BusinessRead).DisableAntiforgery()
            .WithSummary("与原系统比对：上传原系统同月发放名单（表头：身份证号, 姓名, 救助项目, 金额；可选 保障人数、区划代码或乡镇），按项目和乡镇比对户数、人数、金额，列出差异（身份证号脱敏，记审计）");
        payrolls.MapPost("/{id:guid}/comparison.xlsx", ExportAsync).WithName("Payrolls_CompareExport").RequireAuthorization(Policies.BusinessRead).DisableAntiforgery()
            .WithSummary("与原系统比对，导出全部差异（Excel，身份证号脱敏，记审计）");
        payrolls.MapGet("/comparison-template.xlsx", TemplateAsync).WithName("Payrolls_CompareTemplate").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("原系统发放名单模板");
        return api;
    }

    public static async Task<Results<Ok<ComparisonReport>, ProblemHttpResult>> CompareAsync(Guid id, IFormFile? file, PayrollComparison comparison, UploadReader uploads,
        CancellationToken ct)
    {
        var (report, problem) = await RunAsync(id, file, comparison, uploads, export: false, ct);
        return report is null ? problem! : TypedResults.Ok(report.Trimmed(PayrollComparison.ShownDifferences));
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ExportAsync(Guid id, IFormFile? file, PayrollComparison comparison, UploadReader uploads,
        CancellationToken ct)
    {
        var (report, problem) = await RunAsync(id, file, comparison, uploads, export: true, ct);
        return report is null ? problem! : await ComparisonExport.XlsxAsync(report, ct);
    }

    public static async Task<FileContentHttpResult> TemplateAsync(CancellationToken ct)
    {
        object?[][] examples =
        [
            ["11010519491231002X", "张三", "农村低保", 520.00m, 2, "360482100201", ""],
            ["440524188001010014", "李四", "城市低保", 780.50m, 3, "", "甘露镇"],
        ];
        var sheet = TemplateWorkbook.Sheet("原系统发放名单", OldPaymentList.Headers, examples);
        return TypedResults.File(await TemplateWorkbook.SaveAsync([sheet], ct), SpreadsheetFile.XlsxType, TemplateFile);
    }

    /// <summary>The report, or the problem: 400 for a file that cannot be read, 422 with the rows' errors, 404 for a payroll the caller cannot see.</summary>
    private static async Task<(ComparisonReport? Report, ProblemHttpResult? Problem)> RunAsync(Guid id, IFormFile? file, PayrollComparison comparison,
        UploadReader uploads, bool export, CancellationToken ct)
    {
        try
        {
            var content = await uploads.ReadAsync(file, ct);
            var (outcome, message, errors, report) = await comparison.CompareAsync(id, content, file!.FileName, export, ct);
            if (report is not null)
            {
                return (report, null);
            }

            if (errors.Count == 0)
            {
                return (null, ApiProblems.For(outcome, message!));
            }

            var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 422, Title = ApiProblems.ChineseTitle(422), Detail = message };
            errors.AddTo(problem, ImportErrorList.DefaultShown, stopped: errors.Count >= errors.Limit);
            return (null, TypedResults.Problem(problem));
        }
        catch (UnreadableFileException ex)
        {
            return (null, ApiProblems.Problem(400, ex.Message));
        }
    }
}
