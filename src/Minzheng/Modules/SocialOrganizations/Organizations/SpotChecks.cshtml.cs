using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialOrganizations.Supervision;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>双随机抽查: draw organisations and officers, the draws so far, and one draw's picks with their checks.</summary>
[Authorize(Policy = SocialOrganizationsModule.Register)]
public sealed class SpotChecksModel(SpotCheckDraws draws, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }

    public IReadOnlyList<SpotCheckDrawRow> Draws { get; private set; } = [];
    public SpotCheckDrawDetail? Selected { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Done { get; private set; }

    /// <summary>What was posted, shown again when refused.</summary>
    public Dictionary<string, string?> Posted { get; } = [];
    public string Today => clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done == "drawn" ? "已随机抽取，抽中的组织和检查人员如下；检查后在组织详情页按“双随机抽查”方式登记监督检查。" : null;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string? title, string? drawnOn, string? count, string? inspectors, CancellationToken ct)
    {
        (Posted["title"], Posted["count"], Posted["inspectors"]) = (title, count, inspectors);
        var names = (inspectors ?? "").Split(['、', '，', ',', ';', '；', '\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = await draws.DrawAsync(new SpotCheckDrawRequest(title, drawnOn,
            int.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null, names), ct);
        if (result.Outcome == Platform.Kernel.Outcome.Done)
        {
            return RedirectToPage("/Modules/SocialOrganizations/Organizations/SpotChecks", new { id = result.Value!.Id, done = "drawn" });
        }

        Errors = result.Errors.Any ? PageMessages.For(result.Errors.Messages) : [result.Message!];
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Draws = await draws.ListAsync(ct);
        if (Id is { } id)
        {
            Selected = await draws.DetailAsync(id, ct);
        }
    }
}
