using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialOrganizations.AnnualInspections;

/// <summary>
/// A year's 年检 (年度工作报告) of one registering county: opened once, it notifies every organisation due (active, and
/// registered at least six months before 31 December of that year — POLICY §14) and sets the date reports are due.
/// </summary>
public sealed class InspectionCampaign : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public string AuthorityCode { get; set; } = "";

    /// <summary>The year reported on (the inspection itself runs the next spring).</summary>
    public int Year { get; set; }

    public DateOnly OpenedOn { get; set; }
    public DateOnly ReportBy { get; set; }

    /// <summary>The day the results list (年检结果公告) was published; until then no one outside the registrar sees it.</summary>
    public DateOnly? PublishedOn { get; set; }

    /// <summary>Registered on or before this day of <see cref="Year"/> = due (six months before 31 December).</summary>
    public static DateOnly DueIfEstablishedBy(int year) => new(year, 6, 30);
}

/// <summary>Where one organisation stands in a year's inspection.</summary>
public enum InspectionStatus
{
    Notified,
    Submitted,
    Qualified,
    BasicallyQualified,
    Rectifying,
    Unqualified,
}

/// <summary>One organisation due in a campaign: its report (figures, activities) and the review (result, reason, 整改 deadline).</summary>
public sealed class InspectionEntry : AuditableEntity, IRegionScoped
{
    public const int ActivitiesMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }
    public Guid OrganizationId { get; set; }
    public string RegionCode { get; set; } = "";
    public int Year { get; set; }
    public InspectionStatus Status { get; set; }

    public DateOnly? SubmittedOn { get; set; }
    public decimal? Income { get; set; }
    public decimal? Expenditure { get; set; }
    public decimal? NetAssets { get; set; }
    public int? Staff { get; set; }
    public string? Activities { get; set; }

    public DateOnly? ReviewedOn { get; set; }
    public string? Reason { get; set; }

    /// <summary>For 整改: the day the organisation must have rectified by.</summary>
    public DateOnly? RectifyBy { get; set; }

    public static string StatusName(InspectionStatus status) => status switch
    {
        InspectionStatus.Notified => "已通知未报送",
        InspectionStatus.Submitted => "已报送待审查",
        InspectionStatus.Qualified => "合格",
        InspectionStatus.BasicallyQualified => "基本合格",
        InspectionStatus.Rectifying => "限期整改",
        InspectionStatus.Unqualified => "不合格",
    };
}

internal sealed class InspectionCampaignConfiguration : IEntityTypeConfiguration<InspectionCampaign>
{
    public void Configure(EntityTypeBuilder<InspectionCampaign> b)
    {
        b.ToTable("SocialOrganizationInspectionCampaigns");
        b.Property(x => x.AuthorityCode).HasMaxLength(6).IsFixedLength();
        // One campaign per county and year, whatever the concurrency.
        b.HasIndex(x => new { x.AuthorityCode, x.Year }).IsUnique();
        // Of two simultaneous publications exactly one is saved; the other finds the year published.
        b.Property(x => x.PublishedOn).IsConcurrencyToken();
    }
}

internal sealed class InspectionEntryConfiguration : IEntityTypeConfiguration<InspectionEntry>
{
    public void Configure(EntityTypeBuilder<InspectionEntry> b)
    {
        b.ToTable("SocialOrganizationInspections");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24).IsConcurrencyToken();
        b.Property(x => x.Activities).HasMaxLength(InspectionEntry.ActivitiesMaxLength);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.HasIndex(x => new { x.CampaignId, x.OrganizationId }).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.Year });
        b.HasIndex(x => new { x.Year, x.Status });
    }
}
