using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SampleLine.SampleLineRecords;

/// <summary>示例业务登记: the records of the user's region with the steps they may take, and a form to register one.</summary>
[Authorize(Policy = SampleLineModule.Work)]
public sealed class IndexModel(SampleLineRecordService records) : PageModel
{
    public List<SampleLineRecordDto> Rows { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Message { get; private set; }

    [BindProperty]
    public string? RegionCode { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await records.ListAsync(Roles.All.Where(User.IsInRole), ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var (_, id, errors) = await records.CreateAsync(new CreateSampleLineRecord(RegionCode, Subject), ct);
        Errors = errors.Messages.ToList();
        Message = id is null ? null : "已登记";
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostActAsync(Guid id, string action, string? reason, CancellationToken ct)
    {
        var (outcome, message) = await records.ActAsync(id, action, reason, Roles.All.Where(User.IsInRole), ct);
        Errors = outcome == Outcome.Done ? [] : [message!];
        Message = outcome == Outcome.Done ? "已办理" : null;
        await OnGetAsync(ct);
        return Page();
    }
}
