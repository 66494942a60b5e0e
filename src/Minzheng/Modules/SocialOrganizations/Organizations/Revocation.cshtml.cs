using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialOrganizations.Revocations;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>One 撤销登记 case: ground and facts, the notice, the party's response, the decision, the evidence, and a form for each step allowed now.</summary>
[Authorize(Policy = SocialOrganizationsModule.Register)]
public sealed class RevocationModel(RevocationQueries queries, RevocationSteps steps, AttachmentService attachments) : PageModel
{
    public RevocationDetail? Detail { get; private set; }
    public AttachmentPanel? Evidence { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Done { get; private set; }

    /// <summary>The step whose form stays open after a refusal.</summary>
    public string? OpenStep { get; private set; }

    /// <summary>What was typed into the open step's form, kept after a refusal.</summary>
    public RevocationStepRequest? Typed { get; private set; }

    public static readonly (string Code, string Name)[] Responses =
        [.. Enum.GetValues<RevocationResponse>().Select(r => (InputValues.Code(r), RevocationCase.ResponseName(r)))];

    public static string TitleOf(string action) => RevocationProcedure.Steps.Steps.Single(s => s.Action == action).Title;

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Done = done switch
        {
            "opened" => "已立案。请上传证据材料，再办理告知。",
            RevocationProcedure.Notify => "已告知，已出具撤销登记事先告知书，陈述申辩期限已起算。",
            RevocationProcedure.Respond => "陈述申辩或听证情况已登记，可以作出决定。",
            RevocationProcedure.Revoke => "已决定撤销登记，组织状态已改为已撤销，处罚已记入监督管理记录。",
            RevocationProcedure.Dismiss => "已决定不予撤销，组织登记状态不变。",
            _ => null,
        };
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? step, string? date, string? response, string? text, string? decisionNumber, string? reason,
        CancellationToken ct)
    {
        var result = await steps.StepAsync(id, step ?? "", new RevocationStepRequest(date, response, Empty(text), Empty(decisionNumber), Empty(reason)),
            Roles.All.Where(User.IsInRole).ToList(), ct);
        if (result.Outcome == Platform.Kernel.Outcome.Done)
        {
            return RedirectToPage("/Modules/SocialOrganizations/Organizations/Revocation", new { id, done = step });
        }

        OpenStep = step;
        Typed = new RevocationStepRequest(date, response, text, decisionNumber, reason);
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

        Evidence = await attachments.PanelAsync(User, RevocationProcedure.OwnerType, id, $"/Organizations/Revocation?id={id}#attachments", ct);
        return true;
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
