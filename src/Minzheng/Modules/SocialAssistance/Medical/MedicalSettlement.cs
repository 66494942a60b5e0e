using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Modules.SocialAssistance.OneOffs;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Medical;

/// <summary>
/// One file of 一站式 settlements sent by the hospitals or the 医保 bureau: the aid of every row is computed on import,
/// approved by the county as a whole by a second person (no 公示: POLICY §4), and then reimbursed to the hospitals that
/// advanced it at discharge — the patient never receives it, so no payroll pays it.
/// </summary>
public sealed class MedicalSettlementBatch : AuditableEntity, IRegionScoped
{
    public const int FileNameMaxLength = 120;
    public const int VoucherMaxLength = 60;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public string RegionPrefix { get; set; } = "";
    public string FileName { get; set; } = "";
    public int Rows { get; set; }

    /// <summary>Rows that get aid (a registered person of an aided category with cap left).</summary>
    public int Aided { get; set; }

    public decimal TotalCost { get; set; }
    public decimal Total { get; set; }
    public OneOffBatchStatus Status { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? RejectReason { get; set; }

    /// <summary>The day the county transferred the approved aid to the hospitals, and the voucher that did it.</summary>
    public DateOnly? ReimbursedOn { get; set; }

    public string? ReimbursementVoucher { get; set; }
}

/// <summary>One hospital settlement (结算单) of a patient and the medical aid it carries.</summary>
public sealed class MedicalSettlement : IRegionScoped
{
    public const int NumberMaxLength = 40;
    public const int HospitalMaxLength = 60;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The patient's household region; the importing county's for a patient it has not registered.</summary>
    public string RegionCode { get; set; } = "";

    public Guid BatchId { get; set; }
    public int Row { get; set; }
    public string SettlementNumber { get; set; } = "";
    public string Hospital { get; set; } = "";
    public string PatientName { get; set; } = "";
    public string IdNumberIndex { get; set; } = "";
    public string IdNumberMasked { get; set; } = "";
    public Guid? PersonId { get; set; }
    public Guid? HouseholdId { get; set; }
    public DateOnly AdmittedOn { get; set; }
    public DateOnly SettledOn { get; set; }
    public decimal TotalCost { get; set; }
    public decimal InsurancePaid { get; set; }
    public decimal CriticalIllnessPaid { get; set; }
    public decimal InPolicySelfPay { get; set; }

    /// <summary>The best aided category (destitute, dibao, near-dibao, illness), or "" when the patient is not aided.</summary>
    public string Category { get; set; } = "";

    public decimal Rate { get; set; }
    public decimal Amount { get; set; }

    /// <summary>Why the aid is less than the rate gives (not registered, no aided category, annual cap reached), or null.</summary>
    public string? Note { get; set; }

    public string CalculationJson { get; set; } = "";

    /// <summary>A returned batch's settlements: kept as evidence but neither aid nor a duplicate for the next file.</summary>
    public bool Voided { get; set; }
}

internal sealed class MedicalSettlementConfiguration : IEntityTypeConfiguration<MedicalSettlementBatch>, IEntityTypeConfiguration<MedicalSettlement>
{
    public void Configure(EntityTypeBuilder<MedicalSettlementBatch> b)
    {
        b.Property(x => x.RegionPrefix).HasMaxLength(12);
        b.Property(x => x.FileName).HasMaxLength(MedicalSettlementBatch.FileNameMaxLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.DecidedBy).HasMaxLength(64);
        b.Property(x => x.RejectReason).HasMaxLength(200);
        b.Property(x => x.ReimbursementVoucher).HasMaxLength(MedicalSettlementBatch.VoucherMaxLength);
        b.HasIndex(x => x.CreatedAt);
    }

    public void Configure(EntityTypeBuilder<MedicalSettlement> b)
    {
        b.Property(x => x.SettlementNumber).HasMaxLength(MedicalSettlement.NumberMaxLength);
        b.Property(x => x.Hospital).HasMaxLength(MedicalSettlement.HospitalMaxLength);
        b.Property(x => x.PatientName).HasMaxLength(Minzheng.Platform.People.Person.NameMaxLength);
        b.Property(x => x.IdNumberIndex).HasMaxLength(64);
        b.Property(x => x.IdNumberMasked).HasMaxLength(18);
        b.Property(x => x.Category).HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(200);
        b.HasOne<MedicalSettlementBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        // A settlement is aided once, whichever file or concurrent import brings it again.
        b.HasIndex(x => x.SettlementNumber).IsUnique().HasFilter("NOT \"Voided\"");
        b.HasIndex(x => new { x.BatchId, x.Row });
        b.HasIndex(x => new { x.PersonId, x.SettledOn });
    }
}
