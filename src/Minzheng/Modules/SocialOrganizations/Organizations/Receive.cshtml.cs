using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialOrganizations.Applications;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>
/// 接收登记申请 at the window: 成立 (the particulars of the organisation to found, its members and council), or for a
/// registered organisation 变更 (only the fields to change) or 注销 (the reason). Refused input is kept with every reason.
/// </summary>
[Authorize(Policy = SocialOrganizationsModule.Register)]
public sealed class ReceiveModel(ApplicationIntake intake, OrganizationQueries organizations, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? OrganizationId { get; set; }
    [BindProperty] public string? ReceivedOn { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? CreditCode { get; set; }
    [BindProperty] public string? CreditCodeNote { get; set; }
    [BindProperty] public string? SupervisingUnit { get; set; }
    [BindProperty] public string? Residence { get; set; }
    [BindProperty] public string? RegisteredCapital { get; set; }
    [BindProperty] public string? RepresentativeName { get; set; }
    [BindProperty] public string? RepresentativeIdNumber { get; set; }
    [BindProperty] public int? IndividualMembers { get; set; }
    [BindProperty] public int? UnitMembers { get; set; }
    [BindProperty] public int? CouncilSize { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public SocialOrganization? Organization { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public ApplicationKind ProcedureKind => Procedure switch
    {
        "change" => ApplicationKind.Change,
        "deregister" => ApplicationKind.Deregister,
        _ => ApplicationKind.Establish,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ReceivedOn = clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        decimal? capital = null;
        if (!string.IsNullOrWhiteSpace(RegisteredCapital))
        {
            if (!decimal.TryParse(RegisteredCapital.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal).Trim(),
                    NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                Errors = ["注册资金应为以元为单位的数字，如 50000 或 50000.00"];
                return Page();
            }

            capital = parsed;
        }

        var establish = ProcedureKind == ApplicationKind.Establish;
        var representative = !establish && string.IsNullOrWhiteSpace(RepresentativeName) && string.IsNullOrWhiteSpace(RepresentativeIdNumber)
            ? null : new LegalRepresentativeRequest(RepresentativeName, RepresentativeIdNumber);
        var result = await intake.ReceiveAsync(new ReceiveApplicationRequest(InputValues.Code(ProcedureKind), ReceivedOn, establish ? null : OrganizationId, Empty(Name),
            establish ? Kind : null, CreditCode, CreditCodeNote, Empty(SupervisingUnit), Empty(Residence), capital, representative,
            IndividualMembers, UnitMembers, CouncilSize, Empty(Reason)), ct);
        if (result.Value is { } received)
        {
            return RedirectToPage("/Modules/SocialOrganizations/Organizations/Application", new { id = received.Id, received = true });
        }

        Errors = result.Errors.Any ? PageMessages.For(result.Errors.Messages) : [result.Message!];
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (ProcedureKind == ApplicationKind.Establish)
        {
            return true;
        }

        Organization = OrganizationId is { } id ? await organizations.FindAsync(id, ct) : null;
        return Organization is not null;
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
