using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Marriage.Marriages.Appointments;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// A form naming both parties (registration, divorce application, booking online or at the counter): each party's name and
/// identity document — a resident ID by default, or a passport or 港澳台 permit with what its number cannot tell (gender,
/// birth date; nationality for a passport). The inputs are named NameA, IdNumberA, IdTypeA… for the _PartyIdentity partial.
/// </summary>
public abstract class CouplePageModel : PageModel
{
    [BindProperty] public string? NameA { get; set; }
    [BindProperty] public string? IdNumberA { get; set; }
    [BindProperty] public string? IdTypeA { get; set; }
    [BindProperty] public string? NationalityA { get; set; }
    [BindProperty] public string? GenderA { get; set; }
    [BindProperty] public string? BirthDateA { get; set; }
    [BindProperty] public string? NameB { get; set; }
    [BindProperty] public string? IdNumberB { get; set; }
    [BindProperty] public string? IdTypeB { get; set; }
    [BindProperty] public string? NationalityB { get; set; }
    [BindProperty] public string? GenderB { get; set; }
    [BindProperty] public string? BirthDateB { get; set; }

    /// <summary>The two parties as the services take them.</summary>
    protected List<MarriagePartyRequest> Parties() =>
        [new(NameA, IdNumberA, IdTypeA, NationalityA, GenderA, BirthDateA), new(NameB, IdNumberB, IdTypeB, NationalityB, GenderB, BirthDateB)];

    /// <summary>The inputs of one party's document for the _PartyIdentity partial ("A" or "B").</summary>
    public PartyIdentityFields IdentityOf(string side) => side == "A"
        ? new("A", "一方", IdTypeA, IdNumberA, NationalityA, GenderA, BirthDateA)
        : new("B", "另一方", IdTypeB, IdNumberB, NationalityB, GenderB, BirthDateB);

    /// <summary>Fills the form from a booking (the couple who booked come to register).</summary>
    protected void Fill(AppointmentParty a, AppointmentParty b)
    {
        (NameA, IdTypeA, IdNumberA, GenderA, BirthDateA, NationalityA) = (a.Name, a.IdType, a.IdNumber, a.Gender, a.BirthDate, a.Nationality);
        (NameB, IdTypeB, IdNumberB, GenderB, BirthDateB, NationalityB) = (b.Name, b.IdType, b.IdNumber, b.Gender, b.BirthDate, b.Nationality);
    }

    /// <summary>Empties both parties (after a booking is made, so the form does not invite a second one).</summary>
    protected void ClearParties()
    {
        (NameA, IdNumberA, IdTypeA, NationalityA, GenderA, BirthDateA) = (null, null, null, null, null, null);
        (NameB, IdNumberB, IdTypeB, NationalityB, GenderB, BirthDateB) = (null, null, null, null, null, null);
    }
}
