using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Minzheng.Modules.Funeral.Cremations;

/// <summary>A cremation record: the deceased (ID number masked), the dates, the family, the waiver lines, and whether social assistance was told.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class DetailModel(FuneralQueries queries) : PageModel
{
    public Cremation? Record { get; private set; }
    public List<FeeWaiverLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Record = await queries.GetAsync(id, ct);
        if (Record is null)
        {
            return NotFound();
        }

        Lines = await queries.WaiverLinesAsync(id, ct);
        return Page();
    }
}
