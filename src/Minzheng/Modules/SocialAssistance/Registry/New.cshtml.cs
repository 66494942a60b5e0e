using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.People;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Registry;

/// <summary>Registers a household with up to <see cref="Rows"/> members; empty rows are ignored.</summary>
[Authorize(Policy = AssistancePolicies.RegistryWrite)]
public sealed class NewModel(RegistryService registry) : PageModel
{
    public const int Rows = 8;

    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? HukouType { get; set; } = "rural";
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public List<MemberRow> Members { get; set; } = [.. Enumerable.Range(0, Rows).Select(i => new MemberRow { Relationship = i == 0 ? "head" : "" })];

    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A value the binder could not read (e.g. "abc" as income) must not silently become empty.
        var unreadable = ModelState.Where(e => e.Value?.Errors.Count > 0 && e.Key.StartsWith("Members[", StringComparison.Ordinal)).Select(e => e.Key).ToList();
        if (unreadable.Count > 0)
        {
            Errors = unreadable.ToDictionary(k => k[..(k.IndexOf(']') + 1)] + "." + char.ToLowerInvariant(k[(k.IndexOf(']') + 2)]) + k[(k.IndexOf(']') + 3)..],
                k => new[] { $"第{int.Parse(k[8..k.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture) + 1}行：“{ModelState[k]!.AttemptedValue}”不是有效的数值" });
            return Page();
        }

        var filled = Members.Select((m, i) => (m, i)).Where(x => !string.IsNullOrWhiteSpace(x.m.Name) || !string.IsNullOrWhiteSpace(x.m.IdNumber)).ToList();
        var request = new CreateHouseholdRequest(RegionCode, HukouType, Address,
            filled.Select(x => new MemberRequest(x.m.Name, x.m.IdNumber, x.m.Relationship, x.m.MonthlyIncome, x.m.DisabilityGrade, x.m.SelfCare)).ToList());
        var (id, errors, _) = await registry.CreateHouseholdAsync(request, ct);
        if (id is { } created)
        {
            TempData["Flash"] = "家庭已登记";
            return RedirectToPage("Household", new { id = created });
        }

        // Error keys name the request's member index; map them back to the form's row numbers.
        Errors = errors.ToProblem().ProblemDetails.Errors.ToDictionary(
            e => filled.Count > 0 && e.Key.StartsWith("members[", StringComparison.Ordinal) && int.TryParse(e.Key[8..e.Key.IndexOf(']')], out var i) && i < filled.Count
                ? $"Members[{filled[i].i}]{e.Key[(e.Key.IndexOf(']') + 1)..]}"
                : e.Key,
            e => e.Value);
        return Page();
    }

    public string? ErrorFor(string key) => Errors.TryGetValue(key, out var messages) ? string.Join("；", messages) : null;

    public sealed class MemberRow
    {
        public string? Name { get; set; }
        public string? IdNumber { get; set; }
        public string? Relationship { get; set; }
        public decimal? MonthlyIncome { get; set; }
        public int? DisabilityGrade { get; set; }
        public string? SelfCare { get; set; } = "full";
    }
}
