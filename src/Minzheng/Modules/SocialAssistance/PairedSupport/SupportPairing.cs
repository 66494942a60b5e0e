using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.PairedSupport;

/// <summary>
/// 结对帮扶: a cadre or unit paired with a household in difficulty (低保、特困、监测户 …) for one-to-one help — who helps,
/// since when, with what measures — and the contacts they record. Ended with a reason, never deleted.
/// </summary>
public sealed class SupportPairing : AuditableEntity, IRegionScoped
{
    public const int HelperMaxLength = 50;
    public const int UnitMaxLength = 100;
    public const int MeasuresMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public Guid HouseholdId { get; set; }
    public string Helper { get; set; } = "";
    public string HelperUnit { get; set; } = "";
    public DateOnly StartedOn { get; set; }
    public string Measures { get; set; } = "";
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }
}

/// <summary>One contact of a pairing: a visit, a call, help given.</summary>
public sealed class SupportContact : AuditableEntity, IRegionScoped
{
    public const int ContentMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PairingId { get; set; }
    public string RegionCode { get; set; } = "";
    public DateOnly ContactedOn { get; set; }

    /// <summary>A code of <see cref="Visits.WelfareVisit.Ways"/>: the same ways as 探视巡访.</summary>
    public string Way { get; set; } = "";

    public string Content { get; set; } = "";
}

internal sealed class SupportPairingConfiguration : IEntityTypeConfiguration<SupportPairing>, IEntityTypeConfiguration<SupportContact>
{
    public void Configure(EntityTypeBuilder<SupportPairing> b)
    {
        b.Property(p => p.Helper).HasMaxLength(SupportPairing.HelperMaxLength);
        b.Property(p => p.HelperUnit).HasMaxLength(SupportPairing.UnitMaxLength);
        b.Property(p => p.Measures).HasMaxLength(SupportPairing.MeasuresMaxLength);
        b.Property(p => p.EndReason).HasMaxLength(200);
        b.HasOne<Minzheng.Platform.People.Household>().WithMany().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        // One helper is paired with a household once at a time.
        b.HasIndex(p => new { p.HouseholdId, p.Helper }).IsUnique().HasFilter("\"EndedOn\" IS NULL");
    }

    public void Configure(EntityTypeBuilder<SupportContact> b)
    {
        b.Property(c => c.Way).HasMaxLength(16);
        b.Property(c => c.Content).HasMaxLength(SupportContact.ContentMaxLength);
        b.HasOne<SupportPairing>().WithMany().HasForeignKey(c => c.PairingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.PairingId, c.ContactedOn });
    }
}
