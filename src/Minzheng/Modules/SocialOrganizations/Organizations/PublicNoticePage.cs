using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>
/// A public notice page (no account): the year and the registration authority from the query string, the same answer as
/// its API. Each page carries the public look-up's rate limit itself.
/// </summary>
public abstract class PublicNoticePage<TNotice> : PageModel
    where TNotice : class
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Authority { get; set; }

    public TNotice? Result { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        Result = await ReadAsync(Year, Authority?.Trim(), errors, ct);
        Errors = errors.Messages.ToList();
    }

    protected abstract Task<TNotice?> ReadAsync(int? year, string? authority, FieldErrors errors, CancellationToken ct);
}
