using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Administration.Audit;

[Authorize(Policy = Policies.ReadAudit)]
public sealed class IndexModel(AuditQuery query, AuditLog log, AuditPresenter presenter, AuditCheckpoints checkpoints, CheckpointKey key) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public List<AuditRow> Entries { get; private set; } = [];

    public AuditPresenter Names => presenter;

    public string ScopeRoot => User.FindFirst(MinzhengClaims.Region)?.Value ?? "";
    public List<string> Errors { get; private set; } = [];
    public AuditChain.Verification? Verification { get; private set; }

    /// <summary>The checkpoints outside the database that anchor the chain, shown so the auditor sees how fresh the anchor is.</summary>
    public CheckpointReport Checkpoints => _checkpoints ??= checkpoints.Read();

    public string CheckpointPublicKey => key.PublicKeyPem;

    private CheckpointReport? _checkpoints;

    public async Task OnGetAsync(CancellationToken ct) => await SearchAsync(ct);

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        (Verification, _) = await log.VerifyAndRecordAsync("page", ct);
        await SearchAsync(ct);
    }

    public string ExportQuery => Query(("user", UserName), ("action", Action), ("entity", Entity), ("region", Region), ("from", From), ("to", To));

    public string PageLink(int page) => Query(("UserName", UserName), ("Action", Action), ("Entity", Entity), ("Region", Region), ("From", From),
        ("To", To), ("PageNumber", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static string Query(params (string Key, string? Value)[] pairs) =>
        QueryString.Create(pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => KeyValuePair.Create(p.Key, p.Value))).ToString();

    private async Task SearchAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        // The picker's top level ("（全部）") posts the auditor's own region: that means no region filter, so entries
        // without a region (logins, account changes) stay in the list.
        var region = Region == ScopeRoot ? null : Region;
        var filter = AuditFilter.Parse(UserName, Action, Entity, region, From, To, errors);
        Errors = [.. errors.Messages];
        if (Errors.Count == 0)
        {
            foreach (var entry in await query.SearchEntriesAsync(filter, PageNumber, PageSize, ct))
            {
                Entries.Add(await presenter.PresentAsync(entry, ct));
            }
        }
    }
}
