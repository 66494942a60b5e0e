using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Contracts;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Standards;

/// <summary><c>POST /api/v1/veterans/standards</c>: a standard for a category (grade and nature for disabled veterans) from a month.</summary>
public sealed record StandardRequest(string? Category, int? DisabilityGrade, string? DisabilityNature, string? RegionCode, string? EffectiveMonth,
    decimal? NationalAmount, decimal? LocalAmount, string? Per = "month", string? Citation = null, bool? BackPay = null);

public sealed record StandardResult(Guid Id, decimal MonthlyAmount, int Adjusted, int Enrolled, string? LastPaidMonth, IReadOnlyList<CalculationStep> Steps);

/// <summary>
/// 提标: a new standard applies to every entitlement it governs from its effective month, in one transaction — one batch
/// of adjustments through social assistance's contract (set-based), the entitlements' amounts by chunked set updates —
/// and the next payroll pays the months already paid as explained back-pay lines. A raise reaching back into paid months
/// must say so (backPay), else it is refused: a typo in the month would otherwise pay a year of arrears.
/// </summary>
public sealed class StandardRaiseService(MinzhengDbContext db, IRegionScope scope, RegionService regions, IBenefitEnrolments benefits,
    EntitlementService entitlements, MoneyLimits money)
{
    public async Task<VeteranResult<StandardResult>> ApplyAsync(StandardRequest r, string actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var category = VeteranCategories.ByCode(r.Category?.Trim());
        if (category is null)
        {
            errors.Add("category", $"优抚类别（category）应为 {string.Join("、", VeteranCategories.All.Select(c => c.Code))} 之一");
        }

        var nature = InputValues.ParseOptional<DisabilityNature>(r.DisabilityNature, "disabilityNature", "残疾性质（disabilityNature）应为 war（因战）、duty（因公）或 illness（因病）", errors);
        if (category is { Disabled: true } && (r.DisabilityGrade is not (>= 1 and <= 10) || nature is null))
        {
            errors.Add("disabilityGrade", "残疾军人的标准须注明残疾等级（disabilityGrade，1至10级）和残疾性质（disabilityNature）");
        }
        else if (category is { Disabled: true } && r.DisabilityGrade > VeteranCategories.MaxGrade(nature!.Value))
        {
            errors.Add("disabilityGrade", "因病致残只评定一级至六级（disabilityGrade），没有七至十级的标准");
        }
        else if (category is { Disabled: false } && (r.DisabilityGrade is not null || nature is not null))
        {
            errors.Add("disabilityGrade", "只有残疾军人的标准分等级和性质（disabilityGrade）");
        }

        var prefix = await regions.SubtreeWithinAsync(r.RegionCode, scope.Prefix, ct);
        if (prefix is null)
        {
            errors.Add("regionCode", "适用区划（regionCode）应为您管辖范围内存在的区划代码或其前缀");
        }

        if (!InputValues.TryParseMonth(r.EffectiveMonth, out var month))
        {
            errors.Add("effectiveMonth", "执行月份（effectiveMonth）应为 YYYY-MM");
        }

        var perYear = r.Per?.Trim() switch { null or "" or "month" => false, "year" => true, _ => (bool?)null };
        if (perYear is null)
        {
            errors.Add("per", "标准单位（per）应为 month（元/月）或 year（元/年）");
        }

        foreach (var (value, field, label) in new[] { (r.NationalAmount, "nationalAmount", "国家标准"), (r.LocalAmount ?? 0, "localAmount", "地方增发") })
        {
            if (!InputValues.IsMoney(value))
            {
                errors.Add(field, $"{label}（{field}）应为0到{MoneyLimits.Max}元之间、最多两位小数的金额");
            }
        }

        var citation = TextRules.Field(r.Citation, "citation", "标准依据", VeteranStandard.CitationMaxLength, errors);
        var monthly = errors.Any ? 0 : PensionCalculator.Monthly(r.NationalAmount!.Value, r.LocalAmount ?? 0, perYear!.Value);
        if (!errors.Any && money.CheckMonthly(monthly, category!.Program, "月发放金额") is { } tooMuch)
        {
            errors.Add("nationalAmount", tooMuch);
        }

        if (errors.Any)
        {
            return VeteranResult<StandardResult>.Invalid(errors);
        }

        var lastPaid = await benefits.LastPaidMonthAsync(category!.Program, prefix!, ct);
        if (lastPaid is { } paid && month <= paid && r.BackPay != true)
        {
            return VeteranResult<StandardResult>.Invalid("effectiveMonth",
                $"执行月份（effectiveMonth）{month:yyyy-MM} 不晚于已发放的最后月份 {paid:yyyy-MM}；确需追溯补发的，请同时勾选“追溯补发”（backPay）");
        }

        var standard = new VeteranStandard
        {
            RegionPrefix = prefix!,
            RegionCode = prefix!.PadRight(RegionCode.Length, '0'),
            Category = category.Code,
            DisabilityGrade = r.DisabilityGrade,
            DisabilityNature = nature,
            EffectiveMonth = month,
            NationalAmount = r.NationalAmount!.Value,
            LocalAmount = r.LocalAmount ?? 0,
            PerYear = perYear!.Value,
            MonthlyAmount = monthly,
            Citation = citation,
            BackPay = lastPaid is { } p && month <= p,
        };
        var calculation = PensionCalculator.Compute(category.Code, standard.DisabilityGrade, nature, standard);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.VeteranStandards.Add(standard);
        await db.SaveChangesAsync(ct);
        var all = await db.VeteranStandards.AsNoTracking().AcrossRegions("standards of parent regions decide which one governs")
            .Where(s => s.Category == category.Code).ToListAsync(ct);
        var rows = await Matching(category.Code, standard.DisabilityGrade, nature, prefix!).AsNoTracking()
            .Select(e => new { e.Id, e.RegionCode, e.EnrollmentId }).ToListAsync(ct);
        var governs = new Dictionary<string, bool>();
        var governed = rows.Where(e => governs.TryGetValue(e.RegionCode, out var g) ? g
            : governs[e.RegionCode] = PensionCalculator.InForce(all, category.Code, standard.DisabilityGrade, nature, e.RegionCode, month)?.Id == standard.Id).ToList();
        var headline = $"{VeteranCategories.Label(category.Code, standard.DisabilityGrade, nature)}标准调整为 {PensionCalculator.Money(monthly)} 元/月，自 {month:yyyy-MM} 起"
            + $"（{citation ?? VeteranCategories.Citation}）";
        standard.Adjusted = await benefits.AdjustAsync([.. governed.Where(e => e.EnrollmentId is not null).Select(e => new BenefitAdjustment(e.EnrollmentId!.Value, monthly))],
            month, headline, actor, ct);
        var json = calculation.ToJson();
        var enrolled = governed.Where(e => e.EnrollmentId is not null).Select(e => e.Id).ToList();
        // Usually the new standard governs every row it matched: then one statement over the same filter, else by ids.
        var targets = enrolled.Count == rows.Count(e => e.EnrollmentId is not null)
            ? [Matching(category.Code, standard.DisabilityGrade, nature, prefix!).Where(e => e.EnrollmentId != null)]
            : enrolled.Chunk(20_000).Select(chunk => db.VeteranEntitlements.Where(e => chunk.Contains(e.Id))).ToList();
        foreach (var target in targets)
        {
            await target.ExecuteUpdateAsync(s => s
                .SetProperty(e => e.MonthlyAmount, monthly).SetProperty(e => e.StandardId, standard.Id).SetProperty(e => e.CalculationJson, json)
                .SetProperty(e => e.UpdatedAt, standard.CreatedAt).SetProperty(e => e.UpdatedBy, actor), ct);
        }

        // Entitlements registered before any standard of theirs existed are enrolled now, from the standard's month at the
        // earliest; they are few (a new category's first standard), so one by one through the contract.
        foreach (var id in governed.Where(e => e.EnrollmentId is null).Select(e => e.Id))
        {
            var entitlement = await db.VeteranEntitlements.SingleAsync(e => e.Id == id, ct);
            try
            {
                await entitlements.EnrolAsync(entitlement, all, entitlement.StartMonth > month ? entitlement.StartMonth : month, null, null, ct);
                standard.Enrolled++;
            }
            catch (DomainRuleException)
            {
                // Already paid by the same programme under another category (the contract refused before writing): left as it is.
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return VeteranResult<StandardResult>.Done(new StandardResult(standard.Id, monthly, standard.Adjusted, standard.Enrolled,
            lastPaid?.ToString("yyyy-MM", CultureInfo.InvariantCulture), calculation.Steps));
    }

    /// <summary>The active entitlements a standard of this category, grade and nature for the subtree may govern.</summary>
    private IQueryable<VeteranEntitlement> Matching(string category, int? grade, DisabilityNature? nature, string prefix) =>
        db.VeteranEntitlements.Where(e => e.Category == category && e.DisabilityGrade == grade && e.DisabilityNature == nature
            && e.Status == EntitlementStatus.Active && e.RegionCode.StartsWith(prefix));
}
