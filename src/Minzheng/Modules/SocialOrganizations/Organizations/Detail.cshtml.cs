using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;
using Minzheng.Platform.Workflow;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>An organisation: its registered particulars, every change with old and new value, its inspections, and the steps its status allows.</summary>
[Authorize(Policy = SocialOrganizationsModule.Register)]
public sealed partial class DetailModel(OrganizationQueries queries, OrganizationChanges changes, Supervision.OrganizationOversight oversight,
    Supervision.OrganizationChecks checks, OrganizationSupervision supervision, DecouplingWork decoupling, AttachmentService attachments, Revocations.RevocationSteps revocations,
    Revocations.RevocationQueries revocationCases) : PageModel
{
    public OrganizationDetail? Detail { get; private set; }
    public IReadOnlyList<ProcedureStep<SocialOrganizationStatus>> Actions { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Done { get; private set; }

    /// <summary>章程, 会员名册 and the like filed with the organisation.</summary>
    public AttachmentPanel? Files { get; private set; }

    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public string? SupervisingUnit { get; set; }
    [BindProperty] public string? Residence { get; set; }
    [BindProperty] public string? RegisteredCapital { get; set; }
    [BindProperty] public string? RepresentativeName { get; set; }
    [BindProperty] public string? RepresentativeIdNumber { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>The organisation's 撤销登记 cases, newest first.</summary>
    public IReadOnlyList<Revocations.RevocationRow> RevocationCases { get; private set; } = [];

    /// <summary>What was typed into the 立案 form, kept after a refusal.</summary>
    public (string? OpenedOn, string? Ground, string? Facts) Typed { get; private set; }

    public static readonly (string Code, string Name)[] Grounds =
        [.. Enum.GetValues<Revocations.RevocationGround>().Select(g => (InputValues.Code(g), Revocations.RevocationCase.GroundName(g)))];

    public async Task<IActionResult> OnGetAsync(Guid id, bool registered, string? done, CancellationToken ct)
    {
        Done = registered ? "成立登记已办理，已发给登记证书。" : done switch
        {
            OrganizationProcedure.Change => "变更登记已办理，变更前后内容已记入登记历史。",
            OrganizationProcedure.Deregister => "已办理注销登记。",
            _ => OversightDone(done) ?? DecouplingFormDone(done),
        };
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid id, CancellationToken ct)
    {
        decimal? capital = null;
        if (!string.IsNullOrWhiteSpace(RegisteredCapital))
        {
            if (!decimal.TryParse(RegisteredCapital.Replace(",", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var c))
            {
                Errors = ["注册资金应为以元为单位的数字"];
                return await LoadAsync(id, ct) ? Page() : NotFound();
            }

            capital = c;
        }

        var representative = string.IsNullOrWhiteSpace(RepresentativeName) && string.IsNullOrWhiteSpace(RepresentativeIdNumber)
            ? null : new LegalRepresentativeRequest(RepresentativeName, RepresentativeIdNumber);
        var result = await changes.ChangeAsync(id, new ChangeOrganizationRequest(Date, Empty(NewName), Empty(SupervisingUnit), Empty(Residence), capital,
            representative, Reason), Roles.All.Where(User.IsInRole), ct);
        return await AfterAsync(id, result, OrganizationProcedure.Change, ct);
    }

    // 补录 of a 注销登记 finished before the system; 撤销登记 is a case of its own (OnPostRevocationAsync).
    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        var result = await changes.EndAsync(id, OrganizationProcedure.Deregister, new EndOrganizationRequest(Date, Reason, null), Roles.All.Where(User.IsInRole), ct);
        return await AfterAsync(id, result, OrganizationProcedure.Deregister, ct);
    }

    public async Task<IActionResult> OnPostRevocationAsync(Guid id, string? openedOn, string? ground, string? facts, CancellationToken ct)
    {
        var result = await revocations.OpenAsync(id, new Revocations.OpenRevocationRequest(openedOn, ground, facts), Roles.All.Where(User.IsInRole).ToList(), ct);
        if (result.Outcome == Platform.Kernel.Outcome.Done)
        {
            return RedirectToPage("/Modules/SocialOrganizations/Organizations/Revocation", new { id = result.Value!.Id, done = "opened" });
        }

        OpenForm = "revocation";
        Typed = (openedOn, ground, facts);
        Errors = result.Errors.Any ? PageMessages.For(result.Errors.Messages) : [result.Message!];
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> AfterAsync<T>(Guid id, OrgResult<T> result, string done, CancellationToken ct)
    {
        if (result.Outcome == Platform.Kernel.Outcome.Done)
        {
            return RedirectToPage("/Modules/SocialOrganizations/Organizations/Detail", new { id, done });
        }

        Errors = result.Errors.Any ? PageMessages.For(result.Errors.Messages) : [result.Message!];
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Detail = await queries.DetailAsync(id, ct);
        if (Detail is null)
        {
            return false;
        }

        var status = Enum.Parse<SocialOrganizationStatus>(Detail.Organization.Status.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
        Actions = OrganizationProcedure.Steps.AvailableActions(status, Roles.All.Where(User.IsInRole));
        var none = new FieldErrors();
        RevocationCases = (await revocationCases.ListAsync(null, id, PageRequest.NewestFirst(1, 50, null, null), none, ct))?.Items ?? [];
        Files = await attachments.PanelAsync(User, OrganizationAttachmentOwner.Type, id, $"/Organizations/Detail?id={id}#attachments", ct);
        return true;
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
