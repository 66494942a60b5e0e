using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialOrganizations.Supervision;

/// <summary>
/// A “双随机” draw: on a day the registrar draws organisations at random from those registered in the county, and for
/// each two officers at random from the pool named (国务院办公厅关于推广随机抽查规范事中事后监管的通知 [verify]). The
/// draw is kept as drawn — the audit log records who drew and when — and each pick is then checked and recorded as a
/// 监督检查 of method 双随机抽查.
/// </summary>
public sealed class SpotCheckDraw : AuditableEntity, IRegionScoped
{
    public const int TitleMaxLength = 100;
    public const int PoolMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public string AuthorityCode { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly DrawnOn { get; set; }

    /// <summary>How many organisations could be drawn (registered and active on the day).</summary>
    public int Eligible { get; set; }

    /// <summary>The officers drawn from, joined by 、.</summary>
    public string InspectorPool { get; set; } = "";
}

/// <summary>One organisation drawn, with the two officers drawn to check it.</summary>
public sealed class SpotCheckPick : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DrawId { get; set; }
    public Guid OrganizationId { get; set; }
    public string RegionCode { get; set; } = "";
    public string Inspectors { get; set; } = "";
}

internal sealed class SpotCheckDrawConfiguration : IEntityTypeConfiguration<SpotCheckDraw>
{
    public void Configure(EntityTypeBuilder<SpotCheckDraw> b)
    {
        b.ToTable("SocialOrganizationSpotCheckDraws");
        b.Property(x => x.AuthorityCode).HasMaxLength(6).IsFixedLength();
        b.Property(x => x.Title).HasMaxLength(SpotCheckDraw.TitleMaxLength);
        b.Property(x => x.InspectorPool).HasMaxLength(SpotCheckDraw.PoolMaxLength);
        b.HasIndex(x => new { x.AuthorityCode, x.DrawnOn });
    }
}

internal sealed class SpotCheckPickConfiguration : IEntityTypeConfiguration<SpotCheckPick>
{
    public void Configure(EntityTypeBuilder<SpotCheckPick> b)
    {
        b.ToTable("SocialOrganizationSpotCheckPicks");
        b.Property(x => x.Inspectors).HasMaxLength(OrganizationCheck.InspectorsMaxLength);
        // An organisation is drawn at most once per draw.
        b.HasIndex(x => new { x.DrawId, x.OrganizationId }).IsUnique();
    }
}
