using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Security;
using Minzheng.Platform.Statistics;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Reports;

/// <summary>工作总结: the drafted text for a region and period, edited in the browser and exported to Word or printed.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class SummaryModel(AssistanceSummaryService service, WorkSummaryDrafter drafter, AuditLog audit, TimeProvider clock) : PageModel
{
    public WorkSummaryDraft? Draft { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string Region { get; private set; } = "";
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    [System.ComponentModel.DataAnnotations.MaxLength(WorkSummaryDocument.MaxTextLength)]
    public string? Text { get; set; }

    public async Task OnGetAsync(string? region, string? from, string? to, CancellationToken ct)
    {
        (var query, Errors, Region, From, To) = await service.ParseFormAsync(region, from, to, ScopeRoot, clock, ct);
        if (query is not null)
        {
            Draft = await drafter.DraftAsync(query, ct);
            (Region, Title, Text) = (query.RegionCode, Draft.Title, Draft.Text);
        }
    }

    /// <summary>Exports what the user edited (not a fresh draft): the text of the form as a Word document.</summary>
    public async Task<IActionResult> OnPostDocxAsync(CancellationToken ct)
    {
        var (file, errors) = await WorkSummaryDocument.ExportAsync(new WorkSummaryText(Title, Text), audit, ct);
        if (file is null)
        {
            Errors = PageMessages.For(errors.Messages);
            return Page();
        }

        return File(file, WorkSummaryDocument.ContentType, "work-summary.docx");
    }
}
