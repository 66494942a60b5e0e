using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>The three kinds of social organisation a 民政 bureau registers (GB 32100 类别代码 1, 2, 3).</summary>
public enum SocialOrganizationKind
{
    Association,
    PrivateNonEnterprise,
    Foundation,
}

/// <summary>正常 until a 注销登记 (the organisation's own) or a 撤销登记 (an administrative penalty) ends it.</summary>
public enum SocialOrganizationStatus
{
    Active,
    Deregistered,
    Revoked,
}

/// <summary>行业协会商会与行政机关脱钩 (中办发〔2015〕39号): where a trade association stands.</summary>
public enum DecouplingStatus
{
    Decoupled,
    Planned,
    Deferred,
}

/// <summary>
/// A registered social organisation: the fields of its 登记证书, its USCC and its legal representative (ID number stored
/// like a person's: ciphertext, blind index, mask). <see cref="AuthorityCode"/> is the registering county: names are unique
/// within it, USCCs everywhere. Every change of a field is kept in <see cref="OrganizationEvent"/>.
/// </summary>
public sealed class SocialOrganization : AuditableEntity, IRegionScoped
{
    public const int NameMaxLength = 100;
    public const int UnitMaxLength = 100;
    public const int ResidenceMaxLength = 200;
    public const int PersonNameMaxLength = 50;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The registering authority's region (12 digits).</summary>
    public string RegionCode { get; set; } = "";

    /// <summary>The registering county (6 digits of <see cref="RegionCode"/>): the scope of name uniqueness.</summary>
    public string AuthorityCode { get; set; } = "";

    public string Name { get; set; } = "";
    public SocialOrganizationKind Kind { get; set; }
    public string CreditCode { get; set; } = "";

    /// <summary>Why a USCC whose region digits differ from the registering county (or whose pilot organisation code fails its check) was accepted.</summary>
    public string? CreditCodeNote { get; set; }

    /// <summary>业务主管单位; null for the categories registered directly.</summary>
    public string? SupervisingUnit { get; set; }

    public string Residence { get; set; } = "";
    public decimal RegisteredCapital { get; set; }

    public string LegalRepresentativeName { get; set; } = "";

    [Sensitive]
    public string LegalRepresentativeIdCipher { get; set; } = "";

    [Sensitive]
    public string LegalRepresentativeIdIndex { get; set; } = "";

    public string LegalRepresentativeIdMasked { get; set; } = "";

    /// <summary>会员数 at 成立 (individual, unit) and the 理事会 size; null for organisations entered without them (补录).</summary>
    public int? IndividualMembers { get; set; }

    public int? UnitMembers { get; set; }
    public int? CouncilSize { get; set; }

    public DateOnly EstablishedOn { get; set; }
    public SocialOrganizationStatus Status { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }

    /// <summary>For a 撤销登记: the number of the penalty decision.</summary>
    public string? DecisionNumber { get; set; }

    public string CertificateNumber { get; set; } = "";

    /// <summary>For a trade association (社会团体): 已脱钩, 拟脱钩 or 暂不脱钩 (with the reason); null when not on the list.</summary>
    public DecouplingStatus? Decoupling { get; set; }

    public DateOnly? DecoupledOn { get; set; }
    public string? DecouplingReason { get; set; }

    /// <summary>等级评估: 1 to 5 (1A–5A), valid until <see cref="EvaluationValidUntil"/>.</summary>
    public int? EvaluationGrade { get; set; }

    public DateOnly? EvaluationValidUntil { get; set; }

    public static string DecouplingName(DecouplingStatus status) => status switch
    {
        DecouplingStatus.Decoupled => "已脱钩",
        DecouplingStatus.Planned => "拟脱钩",
        DecouplingStatus.Deferred => "暂不脱钩",
    };

    public static string KindName(SocialOrganizationKind kind) => kind switch
    {
        SocialOrganizationKind.Association => "社会团体",
        SocialOrganizationKind.PrivateNonEnterprise => "民办非企业单位",
        SocialOrganizationKind.Foundation => "基金会",
    };

    /// <summary>The GB 32100 类别代码 (position 2) of the kind.</summary>
    public static char TypeCode(SocialOrganizationKind kind) => kind switch
    {
        SocialOrganizationKind.Association => '1',
        SocialOrganizationKind.PrivateNonEnterprise => '2',
        SocialOrganizationKind.Foundation => '3',
    };

    public static string StatusName(SocialOrganizationStatus status) => status switch
    {
        SocialOrganizationStatus.Active => "正常",
        SocialOrganizationStatus.Deregistered => "已注销",
        SocialOrganizationStatus.Revoked => "已撤销",
    };
}

internal sealed class SocialOrganizationConfiguration : IEntityTypeConfiguration<SocialOrganization>
{
    public void Configure(EntityTypeBuilder<SocialOrganization> b)
    {
        b.ToTable("SocialOrganizations");
        b.Property(x => x.AuthorityCode).HasMaxLength(6).IsFixedLength();
        b.Property(x => x.Name).HasMaxLength(SocialOrganization.NameMaxLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        // Two clerks ending or changing the same organisation at once: the second sees a conflict, not a double entry.
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.Property(x => x.CreditCode).HasMaxLength(18).IsFixedLength();
        b.Property(x => x.CreditCodeNote).HasMaxLength(500);
        b.Property(x => x.SupervisingUnit).HasMaxLength(SocialOrganization.UnitMaxLength);
        b.Property(x => x.Residence).HasMaxLength(SocialOrganization.ResidenceMaxLength);
        b.Property(x => x.LegalRepresentativeName).HasMaxLength(SocialOrganization.PersonNameMaxLength);
        b.Property(x => x.LegalRepresentativeIdCipher).HasMaxLength(200);
        b.Property(x => x.LegalRepresentativeIdIndex).HasMaxLength(64);
        b.Property(x => x.LegalRepresentativeIdMasked).HasMaxLength(18);
        b.Property(x => x.EndReason).HasMaxLength(2000);
        b.Property(x => x.DecisionNumber).HasMaxLength(64);
        b.Property(x => x.CertificateNumber).HasMaxLength(64);
        b.Property(x => x.Decoupling).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.DecouplingReason).HasMaxLength(2000);
        // The database, not a prior read, keeps names and codes unique: two clerks submitting at once cannot both succeed.
        b.HasIndex(x => new { x.AuthorityCode, x.Name }).IsUnique();
        b.HasIndex(x => x.CreditCode).IsUnique();
        b.HasIndex(x => x.LegalRepresentativeIdIndex);
        b.HasIndex(x => new { x.Status, x.EstablishedOn });
    }
}
