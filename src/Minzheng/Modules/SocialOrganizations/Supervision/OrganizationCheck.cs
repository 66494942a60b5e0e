using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialOrganizations.Supervision;

/// <summary>How a registration authority checked an organisation (社会组织登记管理机关行政执法约谈工作规定, “双随机、一公开” [verify]).</summary>
public enum CheckMethod
{
    OnSite,
    Documentary,
    RandomSpotCheck,
    Special,
}

/// <summary>
/// 监督检查: a check of one organisation on a day, by at least two officers, with what was found; when problems were
/// found the organisation may be ordered to rectify by a day (责令整改), and the rectification is recorded when done.
/// </summary>
public sealed class OrganizationCheck : AuditableEntity, IRegionScoped
{
    public const int InspectorsMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public string RegionCode { get; set; } = "";
    public DateOnly CheckedOn { get; set; }
    public CheckMethod Method { get; set; }

    /// <summary>The officers who checked, as written on the record (行政执法 needs at least two).</summary>
    public string Inspectors { get; set; } = "";

    public string Findings { get; set; } = "";

    /// <summary>责令整改: the day the organisation must have rectified by; null when nothing was to be rectified.</summary>
    public DateOnly? RectifyBy { get; set; }

    public DateOnly? RectifiedOn { get; set; }
    public string? RectificationNote { get; set; }

    public static string MethodName(CheckMethod method) => method switch
    {
        CheckMethod.OnSite => "现场检查",
        CheckMethod.Documentary => "书面检查",
        CheckMethod.RandomSpotCheck => "双随机抽查",
        CheckMethod.Special => "专项检查",
    };
}

internal sealed class OrganizationCheckConfiguration : IEntityTypeConfiguration<OrganizationCheck>
{
    public void Configure(EntityTypeBuilder<OrganizationCheck> b)
    {
        b.ToTable("SocialOrganizationChecks");
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Inspectors).HasMaxLength(OrganizationCheck.InspectorsMaxLength);
        b.Property(x => x.Findings).HasMaxLength(2000);
        b.Property(x => x.RectificationNote).HasMaxLength(2000);
        // Two clerks recording the same rectification at once: the second sees a conflict instead of overwriting the first.
        b.Property(x => x.RectifiedOn).IsConcurrencyToken();
        b.HasIndex(x => new { x.OrganizationId, x.CheckedOn });
        b.HasIndex(x => x.CheckedOn);
    }
}
