using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.PairedSupport;

/// <summary>结对帮扶: pairings of the region, a form to pair a household by its head's ID number, contacts and ending on each.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(SupportPairingService service, HouseholdSearch households, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    /// <summary>Today in China, the default date of the forms.</summary>
    public string Today => Minzheng.Platform.Calendar.ChinaTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public Paged<PairingDto> Pairings { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public PairingDto? Selected { get; private set; }
    public bool CanRecord { get; private set; }
    public string? Error { get; private set; }
    public string? Saved { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool ShowEnded { get; set; }

    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Helper { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    /// <summary>The export holds what the list shows: running pairings unless the ended ones are asked for too.</summary>
    public string ExportUrl => ListLinks.Export(Request, "/api/v1/paired-supports/export.xlsx", ("showEnded", null), ("active", ShowEnded ? null : "true"));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Saved = TempData["Saved"] as string;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostPairAsync(string? headIdNumber, string? helper, string? helperUnit, string? startedOn, string? measures, CancellationToken ct)
    {
        var household = string.IsNullOrWhiteSpace(headIdNumber) ? null : await households.FindByIdNumberAsync(headIdNumber, ct);
        return await RecordAsync(async () =>
        {
            if (household is null)
            {
                return "未找到该身份证号对应的家庭（须为您管辖范围内已登记的家庭成员）";
            }

            var (_, id, errors, message) = await service.PairAsync(new PairingRequest(household.Id, helper, helperUnit, startedOn, measures), ct);
            Id = id ?? Id;
            return id is null ? message ?? string.Join("；", errors.Messages) : null;
        }, "已结对", ct);
    }

    public Task<IActionResult> OnPostContactAsync(string? contactedOn, string? way, string? content, CancellationToken ct) =>
        RecordAsync(async () => Message(await service.ContactAsync(Id ?? Guid.Empty, new ContactRequest(contactedOn, way, content), ct)), "已记录帮扶情况", ct);

    public Task<IActionResult> OnPostEndAsync(string? endedOn, string? reason, CancellationToken ct) =>
        RecordAsync(async () => Message(await service.EndAsync(Id ?? Guid.Empty, new EndPairingRequest(endedOn, reason), ct)), "结对已结束", ct);

    private static string? Message((Platform.Kernel.Outcome Outcome, Platform.Web.FieldErrors Errors, string? Message) r) =>
        r.Outcome == Platform.Kernel.Outcome.Done ? null : r.Message ?? string.Join("；", r.Errors.Messages);

    /// <summary>Runs a change; on success shows the pairing with a message, otherwise the page again with the error (typed values kept by the browser's form).</summary>
    private async Task<IActionResult> RecordAsync(Func<Task<string?>> change, string done, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.RecordVisits)).Succeeded)
        {
            return Forbid();
        }

        if (await change() is { } error)
        {
            Error = error;
            await LoadAsync(ct);
            return Page();
        }

        TempData["Saved"] = done;
        return RedirectToPage(new { id = Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanRecord = (await authorization.AuthorizeAsync(User, AssistancePolicies.RecordVisits)).Succeeded;
        Pairings = await service.PageAsync(new PairingFilter(ShowEnded ? null : true, Name: Name, Helper: Helper), PageRequest.From(PageNumber, null, Sort, Dir), ct);
        Selected = Id is { } id ? await service.GetAsync(id, ct) : null;
    }
}
