using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialOrganizations.AnnualInspections;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>
/// 年检: open a year, the year's figures, the list (整改 deadlines first, overdue marked), and for one organisation the
/// form its state calls for — receive the report, or review it — with the files of its annual report.
/// </summary>
[Authorize(Policy = SocialOrganizationsModule.Register)]
public sealed class InspectionsModel(InspectionService service, InspectionQueries queries, InspectionPublication publication, IRegionScope scope,
    TimeProvider clock, AttachmentService attachments) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Act { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public InspectionSummary? Summary { get; private set; }
    public Paged<InspectionRow> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public InspectionRow? Selected { get; private set; }

    /// <summary>财务报表, 审计报告 and the like on the selected organisation's entry of the year.</summary>
    public AttachmentPanel? ReportFiles { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Done { get; private set; }

    /// <summary>What was posted, shown again when refused.</summary>
    public Dictionary<string, string?> Posted { get; } = [];
    public string Today => clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public int DefaultYear => clock.Today().Year - 1;

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done switch
        {
            "opened" => "年检已开启，应参检的社会组织已全部列入名单。",
            "reported" => "年度工作报告已接收。",
            "reviewed" => "年检结论已登记。",
            "published" => "年检结果已公告，公众可在“社会组织年检结果公告”页查看。",
            _ => null,
        };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(int? openYear, string? reportBy, CancellationToken ct)
    {
        var result = await service.OpenAsync(new OpenCampaignRequest(openYear, null, reportBy), ct);
        return await AfterAsync(result.Outcome, result.Errors, result.Message, openYear, "opened", ct);
    }

    public async Task<IActionResult> OnPostReportAsync(Guid organizationId, string? submittedOn, string? income, string? expenditure, string? netAssets, string? staff,
        string? activities, CancellationToken ct)
    {
        (Posted["income"], Posted["expenditure"], Posted["netAssets"], Posted["staff"], Posted["activities"]) = (income, expenditure, netAssets, staff, activities);
        var result = await service.ReportAsync(Year ?? 0, organizationId, new InspectionReportRequest(submittedOn, Money(income), Money(expenditure), Money(netAssets),
            int.TryParse(staff, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null, activities), ct);
        Act = organizationId;
        return await AfterAsync(result.Outcome, result.Errors, result.Message, Year, "reported", ct);
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid organizationId, string? reviewedOn, string? result, string? reason, string? rectifyBy, CancellationToken ct)
    {
        (Posted["result"], Posted["reason"], Posted["rectifyBy"]) = (result, reason, rectifyBy);
        var outcome = await service.ReviewAsync(Year ?? 0, organizationId, new InspectionReviewRequest(reviewedOn, result, reason, rectifyBy), ct);
        Act = organizationId;
        return await AfterAsync(outcome.Outcome, outcome.Errors, outcome.Message, Year, "reviewed", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(string? publishedOn, CancellationToken ct)
    {
        var result = await publication.PublishAsync(Year ?? 0, new PublishInspectionRequest(publishedOn), ct);
        return await AfterAsync(result.Outcome, result.Errors, result.Message, Year, "published", ct);
    }

    private async Task<IActionResult> AfterAsync(Platform.Kernel.Outcome outcome, FieldErrors errors, string? message, int? year, string done, CancellationToken ct)
    {
        if (outcome == Platform.Kernel.Outcome.Done)
        {
            return RedirectToPage("/Modules/SocialOrganizations/Organizations/Inspections", new { year, done });
        }

        Errors = errors.Any ? PageMessages.For(errors.Messages) : [message!];
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Years = await queries.YearsAsync(ct);
        Year ??= Years.Count > 0 ? Years[0] : null;
        if (Year is not { } year)
        {
            return;
        }

        Summary = await queries.SummaryAsync(year, scope.Prefix, ct);
        var status = Enum.GetValues<InspectionStatus>().Cast<InspectionStatus?>().FirstOrDefault(s => InputValues.Code(s!.Value) == Status);
        Rows = await queries.RowsAsync(year, status, PageRequest.From(PageNumber, null, null, null), ct);
        if (Act is { } act)
        {
            Selected = Rows.Items.FirstOrDefault(r => r.OrganizationId == act)
                ?? (await queries.RowsAsync(year, null, new PageRequest(1, PageRequest.ExportMaxRows, null, false), ct)).Items.FirstOrDefault(r => r.OrganizationId == act);
        }

        if (Selected is { } selected)
        {
            // Back to the same organisation's form after an upload or removal, so the registrar keeps the report in view.
            ReportFiles = await attachments.PanelAsync(User, InspectionAttachmentOwner.Type, selected.EntryId,
                $"/Organizations/Inspections?year={year}&act={selected.OrganizationId}#attachments", ct);
        }
    }

    private static decimal? Money(string? value) =>
        decimal.TryParse(value?.Replace(",", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
}
