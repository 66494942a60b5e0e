using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;
using static Minzheng.Platform.Web.InputValues;

namespace Minzheng.Modules.SocialAssistance.Standards;

public sealed record CategoryPercentRequest(string? Category, decimal? PercentOfStandard);

public sealed record CareAllowancesRequest(decimal? Full, decimal? Partial, decimal? None);

public sealed record StandardRequest(string? Program, string? RegionCode, string? EffectiveFrom, decimal? Amount, string? Per, string? Rounding,
    List<CategoryPercentRequest>? Supplements, CareAllowancesRequest? CareAllowances, decimal? CeilingMultiple, decimal? AnnualCap,
    List<CategoryPercentRequest>? ReimbursementRates, int? MinAge, string? Citation, bool? HardshipOnly = null, bool? CareHardshipOnly = null);

public sealed record StandardDto(Guid Id, string Program, string ProgramName, string RegionCode, DateOnly EffectiveFrom, decimal Amount, string Per,
    string Rounding, decimal MonthlyAmount, IReadOnlyList<CategoryPercent> Supplements, CareAllowancesRequest? CareAllowances, decimal? CeilingMultiple,
    decimal? AnnualCap, IReadOnlyList<CategoryPercent> ReimbursementRates, int? MinAge, string? Citation, string UpdatedBy, DateTimeOffset UpdatedAt,
    bool HardshipOnly, bool CareHardshipOnly)
{
    public static StandardDto From(Standard s) => new(s.Id, s.Program, AssistancePrograms.NameOf(s.Program), s.RegionPrefix,
        s.EffectiveFrom, s.Amount, InputValues.Code(s.Per), InputValues.Code(s.Rounding), decimal.Round(s.MonthlyAmount, 2), s.Supplements,
        s.CareFull is null && s.CarePartial is null && s.CareNone is null ? null : new CareAllowancesRequest(s.CareFull, s.CarePartial, s.CareNone),
        s.CeilingMultiple, s.AnnualCap, s.Rates, s.MinAge, s.Citation, s.UpdatedBy, s.UpdatedAt, s.HardshipOnly, s.CareHardshipOnly);
}

/// <summary>Maintains the versioned standards and resolves the one in force for a region on a day.</summary>
public sealed class StandardService(MinzhengDbContext db, IRegionScope scope)
{
    /// <summary>分类施保 categories of DESIGN §5, plus serious illness (POLICY §1).</summary>
    public static readonly string[] SupplementCategories = ["severe-disability", "disability", "elderly-70", "minor", "serious-illness"];

    /// <summary>医疗救助 beneficiary categories (POLICY §4): each person gets the best one.</summary>
    public static readonly string[] RateCategories = ["destitute", "dibao", "near-dibao", "illness"];

    /// <summary>Creates the standard, or replaces the one with the same programme, region and date. Returns the row or the errors.</summary>
    public async Task<(StandardDto? Standard, bool Created, FieldErrors Errors)> PutAsync(StandardRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (AssistancePrograms.ByCode(request.Program) is null)
        {
            errors.Add("program", $"program 应为 {string.Join("、", AssistancePrograms.All.Select(p => p.Code))} 之一");
        }

        var prefix = RegionCode.ToScopePrefix(request.RegionCode?.Trim());
        if (prefix is null)
        {
            errors.Add("regionCode", "regionCode 应为12位区划代码或其2、4、6、9位前缀");
        }
        else if (!prefix.StartsWith(scope.Prefix, StringComparison.Ordinal))
        {
            errors.Add("regionCode", $"区划“{request.RegionCode}”不在您的管辖范围内：只能为本级及下级区划设置标准");
        }

        if (!Minzheng.Platform.Web.InputValues.TryParseDate(request.EffectiveFrom, out var from))
        {
            errors.Add("effectiveFrom", "生效日期 effectiveFrom 应为 YYYY-MM-DD");
        }

        CheckMoney(request.Amount, "amount", "保障标准金额", required: true, errors);
        var per = Parse<StandardPeriod>(request.Per ?? "month", "per", "per 应为 month（月）或 year（年）", errors);
        var rounding = Parse<Rounding>(request.Rounding ?? "fen", "rounding", "rounding 应为 fen（分）、jiao（角）或 yuan（元）", errors);
        var supplements = Percentages(request.Supplements, "supplements", SupplementCategories, errors);
        var rates = Percentages(request.ReimbursementRates, "reimbursementRates", RateCategories, errors);
        CheckMoney(request.CareAllowances?.Full, "careAllowances.full", "全自理照料护理标准", required: false, errors);
        CheckMoney(request.CareAllowances?.Partial, "careAllowances.partial", "半失能照料护理标准", required: false, errors);
        CheckMoney(request.CareAllowances?.None, "careAllowances.none", "全失能照料护理标准", required: false, errors);
        CheckMoney(request.AnnualCap, "annualCap", "年度救助封顶线", required: false, errors);
        if (request.CeilingMultiple is < 0 or > 100)
        {
            errors.Add("ceilingMultiple", "临时救助上限倍数应在0到100之间（月低保标准的倍数）");
        }

        if (request.MinAge is < 0 or > 120)
        {
            errors.Add("minAge", "高龄津贴起始年龄应在0到120之间");
        }

        if ((request.Citation?.Trim().Length ?? 0) > Standard.CitationMaxLength)
        {
            errors.Add("citation", $"政策依据不能超过{Standard.CitationMaxLength}个字");
        }

        if (errors.Any)
        {
            return (null, false, errors);
        }

        var row = await db.Standards.SingleOrDefaultAsync(s => s.Program == request.Program && s.RegionPrefix == prefix && s.EffectiveFrom == from, ct);
        var created = row is null;
        row ??= db.Standards.Add(new Standard { Program = request.Program!, RegionPrefix = prefix!, EffectiveFrom = from }).Entity;
        row.Amount = request.Amount!.Value;
        row.Per = per;
        row.Rounding = rounding;
        row.SupplementsJson = JsonSerializer.Serialize(supplements, Standard.Json);
        row.RatesJson = JsonSerializer.Serialize(rates, Standard.Json);
        (row.CareFull, row.CarePartial, row.CareNone) = (request.CareAllowances?.Full, request.CareAllowances?.Partial, request.CareAllowances?.None);
        row.CeilingMultiple = request.CeilingMultiple;
        row.AnnualCap = request.AnnualCap;
        row.MinAge = request.MinAge;
        (row.HardshipOnly, row.CareHardshipOnly) = (request.HardshipOnly == true, request.CareHardshipOnly == true);
        row.Citation = string.IsNullOrWhiteSpace(request.Citation) ? null : request.Citation.Trim();
        await db.SaveChangesAsync(ct);
        return (StandardDto.From(row), created, errors);
    }

