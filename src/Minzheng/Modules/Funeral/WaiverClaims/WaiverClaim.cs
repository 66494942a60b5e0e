using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Security;
using Minzheng.Platform.Workflow;

namespace Minzheng.Modules.Funeral.WaiverClaims;

public enum ClaimStatus
{
    Open,
    Submitted,
    Returned,
    Approved,
    Paid,
}

/// <summary>
/// 惠民殡葬减免资金月度申报: the funeral home's claim to finance for the basic services it waived. Opening the claim of a
/// month gathers every waiver of the facility dated up to the month's end that no claim holds yet, so a waiver recorded
/// late joins the next claim. Each waiver sits in one claim only (<see cref="WaiverClaimLine"/>'s unique waiver), one claim
/// per facility and month; the status is the concurrency token, so of two approvals at once exactly one is stored.
/// </summary>
public sealed class WaiverClaim : AuditableEntity, IRegionScoped
{
    public const int ReasonMaxLength = 300;
    public const int VoucherMaxLength = 40;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public Guid FacilityId { get; set; }

    /// <summary>The first day of the month claimed.</summary>
    public DateOnly Month { get; set; }

    public ClaimStatus Status { get; set; }
    public int Cases { get; set; }
    public decimal Total { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? DecidedBy { get; set; }
    public string? ReturnReason { get; set; }
    public DateOnly? PaidOn { get; set; }
    public string? VoucherNumber { get; set; }

    public static string StatusName(ClaimStatus status) => status switch
    {
        ClaimStatus.Open => "待提交",
        ClaimStatus.Submitted => "待财政审核",
        ClaimStatus.Returned => "已退回",
        ClaimStatus.Approved => "已审核待拨付",
        ClaimStatus.Paid => "已拨付",
    };

    /// <summary>The steps of a claim: the funeral home submits, the finance officer approves or returns, then records the payment.</summary>
    public static Procedure<ClaimStatus> Procedure { get; } = new Procedure<ClaimStatus>("减免资金申报", StatusName)
        .Step("submit", "提交财政", [ClaimStatus.Open, ClaimStatus.Returned], ClaimStatus.Submitted, [Roles.FuneralClerk], "只有殡葬管理员（殡仪馆）可以提交申报")
        .Step("approve", "审核通过", [ClaimStatus.Submitted], ClaimStatus.Approved, [Roles.Finance], "只有县级资金发放员（财政）可以审核申报",
            wrongState: "该申报不在待审核状态（可能已审核或已退回），不能再次审核")
        .Step("return", "退回", [ClaimStatus.Submitted], ClaimStatus.Returned, [Roles.Finance], "只有县级资金发放员（财政）可以退回申报", needsReason: true,
            wrongState: "该申报不在待审核状态（可能已审核或已退回），不能退回")
        .Step("pay", "登记拨付", [ClaimStatus.Approved], ClaimStatus.Paid, [Roles.Finance], "只有县级资金发放员（财政）可以登记拨付",
            wrongState: "只有审核通过、尚未拨付的申报可以登记拨付");
}

/// <summary>One waiver of a claim, copied as it stood when gathered: the item, the status of the deceased and the amount.</summary>
public sealed class WaiverClaimLine : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The waiver's (the deceased's) region, so a township sees its own lines only.</summary>
    public string RegionCode { get; set; } = "";

    public Guid ClaimId { get; set; }
    public Guid FeeWaiverLineId { get; set; }
    public Guid CremationId { get; set; }
    public string Item { get; set; } = "";
    public int Quantity { get; set; }
    public string ResidentStatus { get; set; } = "";
    public decimal Amount { get; set; }
    public DateOnly Date { get; set; }
}

internal sealed class WaiverClaimConfiguration : IEntityTypeConfiguration<WaiverClaim>, IEntityTypeConfiguration<WaiverClaimLine>
{
    public void Configure(EntityTypeBuilder<WaiverClaim> b)
    {
        b.ToTable("FuneralWaiverClaims");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12).IsConcurrencyToken();
        b.Property(x => x.Total).HasPrecision(18, 2);
        b.Property(x => x.DecidedBy).HasMaxLength(64);
        b.Property(x => x.ReturnReason).HasMaxLength(WaiverClaim.ReasonMaxLength);
        b.Property(x => x.VoucherNumber).HasMaxLength(WaiverClaim.VoucherMaxLength);
        b.HasOne<FuneralFacilities.FuneralFacility>().WithMany().HasForeignKey(x => x.FacilityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.FacilityId, x.Month }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<WaiverClaimLine> b)
    {
        b.ToTable("FuneralWaiverClaimLines");
        b.Property(x => x.Item).HasMaxLength(24);
        b.Property(x => x.ResidentStatus).HasMaxLength(24);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.HasOne<WaiverClaim>().WithMany().HasForeignKey(x => x.ClaimId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FeeWaiverLine>().WithMany().HasForeignKey(x => x.FeeWaiverLineId).OnDelete(DeleteBehavior.Restrict);

        // A waiver is claimed once: two claims gathering the same late waiver at the same moment cannot both keep it.
        b.HasIndex(x => x.FeeWaiverLineId).IsUnique();
        b.HasIndex(x => x.ClaimId);
    }
}
