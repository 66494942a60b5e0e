using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.People;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Registry;

/// <summary>The person form: profile fields with inline Chinese errors; the ID number stays masked and is never edited here.</summary>
[Authorize(Policy = AssistancePolicies.RegistryWrite)]
public sealed class PersonModel(RegistryEditService edits) : PageModel
{
    public PersonProfileDto? Person { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public Guid HouseholdId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Ethnicity { get; set; }
    [BindProperty] public string? HukouRegionCode { get; set; }
    [BindProperty] public string? DisabilityType { get; set; }
    [BindProperty] public int? DisabilityGrade { get; set; }
    [BindProperty] public string? DisabilityCertificate { get; set; }
    [BindProperty] public string? SelfCare { get; set; }
    [BindProperty] public bool SeriousIllness { get; set; }
    [BindProperty] public string? Employment { get; set; }
    [BindProperty] public string? DeathDate { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if ((Person = await edits.GetPersonAsync(id, ct)) is not { } p)
        {
            return NotFound();
        }

        (Name, Ethnicity, HukouRegionCode, DisabilityType, DisabilityGrade) = (p.Name, p.Ethnicity, p.HukouRegionCode, p.DisabilityType, p.DisabilityGrade);
        (SelfCare, SeriousIllness, Employment, DeathDate) = (p.SelfCare, p.SeriousIllness, p.Employment, p.DeathDate?.ToString("yyyy-MM-dd", null));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if ((Person = await edits.GetPersonAsync(id, ct)) is null)
        {
            return NotFound();
        }

        // Blank phone/certificate fields keep the stored (encrypted) values: the form never shows them, so blank means "unchanged".
        var request = new PersonProfileRequest(Name, Phone, Ethnicity, HukouRegionCode, DisabilityType, DisabilityGrade, DisabilityCertificate, SelfCare,
            SeriousIllness, Employment, DeathDate);
        var errors = await edits.UpdatePersonAsync(id, request, ct, keepBlankSecrets: true);
        if (errors is { Any: true })
        {
            Errors = errors.ToDictionary();
            return Page();
        }

        TempData["Flash"] = "人员档案已保存";
        return HouseholdId == Guid.Empty ? RedirectToPage(new { id }) : RedirectToPage("Household", new { id = HouseholdId });
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join("；", messages) : null;

    public static IReadOnlyList<(string Code, string Name)> DisabilityTypes { get; } =
        [("visual", "视力残疾"), ("hearing", "听力残疾"), ("speech", "言语残疾"), ("physical", "肢体残疾"), ("intellectual", "智力残疾"), ("mental", "精神残疾"), ("multiple", "多重残疾")];

    public static IReadOnlyList<(string Code, string Name)> Employments { get; } =
        [("employed", "就业"), ("farming", "务农"), ("self-employed", "个体经营"), ("unemployed", "失业"), ("student", "在校学生"), ("retired", "退休"),
            ("unable-to-work", "无劳动能力"), ("other", "其他")];
}