    /// <summary>Every version that applies anywhere in the region subtree or above it, newest first.</summary>
    public async Task<List<StandardDto>> ListAsync(string? program, string? regionPrefix, CancellationToken ct)
    {
        var query = db.Standards.AsNoTracking();
        if (!string.IsNullOrEmpty(program))
        {
            query = query.Where(s => s.Program == program);
        }

        var rows = await query.ToListAsync(ct);
        var region = regionPrefix ?? scope.Prefix;
        return rows.Where(s => RegionCode.Overlap(s.RegionPrefix, region))
            .OrderBy(s => s.Program).ThenBy(s => s.RegionPrefix).ThenByDescending(s => s.EffectiveFrom).Select(StandardDto.From).ToList();
    }

    /// <summary>
    /// The standard in force for a 12-digit region on a day: among the rows whose prefix covers the region and whose date
    /// has come, the most specific prefix wins, then the latest date (DESIGN §5).
    /// </summary>
    public async Task<Standard?> ResolveAsync(string program, string regionCode, DateOnly day, CancellationToken ct)
    {
        var candidates = await db.Standards.AsNoTracking().Where(s => s.Program == program && s.EffectiveFrom <= day).ToListAsync(ct);
        return InForce(candidates, regionCode, day);
    }

    /// <summary>The rule of <see cref="ResolveAsync"/> over standards already loaded (of one programme).</summary>
    public static Standard? InForce(IEnumerable<Standard> standards, string regionCode, DateOnly day) =>
        standards.Where(s => s.EffectiveFrom <= day && regionCode.StartsWith(s.RegionPrefix, StringComparison.Ordinal))
            .OrderByDescending(s => s.RegionPrefix.Length).ThenByDescending(s => s.EffectiveFrom).FirstOrDefault();

    private static void CheckMoney(decimal? amount, string field, string label, bool required, FieldErrors errors)
    {
        if (amount is null ? required : amount < 0 || amount > 1_000_000 || decimal.Round(amount.Value, 2) != amount)
        {
            errors.Add(field, $"{label}应为0到1000000之间、最多两位小数的金额（元）");
        }
    }

    private static List<CategoryPercent> Percentages(List<CategoryPercentRequest>? items, string field, string[] categories, FieldErrors errors)
    {
        var result = new List<CategoryPercent>();
        foreach (var (item, i) in (items ?? []).Select((x, i) => (x, i)))
        {
            if (item.Category is null || !categories.Contains(item.Category) || result.Any(r => r.Category == item.Category))
            {
                errors.Add($"{field}[{i}].category", $"类别应为 {string.Join("、", categories)} 之一，且不能重复");
            }
            else if (item.PercentOfStandard is not { } p || p < 0 || p > 1000 || decimal.Round(p, 2) != p)
            {
                errors.Add($"{field}[{i}].percentOfStandard", "百分比应为0到1000之间、最多两位小数的数");
            }
            else
            {
                result.Add(new CategoryPercent(item.Category, p));
            }
        }

        return result;
    }
}
