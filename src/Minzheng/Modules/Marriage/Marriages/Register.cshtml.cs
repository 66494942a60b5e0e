using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>结婚登记: both parties' names and ID numbers, the signed declarations; refusals shown with their reasons, nothing written.</summary>
[Authorize(Policy = MarriageModule.Register)]
public sealed class RegisterModel(MarriageRegistry registry, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? NameA { get; set; }
    [BindProperty] public string? IdNumberA { get; set; }
    [BindProperty] public string? NameB { get; set; }
    [BindProperty] public string? IdNumberB { get; set; }
    [BindProperty] public bool NoSpouse { get; set; }
    [BindProperty] public bool NoProhibitedKinship { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet() => Date = clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await registry.RegisterMarriageAsync(new RegisterMarriageRequest("marriage", Date,
            [new(NameA, IdNumberA), new(NameB, IdNumberB)], new MarriageDeclarations(NoSpouse, NoProhibitedKinship)), ct);
        if (result.Value is { } registered)
        {
            return RedirectToPage("/Modules/Marriage/Marriages/Certificate", new { id = registered.Id });
        }

        Errors = result.Errors.Any ? result.Errors.Messages.ToList() : [result.Message!];
        return Page();
    }
}
