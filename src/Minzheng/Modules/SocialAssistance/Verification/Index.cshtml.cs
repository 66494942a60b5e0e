using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Verification;

/// <summary>Findings of every type with their evidence; the county runs the exclusion rules, confirms (stop, recalculate, record) or dismisses.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(FindingService findings, ExclusionScan exclusions, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public Paged<FindingDto> Findings { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public bool CanResolve { get; private set; }
    public string? Error { get; private set; }
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; } = "open";

    /// <summary>death (死亡比对), exclusion (重复享受与互斥项目), economic (经济状况核对) or relative (近亲属备案).</summary>
    [BindProperty(SupportsGet = true)]
    public string Type { get; set; } = "death";

    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Program { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public string? Scanned { get; private set; }

    public string ExportUrl => ListLinks.Export(Request, "/api/v1/verification/findings/export.xlsx", ("type", Type), ("status", Status));

    /// <summary>Where a form of one finding posts: this list as filtered, so the reviewer comes back to it.</summary>
    public string ResolveUrl(Guid id) => ListLinks.With(Request, ("handler", "Resolve"), ("id", id.ToString()));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostScanAsync(string? regionCode, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded)
        {
            return Forbid();
        }

        var (result, errors) = await exclusions.RunAsync(new ScanRequest(ExclusionScan.Type, regionCode), ct);
        (Type, Error, Scanned) = (ExclusionScan.Type, result is null ? string.Join("；", errors.Messages) : null,
            result is null ? null : $"核查完成：新发现 {result.Created} 条，待处理共 {result.Open} 条");
        await LoadAsync(ct);
        return Page();
    }

    /// <param name="acknowledged">The "我已知晓" box under the consequence of a confirmation that stops or cuts a benefit.</param>
    public async Task<IActionResult> OnPostResolveAsync(Guid id, string? decision, decimal? monthlyAmount, string? note, string? fromMonth,
        bool acknowledged, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded)
        {
            return Forbid();
        }

        // Confirming stops someone's payments: on the page the click counts only once the consequence, named beside the
        // button, was acknowledged. Checked here, not only by the browser.
        if (decision == "confirm" && !acknowledged
            && await findings.GetAsync(id, ct) is { Status: "open" } open && Consequence(open) is { } consequence)
        {
            Error = $"确认前请勾选“我已知晓”：{consequence}";
            await LoadAsync(ct);
            return Page();
        }

        var (outcome, message) = await findings.ResolveAsync(id, new ResolveRequest(decision, monthlyAmount, note, fromMonth), User.Identity?.Name ?? "", clock, ct);
        if (outcome == Outcome.Done)
        {
            return Redirect(ListLinks.With(Request, ("handler", null), ("id", null)));
        }

        Error = message;
        await LoadAsync(ct);
        return outcome == Outcome.NotFound ? NotFound() : Page();
    }

    /// <summary>What confirming the finding does to the payments, named for the reviewer; null when it changes none.</summary>
    public static string? Consequence(FindingDto f)
    {
        if (f.EnrollmentId is null || f.Type == "relative")
        {
            return null;
        }

        var who = $"{f.PersonName}（{f.IdNumberMasked}）";
        var recovered = f.PaidAfterDeath > 0 ? $"；死亡后已发的 {f.PaidAfterDeath.ToString("N2", CultureInfo.InvariantCulture)} 元在下一份发放名册中追回" : "";
        return (f.Type, f.IsBeneficiary, f.DeathDate) switch
        {
            ("death", true, { } died) => $"确认后，{who}的{f.ProgramName}自{died.AddMonths(1):yyyy年M月}起停发{recovered}。",
            ("death", false, { } died) => $"确认后，{who}所在家庭的{f.ProgramName}保障人数减1，自{died.AddMonths(1):yyyy年M月}起按所填新月保障金额发放{recovered}。",
            _ => $"确认后，{who}的{f.ProgramName}自所填月份起停发。",
        };
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanResolve = (await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded;
        Type = FindingService.Types.ContainsKey(Type) ? Type : "death";
        Findings = await findings.PageAsync(new FindingQuery(Type, null, string.IsNullOrEmpty(Status) ? null : Status, Name: Name, Program: Program),
            PageRequest.From(PageNumber, null, Sort, Dir), ct);
    }
}
