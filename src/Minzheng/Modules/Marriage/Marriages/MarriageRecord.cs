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

/// <summary>What a court judgment says of a marriage it ends (民法典 arts. 1051–1053).</summary>
public enum MarriageAnnulmentKind
{
    /// <summary>婚姻无效: bigamy, prohibited kinship, under age (art. 1051).</summary>
    Void,

    /// <summary>可撤销婚姻 annulled by a court: coercion (art. 1052) or a concealed serious illness (art. 1053).</summary>
    Voidable,
}

/// <summary>
/// One entry of the marriage register: a registration of one kind on one day for two parties, with its certificate
/// number. A marriage stays in force until a divorce (or a revocation) refers to it; <see cref="DissolvedOn"/> records
/// that day on the marriage itself. The parties' ID numbers are stored like a person's: ciphertext, blind index, mask.
/// </summary>
public sealed class MarriageRecord : AuditableEntity, IRegionScoped
{
    public const int NameMaxLength = 50;
    public const int ReasonMaxLength = 500;

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

    /// <summary>The document the party was identified by; the cipher, index and mask above are of its number.</summary>
    public MarriageIdType PartyAIdType { get; set; }

    /// <summary>ISO 3166 alpha-3; for a passport as entered, CHN for a 港澳台 permit, null for a resident ID.</summary>
    public string? PartyANationality { get; set; }

    public string PartyBName { get; set; } = "";

    [Sensitive]
    public string PartyBIdCipher { get; set; } = "";

    [Sensitive]
    public string PartyBIdIndex { get; set; } = "";

    public string PartyBIdMasked { get; set; } = "";
    public Gender PartyBGender { get; set; }
    public DateOnly PartyBBirthDate { get; set; }

    /// <summary>The document the party was identified by; the cipher, index and mask above are of its number.</summary>
    public MarriageIdType PartyBIdType { get; set; }

    /// <summary>ISO 3166 alpha-3; for a passport as entered, CHN for a 港澳台 permit, null for a resident ID.</summary>
    public string? PartyBNationality { get; set; }

    /// <summary>The two blind indexes in order: the same couple whichever party is named first (idempotency, divorce look-up).</summary>
    [Sensitive]
    public string CoupleKey { get; set; } = "";

    /// <summary>
    /// The record this one refers to: for a divorce or a revocation the marriage it ended; for a reissued certificate
    /// the original registration (a marriage or a divorce).
    /// </summary>
    public Guid? MarriageId { get; set; }

    /// <summary>补录: entered from an old paper register; the certificate number is the paper one, not of the platform's series.</summary>
    public bool Historical { get; set; }

    /// <summary>For a reissued certificate: why it was reissued (lost, damaged), as the party stated it.</summary>
    public string? Reason { get; set; }

    /// <summary>For a revocation: the court, its case number (案号), the judgment's date and what it declared.</summary>
    public string? Court { get; set; }

    public string? CaseNumber { get; set; }
    public DateOnly? JudgmentDate { get; set; }
    public MarriageAnnulmentKind? AnnulmentKind { get; set; }

    /// <summary>
    /// For a marriage: the day of the divorce or revocation that ended it; null while it is in force. Written with the
    /// ending entry in the same transaction (and moved by a correction of that entry's date).
    /// </summary>
    public DateOnly? DissolvedOn { get; set; }

    /// <summary>A new entry of <paramref name="kind"/> for the same couple as <paramref name="source"/> (divorce, revocation, reissue), referring to it.</summary>
    public static MarriageRecord About(MarriageRecord source, MarriageRecordKind kind, DateOnly date, string regionCode) => new()
    {
        RegionCode = regionCode,
        Kind = kind,
        Date = date,
        MarriageId = source.Id,
        CoupleKey = source.CoupleKey,
        PartyAName = source.PartyAName,
        PartyAIdCipher = source.PartyAIdCipher,
        PartyAIdIndex = source.PartyAIdIndex,
        PartyAIdMasked = source.PartyAIdMasked,
        PartyAGender = source.PartyAGender,
        PartyABirthDate = source.PartyABirthDate,
        PartyAIdType = source.PartyAIdType,
        PartyANationality = source.PartyANationality,
        PartyBName = source.PartyBName,
        PartyBIdCipher = source.PartyBIdCipher,
        PartyBIdIndex = source.PartyBIdIndex,
        PartyBIdMasked = source.PartyBIdMasked,
        PartyBGender = source.PartyBGender,
        PartyBBirthDate = source.PartyBBirthDate,
        PartyBIdType = source.PartyBIdType,
        PartyBNationality = source.PartyBNationality,
    };

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

    public static string AnnulmentName(MarriageAnnulmentKind kind) => kind switch
    {
        MarriageAnnulmentKind.Void => "婚姻无效",
        MarriageAnnulmentKind.Voidable => "撤销婚姻（可撤销婚姻）",
    };

    /// <summary>Whether this kind issues a certificate that may be reissued.</summary>
    public bool IsCertificate => Kind is MarriageRecordKind.Marriage or MarriageRecordKind.Divorce;
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
        b.Property(x => x.PartyAIdType).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PartyANationality).HasMaxLength(Nationalities.Length);
        b.Property(x => x.PartyBGender).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.PartyBIdType).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PartyBNationality).HasMaxLength(Nationalities.Length);
        b.Property(x => x.CoupleKey).HasMaxLength(130);
        b.Property(x => x.Reason).HasMaxLength(MarriageRecord.ReasonMaxLength);
        b.Property(x => x.Court).HasMaxLength(MarriageRecord.NameMaxLength * 2);
        b.Property(x => x.CaseNumber).HasMaxLength(MarriageRecord.NameMaxLength);
        b.Property(x => x.AnnulmentKind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => x.MarriageId);
        // A double submission of the same registration (same kind, couple and day) cannot be stored twice, whatever the concurrency.
        // The couple first: 补录 looks up the couples of thousands of rows at once, of any kind.
        b.HasIndex(x => new { x.CoupleKey, x.Kind, x.Date }).IsUnique();
        b.HasIndex(x => x.PartyAIdIndex);
        b.HasIndex(x => x.PartyBIdIndex);
        b.HasIndex(x => new { x.Kind, x.Date });
    }
}
