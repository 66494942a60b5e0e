using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Veterans.Entitlements;

public enum EntitlementStatus
{
    Active,

    /// <summary>Ended for another reason than death (moved away, disqualified).</summary>
    Ended,
    Deceased,
}

/// <summary>
/// 优抚对象: a registry person's entitlement in one category, with the evidence (service record, merits, certificate) and
/// what it pays: the enrolment in social assistance's payroll (null until a standard for the category is in force), the
/// monthly amount and the standard behind it. The person's ID number lives in the registry (encrypted, blind index);
/// the masked form and the name are copied here for lists. A person holds one active entitlement per category.
/// </summary>
public sealed class VeteranEntitlement : AuditableEntity, IRegionScoped
{
    public const int NameMaxLength = 50;
    public const int UnitMaxLength = 100;
    public const int CertificateMaxLength = 40;
    public const int NoteMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public Guid PersonId { get; set; }
    public string Name { get; set; } = "";
    public string IdNumberMasked { get; set; } = "";
    public bool Rural { get; set; }

    /// <summary>Code of <see cref="VeteranCategories"/>.</summary>
    public string Category { get; set; } = "";

    public int? DisabilityGrade { get; set; }
    public DisabilityNature? DisabilityNature { get; set; }
    public DateOnly? EnlistedOn { get; set; }
    public DateOnly? DischargedOn { get; set; }
    public string? Unit { get; set; }
    public int FirstClassMerits { get; set; }
    public int SecondClassMerits { get; set; }
    public int ThirdClassMerits { get; set; }

    /// <summary>残疾军人证、烈士证明书 … number.</summary>
    public string? CertificateNumber { get; set; }

    /// <summary>First month the entitlement is paid for.</summary>
    public DateOnly StartMonth { get; set; }

    public EntitlementStatus Status { get; set; } = EntitlementStatus.Active;
    public DateOnly? DeathDate { get; set; }

    /// <summary>First month no longer paid (death: the month after it).</summary>
    public DateOnly? EndMonth { get; set; }

    public string? EndNote { get; set; }
    public Guid? EnrollmentId { get; set; }
    public Guid? StandardId { get; set; }
    public decimal MonthlyAmount { get; set; }

    /// <summary>The one-off funeral aid (six months' pension) paid on death, when it was due.</summary>
    public decimal FuneralAid { get; set; }

    /// <summary>The calculation with its cited steps (JSON), as the enrolment keeps it.</summary>
    public string? CalculationJson { get; set; }
}

internal sealed class EntitlementConfiguration : IEntityTypeConfiguration<VeteranEntitlement>
{
    public void Configure(EntityTypeBuilder<VeteranEntitlement> b)
    {
        b.ToTable("VeteranEntitlements");
        b.Property(x => x.Name).HasMaxLength(VeteranEntitlement.NameMaxLength);
        b.Property(x => x.IdNumberMasked).HasMaxLength(18);
        b.Property(x => x.Category).HasMaxLength(32);
        b.Property(x => x.DisabilityNature).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Unit).HasMaxLength(VeteranEntitlement.UnitMaxLength);
        b.Property(x => x.CertificateNumber).HasMaxLength(VeteranEntitlement.CertificateMaxLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.EndNote).HasMaxLength(VeteranEntitlement.NoteMaxLength);
        b.Property(x => x.MonthlyAmount).HasPrecision(18, 2);
        b.Property(x => x.FuneralAid).HasPrecision(18, 2);
        b.Property(x => x.CalculationJson).HasMaxLength(20_000);
        b.HasOne<Minzheng.Platform.People.Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        // One active entitlement per person and category, whatever races between two clerks.
        b.HasIndex(x => new { x.PersonId, x.Category }).IsUnique().HasFilter("\"Status\" = 'Active'");
        b.HasIndex(x => new { x.RegionCode, x.Category, x.Status });
        b.HasIndex(x => x.EnrollmentId);
        // PostgreSQL: half of each page left free, so a raise (every entitlement of a category: amount, standard and
        // calculation — none of them indexed, keep it so) writes each row's new version beside the old one as a HOT
        // update, without touching the indexes (docs/performance.md, 优抚提标). A county has a few thousand entitlements:
        // the doubled pages cost nothing noticeable; SQLite ignores the setting.
        b.HasStorageParameter("fillfactor", 50);
    }
}
