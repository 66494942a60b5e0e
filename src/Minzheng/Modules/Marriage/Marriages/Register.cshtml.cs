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
public sealed class RegisterModel(MarriageRegistry registry, Appointments.AppointmentDesk appointments, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? NameA { get; set; }
    [BindProperty] public string? IdNumberA { get; set; }
    [BindProperty] public string? NameB { get; set; }
    [BindProperty] public string? IdNumberB { get; set; }

    // A document other than a resident ID: type, and what it cannot tell (gender, birth date; nationality for a passport).
    [BindProperty] public string? IdTypeA { get; set; }
    [BindProperty] public string? NationalityA { get; set; }
    [BindProperty] public string? GenderA { get; set; }
    [BindProperty] public string? BirthDateA { get; set; }
    [BindProperty] public string? IdTypeB { get; set; }
    [BindProperty] public string? NationalityB { get; set; }
    [BindProperty] public string? GenderB { get; set; }
    [BindProperty] public string? BirthDateB { get; set; }
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
            (NameA, IdTypeA, IdNumberA, GenderA, BirthDateA, NationalityA) = (p.A.Name, p.A.IdType, p.A.IdNumber, p.A.Gender, p.A.BirthDate, p.A.Nationality);
            (NameB, IdTypeB, IdNumberB, GenderB, BirthDateB, NationalityB) = (p.B.Name, p.B.IdType, p.B.IdNumber, p.B.Gender, p.B.BirthDate, p.B.Nationality);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await registry.RegisterMarriageAsync(new RegisterMarriageRequest("marriage", Date,
            [new(NameA, IdNumberA, IdTypeA, NationalityA, GenderA, BirthDateA), new(NameB, IdNumberB, IdTypeB, NationalityB, GenderB, BirthDateB)],
            new MarriageDeclarations(NoSpouse, NoProhibitedKinship)), ct);
        if (result.Value is { } registered)
        {
            return RedirectToPage("/Modules/Marriage/Marriages/Certificate", new { id = registered.Id });
        }

        Errors = result.Errors.Any ? PageMessages.For(result.Errors.Messages) : [result.Message!];
        return Page();
    }
}
