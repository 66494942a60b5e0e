using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Veterans.Standards;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Entitlements;

/// <summary>The list filter of the 优抚对象 register (URL parameters of the page and the API).</summary>
public sealed record EntitlementFilter(string? Name = null, string? Region = null, string? Category = null, string? Status = null);

/// <summary>A row of the register; ID number masked.</summary>
public sealed record EntitlementRow(Guid Id, string Name, string IdNumberMasked, string RegionCode, string Category, string CategoryName,
    int? DisabilityGrade, string? DisabilityNature, string Status, string StatusName, decimal MonthlyAmount, bool Enrolled, string StartMonth);

/// <summary>An entitlement as the API shows it: the person masked, the service record, what it pays and how it was calculated.</summary>
public sealed record EntitlementDetail(Guid Id, string Name, string IdNumberMasked, string RegionCode, string Category, string CategoryName,
    int? DisabilityGrade, string? DisabilityNature, DateOnly? EnlistedOn, DateOnly? DischargedOn, string? Unit, int FirstClassMerits,
    int SecondClassMerits, int ThirdClassMerits, string? CertificateNumber, string StartMonth, string Status, DateOnly? DeathDate, string? EndMonth,
    Guid? EnrollmentId, decimal MonthlyAmount, decimal FuneralAid, IReadOnlyList<CalculationStep> Steps);

/// <summary>Lists and records of the register, within the caller's region (the query filter).</summary>
public sealed class EntitlementQueries(MinzhengDbContext db, Minzheng.Platform.Security.IRegionScope scope)
{
    private static readonly SortMap<VeteranEntitlement> Sort = new SortMap<VeteranEntitlement>("registered", q => q.ThenByDescending(e => e.Id))
        .Add("registered", e => e.CreatedAt).Add("name", e => e.Name).Add("region", e => e.RegionCode).Add("category", e => e.Category)
        .Add("amount", e => e.MonthlyAmount).Add("start", e => e.StartMonth);

    /// <summary>Null when a filter value is not one the register knows (the API answers 400).</summary>
    public async Task<Paged<EntitlementRow>?> PageAsync(EntitlementFilter filter, PageRequest page, CancellationToken ct)
    {
        var q = db.VeteranEntitlements.AsNoTracking();
        if (filter.Name?.Trim() is { Length: > 0 } name)
        {
            q = q.Where(e => e.Name.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            if (RegionCode.ToScopePrefix(filter.Region) is not { } prefix)
            {
                return null;
            }

            q = q.Where(e => e.RegionCode.StartsWith(prefix));
        }

        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            if (VeteranCategories.ByCode(filter.Category) is null)
            {
                return null;
            }

            q = q.Where(e => e.Category == filter.Category);
        }

        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            if (!Enum.TryParse<EntitlementStatus>(filter.Status, true, out var status))
            {
                return null;
            }

            q = q.Where(e => e.Status == status);
        }

        return (await q.PageAsync(page, Sort, ct)).Map(Row);
    }

    public static EntitlementRow Row(VeteranEntitlement e) => new(e.Id, e.Name, e.IdNumberMasked, e.RegionCode, e.Category,
        VeteranCategories.Label(e.Category, e.DisabilityGrade, e.DisabilityNature), e.DisabilityGrade, e.DisabilityNature is { } n ? InputValues.Code(n) : null,
        InputValues.Code(e.Status), StatusName(e.Status), e.MonthlyAmount, e.EnrollmentId is not null, Month(e.StartMonth));

    public Task<VeteranEntitlement?> GetAsync(Guid id, CancellationToken ct) => db.VeteranEntitlements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);

    public static EntitlementDetail Detail(VeteranEntitlement e) => new(e.Id, e.Name, e.IdNumberMasked, e.RegionCode, e.Category,
        VeteranCategories.Label(e.Category, e.DisabilityGrade, e.DisabilityNature), e.DisabilityGrade, e.DisabilityNature is { } n ? InputValues.Code(n) : null,
        e.EnlistedOn, e.DischargedOn, e.Unit, e.FirstClassMerits, e.SecondClassMerits, e.ThirdClassMerits, e.CertificateNumber, Month(e.StartMonth),
        InputValues.Code(e.Status), e.DeathDate, e.EndMonth is { } end ? Month(end) : null, e.EnrollmentId, e.MonthlyAmount, e.FuneralAid, Steps(e.CalculationJson));

    public static IReadOnlyList<CalculationStep> Steps(string? json) => json is null ? []
        : JsonDocument.Parse(json).RootElement.GetProperty("steps").Deserialize<List<CalculationStep>>(PensionCalculator.Json) ?? [];

    /// <summary>The standards that govern the caller's region (set above it) or part of it (set below it); never another county's.</summary>
    public async Task<List<VeteranStandard>> StandardsAsync(string? category, CancellationToken ct)
    {
        var q = db.VeteranStandards.AsNoTracking().AcrossRegions("a county reads the provincial standards that govern it too");
        if (!string.IsNullOrWhiteSpace(category))
        {
            q = q.Where(s => s.Category == category);
        }

        var rows = await q.ToListAsync(ct);
        return [.. rows.Where(s => RegionCode.Overlap(s.RegionPrefix, scope.Prefix))
            .OrderBy(s => VeteranCategories.All.ToList().FindIndex(c => c.Code == s.Category)).ThenBy(s => s.DisabilityNature).ThenBy(s => s.DisabilityGrade)
            .ThenByDescending(s => s.EffectiveMonth)];
    }

    public static string StatusName(EntitlementStatus s) => s switch
    {
        EntitlementStatus.Active => "在册享受",
        EntitlementStatus.Ended => "已终止",
        EntitlementStatus.Deceased => "已死亡",
    };

    public static string Month(DateOnly d) => d.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
