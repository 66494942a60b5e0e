using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Payments;

/// <summary>
/// The printable 发放签领表 of one payroll in one village (community), A4 landscape with the table header on every page.
/// A refused request still shows a page — the reason, under the status the API would answer — since it opens in a new tab.
/// </summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class SignatureListModel(SignatureLists lists) : PageModel
{
    public SignatureSheet? Sheet { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? village, CancellationToken ct)
    {
        var (outcome, message, sheet) = await lists.GetAsync(id, village, ct);
        if (sheet is null)
        {
            Response.StatusCode = ApiProblems.StatusOf(outcome);
            Error = message;
        }

        Sheet = sheet;
        return Page();
    }
}
