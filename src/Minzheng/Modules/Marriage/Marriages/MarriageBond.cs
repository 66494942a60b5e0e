using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Auditing;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// One row per person married in the register, keyed by the blind index of the ID number: the database itself refuses
/// a second marriage of the same person, even when two registries submit at the same moment (民法典 art. 1042, 重婚).
/// Written with the marriage and removed with the divorce or revocation that ends it, in the same transaction; the
/// marriage record is what the audit log keeps, this is derived from it. Under Citus (ADR 0006) it is distributed by
/// the person's index, not by county: the check is national (全国通办).
/// </summary>
public sealed class MarriageBond : INotAudited
{
    [Sensitive]
    public string PersonIndex { get; set; } = "";

    public Guid MarriageId { get; set; }

    /// <summary>
    /// The registry of the marriage. Not a scope filter: a divorce at any registry ends the bond, and no page lists bonds.
    /// </summary>
    public string RegionCode { get; set; } = "";
}

internal sealed class MarriageBondConfiguration : IEntityTypeConfiguration<MarriageBond>
{
    public void Configure(EntityTypeBuilder<MarriageBond> b)
    {
        b.ToTable("MarriageBonds");
        b.HasKey(x => x.PersonIndex);
        b.Property(x => x.PersonIndex).HasMaxLength(64);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.HasIndex(x => x.MarriageId);
        b.HasOne<MarriageRecord>().WithMany().HasForeignKey(x => x.MarriageId).OnDelete(DeleteBehavior.Cascade);
    }
}
