using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>离婚登记: receive an application (回执 with the two deadlines), withdraw it within the cooling-off period, register after it.</summary>
[Authorize(Policy = MarriageModule.Register)]
public sealed class DivorcesModel(DivorceService divorces, MarriageQueries queries, TimeProvider clock) : CouplePageModel
{
    [BindProperty] public string? ReceivedOn { get; set; }


    /// <summary>离婚协议 on the form: up to <see cref="ChildRows"/> children, property items one per line, debts.</summary>
    [BindProperty] public List<DivorceChildInput> Children { get; set; } = [];

    [BindProperty] public string? PropertyDivision { get; set; }
    [BindProperty] public string? Debts { get; set; }

    public const int ChildRows = 3;

    [BindProperty(SupportsGet = true)] public Guid? Receipt { get; set; }

    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    public DivorceApplication? ReceiptOf { get; private set; }
    public List<DivorceApplication> Applications { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Message { get; private set; }
    public string Today => clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ReceivedOn ??= Today;
        Message = TempData["Message"] as string;
        ReceiptOf = Receipt is { } id ? await queries.ApplicationAsync(id, ct) : null;
        Applications = await queries.ApplicationsAsync(!All, 200, ct);
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        var result = await divorces.ApplyAsync(new DivorceApplicationRequest(ReceivedOn,
            Parties(), Agreement()), ct);
        if (result.Value is { } created)
        {
            return RedirectToPage(new { receipt = created.Id });
        }

        Errors = result.Errors.Any ? PageMessages.For(result.Errors.Messages) : [result.Message!];
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string? date, string? idNumber, string? idType, CancellationToken ct)
    {
        var (outcome, message, _) = await divorces.WithdrawAsync(id, new WithdrawDivorceRequest(date, idNumber, idType), ct);
        if (outcome == Outcome.Done)
        {
            // The party takes the 撤回确认单 home: it opens at once, ready to print.
            return RedirectToPage("/Modules/Marriage/Marriages/Withdrawal", new { id });
        }

        return await AfterAsync(false, null, message, ct);
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, string? date, CancellationToken ct)
    {
        var result = await divorces.RegisterAsync(id, new RegisterDivorceRequest(date), ct);
        if (result.Value is { } registered)
        {
            return RedirectToPage("/Modules/Marriage/Marriages/Certificate", new { id = registered.Id });
        }

        return await AfterAsync(false, null, result.Message, ct);
    }

    /// <summary>The agreement typed on the form; null when every field was left empty. Custody and payer name one of the two parties.</summary>
    private DivorceAgreementRequest? Agreement()
    {
        string? Party(string? side) => side switch { "a" => NameA?.Trim(), "b" => NameB?.Trim(), _ => null };
        var children = Children.Where(c => !c.IsEmpty).Select(c =>
            new DivorceChildRequest(c.Name, Party(c.Custodian), c.MonthlySupport, Party(c.SupportPayer), c.Visitation)).ToList();
        var items = (PropertyDivision ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return children.Count == 0 && items.Count == 0 && string.IsNullOrWhiteSpace(Debts) ? null : new DivorceAgreementRequest(children, items, Debts);
    }

    private async Task<IActionResult> AfterAsync(bool done, string? success, string? failure, CancellationToken ct)
    {
        if (done)
        {
            TempData["Message"] = success;
            return RedirectToPage();
        }

        Errors = [failure!];
        await OnGetAsync(ct);
        return Page();
    }
}

/// <summary>One child's row of the agreement on the divorce form; the custodian and payer are "a" (一方) or "b" (另一方).</summary>
public sealed class DivorceChildInput
{
    public string? Name { get; set; }
    public string? Custodian { get; set; }
    public decimal? MonthlySupport { get; set; }
    public string? SupportPayer { get; set; }
    public string? Visitation { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && MonthlySupport is null && string.IsNullOrWhiteSpace(Visitation);
}
