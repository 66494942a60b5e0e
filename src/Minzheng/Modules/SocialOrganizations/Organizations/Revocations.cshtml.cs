using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialOrganizations.Revocations;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>撤销登记案件: status filter, sort and page in the URL; a notified case whose response period ran out is marked ready to decide.</summary>
[Authorize(Policy = SocialOrganizationsModule.Register)]
public sealed class RevocationsModel(RevocationQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public Paged<RevocationRow> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        Rows = await queries.ListAsync(Status, null, PageRequest.NewestFirst(PageNumber, null, Sort, Dir), errors, ct) ?? Rows;
        Errors = PageMessages.For(errors.Messages);
    }
}
