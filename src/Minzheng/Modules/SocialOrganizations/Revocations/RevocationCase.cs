using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Modules.SocialOrganizations.Supervision;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialOrganizations.Revocations;

/// <summary>
/// The legal grounds for 撤销登记 a case is opened on (社会团体登记管理条例 art. 29 and 30, and the matching articles of the
/// other two regulations; [to be verified against the current texts]).
/// </summary>
public enum RevocationGround
{
    /// <summary>申请登记时弄虚作假，骗取登记.</summary>
    Fraud,

    /// <summary>自取得登记证书之日起1年未开展活动.</summary>
    Inactive,

    /// <summary>条例所列违法行为情节严重 (超出章程业务范围、从事营利性经营活动、侵占挪用资产等).</summary>
    SeriousViolation,

    /// <summary>其他法律、行政法规规定应当撤销登记的情形.</summary>
    Other,
}

/// <summary>已立案 → 已告知 → 已陈述申辩 (or the period ran out) → 决定撤销 or 不予撤销.</summary>
public enum RevocationStatus
{
    Opened,
    Notified,
    Heard,
    Revoked,
    NotRevoked,
}

/// <summary>How the party answered the notice: a written or oral statement, a hearing, or an express waiver.</summary>
public enum RevocationResponse
{
    Statement,
    Hearing,
    Waived,
}

/// <summary>
/// A 撤销登记 case against one registered organisation (行政处罚法 art. 44, 45 and 63: the party is told the facts, grounds and
/// intended decision, may state its case or ask for a hearing, and is heard before the decision). The organisation's own
/// status changes only at 决定撤销, through the register's revoke step, which also records the penalty and its history.
/// </summary>
public sealed class RevocationCase : AuditableEntity, IRegionScoped
{
    public const int FactsMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public string AuthorityCode { get; set; } = "";
    public Guid OrganizationId { get; set; }

    /// <summary>The organisation's name when the case was opened: what lists show.</summary>
    public string OrganizationName { get; set; } = "";

    public RevocationStatus Status { get; set; }
    public RevocationGround Ground { get; set; }

    /// <summary>违法事实 and the evidence found (the evidence files are attachments of the case).</summary>
    public string Facts { get; set; } = "";

    public DateOnly OpenedOn { get; set; }
    public DateOnly? NotifiedOn { get; set; }

    /// <summary>The last day for the party's statement or hearing request, in working days from the notice.</summary>
    public DateOnly? ResponseDueOn { get; set; }

    public RevocationResponse? Response { get; set; }
    public DateOnly? RespondedOn { get; set; }

    /// <summary>陈述申辩意见 or 听证意见; null when waived.</summary>
    public string? ResponseText { get; set; }

    public DateOnly? DecidedOn { get; set; }

    /// <summary>行政处罚决定书文号 of 决定撤销.</summary>
    public string? DecisionNumber { get; set; }

    /// <summary>Why the registration is revoked, or why not.</summary>
    public string? DecisionReason { get; set; }

    public bool IsOpen => Status is RevocationStatus.Opened or RevocationStatus.Notified or RevocationStatus.Heard;

    public static string GroundName(RevocationGround ground) => ground switch
    {
        RevocationGround.Fraud => "申请登记时弄虚作假，骗取登记",
        RevocationGround.Inactive => "自取得登记证书之日起1年未开展活动",
        RevocationGround.SeriousViolation => "违反条例规定，情节严重",
        RevocationGround.Other => "其他应当撤销登记的情形",
    };

    public static string StatusName(RevocationStatus status) => status switch
    {
        RevocationStatus.Opened => "已立案",
        RevocationStatus.Notified => "已告知，待陈述申辩",
        RevocationStatus.Heard => "已陈述申辩，待决定",
        RevocationStatus.Revoked => "决定撤销",
        RevocationStatus.NotRevoked => "不予撤销",
    };

    public static string ResponseName(RevocationResponse response) => response switch
    {
        RevocationResponse.Statement => "陈述申辩",
        RevocationResponse.Hearing => "听证",
        RevocationResponse.Waived => "放弃陈述申辩和听证",
    };
}

internal sealed class RevocationCaseConfiguration : IEntityTypeConfiguration<RevocationCase>
{
    public void Configure(EntityTypeBuilder<RevocationCase> b)
    {
        b.ToTable("SocialOrganizationRevocations");
        b.Property(x => x.AuthorityCode).HasMaxLength(6).IsFixedLength();
        b.Property(x => x.OrganizationName).HasMaxLength(SocialOrganization.NameMaxLength);
        // Two clerks taking the same step at once: the status is the token, so exactly one step is saved.
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.Property(x => x.Ground).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Response).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Facts).HasMaxLength(RevocationCase.FactsMaxLength);
        b.Property(x => x.ResponseText).HasMaxLength(RevocationCase.FactsMaxLength);
        b.Property(x => x.DecisionNumber).HasMaxLength(OrganizationPenalty.DecisionNumberMaxLength);
        b.Property(x => x.DecisionReason).HasMaxLength(RevocationCase.FactsMaxLength);
        b.Ignore(x => x.IsOpen);
        // One open case per organisation, whatever the concurrency: a second 立案 is a conflict until the first is decided.
        b.HasIndex(x => x.OrganizationId).IsUnique().HasFilter("\"Status\" IN ('Opened', 'Notified', 'Heard')");
        b.HasIndex(x => new { x.Status, x.ResponseDueOn });
    }
}
