using Microsoft.AspNetCore.Mvc;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>The detail page's forms for a trade association's decoupling (status and the five separations) and for the evaluation grade.</summary>
public sealed partial class DetailModel
{
    private const string DecouplingDone = "decoupling";
    private const string TaskDone = "task";
    private const string EvaluationDone = "evaluation";

    public static readonly (string Code, string Name)[] DecouplingStatuses = [("planned", "拟脱钩"), ("decoupled", "已脱钩"), ("deferred", "暂不脱钩")];

    public static readonly (string Code, string Name)[] DecouplingTasks = Enum.GetValues<DecouplingTaskKind>()
        .Select(k => (Platform.Web.InputValues.Code(k), DecouplingTask.TaskName(k))).ToArray();

    public async Task<IActionResult> OnPostDecouplingAsync(Guid id, string? status, string? date, string? reason, CancellationToken ct) =>
        await AfterFormAsync(id, "decoupling", await supervision.SetDecouplingAsync(id, new DecouplingRequest(status, date, reason), ct), DecouplingDone, ct);

    public async Task<IActionResult> OnPostTaskAsync(Guid id, string? task, string? completedOn, string? note, CancellationToken ct) =>
        await AfterFormAsync(id, "task", await decoupling.CompleteAsync(id, task, new DecouplingTaskRequest(completedOn, note), ct), TaskDone, ct);

    public async Task<IActionResult> OnPostEvaluationAsync(Guid id, string? grade, string? awardedOn, string? validUntil, CancellationToken ct) =>
        await AfterFormAsync(id, "evaluation", await supervision.SetEvaluationAsync(id, new EvaluationRequest(grade, awardedOn, validUntil), ct), EvaluationDone, ct);

    private async Task<IActionResult> AfterFormAsync<T>(Guid id, string form, OrgResult<T> result, string done, CancellationToken ct)
    {
        OpenForm = form;
        return await AfterAsync(id, result, done, ct);
    }

    private static string? DecouplingFormDone(string? done) => done switch
    {
        DecouplingDone => "脱钩状态已登记，记入登记历史。",
        TaskDone => "分项任务完成情况已登记。",
        EvaluationDone => "评估等级已登记，记入登记历史。",
        _ => null,
    };
}
