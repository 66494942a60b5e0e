using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>The registration procedures of an organisation (社会团体登记管理条例 chapters 3–4; 民办非企业单位、基金会 alike).</summary>
public enum OrganizationEventKind
{
    Established,
    Changed,
    Deregistered,
    Revoked,
}

/// <summary>
/// One entry of an organisation's history: a procedure on a day, and for a 变更登记 one row per changed field with its
/// old and new value (an ID number only masked) — so every field's history can be read back.
/// </summary>
public sealed class OrganizationEvent : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public string RegionCode { get; set; } = "";
    public OrganizationEventKind Kind { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>For a change: the field's Chinese label (名称, 住所, 注册资金 …).</summary>
    public string? Field { get; set; }

    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string? Reason { get; set; }

    /// <summary>The order of the fields within one 变更登记 (ids made in the same millisecond do not sort by creation).</summary>
    public int Position { get; set; }

    public static string KindName(OrganizationEventKind kind) => kind switch
    {
        OrganizationEventKind.Established => "成立登记",
        OrganizationEventKind.Changed => "变更登记",
        OrganizationEventKind.Deregistered => "注销登记",
        OrganizationEventKind.Revoked => "撤销登记",
    };
}

internal sealed class OrganizationEventConfiguration : IEntityTypeConfiguration<OrganizationEvent>
{
    public void Configure(EntityTypeBuilder<OrganizationEvent> b)
    {
        b.ToTable("SocialOrganizationEvents");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Field).HasMaxLength(32);
        b.Property(x => x.OldValue).HasMaxLength(500);
        b.Property(x => x.NewValue).HasMaxLength(500);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.HasIndex(x => new { x.OrganizationId, x.Date });
        b.HasIndex(x => new { x.Kind, x.Date });
    }
}
