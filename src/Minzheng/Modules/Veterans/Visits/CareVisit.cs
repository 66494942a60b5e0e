using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Veterans.Visits;

/// <summary>
/// 走访慰问 campaign (元旦春节, 八一 …) for a region subtree: every entitled person in it (optionally some categories only)
/// gets a visit row with the amount or gift; townships record who visited and when.
/// </summary>
public sealed class CareVisitCampaign : AuditableEntity, IRegionScoped
{
    public const int NameMaxLength = 60;
    public const int GiftMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The subtree's own 12-digit code (the prefix padded with zeros).</summary>
    public string RegionCode { get; set; } = "";

    public string RegionPrefix { get; set; } = "";
    public string Name { get; set; } = "";
    public string Occasion { get; set; } = "";
    public int Year { get; set; }

    /// <summary>Comma separated category codes; empty = every category.</summary>
    public string Categories { get; set; } = "";

    public decimal Amount { get; set; }
    public string? Gift { get; set; }
    public int Persons { get; set; }
}

/// <summary>One person to visit in a campaign, in the person's own region (so a township sees and records its own).</summary>
public sealed class CareVisit : AuditableEntity, IRegionScoped
{
    public const int VisitorMaxLength = 50;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public Guid CampaignId { get; set; }
    public Guid EntitlementId { get; set; }
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public decimal Amount { get; set; }
    public string? Gift { get; set; }
    public DateOnly? VisitedOn { get; set; }
    public string? VisitedBy { get; set; }
}

internal sealed class CareVisitConfiguration : IEntityTypeConfiguration<CareVisitCampaign>, IEntityTypeConfiguration<CareVisit>
{
    public void Configure(EntityTypeBuilder<CareVisitCampaign> b)
    {
        b.ToTable("VeteranVisitCampaigns");
        b.Property(x => x.RegionPrefix).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(CareVisitCampaign.NameMaxLength);
        b.Property(x => x.Occasion).HasMaxLength(24);
        b.Property(x => x.Categories).HasMaxLength(400);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Gift).HasMaxLength(CareVisitCampaign.GiftMaxLength);
    }

    public void Configure(EntityTypeBuilder<CareVisit> b)
    {
        b.ToTable("VeteranVisits");
        b.Property(x => x.Name).HasMaxLength(Entitlements.VeteranEntitlement.NameMaxLength);
        b.Property(x => x.Category).HasMaxLength(32);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Gift).HasMaxLength(CareVisitCampaign.GiftMaxLength);
        b.Property(x => x.VisitedBy).HasMaxLength(CareVisit.VisitorMaxLength);
        b.HasOne<CareVisitCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Entitlements.VeteranEntitlement>().WithMany().HasForeignKey(x => x.EntitlementId).OnDelete(DeleteBehavior.Restrict);
        // A person is on a campaign's list once.
        b.HasIndex(x => new { x.CampaignId, x.EntitlementId }).IsUnique();
    }
}
