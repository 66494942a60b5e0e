using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>补录 of an organisation registered before the system (new 成立 goes through <see cref="ReceiveModel"/>): the form keeps what was typed when refused and lists every reason; on success the record opens with its certificate number.</summary>
[Authorize(Policy = SocialOrganizationsModule.Register)]
public sealed class RegisterModel(OrganizationRegistry registry, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? CreditCode { get; set; }
    [BindProperty] public string? CreditCodeNote { get; set; }
    [BindProperty] public string? SupervisingUnit { get; set; }
    [BindProperty] public string? Residence { get; set; }
    [BindProperty] public string? RegisteredCapital { get; set; }
    [BindProperty] public string? RepresentativeName { get; set; }
    [BindProperty] public string? RepresentativeIdNumber { get; set; }
    [BindProperty] public string? EstablishedOn { get; set; }
    [BindProperty] public int? IndividualMembers { get; set; }
    [BindProperty] public int? UnitMembers { get; set; }
    [BindProperty] public int? CouncilSize { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet() => EstablishedOn = clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        decimal? capital = null;
        if (decimal.TryParse(RegisteredCapital?.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal).Trim(),
                NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            capital = parsed;
        }
        else if (!string.IsNullOrWhiteSpace(RegisteredCapital))
        {
            Errors = ["注册资金应为以元为单位的数字，如 50000 或 50000.00"];
            return Page();
        }

        var result = await registry.RegisterAsync(new RegisterOrganizationRequest(Name, Kind, CreditCode, CreditCodeNote, SupervisingUnit, Residence, capital,
            new LegalRepresentativeRequest(RepresentativeName, RepresentativeIdNumber), EstablishedOn, IndividualMembers, UnitMembers, CouncilSize), ct);
        if (result.Value is { } registered)
        {
            return RedirectToPage("/Modules/SocialOrganizations/Organizations/Detail", new { id = registered.Id, registered = true });
        }

        Errors = result.Errors.Any ? PageMessages.For(result.Errors.Messages) : [result.Message!];
        return Page();
    }
}
