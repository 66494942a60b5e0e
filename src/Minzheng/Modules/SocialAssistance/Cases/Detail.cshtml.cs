using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialAssistance.Benefits;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>One case: facts, deadlines, the timeline, the calculation behind the decision, and the form of the next step.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class DetailModel(CaseQueries queries, CaseService cases, IAuthorizationService authorization, Verification.FindingService findings,
    AttachmentService attachments, PublicityPostings postings) : PageModel
{
    /// <summary>三榜公示: the rounds posted so far.</summary>
    public IReadOnlyList<PostingDto> Postings { get; private set; } = [];

    /// <summary>Scans and photos kept with the case (the forms post to the platform's /Attachments page).</summary>
    public AttachmentPanel? Attachments { get; private set; }

    public IReadOnlyList<Verification.FindingDto> Findings { get; private set; } = [];

    public CaseDto? Case { get; private set; }
    public IReadOnlyList<CalculationStep> Steps { get; private set; } = [];
    public CaseActor Actor => CaseEndpoints.Actor(User);
    public bool CanWork { get; private set; }
    public string? Error { get; private set; }

    /// <summary>
    /// What the user typed in <paramref name="form"/> (a step's action, or the posting handler) when it was refused, so
    /// the page shows the error beside the text instead of an empty form; null on any other request.
    /// </summary>
    public string? Kept(string form, string field) =>
        Request.HasFormContentType && Error is not null
        && (Request.Form["action"] == form || string.Equals(Request.Query["handler"], form, StringComparison.OrdinalIgnoreCase))
            ? Request.Form[field].ToString()
            : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostActAsync(Guid id, string action, string? date, string? investigators, string? findings, bool? passed,
        bool? approve, bool? upheld, string? note, string? reason, string? startMonth, decimal? amount, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.CaseWork)).Succeeded)
        {
            return Forbid();
        }

        var names = (investigators ?? "").Split(['、', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var (outcome, message) = await cases.ActAsync(id, action, Actor,
            new CaseActionRequest(date, names, findings, passed, approve, upheld, note, reason, startMonth, amount), ct);
        if (outcome == Outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome != Outcome.Done)
        {
            Error = message;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        TempData["Flash"] = "办理结果已保存";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPostingAsync(Guid id, string? stage, string? postedOn, string? until, string? place, Guid? photoAttachmentId,
        string? note, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.CaseWork)).Succeeded)
        {
            return Forbid();
        }

        var (outcome, errors, message) = await postings.PostAsync(id, new PostingRequest(stage, postedOn, until, place, photoAttachmentId, note), ct);
        if (outcome == Outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome != Outcome.Done)
        {
            Error = message ?? string.Join("；", errors.Messages);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        TempData["Flash"] = "公示记录已保存";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        CanWork = (await authorization.AuthorizeAsync(User, AssistancePolicies.CaseWork)).Succeeded;
        Case = await queries.GetAsync(id, ct, Actor.Roles);
        Steps = StepsOf(Case?.CalculationJson);
        Findings = Case is null ? [] : await findings.ListAsync(new Verification.FindingQuery(CaseId: id), ct);
        Attachments = Case is null ? null : await attachments.PanelAsync(User, "case", id, $"/Cases/Detail?id={id}#attachments", ct);
        Postings = Case is null ? [] : await postings.ListAsync(id, ct);
        return Case is not null;
    }

    /// <summary>The explained steps stored with the decision, whichever calculation produced them.</summary>
    public static IReadOnlyList<CalculationStep> StepsOf(string? snapshot)
    {
        if (snapshot is null)
        {
            return [];
        }

        using var doc = JsonDocument.Parse(snapshot);
        foreach (var holder in new[] { "result", "check" })
        {
            if (doc.RootElement.TryGetProperty(holder, out var part) && part.TryGetProperty("steps", out var steps))
            {
                return steps.Deserialize<List<CalculationStep>>(new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
            }
        }

        return [];
    }
}
