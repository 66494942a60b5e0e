using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Medical;

/// <summary>医疗救助结算: the settlement files with their totals, and the yearly 资助参保 lists; the county imports and lists here.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(SettlementService settlements, InsuranceSubsidyService subsidies, MedicalQueries queries, UploadReader uploads,
    IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public Paged<SettlementBatchDto> Batches { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public List<SubsidyListDto> Lists { get; private set; } = [];
    public IReadOnlyList<ImportError> FileErrors { get; private set; } = [];
    public int FileErrorCount { get; private set; }
    public bool CanImport { get; private set; }
    public string? Error { get; private set; }
    public string ScopeRoot => User.FindFirst(MinzhengClaims.Region)?.Value ?? "";

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    [BindProperty]
    public InsuranceSubsidyRequest Form { get; set; } = new(null, null, null, null, null, null);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form = Form with { Year = Minzheng.Platform.Calendar.ChinaTime.Today(clock).Year + 1 };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.MedicalAid)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            var result = await settlements.ImportAsync(await uploads.ReadAsync(file, ct), file!.FileName, User.Identity?.Name ?? "", ct);
            if (result.BatchId is { } id)
            {
                return RedirectToPage("Batch", new { id });
            }

            (Error, FileErrors, FileErrorCount) = (result.Message, result.Errors?.Take(ImportErrorList.DefaultShown).ToList() ?? [], result.Errors?.Count ?? 0);
        }
        catch (UnreadableFileException ex)
        {
            Error = ex.Message;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.MedicalAid)).Succeeded)
        {
            return Forbid();
        }

        var (_, list, errors, message) = await subsidies.ProposeAsync(Form, ct);
        if (list is not null)
        {
            return RedirectToPage("Subsidy", new { id = list.Id });
        }

        Error = errors.Any ? string.Join("；", errors.Messages) : message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanImport = (await authorization.AuthorizeAsync(User, AssistancePolicies.MedicalAid)).Succeeded;
        Batches = await queries.BatchesAsync(Status, PageRequest.NewestFirst(PageNumber, null, Sort, Dir), ct);
        Lists = await queries.SubsidyListsAsync(ct);
    }
}
