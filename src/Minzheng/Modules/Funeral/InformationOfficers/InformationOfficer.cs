using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Funeral.InformationOfficers;

/// <summary>
/// A village's 殡改信息员 (funeral-reform information officer): who (ID number stored like a person's), the village, the
/// phone, and the service from appointment to the optional end. A person serves a village once at a time: a second active
/// appointment of the same ID number in the same village is refused, whatever the concurrency (a filtered unique index).
/// </summary>
public sealed class InformationOfficer : AuditableEntity, IRegionScoped
{
    public const int NameMaxLength = 50;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The village served.</summary>
    public string RegionCode { get; set; } = "";

    public string Name { get; set; } = "";

    [Sensitive]
    public string IdNumberCipher { get; set; } = "";

    [Sensitive]
    public string IdNumberIndex { get; set; } = "";

    public string IdNumberMasked { get; set; } = "";

    [Sensitive]
    public string? Phone { get; set; }

    public DateOnly AppointedOn { get; set; }

    /// <summary>The last day served; null while serving. It is the concurrency token of ending.</summary>
    public DateOnly? EndedOn { get; set; }

    /// <summary>True while serving, stored so that the unique index can hold only active appointments.</summary>
    public bool Active { get; set; } = true;
}

/// <summary>One year's subsidy roster (殡改信息员补贴发放表) of a region: the standard it was computed with. One per region and year.</summary>
public sealed class OfficerSubsidyRoster : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The region it covers (the caller's scope when generated).</summary>
    public string RegionCode { get; set; } = "";

    public int Year { get; set; }
    public decimal AnnualStandard { get; set; }
    public DateOnly GeneratedOn { get; set; }
}

/// <summary>
/// One officer's line of a roster: months served in the year, the amount (standard × months ÷ 12) and when it was paid.
/// An officer has at most one line per year, so overlapping rosters can never pay anyone twice.
/// </summary>
public sealed class OfficerSubsidyLine : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The officer's village.</summary>
    public string RegionCode { get; set; } = "";

    public Guid RosterId { get; set; }
    public Guid OfficerId { get; set; }
    public int Year { get; set; }
    public int Months { get; set; }
    public decimal AnnualStandard { get; set; }
    public decimal Amount { get; set; }

    /// <summary>Null until paid; the concurrency token of marking it paid.</summary>
    public DateOnly? PaidOn { get; set; }

    /// <summary>How the amount was computed, as the roster shows it: "600.00 × 7/12".</summary>
    public string Calculation => FormattableString.Invariant($"{AnnualStandard:0.00} × {Months}/12");
}

internal sealed class InformationOfficerConfiguration : IEntityTypeConfiguration<InformationOfficer>, IEntityTypeConfiguration<OfficerSubsidyRoster>,
    IEntityTypeConfiguration<OfficerSubsidyLine>
{
    public void Configure(EntityTypeBuilder<InformationOfficer> b)
    {
        b.ToTable("FuneralInformationOfficers");
        b.Property(x => x.Name).HasMaxLength(InformationOfficer.NameMaxLength);
        b.Property(x => x.IdNumberCipher).HasMaxLength(200);
        b.Property(x => x.IdNumberIndex).HasMaxLength(64);
        b.Property(x => x.IdNumberMasked).HasMaxLength(18);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.EndedOn).IsConcurrencyToken();
        b.HasIndex(x => new { x.RegionCode, x.IdNumberIndex }).IsUnique().HasFilter("\"Active\"");
        b.HasIndex(x => x.AppointedOn);
    }

    public void Configure(EntityTypeBuilder<OfficerSubsidyRoster> b)
    {
        b.ToTable("FuneralOfficerSubsidyRosters");
        b.Property(x => x.AnnualStandard).HasPrecision(18, 2);
        b.HasIndex(x => new { x.RegionCode, x.Year }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<OfficerSubsidyLine> b)
    {
        b.ToTable("FuneralOfficerSubsidyLines");
        b.Property(x => x.AnnualStandard).HasPrecision(18, 2);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.PaidOn).IsConcurrencyToken();
        b.Ignore(x => x.Calculation);
        b.HasOne<OfficerSubsidyRoster>().WithMany().HasForeignKey(x => x.RosterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InformationOfficer>().WithMany().HasForeignKey(x => x.OfficerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OfficerId, x.Year }).IsUnique();
        b.HasIndex(x => x.PaidOn);
    }
}
