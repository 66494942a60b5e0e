using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// 更正: one field of a register entry corrected by the registry's head, with the value before and after and the reason,
/// shown on the record's history. ID numbers appear here masked only: the record keeps the full number encrypted.
/// </summary>
public sealed class MarriageCorrection : AuditableEntity, IRegionScoped
{
    public const int ValueMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RecordId { get; set; }

    /// <summary>The corrected record's registry: a correction is seen where the record is.</summary>
    public string RegionCode { get; set; } = "";

    public DateOnly CorrectedOn { get; set; }

    /// <summary>The field's code as in the API (<c>partyAName</c>, <c>partyBIdNumber</c>, <c>date</c>, …).</summary>
    public string Field { get; set; } = "";

    public string OldValue { get; set; } = "";
    public string NewValue { get; set; } = "";
    public string Reason { get; set; } = "";
}

internal sealed class MarriageCorrectionConfiguration : IEntityTypeConfiguration<MarriageCorrection>
{
    public void Configure(EntityTypeBuilder<MarriageCorrection> b)
    {
        b.ToTable("MarriageCorrections");
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Field).HasMaxLength(32);
        b.Property(x => x.OldValue).HasMaxLength(MarriageCorrection.ValueMaxLength);
        b.Property(x => x.NewValue).HasMaxLength(MarriageCorrection.ValueMaxLength);
        b.Property(x => x.Reason).HasMaxLength(MarriageRecord.ReasonMaxLength);
        b.HasIndex(x => x.RecordId);
        b.HasOne<MarriageRecord>().WithMany().HasForeignKey(x => x.RecordId).OnDelete(DeleteBehavior.Restrict);
    }
}
