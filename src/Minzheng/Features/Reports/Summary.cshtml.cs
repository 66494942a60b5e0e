using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Infrastructure.Auditing;
using Minzheng.Infrastructure.Calendar;
using Minzheng.Infrastructure.Security;

namespace Minzheng.Features.Reports;

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
    public string? Text { get; set; }

    public async Task OnGetAsync(string? region, string? from, string? to, CancellationToken ct)
    {
        var today = clock.Today();
        (Region, From, To) = (string.IsNullOrWhiteSpace(region) ? ScopeRoot : region, from ?? $"{today.Year}-01-01", to ?? today.ToString("yyyy-MM-dd", null));
        var (query, errors, outside) = await service.ParseAsync(Region, From, To, today, ct);
        Errors = outside ? ["所选区划不存在或不在您的管辖范围内"] : errors.Messages.ToList();
        if (query is not null)
        {
            Draft = await drafter.DraftAsync(query, ct);
            (Region, Title, Text) = (query.RegionCode, Draft.Title, Draft.Text);
        }
    }

    /// <summary>Exports what the user edited (not a fresh draft): the text of the form as a Word document.</summary>
    public async Task<IActionResult> OnPostDocxAsync(CancellationToken ct)
    {
        var request = new WorkSummaryText(Title, Text);
        var errors = WorkSummaryDocument.Validate(request);
        if (errors.Any)
        {
            Errors = errors.Messages.ToList();
            return Page();
        }

        await audit.RecordAsync(AuditActions.Exported, entityType: "WorkSummary", details: new { kind = "work-summary", title = Title }, ct: ct);
        return File(WorkSummaryDocument.Build(request), WorkSummaryDocument.ContentType, "work-summary.docx");
    }
}
