using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>
/// The printable 长期公示 of a village or township, posted by the township government like a 公示名单: with its number
/// in the office's series, the office and date over the seal, and the supervision phone.
/// </summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class StandingPublicityModel(StandingPublicity publicity, PostedListNumbers numbers, RegionService regions, TimeProvider clock,
    IConfiguration configuration) : PageModel
{
    public StandingList List { get; private set; } = null!;

    /// <summary>The township government (街道办事处) that posts the list.</summary>
    public string Office { get; private set; } = "";

    /// <summary>The date the list bears: the day its office first printed this roster, else today.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>
    /// The list's number (文号); null when the roster is empty, or when a village assistant prints a roster the township
    /// has not printed yet.
    /// </summary>
    public IssuedDocument? Document { get; private set; }

    public string? SupervisionPhone => IssuingOffice.SupervisionPhone(configuration);

    public async Task<IActionResult> OnGetAsync(string? region, CancellationToken ct)
    {
        if (await publicity.ListAsync(region, ct) is not { } list)
        {
            return BadRequest("请选择9位乡镇（街道）或12位村（社区）区划代码");
        }

        List = list;
        var office = IssuingOffice.RegionOf(list.Code);
        Office = IssuingOffice.Name(office, await regions.NamesOfAsync(IssuingOffice.CodesOf(office), ct));
        Date = clock.Today();
        if (list.Lines.Count > 0)
        {
            Document = await numbers.NumberAsync(CaseDocuments.StandingPublicityKind, CaseDocuments.StandingPublicityOwnerType, list.ListId,
                list.Code, Date, ct);
            Date = Document?.IssuedOn ?? Date;
        }

        return Page();
    }
}
