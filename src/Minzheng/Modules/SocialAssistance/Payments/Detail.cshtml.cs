using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Payments;

/// <summary>
/// One payroll: totals per township (per village for a township's view, each with its signature list), failed lines to
/// fix, lines (masked), approve/reject, corrections, bank files, return file, re-issue. A township or village sees a
/// county payroll as its slice, read-only: no step is offered, and each handler refuses it anyway (the region filter
/// hides the payroll from every write).
/// </summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class DetailModel(PayrollService service, PayrollQueries queries, PayrollLineQueries lines, PayrollCorrections corrections, ReconciliationService reconciliation,
    Minzheng.Platform.Web.UploadReader uploads, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 200;

    public PayrollDto Payroll { get; private set; } = null!;
    public List<AreaTotal> Areas { get; private set; } = [];

    /// <summary>The villages with lines, for the signature-list picker when <see cref="Areas"/> are townships.</summary>
    public List<AreaTotal> Villages { get; private set; } = [];

    /// <summary>Lines the bank refused and no supplementary payroll has paid yet: the accounts to correct.</summary>
    public List<PayrollLineDto> Failed { get; private set; } = [];
    public Paged<PayrollLineDto> Lines { get; private set; } = new([], 0, 1, PageSize);
    public List<Unpaid> Unpaid { get; private set; } = [];
    public int UnpaidTotal { get; private set; }
    public List<BankFileExport> Exports { get; private set; } = [];
    public IReadOnlyList<ImportError> ReturnErrors { get; private set; } = [];
    public ReconciliationResult? Reconciled { get; private set; }
    public bool CanMake { get; private set; }
    public bool CanCheck { get; private set; }
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? LineStatus { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public string LinesExportUrl => ListLinks.Export(Request, $"/api/v1/payrolls/{Id}/lines.xlsx");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(decimal? confirmTotal, CancellationToken ct) =>
        ActAsync(AssistancePolicies.CheckPayrolls, () => service.ApproveAsync(Id, User.Identity?.Name ?? "", confirmTotal, ct, confirmationRequired: true), ct);

    public Task<IActionResult> OnPostRejectAsync(string? reason, CancellationToken ct) =>
        ActAsync(AssistancePolicies.CheckPayrolls, () => service.RejectAsync(Id, User.Identity?.Name ?? "", reason, ct), ct);

    public Task<IActionResult> OnPostCorrectAsync(Guid? enrollmentId, string? month, decimal? amount, string? reason, CancellationToken ct) =>
        ActAsync(AssistancePolicies.MakePayrolls, () => corrections.AddAsync(Id, new CorrectionRequest(enrollmentId, month, amount, reason), ct), ct);

    public async Task<IActionResult> OnPostReissueAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.MakePayrolls)).Succeeded)
        {
            return Forbid();
        }

        var (outcome, message, payroll) = await reconciliation.ReissueAsync(Id, ct);
        if (payroll is not null)
        {
            return RedirectToPage(new { id = payroll.Id });
        }

        Error = message;
        return outcome == Outcome.NotFound || !await LoadAsync(ct) ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostReturnsAsync(IFormFile? file, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.CheckPayrolls)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            var (_, message, errors, result) = await reconciliation.ReconcileAsync(Id, await uploads.ReadAsync(file, ct), file!.FileName, ct);
            (Error, ReturnErrors, Reconciled) = (message, errors, result);
        }
        catch (UnreadableFileException ex)
        {
            Error = ex.Message;
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> ActAsync(string policy, Func<Task<(Outcome Outcome, string? Message)>> act, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, policy)).Succeeded)
        {
            return Forbid();
        }

        var (outcome, message) = await act();
        if (outcome == Outcome.Done)
        {
            return RedirectToPage(new { id = Id });
        }

        Error = message;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.GetAsync(Id, ct) is not { } payroll)
        {
            return false;
        }

        Payroll = payroll;
        CanMake = !payroll.ReadOnly && (await authorization.AuthorizeAsync(User, AssistancePolicies.MakePayrolls)).Succeeded;
        CanCheck = !payroll.ReadOnly && (await authorization.AuthorizeAsync(User, AssistancePolicies.CheckPayrolls)).Succeeded;
        Areas = await queries.AreasAsync(payroll, ct);
        Villages = Areas.All(a => a.Level == "village") ? Areas : await queries.AreasAsync(Id, byVillage: true, ct);
        Failed = payroll.FailedLines > 0 ? (await lines.SliceAsync(Id, null, "failed", 0, PageSize, ct)).Lines : [];
        Lines = await lines.PageAsync(Id, Kind, LineStatus, PageRequest.From(PageNumber, null, Sort, Dir, PageSize), ct);
        (UnpaidTotal, Unpaid) = await lines.UnpaidAsync(Id, PayrollLineQueries.UnpaidShown, ct);
        Exports = CanCheck ? await queries.ExportsAsync(Id, ct) : [];
        return true;
    }

    public static string KindName(string kind) => kind switch
    {
        "regular" => "正常发放",
        "arrears" => "补发",
        "recovery" => "追回",
        "correction" => "人工更正",
        _ => "失败补发",
    };

    public static string StatusName(string status) => status switch
    {
        "paid" => "已到账",
        "failed" => "发放失败",
        "reissued" => "已补发",
        _ => "待发放",
    };
}
