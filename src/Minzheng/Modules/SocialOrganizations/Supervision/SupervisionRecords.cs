using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialOrganizations.Supervision;

/// <summary>
/// The administrative penalties a registration authority imposes on a social organisation (社会团体登记管理条例
/// arts. 29–31 and the like articles of the other two regulations; POLICY §14 [verify]).
/// </summary>
public enum PenaltyKind
{
    Warning,
    Fine,
    Suspension,
    Revocation,
}

/// <summary>The two credit lists of 社会组织信用信息管理办法 (民政部令第60号) [verify].</summary>
public enum SupervisionList
{
    Abnormal,
    Dishonest,
}

/// <summary>A complaint about an organisation: when and from whom it came, what it says, and how and when it was handled.</summary>
public sealed class OrganizationComplaint : AuditableEntity, IRegionScoped
{
    public const int ComplainantMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public string RegionCode { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }

    /// <summary>Who complained, as they gave it (a name, an organisation, or 匿名).</summary>
    public string Complainant { get; set; } = "";

    public string Content { get; set; } = "";
    public DateOnly? HandledOn { get; set; }
    public string? Result { get; set; }
}

/// <summary>
/// An administrative penalty with the number of its written decision (行政处罚决定书文号), which the issue requires and
/// which is unique within the registering county. 撤销登记 is recorded here by the revoke procedure itself, so the
/// penalty list and the organisation's status never disagree.
/// </summary>
public sealed class OrganizationPenalty : AuditableEntity, IRegionScoped
{
    public const int DecisionNumberMaxLength = 64;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public string RegionCode { get; set; } = "";
    public string AuthorityCode { get; set; } = "";
    public PenaltyKind Kind { get; set; }
    public string DecisionNumber { get; set; } = "";
    public DateOnly DecidedOn { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>For 罚款: the amount in yuan.</summary>
    public decimal? FineAmount { get; set; }

    /// <summary>
    /// 没收违法所得 decided with the penalty (社会团体登记管理条例 art. 30 and its counterparts: 有违法所得的，予以没收, 可以并处罚款
    /// [verify]): one decision, so an amount on the decision's record rather than a second penalty with the same number.
    /// </summary>
    public decimal? ConfiscatedAmount { get; set; }

    /// <summary>For 限期停止活动: the first and last day activities stop.</summary>
    public DateOnly? SuspendedFrom { get; set; }

    public DateOnly? SuspendedUntil { get; set; }

    /// <summary>Null when the decision number is free in the county, else the Chinese reason (the unique index is the last word).</summary>
    public static async Task<string?> DecisionTakenAsync(MinzhengDbContext db, string authorityCode, string number, CancellationToken ct) =>
        await db.Set<OrganizationPenalty>().AnyAsync(p => p.AuthorityCode == authorityCode && p.DecisionNumber == number, ct)
            ? $"行政处罚决定书文号“{number}”已登记过，同一决定书不能登记两次"
            : null;

    public static string KindName(PenaltyKind kind) => kind switch
    {
        PenaltyKind.Warning => "警告",
        PenaltyKind.Fine => "罚款",
        PenaltyKind.Suspension => "限期停止活动",
        PenaltyKind.Revocation => "撤销登记",
    };
}

/// <summary>An organisation's stay in 活动异常名录 or 严重违法失信名单: in on a day for a reason, out (移出) on a later day.</summary>
public sealed class OrganizationListing : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public string RegionCode { get; set; } = "";
    public SupervisionList List { get; set; }
    public DateOnly ListedOn { get; set; }
    public string Reason { get; set; } = "";
    public DateOnly? RemovedOn { get; set; }
    public string? RemovalReason { get; set; }

    public static string ListName(SupervisionList list) => list switch
    {
        SupervisionList.Abnormal => "活动异常名录",
        SupervisionList.Dishonest => "严重违法失信名单",
    };
}

internal sealed class OrganizationComplaintConfiguration : IEntityTypeConfiguration<OrganizationComplaint>
{
    public void Configure(EntityTypeBuilder<OrganizationComplaint> b)
    {
        b.ToTable("SocialOrganizationComplaints");
        b.Property(x => x.Complainant).HasMaxLength(OrganizationComplaint.ComplainantMaxLength);
        b.Property(x => x.Content).HasMaxLength(2000);
        b.Property(x => x.Result).HasMaxLength(2000);
        // Two clerks closing the same complaint at once: the second sees a conflict instead of overwriting the first result.
        b.Property(x => x.HandledOn).IsConcurrencyToken();
        b.HasIndex(x => new { x.OrganizationId, x.ReceivedOn });
    }
}

internal sealed class OrganizationPenaltyConfiguration : IEntityTypeConfiguration<OrganizationPenalty>
{
    public void Configure(EntityTypeBuilder<OrganizationPenalty> b)
    {
        b.ToTable("SocialOrganizationPenalties");
        b.Property(x => x.AuthorityCode).HasMaxLength(6).IsFixedLength();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.DecisionNumber).HasMaxLength(OrganizationPenalty.DecisionNumberMaxLength);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.FineAmount).HasPrecision(18, 2);
        b.Property(x => x.ConfiscatedAmount).HasPrecision(18, 2);
        // One decision, one penalty: a number typed twice (or two clerks at once) is a conflict, not two penalties.
        b.HasIndex(x => new { x.AuthorityCode, x.DecisionNumber }).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.DecidedOn });
        b.HasIndex(x => x.DecidedOn);
    }
}

internal sealed class OrganizationListingConfiguration : IEntityTypeConfiguration<OrganizationListing>
{
    public void Configure(EntityTypeBuilder<OrganizationListing> b)
    {
        b.ToTable("SocialOrganizationListings");
        b.Property(x => x.List).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.RemovalReason).HasMaxLength(2000);
        b.Property(x => x.RemovedOn).IsConcurrencyToken();
        // At most one open stay per organisation and list, whatever the concurrency: a second listing is a conflict.
        b.HasIndex(x => new { x.OrganizationId, x.List }).IsUnique().HasFilter("\"RemovedOn\" IS NULL");
        b.HasIndex(x => new { x.List, x.ListedOn });
    }
}
