using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Payments;

/// <summary>One payee of a signature list: what this payroll pays them, and why when it is not simply the month's amount.</summary>
public sealed record SignatureRow(int Number, Guid HouseholdId, string Name, string? Recipient, string IdNumberMasked, int CoveredPersons, string Months,
    decimal Amount, string Note);

/// <summary>发放签领表 of one payroll in one village (community): the rows and the heading of the printed sheet.</summary>
public sealed record SignatureSheet(Guid PayrollId, string Program, string ProgramName, string Period, string Title, string RegionCode, string TownshipName,
    string VillageName, string Status, string StatusName, IReadOnlyList<SignatureRow> Rows, int Households, int Persons, decimal TotalAmount);

/// <summary>
/// 发放签领表: the sheet a village hands round for payees to sign (or thumbprint) that they received the payroll's money.
/// Rows come from the payroll's lines at exactly the village's code, read through the region filter, so a township or a
/// village sees only its own people; ID numbers are masked as on every printed list. The amount of a payee is the net of
/// their lines, leaving out lines re-issued by a supplementary payroll — the bank file's rule, so the sheet and the
/// transfers agree. Every view is audited: the sheet lists names and amounts of people in need.
/// </summary>
public sealed class SignatureLists(MinzhengDbContext db, PayrollQueries payrolls, RegionService regions, IRegionScope scope, AuditLog audit)
{
    public const string AuditEntity = "PayrollSignatureList";

    private static readonly StringComparer Pinyin = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), false);

    public async Task<(Outcome Outcome, string? Message, SignatureSheet? Sheet)> GetAsync(Guid id, string? village, CancellationToken ct)
    {
        var code = village?.Trim();
        if (!RegionCode.TryGetLevel(code, out _, out _))
        {
            return (Outcome.Invalid, "village 应为村（社区）的12位区划代码，如 360482100201", null);
        }

        if (!code!.StartsWith(scope.Prefix, StringComparison.Ordinal) || !await regions.ExistsAsync(code, ct))
        {
            return (Outcome.NotFound, "村（社区）不存在或不在您的管辖范围内", null);
        }

        if (await payrolls.GetAsync(id, ct) is not { } payroll)
        {
            return (Outcome.NotFound, "发放名册不存在或不在您的管辖范围内", null);
        }

        var lines = await db.PayrollLines.AsNoTracking().Where(l => l.PayrollId == id && l.RegionCode == code).WithAnswers(db)
            .Join(db.Persons, x => x.Line.PersonId, p => p.Id, (x, p) => new { Answered = x, p.Name, p.IdNumberMasked })
            .ToListAsync(ct);
        if (lines.Count == 0)
        {
            return (Outcome.NotFound, "该发放名册在此村（社区）没有发放对象", null);
        }

        var rows = lines.GroupBy(x => x.Answered.Line.EnrollmentId)
            .Select(g => (First: g.First(), Lines: g.Select(x => x.Answered).ToList()))
            .OrderBy(x => x.First.Name, Pinyin).ThenBy(x => x.First.Answered.Line.EnrollmentId)
            .Select((x, i) => Row(i + 1, x.First.Name, x.First.IdNumberMasked, x.Lines))
            .ToList();
        var township = code[..9].PadRight(RegionCode.Length, '0');
        var names = await regions.NamesOfAsync([township, code], ct);
        var supplementary = payroll.Kind == Minzheng.Platform.Web.InputValues.Code(PayrollKind.Supplementary);
        var title = $"{PeriodName(payroll.Period)}{payroll.ProgramName}{(supplementary ? "补发" : "")}发放签领表";
        var sheet = new SignatureSheet(id, payroll.Program, payroll.ProgramName, payroll.Period, title, code, names.GetValueOrDefault(township, ""),
            names.GetValueOrDefault(code, code), payroll.Status, payroll.StatusName, rows, rows.Select(r => r.HouseholdId).Distinct().Count(),
            rows.Sum(r => r.CoveredPersons), rows.Sum(r => r.Amount));
        await audit.RecordAsync(AuditActions.RecordViewed, entityType: AuditEntity, entityId: id.ToString(), regionCode: code,
            details: new { kind = "payroll-signature-list", village = code, rows = rows.Count }, ct: ct);
        return (Outcome.Done, null, sheet);
    }

    private static SignatureRow Row(int number, string name, string idNumberMasked, List<AnsweredLine> answered)
    {
        var lines = answered.Select(a => a.Line).ToList();
        var counted = lines.Where(l => l.Status != PaymentStatus.Reissued).ToList();
        var amount = counted.Sum(l => l.Amount);
        var notes = new List<string>();
        foreach (var l in counted.Where(l => l.Kind != LineKind.Regular).OrderBy(l => l.Month))
        {
            notes.Add(l.Kind switch
            {
                LineKind.Arrears => $"含补发{MonthName(l.Month)}{Money(l.Amount)}元",
                LineKind.Recovery => $"扣回{MonthName(l.Month)}多发{Money(-l.Amount)}元",
                LineKind.Correction => $"含人工更正{Money(l.Amount)}元",
                LineKind.Reissue => $"补发{MonthName(l.Month)}发放失败款项",
                LineKind.Regular => "",
            });
        }

        if (answered.FirstOrDefault(a => a.Status == PaymentStatus.Failed) is { } failed)
        {
            notes.Add($"银行发放失败{(failed.FailureReason is { Length: > 0 } why ? $"（{why}）" : "")}，待核对账户后补发");
        }

        if (counted.Count < lines.Count)
        {
            notes.Add("银行发放失败的款项已由补发名册另行发放");
        }

        if (amount < 0)
        {
            notes.Add("多发款项需退回");
        }
        else if (amount > 0 && counted.All(l => l.BankAccountCipher is null))
        {
            notes.Add("无银行账号，未随银行代发");
        }

        var holder = lines.Select(l => l.AccountHolder).FirstOrDefault(h => h is not null && h != name);
        return new SignatureRow(number, lines[0].HouseholdId, name, holder, idNumberMasked, lines.Max(l => l.CoveredPersons),
            Months(lines.Select(l => l.Month)), amount, string.Join("；", notes));
    }

    /// <summary>"2026年11月", a quarter as "2026年7—9月", several months joined by 、 — consecutive months as one run.</summary>
    public static string Months(IEnumerable<DateOnly> months)
    {
        var runs = new List<(DateOnly From, DateOnly To)>();
        foreach (var m in months.Distinct().Order())
        {
            if (runs.Count > 0 && runs[^1].To.AddMonths(1) == m)
            {
                runs[^1] = (runs[^1].From, m);
            }
            else
            {
                runs.Add((m, m));
            }
        }

        return string.Join("、", runs.Select(r => r.From == r.To ? MonthName(r.From)
            : r.From.Year == r.To.Year ? $"{r.From.Year}年{r.From.Month}—{r.To.Month}月" : $"{MonthName(r.From)}—{MonthName(r.To)}"));
    }

    /// <summary>"2026-11" → 2026年11月, "2026-Q3" → 2026年第3季度.</summary>
    public static string PeriodName(string period) => period.Length == 7 && period[5] == 'Q'
        ? $"{period[..4]}年第{period[6]}季度"
        : $"{period[..4]}年{int.Parse(period[5..], CultureInfo.InvariantCulture)}月";

    private static string MonthName(DateOnly m) => $"{m.Year}年{m.Month}月";

    private static string Money(decimal v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
