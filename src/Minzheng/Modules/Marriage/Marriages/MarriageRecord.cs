using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Privacy;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>婚姻登记的种类: the five figures a registry reports (DESIGN §1).</summary>
public enum MarriageRecordKind
{
    Marriage,
    Divorce,
    ReissuedMarriageCertificate,
    ReissuedDivorceCertificate,
    Revocation,
}

/// <summary>
/// One entry of the marriage register: a registration of one kind on one day for two parties, with its certificate
/// number. A marriage stays in force until a divorce (or a revocation) names it in <see cref="DissolvedOn"/>; that is
/// what the one-spouse check reads. The parties' ID numbers are stored like a person's: ciphertext, blind index, mask.
/// </summary>
public sealed class MarriageRecord : AuditableEntity, IRegionScoped
{
    public const int NameMaxLength = 50;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The registry (the registrar's region).</summary>
    public string RegionCode { get; set; } = "";

    public MarriageRecordKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string CertificateNumber { get; set; } = "";

    public string PartyAName { get; set; } = "";

    [Sensitive]
    public string PartyAIdCipher { get; set; } = "";

    [Sensitive]
    public string PartyAIdIndex { get; set; } = "";

    public string PartyAIdMasked { get; set; } = "";
    public Gender PartyAGender { get; set; }
    public DateOnly PartyABirthDate { get; set; }

    public string PartyBName { get; set; } = "";

    [Sensitive]
    public string PartyBIdCipher { get; set; } = "";

    [Sensitive]
    public string PartyBIdIndex { get; set; } = "";

    public string PartyBIdMasked { get; set; } = "";
    public Gender PartyBGender { get; set; }
    public DateOnly PartyBBirthDate { get; set; }

    /// <summary>The two blind indexes in order: the same couple whichever party is named first (idempotency, divorce look-up).</summary>
    [Sensitive]
    public string CoupleKey { get; set; } = "";

    /// <summary>For a divorce: the marriage it ended.</summary>
    public Guid? MarriageId { get; set; }

    /// <summary>For a marriage: the day a registered divorce ended it; null while it is in force.</summary>
    public DateOnly? DissolvedOn { get; set; }

    public static string CoupleKeyOf(string indexA, string indexB) =>
        string.CompareOrdinal(indexA, indexB) <= 0 ? indexA + ":" + indexB : indexB + ":" + indexA;

    public static string KindName(MarriageRecordKind kind) => kind switch
    {
        MarriageRecordKind.Marriage => "结婚登记",
        MarriageRecordKind.Divorce => "离婚登记",
        MarriageRecordKind.ReissuedMarriageCertificate => "补发结婚证",
        MarriageRecordKind.ReissuedDivorceCertificate => "补发离婚证",
        MarriageRecordKind.Revocation => "撤销婚姻",
    };
}

internal sealed class MarriageRecordConfiguration : IEntityTypeConfiguration<MarriageRecord>
{
    public void Configure(EntityTypeBuilder<MarriageRecord> b)
    {
        b.ToTable("MarriageRecords");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.CertificateNumber).HasMaxLength(64);
        b.Property(x => x.PartyAName).HasMaxLength(MarriageRecord.NameMaxLength);
        b.Property(x => x.PartyBName).HasMaxLength(MarriageRecord.NameMaxLength);
        b.Property(x => x.PartyAIdCipher).HasMaxLength(200);
        b.Property(x => x.PartyBIdCipher).HasMaxLength(200);
        b.Property(x => x.PartyAIdIndex).HasMaxLength(64);
        b.Property(x => x.PartyBIdIndex).HasMaxLength(64);
        b.Property(x => x.PartyAIdMasked).HasMaxLength(18);
        b.Property(x => x.PartyBIdMasked).HasMaxLength(18);
        b.Property(x => x.PartyAGender).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.PartyBGender).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.CoupleKey).HasMaxLength(130);
        // A double submission of the same registration (same kind, couple and day) cannot be stored twice, whatever the concurrency.
        b.HasIndex(x => new { x.Kind, x.CoupleKey, x.Date }).IsUnique();
        b.HasIndex(x => x.PartyAIdIndex);
        b.HasIndex(x => x.PartyBIdIndex);
        b.HasIndex(x => new { x.Kind, x.Date });
    }
}
