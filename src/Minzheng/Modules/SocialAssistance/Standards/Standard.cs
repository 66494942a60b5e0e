using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Standards;

public enum StandardPeriod
{
    Month,
    Year,
}

/// <summary>Rounding of computed amounts, half away from zero: to the fen (分), jiao (角) or yuan (元).</summary>
public enum Rounding
{
    Fen,
    Jiao,
    Yuan,
}

/// <summary>A percentage of the standard by category: 分类施保 supplements (Dibao) or reimbursement rates (医疗救助).</summary>
public sealed record CategoryPercent(string Category, decimal PercentOfStandard);

/// <summary>
/// A 保障标准: policy as versioned data (DESIGN §4). One row per programme × region prefix × effective date; a later
/// date never overwrites an earlier one, so decisions and payments can always be recomputed with the standard of their
/// time. A reference table (DESIGN §7): readable by every region below the prefix, changed only by the county for its subtree.
/// </summary>
public sealed class Standard : AuditableEntity
{
    public const int CitationMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Program { get; set; } = "";

    /// <summary>2, 4, 6, 9 or 12 digits: the standard covers this subtree; the longest matching prefix wins.</summary>
    public string RegionPrefix { get; set; } = "";

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Amount per person per <see cref="Per"/> (yuan).</summary>
    public decimal Amount { get; set; }

    public StandardPeriod Per { get; set; }
    public Rounding Rounding { get; set; }
    public string SupplementsJson { get; set; } = "[]";

    /// <summary>特困 照料护理 allowances per month by self-care level (POLICY §2).</summary>
    public decimal? CareFull { get; set; }

    public decimal? CarePartial { get; set; }
    public decimal? CareNone { get; set; }

    /// <summary>临时救助: ceiling as a multiple of the monthly Dibao standard (POLICY §3, local).</summary>
    public decimal? CeilingMultiple { get; set; }

    /// <summary>医疗救助: annual cap per person (yuan) and reimbursement rates by category (POLICY §4, local).</summary>
    public decimal? AnnualCap { get; set; }

    public string RatesJson { get; set; } = "[]";

    /// <summary>高龄津贴: the age from which it is paid (local, commonly 80).</summary>
    public int? MinAge { get; set; }

    /// <summary>高龄津贴 only for 经济困难 old people — members of 低保 or 特困 households — where the local rule says so.</summary>
    public bool HardshipOnly { get; set; }

    /// <summary>失能补贴 (60+, not self-caring) only in 低保 or 特困 households, where the local rule says so.</summary>
    public bool CareHardshipOnly { get; set; }

    /// <summary>The document that sets this standard (e.g. 赣民字〔2025〕12号), shown next to the number.</summary>
    public string? Citation { get; set; }

    /// <summary>camelCase JSON, as in the API body, for the category lists.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<CategoryPercent> Supplements => JsonSerializer.Deserialize<List<CategoryPercent>>(SupplementsJson, Json) ?? [];

    public IReadOnlyList<CategoryPercent> Rates => JsonSerializer.Deserialize<List<CategoryPercent>>(RatesJson, Json) ?? [];

    /// <summary>The monthly amount: a yearly amount divided by 12 without intermediate rounding (DESIGN §5).</summary>
    public decimal MonthlyAmount => Per == StandardPeriod.Year ? Amount / 12m : Amount;

    public decimal Round(decimal value) => Rounding switch
    {
        Rounding.Fen => decimal.Round(value, 2, MidpointRounding.AwayFromZero),
        Rounding.Jiao => decimal.Round(value, 1, MidpointRounding.AwayFromZero),
        Rounding.Yuan => decimal.Round(value, 0, MidpointRounding.AwayFromZero),
    };
}

internal sealed class StandardConfiguration : IEntityTypeConfiguration<Standard>
{
    public void Configure(EntityTypeBuilder<Standard> b)
    {
        b.Property(s => s.Program).HasMaxLength(32);
        b.Property(s => s.RegionPrefix).HasMaxLength(12);
        b.Property(s => s.Per).HasConversion<string>().HasMaxLength(8);
        b.Property(s => s.Rounding).HasConversion<string>().HasMaxLength(8);
        b.Property(s => s.SupplementsJson).HasMaxLength(2000);
        b.Property(s => s.RatesJson).HasMaxLength(2000);
        b.Property(s => s.Citation).HasMaxLength(Standard.CitationMaxLength);
        b.Ignore(s => s.Supplements);
        b.Ignore(s => s.Rates);
        b.Ignore(s => s.MonthlyAmount);
        // One row per programme, region and date: a PUT with the same three replaces it; other dates stay as history.
        b.HasIndex(s => new { s.Program, s.RegionPrefix, s.EffectiveFrom }).IsUnique();
    }
}
