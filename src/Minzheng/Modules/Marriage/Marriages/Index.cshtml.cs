using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>婚姻登记簿: the registry's registrations, newest first, with paging and a filter by kind and name (ID numbers masked).</summary>
[Authorize(Policy = MarriageModule.Register)]
public sealed class IndexModel(MarriageQueries queries) : PageModel
{
    public Paged<MarriageRecordRow> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)] public string? Name { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var kind = Enum.GetValues<MarriageRecordKind>().Cast<MarriageRecordKind?>().FirstOrDefault(k => InputValues.Code(k!.Value) == Kind);
        Rows = await queries.RecordsAsync(kind, Name, PageRequest.From(PageNumber, null, null, null), ct);
    }
}
