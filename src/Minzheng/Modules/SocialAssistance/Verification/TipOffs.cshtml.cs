using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Verification;

/// <summary>举报处理: register a tip-off, the list with deadlines, one tip-off with its reporter (audited) and the next step.</summary>
[Authorize(Policy = AssistancePolicies.HandleTipOffs)]
public sealed class TipOffsModel(TipOffService tipOffs) : PageModel
{
    public Paged<TipOffDto> Items { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public TipOffDto? Selected { get; private set; }
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public string ExportUrl => ListLinks.Export(Request, "/api/v1/verification/tip-offs/export.xlsx");

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } selected && (Selected = await tipOffs.GetAsync(selected, ct, Roles.All.Where(User.IsInRole))) is null)
        {
            return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(TipOffRequest tipOff, CancellationToken ct)
    {
        var (created, errors) = await tipOffs.CreateAsync(tipOff, ct);
        if (created is not null)
        {
            return RedirectToPage(new { id = created.Id });
        }

        Error = string.Join("；", errors.Messages);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostActAsync(Guid id, string action, string? note, string? result, CancellationToken ct)
    {
        var (outcome, message) = await tipOffs.ActAsync(id, action, new TipOffActionRequest(note, result), User.Identity?.Name ?? "", Roles.All.Where(User.IsInRole), ct);
        if (outcome == Outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome == Outcome.Done)
        {
            return RedirectToPage(new { id });
        }

        Error = message;
        return await OnGetAsync(id, ct);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Items = await tipOffs.PageAsync(new TipOffFilter(null, Overdue ? true : null, null, Status, Channel, Subject), PageRequest.From(PageNumber, null, Sort, Dir), ct);
}
