using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// 结婚登记: both parties' names and identity documents (a resident ID by default; a passport or a 港澳台 permit with the
/// gender, birth date and nationality it cannot tell), the signed declarations; refusals shown with their reasons, nothing written.
/// </summary>
[Authorize(Policy = MarriageModule.Register)]
public sealed class RegisterModel(MarriageRegistry registry, Appointments.AppointmentDesk appointments, TimeProvider clock) : CouplePageModel
{
    [BindProperty] public string? Date { get; set; }

    [BindProperty] public bool NoSpouse { get; set; }
    [BindProperty] public bool NoProhibitedKinship { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>A booking whose parties pre-fill the form (the link from the daily list).</summary>
    [BindProperty(SupportsGet = true)] public Guid? Appointment { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Date = clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Appointment is { } id && await appointments.PartiesForRegistrationAsync(id, ct) is { } p)
        {
            Fill(p.A, p.B);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await registry.RegisterMarriageAsync(new RegisterMarriageRequest("marriage", Date,
            Parties(),
            new MarriageDeclarations(NoSpouse, NoProhibitedKinship)), ct);
        if (result.Value is { } registered)
        {
            return RedirectToPage("/Modules/Marriage/Marriages/Certificate", new { id = registered.Id });
        }

        Errors = result.Errors.Any ? PageMessages.For(result.Errors.Messages) : [result.Message!];
        return Page();
    }
}
