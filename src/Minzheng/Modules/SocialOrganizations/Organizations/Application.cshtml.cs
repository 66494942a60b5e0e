using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialOrganizations.Applications;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>One 登记申请: the applicant's contents, its deadline, its notices and materials, and a form for each step the procedure allows now.</summary>
[Authorize(Policy = SocialOrganizationsModule.Register)]
public sealed class ApplicationModel(ApplicationQueries queries, ApplicationDecisions decisions, AttachmentService attachments, CalendarService calendars) : PageModel
{
    public ApplicationDetail? Detail { get; private set; }
    public AttachmentPanel? Materials { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Done { get; private set; }

    /// <summary>The due day lies in a year whose holiday notice is not loaded yet, so the period counted weekends only and may move.</summary>
    public bool DueUnconfirmed { get; private set; }

    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Items { get; set; }
    [BindProperty] public string? Note { get; set; }

    public static string TitleOf(string action) => ApplicationProcedure.Steps.Steps.Single(s => s.Action == action).Title;

    public async Task<IActionResult> OnGetAsync(Guid id, bool received, string? done, CancellationToken ct)
    {
        Done = received ? "申请已接收。请核对材料，上传章程草案、会员名册等，再办理受理。" : done switch
        {
            ApplicationProcedure.Accept => "已受理，已出具受理通知书，决定期限已起算。",
            ApplicationProcedure.NotAccept => "已作出不予受理决定，已出具不予受理通知书。",
            ApplicationProcedure.Approve => "已准予登记，登记事项已记入社会组织名录。",
            ApplicationProcedure.Refuse => "已作出不予登记决定，已出具不予登记决定书。",
            ApplicationProcedure.Withdraw => "申请人已撤回申请。",
            ApplicationProcedure.RequestCorrection => "已一次性告知补正，已出具补正告知书；决定期限停止计算，收到全部补正材料后重新计算。",
            ApplicationProcedure.ReceiveCorrection => "已收到补正材料，决定期限自收到之日起重新计算。",
            ApplicationProcedure.Extend => "决定期限已延长十个工作日，已出具延期通知书。",
            _ => null,
        };
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? step, CancellationToken ct)
    {
        // The textarea's lines are the notice's items; blank lines are no items.
        var items = Items?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList<string?>();
        var result = await decisions.StepAsync(id, step ?? "", new ApplicationStepRequest(Date, string.IsNullOrWhiteSpace(Reason) ? null : Reason, items,
            string.IsNullOrWhiteSpace(Note) ? null : Note), Roles.All.Where(User.IsInRole).ToList(), ct);
        if (result.Outcome == Platform.Kernel.Outcome.Done)
        {
            return RedirectToPage("/Modules/SocialOrganizations/Organizations/Application", new { id, done = step });
        }

        Errors = result.Errors.Any ? PageMessages.For(result.Errors.Messages) : [result.Message!];
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Detail = await queries.DetailAsync(id, Roles.All.Where(User.IsInRole), ct);
        if (Detail is null)
        {
            return false;
        }

        DueUnconfirmed = Detail.Application.DueOn is { } due && Detail.Application.Status == "accepted" && !(await calendars.GetAsync(ct)).IsConfirmed(due.Year);
        Materials = await attachments.PanelAsync(User, ApplicationProcedure.OwnerType, id, $"/Organizations/Application?id={id}#attachments", ct);
        return true;
    }
}
