using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialOrganizations.Applications;

/// <summary>What an applicant asks the registration authority for.</summary>
public enum ApplicationKind
{
    Establish,
    Change,
    Deregister,
}

/// <summary>
/// 已接收 → 已受理 (or 不予受理) → 准予登记 or 不予登记; 已撤回 while still undecided. 等待补正 (<see cref="Correcting"/>) lies
/// between receipt or 受理 and the decision: the clock is stopped until the corrected materials come in.
/// </summary>
public enum ApplicationStatus
{
    Received,
    Accepted,
    NotAccepted,
    Approved,
    Refused,
    Withdrawn,
    Correcting,
}

/// <summary>
/// A 登记申请 as the county's window receives it: the applicant's contents (for 成立 the particulars of the organisation to
/// found, for 变更 only the fields to change, for 注销 the reason) and where the procedure stands. The decision is due
/// <see cref="DueOn"/>, counted in working days from 受理; approving it runs the ordinary registration on the register.
/// The legal representative's ID number is stored like a person's: ciphertext, blind index, mask.
/// </summary>
public sealed class RegistrationApplication : AuditableEntity, IRegionScoped
{
    public const int CorrectionItemsMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public string AuthorityCode { get; set; } = "";
    public ApplicationKind Kind { get; set; }
    public ApplicationStatus Status { get; set; }

    /// <summary>The organisation's name as applied for (成立) or as registered when received (变更, 注销): what lists show.</summary>
    public string OrganizationName { get; set; } = "";

    /// <summary>The registered organisation: for 变更 and 注销 from receipt, for 成立 once approved.</summary>
    public Guid? OrganizationId { get; set; }

    public DateOnly ReceivedOn { get; set; }
    public DateOnly? AcceptedOn { get; set; }

    /// <summary>The last day for the decision (working days from <see cref="AcceptedOn"/>); null until accepted.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>The day of 不予受理, 准予登记, 不予登记 or 撤回.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>Why it was not accepted, refused or withdrawn.</summary>
    public string? ClosingReason { get; set; }

    public SocialOrganizationKind? OrganizationKind { get; set; }
    public string? CreditCode { get; set; }
    public string? CreditCodeNote { get; set; }

    /// <summary>For 变更: the new name asked for.</summary>
    public string? NewName { get; set; }

    public string? SupervisingUnit { get; set; }
    public string? Residence { get; set; }
    public decimal? RegisteredCapital { get; set; }
    public string? RepresentativeName { get; set; }

    [Sensitive]
    public string? RepresentativeIdCipher { get; set; }

    [Sensitive]
    public string? RepresentativeIdIndex { get; set; }

    public string? RepresentativeIdMasked { get; set; }

    /// <summary>会员数 (individual and unit members) and 理事会 size of an organisation to found.</summary>
    public int? IndividualMembers { get; set; }

    public int? UnitMembers { get; set; }
    public int? CouncilSize { get; set; }

    /// <summary>The applicant's stated reason: 变更原因 or 注销原因.</summary>
    public string? Matter { get; set; }

    /// <summary>The day of the one-time 补正告知 (行政许可法 art. 32); set once, so a second notice can be refused.</summary>
    public DateOnly? CorrectionRequestedOn { get; set; }

    /// <summary>Every missing or defective item the notice lists, one per line.</summary>
    public string? CorrectionItems { get; set; }

    public string? CorrectionNote { get; set; }

    /// <summary>The day the complete corrected materials came in: the decision period runs again, in full, from it.</summary>
    public DateOnly? CorrectionReceivedOn { get; set; }

    /// <summary>The day of the one 延期 (行政许可法 art. 42); a concurrency token, so of two extensions at once one is saved.</summary>
    public DateOnly? ExtendedOn { get; set; }

    public string? ExtensionReason { get; set; }

    /// <summary>The due day the extension moved (the extension notice quotes it).</summary>
    public DateOnly? DueBeforeExtension { get; set; }

    public bool IsOpen => Status is ApplicationStatus.Received or ApplicationStatus.Accepted or ApplicationStatus.Correcting;

    public IReadOnlyList<string> CorrectionItemList => CorrectionItems?.Split('\n') ?? [];

    public static string KindName(ApplicationKind kind) => kind switch
    {
        ApplicationKind.Establish => "成立登记",
        ApplicationKind.Change => "变更登记",
        ApplicationKind.Deregister => "注销登记",
    };

    public static string StatusName(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Received => "已接收",
        ApplicationStatus.Accepted => "已受理",
        ApplicationStatus.NotAccepted => "不予受理",
        ApplicationStatus.Approved => "准予登记",
        ApplicationStatus.Refused => "不予登记",
        ApplicationStatus.Withdrawn => "已撤回",
        ApplicationStatus.Correcting => "等待补正",
    };
}

internal sealed class RegistrationApplicationConfiguration : IEntityTypeConfiguration<RegistrationApplication>
{
    public void Configure(EntityTypeBuilder<RegistrationApplication> b)
    {
        b.ToTable("SocialOrganizationApplications");
        b.Property(x => x.AuthorityCode).HasMaxLength(6).IsFixedLength();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        // Two clerks deciding the same application at once: the status is the token, so exactly one decision is saved.
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.Property(x => x.OrganizationName).HasMaxLength(SocialOrganization.NameMaxLength);
        b.Property(x => x.ClosingReason).HasMaxLength(2000);
        b.Property(x => x.OrganizationKind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.CreditCode).HasMaxLength(18).IsFixedLength();
        b.Property(x => x.CreditCodeNote).HasMaxLength(500);
        b.Property(x => x.NewName).HasMaxLength(SocialOrganization.NameMaxLength);
        b.Property(x => x.SupervisingUnit).HasMaxLength(SocialOrganization.UnitMaxLength);
        b.Property(x => x.Residence).HasMaxLength(SocialOrganization.ResidenceMaxLength);
        b.Property(x => x.RepresentativeName).HasMaxLength(SocialOrganization.PersonNameMaxLength);
        b.Property(x => x.RepresentativeIdCipher).HasMaxLength(200);
        b.Property(x => x.RepresentativeIdIndex).HasMaxLength(64);
        b.Property(x => x.RepresentativeIdMasked).HasMaxLength(18);
        b.Property(x => x.Matter).HasMaxLength(2000);
        b.Property(x => x.CorrectionItems).HasMaxLength(RegistrationApplication.CorrectionItemsMaxLength);
        b.Property(x => x.CorrectionNote).HasMaxLength(2000);
        b.Property(x => x.ExtendedOn).IsConcurrencyToken();
        b.Property(x => x.ExtensionReason).HasMaxLength(2000);
        b.Ignore(x => x.IsOpen);
        b.Ignore(x => x.CorrectionItemList);
        b.HasIndex(x => new { x.Status, x.DueOn });
        b.HasIndex(x => new { x.Kind, x.ReceivedOn });
        b.HasIndex(x => x.OrganizationId);
    }
}
