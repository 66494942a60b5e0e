using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Veterans.Resettlement;

/// <summary>安置去向 of a discharged soldier (退役士兵安置条例, POLICY §7).</summary>
public enum PlacementPath
{
    /// <summary>自主就业 with the one-off 退役金.</summary>
    SelfEmployment,

    /// <summary>安排工作 (assigned job), only on one of the legal grounds.</summary>
    AssignedJob,

    /// <summary>考录 (placed through an examination, e.g. as a civil servant).</summary>
    Exam,
    Retirement,

    /// <summary>供养 (lifelong support of grade 1–4 disabled conscripts).</summary>
    Support,
}

/// <summary>
/// 退役士兵安置: one discharged soldier received by the county — the registry person, service dates, the day he reported
/// (due within 30 days of discharge), the placement path, and for an assigned job the employer and start date.
/// </summary>
public sealed class SoldierPlacement : AuditableEntity, IRegionScoped
{
    public const int EmployerMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public Guid PersonId { get; set; }
    public string Name { get; set; } = "";
    public string IdNumberMasked { get; set; } = "";
    public bool Nco { get; set; }
    public DateOnly EnlistedOn { get; set; }
    public DateOnly DischargedOn { get; set; }
    public DateOnly? ReportedOn { get; set; }
    public PlacementPath Path { get; set; }

    /// <summary>The 退役金 and grant of a 自主就业 soldier, as calculated (0 for the other paths).</summary>
    public decimal DischargePayment { get; set; }

    public string? Employer { get; set; }
    public DateOnly? StartedOn { get; set; }

    /// <summary>The 安排工作 grounds that applied, as the calculator named them.</summary>
    public string? Grounds { get; set; }
}

internal sealed class SoldierPlacementConfiguration : IEntityTypeConfiguration<SoldierPlacement>
{
    public void Configure(EntityTypeBuilder<SoldierPlacement> b)
    {
        b.ToTable("VeteranPlacements");
        b.Property(x => x.Name).HasMaxLength(Entitlements.VeteranEntitlement.NameMaxLength);
        b.Property(x => x.IdNumberMasked).HasMaxLength(18);
        b.Property(x => x.Path).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.DischargePayment).HasPrecision(18, 2);
        b.Property(x => x.Employer).HasMaxLength(SoldierPlacement.EmployerMaxLength);
        b.Property(x => x.Grounds).HasMaxLength(300);
        b.HasOne<Minzheng.Platform.People.Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        // A soldier is received once per discharge.
        b.HasIndex(x => new { x.PersonId, x.DischargedOn }).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.DischargedOn });
    }
}
