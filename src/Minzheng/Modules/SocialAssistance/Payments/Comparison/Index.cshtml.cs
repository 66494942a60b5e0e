using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Payments.Comparison;

/// <summary>
/// 与原系统比对: pick one of our payrolls (or come from its page), upload the old system's list of the same month, and
/// read the figures per programme and township side by side with the differences person by person; or download them
/// all as a workbook. The file is read and forgotten — to export after looking, the clerk chooses it again.
/// </summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class ComparisonModel(PayrollComparison comparison, PayrollQueries queries, UploadReader uploads) : PageModel
{
    /// <summary>Differences listed on the page; the export has them all.</summary>
    public const int ShownOnPage = 500;

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    public PayrollDto? Payroll { get; private set; }

    /// <summary>Recent payrolls to choose from, when the page is opened without one.</summary>
    public List<PayrollDto> Payrolls { get; private set; } = [];

    public ComparisonReport? Report { get; private set; }
    public IReadOnlyList<ImportError> Errors { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var report = await CompareAsync(file, export: false, ct);
        Report = report?.Trimmed(ShownOnPage);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostExportAsync(IFormFile? file, CancellationToken ct)
    {
        if (await CompareAsync(file, export: true, ct) is { } report)
        {
            return File(await SpreadsheetFile.TempAsync(ComparisonExport.Sheets(report), ct), SpreadsheetFile.XlsxType, ComparisonExport.FileName(report));
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<ComparisonReport?> CompareAsync(IFormFile? file, bool export, CancellationToken ct)
    {
        if (Id is not { } id)
        {
            Error = "请先选择本系统的发放名册";
            return null;
        }

        try
        {
            var (outcome, message, errors, report) = await comparison.CompareAsync(id, await uploads.ReadAsync(file, ct), file!.FileName, export, ct);
            (Error, Errors) = (outcome == Outcome.Done ? null : message, errors);
            return report;
        }
        catch (UnreadableFileException ex)
        {
            Error = ex.Message;
            return null;
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            Payroll = await queries.GetAsync(id, ct);
            return Payroll is not null;
        }

        Payrolls = (await queries.ListAsync(null, null, new PageRequest(1, 100, null, false), ct)).Items.Where(p => p.Status != "rejected").ToList();
        return true;
    }

    public static string Money(decimal value) => value.ToString("N2", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A difference with its sign, so "+" reads as "ours pays more".</summary>
    public static string Signed(decimal value) => value > 0 ? "+" + Money(value) : Money(value);

    public static string Signed(int value) => value > 0 ? $"+{value}" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
