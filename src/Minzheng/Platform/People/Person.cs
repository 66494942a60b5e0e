using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Privacy;

namespace Minzheng.Platform.People;

public enum SelfCare
{
    Full,
    Partial,
    None,
}

/// <summary>
/// A person of the registry. The ID number is never stored in plain text: ciphertext (AES-GCM), a keyed blind index
/// for exact look-up and uniqueness across the whole database, and the masked form for lists.
/// </summary>
public sealed class Person : AuditableEntity, IRegionScoped
{
    public const int NameMaxLength = 50;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";

    [Sensitive]
    public string IdNumberCipher { get; set; } = "";

    [Sensitive]
    public string IdNumberIndex { get; set; } = "";

    public string IdNumberMasked { get; set; } = "";

    [Sensitive]
    public string? PhoneCipher { get; set; }

    public string? PhoneMasked { get; set; }
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }

    /// <summary>Residence region (12 digits); the region scope applies to it.</summary>
    public string RegionCode { get; set; } = "";

    public int? DisabilityGrade { get; set; }
    public SelfCare SelfCare { get; set; } = SelfCare.Full;
    public DateOnly? DeathDate { get; set; }

    public const int EthnicityMaxLength = 20;

    /// <summary>民族, e.g. 汉族.</summary>
    public string? Ethnicity { get; set; }

    /// <summary>户籍 region (12 digits) where it differs from the residence; applications go to the 户籍 township (POLICY §1).</summary>
    public string? HukouRegionCode { get; set; }

    public DisabilityType? DisabilityType { get; set; }

    /// <summary>残疾证号 embeds the ID number, so it is encrypted like it (PIPL art. 28: health data).</summary>
    [Sensitive]
    public string? DisabilityCertificateCipher { get; set; }

    /// <summary>重特大疾病: a 分类施保 category and a ground for a single-person household (POLICY §1).</summary>
    public bool SeriousIllness { get; set; }

    public Employment? Employment { get; set; }
}

/// <summary>残疾类别 of the 残疾人证 (GB/T 26341).</summary>
public enum DisabilityType
{
    Visual,
    Hearing,
    Speech,
    Physical,
    Intellectual,
    Mental,
    Multiple,
}

/// <summary>就业状况 as recorded in the household investigation.</summary>
public enum Employment
{
    Employed,
    Farming,
    SelfEmployed,
    Unemployed,
    Student,
    Retired,
    UnableToWork,
    Other,
}

public enum HukouType
{
    Urban,
    Rural,
}

public enum Relationship
{
    Head,
    Spouse,
    Child,
    Parent,
    Grandchild,
    Sibling,
    Other,
}

/// <summary>A household (户). Members are linked with validity periods so the household as of any date can be rebuilt.</summary>
public sealed class Household : AuditableEntity, IRegionScoped
{
    public const int AddressMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public HukouType HukouType { get; set; }
    public string Address { get; set; } = "";
    public Guid HeadPersonId { get; set; }

    /// <summary>Bank for payments (一折通); the account number is encrypted and shown with its last 4 digits only.</summary>
    public string? BankName { get; set; }

    [Sensitive]
    public string? BankAccountCipher { get; set; }

    public string? BankAccountMasked { get; set; }

    /// <summary>开户人 when it is not the head (e.g. a guardian).</summary>
    public string? BankAccountHolder { get; set; }

    public List<HouseholdMember> Members { get; set; } = [];
}

/// <summary>Membership of a person in a household from <see cref="ValidFrom"/> until <see cref="ValidTo"/> (open: current).</summary>
public sealed class HouseholdMember : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HouseholdId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Relationship Relationship { get; set; }
    public string RegionCode { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    /// <summary>Declared monthly income in yuan (the income ledger by type and period refines this).</summary>
    public decimal MonthlyIncome { get; set; }
}
