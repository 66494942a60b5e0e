using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Reviews;

public enum CampaignStatus
{
    Open,
    Applied,
}

public enum ReviewOutcome
{
    Pending,
    Continue,
    Adjust,
    Cancel,
    GradualExit,
}

/// <summary>
/// A 复核 campaign (e.g. the annual March review): every enrolment of a programme in a region subtree that is due, each
/// outcome recorded by the township, all taking effect from <see cref="EffectiveMonth"/> when the county applies it.
/// </summary>
public sealed class ReviewCampaign : AuditableEntity, IRegionScoped
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The subtree reviewed (its code padded to 12 digits; <see cref="RegionPrefix"/> is the significant part).</summary>
    public string RegionCode { get; set; } = "";

    public string RegionPrefix { get; set; } = "";
    public string Program { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateOnly EffectiveMonth { get; set; }
    public CampaignStatus Status { get; set; }

    /// <summary>all (复核), random or risk (回头看); see <see cref="CampaignSample"/>.</summary>
    public string Sample { get; set; } = "all";

    public int? Percent { get; set; }
}

public sealed class ReviewItem : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }
    public Guid EnrollmentId { get; set; }
    public string RegionCode { get; set; } = "";
    public ReviewOutcome Outcome { get; set; }
    public decimal? NewAmount { get; set; }
    public string? Reason { get; set; }
    public int? Months { get; set; }
    public string? Note { get; set; }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<ReviewCampaign>, IEntityTypeConfiguration<ReviewItem>
{
    public void Configure(EntityTypeBuilder<ReviewCampaign> b)
    {
        b.Property(c => c.RegionPrefix).HasMaxLength(12);
        b.Property(c => c.Program).HasMaxLength(32);
        b.Property(c => c.Name).HasMaxLength(ReviewCampaign.NameMaxLength);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.Sample).HasMaxLength(8).HasDefaultValue("all");
    }

    public void Configure(EntityTypeBuilder<ReviewItem> b)
    {
        b.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(12);
        b.Property(i => i.Reason).HasMaxLength(32);
        b.Property(i => i.Note).HasMaxLength(500);
        b.HasOne<ReviewCampaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Enrollments.Enrollment>().WithMany().HasForeignKey(i => i.EnrollmentId).OnDelete(DeleteBehavior.Restrict);
        // One line per enrolment in a campaign.
        b.HasIndex(i => new { i.CampaignId, i.EnrollmentId }).IsUnique();
        b.HasIndex(i => new { i.CampaignId, i.RegionCode, i.Outcome });
    }
}
