using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialOrganizations.Applications;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>登记申请: filters, sort and page in the URL; an undecided application past its due day is marked 已超期 in red.</summary>
[Authorize(Policy = SocialOrganizationsModule.Register)]
public sealed class ApplicationsModel(ApplicationQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public Paged<ApplicationRow> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        Rows = await queries.ListAsync(new ApplicationFilter(Status, Procedure, Overdue, Name), PageRequest.NewestFirst(PageNumber, null, Sort, Dir), errors, ct) ?? Rows;
        Errors = PageMessages.For(errors.Messages);
    }
}
