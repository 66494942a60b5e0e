using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Documents;

namespace Minzheng.Platform.Web.Pages;

/// <summary>Public check of a printed document by its QR code: title, number, date and issuer — never the person it concerns.</summary>
[AllowAnonymous]
public sealed class VerifyModel(DocumentService documents) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public DocumentVerification? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Result = await documents.VerifyAsync(Code?.Trim().ToUpperInvariant(), ct);
}
