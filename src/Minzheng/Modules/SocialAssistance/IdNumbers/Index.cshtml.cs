using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.IdNumbers;

[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Value { get; set; }

    public IdNumberCheck? Result { get; private set; }

    public void OnGet()
    {
    }

    // POST, not GET: an ID number must not end up in URLs, browser history or access logs.
    public void OnPost() => Result = IdNumberCheck.Of(Value, clock.Today());
}
