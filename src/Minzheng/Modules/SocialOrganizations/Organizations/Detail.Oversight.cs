using Microsoft.AspNetCore.Mvc;
using Minzheng.Modules.SocialOrganizations.Supervision;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>The detail page's supervision forms: complaints and their handling, 监督检查 and their rectification, penalties, and the two credit lists in and out.</summary>
public sealed partial class DetailModel
{
    private const string ComplaintDone = "complaint";
    private const string HandledDone = "handled";
    private const string CheckDone = "checked";
    private const string RectifiedDone = "rectified";
    private const string PenaltyDone = "penalty";
    private const string ListedDone = "listed";
    private const string RemovedDone = "removed";

    /// <summary>Which supervision form to keep open after a refusal, with what was typed.</summary>
    public string? OpenForm { get; private set; }

    public static readonly (string Code, string Name)[] PenaltyKinds =
        [("warning", "警告"), ("fine", "罚款"), ("suspension", "限期停止活动")];

    public static readonly (string Code, string Name)[] Lists = [("abnormal", "活动异常名录"), ("dishonest", "严重违法失信名单")];

    public static readonly (string Code, string Name)[] CheckMethods =
        [("on-site", "现场检查"), ("documentary", "书面检查"), ("random-spot-check", "双随机抽查"), ("special", "专项检查")];

    public async Task<IActionResult> OnPostComplaintAsync(Guid id, string? receivedOn, string? complainant, string? content, CancellationToken ct) =>
        await AfterFormAsync(id, "complaint", await oversight.ReceiveComplaintAsync(id, new ComplaintRequest(receivedOn, complainant, content), ct), ComplaintDone, ct);

    public async Task<IActionResult> OnPostHandleAsync(Guid id, Guid complaintId, string? handledOn, string? result, CancellationToken ct) =>
        await AfterFormAsync(id, "handle", await oversight.HandleComplaintAsync(id, complaintId, new ComplaintHandlingRequest(handledOn, result), ct), HandledDone, ct);

    public async Task<IActionResult> OnPostCheckAsync(Guid id, string? checkedOn, string? method, string? inspectors, string? findings, string? rectifyBy,
        CancellationToken ct) =>
        await AfterFormAsync(id, "check", await checks.RecordAsync(id, new Supervision.CheckRequest(checkedOn, method, inspectors, findings, rectifyBy), ct), CheckDone, ct);

    public async Task<IActionResult> OnPostRectifiedAsync(Guid id, Guid checkId, string? date, string? note, CancellationToken ct) =>
        await AfterFormAsync(id, "rectified", await checks.RectifiedAsync(id, checkId, new Supervision.RectificationRequest(date, note), ct), RectifiedDone, ct);

    public async Task<IActionResult> OnPostPenaltyAsync(Guid id, string? kind, string? decisionNumber, string? decidedOn, string? reason, string? amount,
        string? suspendedFrom, string? suspendedUntil, string? confiscated, CancellationToken ct)
    {
        if (!TryYuan(amount, out var fine) || !TryYuan(confiscated, out var gains))
        {
            Errors = ["罚款金额和没收违法所得金额应为以元为单位的数字"];
            OpenForm = "penalty";
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var result = await oversight.PenalizeAsync(id, new PenaltyRequest(kind, decisionNumber, decidedOn, reason, fine, suspendedFrom, suspendedUntil, gains),
            Roles.All.Where(User.IsInRole), ct);
        return await AfterFormAsync(id, "penalty", result, PenaltyDone, ct);
    }

    /// <summary>A form's yuan amount: empty is none; "12,000.50" reads as 12000.50; anything else is not a number.</summary>
    private static bool TryYuan(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var ok = decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal).Trim(), System.Globalization.NumberStyles.Number,
            System.Globalization.CultureInfo.InvariantCulture, out var parsed);
        value = ok ? parsed : null;
        return ok;
    }

    public async Task<IActionResult> OnPostListAsync(Guid id, string? list, string? date, string? reason, CancellationToken ct) =>
        await AfterFormAsync(id, "list", await oversight.ListAsync(id, new ListingRequest(list, date, reason), ct), ListedDone, ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid listingId, string? date, string? reason, CancellationToken ct) =>
        await AfterFormAsync(id, "remove", await oversight.RemoveAsync(id, listingId, new RemovalRequest(date, reason), ct), RemovedDone, ct);

    private static string? OversightDone(string? done) => done switch
    {
        ComplaintDone => "投诉已登记。",
        HandledDone => "投诉处理结果已登记。",
        CheckDone => "监督检查已登记。",
        RectifiedDone => "整改完成情况已登记。",
        PenaltyDone => "行政处罚已登记。",
        ListedDone => "已列入名录。",
        RemovedDone => "已移出名录。",
        _ => null,
    };
}
