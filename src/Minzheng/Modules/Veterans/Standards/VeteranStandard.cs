using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Veterans.Standards;

/// <summary>
/// 抚恤补助标准: for a category (and, for disabled veterans, grade and nature) in a region subtree from a month: the national
/// base plus the local addition, per year or per month as the notice states them. Rows are never edited: a raise is a new row.
/// </summary>
public sealed class VeteranStandard : AuditableEntity, IRegionScoped
{
    public const int CitationMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The subtree's own 12-digit code (the prefix padded with zeros).</summary>
    public string RegionCode { get; set; } = "";

    public string RegionPrefix { get; set; } = "";
    public string Category { get; set; } = "";
    public int? DisabilityGrade { get; set; }
    public DisabilityNature? DisabilityNature { get; set; }

    /// <summary>First day of the first month it applies to.</summary>
    public DateOnly EffectiveMonth { get; set; }

    public decimal NationalAmount { get; set; }
    public decimal LocalAmount { get; set; }
    public bool PerYear { get; set; }

    /// <summary>The monthly amount paid: (national + local) ÷ 12 when per year, rounded half away from zero to the fen.</summary>
    public decimal MonthlyAmount { get; set; }

    /// <summary>The notice that set it (e.g. 退役军人部 财政部 关于调整部分优抚对象等人员抚恤和生活补助标准的通知).</summary>
    public string? Citation { get; set; }

    /// <summary>Applied with back-pay for months already paid (the raise was decided after its effective month).</summary>
    public bool BackPay { get; set; }

    /// <summary>Enrolments whose amount the raise changed, and entitlements it enrolled for the first time.</summary>
    public int Adjusted { get; set; }

    public int Enrolled { get; set; }
}

internal sealed class VeteranStandardConfiguration : IEntityTypeConfiguration<VeteranStandard>
{
    public void Configure(EntityTypeBuilder<VeteranStandard> b)
    {
        b.ToTable("VeteranStandards");
        b.Property(x => x.RegionPrefix).HasMaxLength(12);
        b.Property(x => x.Category).HasMaxLength(32);
        b.Property(x => x.DisabilityNature).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.NationalAmount).HasPrecision(18, 2);
        b.Property(x => x.LocalAmount).HasPrecision(18, 2);
        b.Property(x => x.MonthlyAmount).HasPrecision(18, 2);
        b.Property(x => x.Citation).HasMaxLength(VeteranStandard.CitationMaxLength);
        b.HasIndex(x => new { x.Category, x.DisabilityGrade, x.DisabilityNature, x.EffectiveMonth });
    }
}
