using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Web;

/// <summary>登记优抚对象: the person, the category, the service record and evidence; refusals shown with their reasons, the input kept, nothing written.</summary>
[Authorize(Policy = VeteransModule.Manage)]
public sealed class RegisterModel(EntitlementService service) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public int? DisabilityGrade { get; set; }
    [BindProperty] public string? DisabilityNature { get; set; }
    [BindProperty] public string? EnlistedOn { get; set; }
    [BindProperty] public string? DischargedOn { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public int? FirstClassMerits { get; set; }
    [BindProperty] public int? SecondClassMerits { get; set; }
    [BindProperty] public int? ThirdClassMerits { get; set; }
    [BindProperty] public string? CertificateNumber { get; set; }
    [BindProperty] public string? StartMonth { get; set; }
    [BindProperty] public bool Rural { get; set; }
    [BindProperty] public string? BankName { get; set; }
    [BindProperty] public string? BankAccount { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await service.RegisterAsync(new EntitlementRequest(Name, IdNumber, RegionCode, Category, DisabilityGrade,
            string.IsNullOrEmpty(DisabilityNature) ? null : DisabilityNature, EnlistedOn, DischargedOn, Unit, FirstClassMerits, SecondClassMerits, ThirdClassMerits,
            CertificateNumber, StartMonth, Rural, BankName, BankAccount), ct);
        if (result.Value is { } created)
        {
            TempData["Saved"] = created.EnrollmentId is null
                ? $"已登记{Name?.Trim()}，该类别尚无适用的抚恤补助标准，待维护标准后纳入发放"
                : $"已登记{Name?.Trim()}，月发放 {created.MonthlyAmount:0.00} 元，纳入发放名册";
            return RedirectToPage("/Modules/Veterans/Veterans/Detail", new { id = created.Id });
        }

        Errors = PageMessages.For(result.Errors.Any ? result.Errors.Messages : [result.Message!]);
        return Page();
    }
}
