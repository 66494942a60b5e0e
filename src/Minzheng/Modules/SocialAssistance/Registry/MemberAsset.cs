using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

using Minzheng.Platform.People;

namespace Minzheng.Modules.SocialAssistance.Registry;

public enum AssetType
{
    Housing,
    Vehicle,
    Deposit,
    Securities,
    Business,
    Other,
}

/// <summary>
/// An asset of a person for a period (家庭财产: housing, vehicles, deposits, business registrations), recorded for the
/// eligibility review; limits are local (POLICY §1), so the reviewer judges, the registry only keeps the facts.
/// </summary>
public sealed class MemberAsset : AuditableEntity, IRegionScoped
{
    public const int DescriptionMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public string RegionCode { get; set; } = "";
    public AssetType Type { get; set; }
    public string Description { get; set; } = "";

    /// <summary>Estimated value in yuan, when known.</summary>
    public decimal? Value { get; set; }

    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    public bool AppliesOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);
}

internal sealed class MemberAssetConfiguration : IEntityTypeConfiguration<MemberAsset>
{
    public void Configure(EntityTypeBuilder<MemberAsset> b)
    {
        b.Property(a => a.Type).HasConversion<string>().HasMaxLength(12);
        b.Property(a => a.Description).HasMaxLength(MemberAsset.DescriptionMaxLength);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.PersonId, a.ValidFrom });
    }
}
