using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Veterans.Resettlement;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Web;

/// <summary>退役金测算: the 自主就业 one-off payment with its steps, the report-by day, and whether the soldier qualifies for an assigned job.</summary>
[Authorize(Policy = VeteransModule.Manage)]
public sealed class DischargePaymentModel(IConfiguration configuration, TimeProvider clock) : PageModel
{
    [BindProperty] public string? EnlistedOn { get; set; }
    [BindProperty] public string? DischargedOn { get; set; }
    [BindProperty] public int? FirstClassMerits { get; set; }
    [BindProperty] public int? SecondClassMerits { get; set; }
    [BindProperty] public int? ThirdClassMerits { get; set; }
    [BindProperty] public decimal? AnnualBase { get; set; }
    [BindProperty] public decimal? ProvincialGrant { get; set; }
    [BindProperty] public bool Nco { get; set; }
    [BindProperty] public bool MeritsInWar { get; set; }
    [BindProperty] public int? CombatDisabilityGrade { get; set; }
    [BindProperty] public bool MartyrChild { get; set; }

    public DischargeAnswer? Result { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet() => AnnualBase ??= decimal.TryParse(configuration[DischargeEndpoints.AnnualBaseSetting], System.Globalization.NumberStyles.Number,
        System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : null;

    public void OnPost()
    {
        var (answer, errors) = DischargeEndpoints.Answer(new DischargeRequest(EnlistedOn, DischargedOn, FirstClassMerits, SecondClassMerits, ThirdClassMerits,
            AnnualBase, ProvincialGrant, Nco, MeritsInWar, CombatDisabilityGrade, MartyrChild), configuration, clock.Today());
        (Result, Errors) = (answer, PageMessages.For(errors.Messages));
    }
}
