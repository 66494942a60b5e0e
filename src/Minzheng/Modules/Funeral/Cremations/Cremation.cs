using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Privacy;

namespace Minzheng.Modules.Funeral.Cremations;

/// <summary>死亡原因类别 as the funeral home records it from the death certificate (MZ/T 141-2019 keeps the cause as a category).</summary>
public enum DeathCause
{
    Natural,
    Accident,
    Other,
}

/// <summary>
/// One cremation (火化记录) entered by the funeral home or the bureau: the deceased (ID number stored like a person's:
/// ciphertext, blind index, mask), the dates, the death certificate, the family contact, and the basic funeral service
/// fee waiver granted (its lines in <see cref="FeeWaiverLine"/>). The region is the deceased's residence within the
/// clerk's scope; a person is cremated once (unique blind index).
/// </summary>
public sealed class Cremation : AuditableEntity, IRegionScoped
{
    public const int NameMaxLength = 50;
    public const int FuneralHomeMaxLength = 100;
    public const int CertificateMaxLength = 40;
    public const int PhoneMaxLength = 20;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";

    public string Name { get; set; } = "";

    [Sensitive]
    public string IdNumberCipher { get; set; } = "";

    [Sensitive]
    public string IdNumberIndex { get; set; } = "";

    public string IdNumberMasked { get; set; } = "";
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }

    /// <summary>农业人口 (rural 户籍): bureaus report cremations "of which agricultural population".</summary>
    public bool Agricultural { get; set; }

    public DateOnly DeathDate { get; set; }
    public DeathCause? DeathCause { get; set; }
    public string? DeathCertificateNumber { get; set; }
    public DateOnly CremationDate { get; set; }

    /// <summary>The funeral home as named on the request; <see cref="FacilityId"/> when it is a registered 殡仪馆.</summary>
    public string FuneralHome { get; set; } = "";

    public Guid? FacilityId { get; set; }
    public string? FamilyContactName { get; set; }

    [Sensitive]
    public string? FamilyContactPhone { get; set; }

    /// <summary>The status the waiver was decided on (<see cref="FeeWaiverRules.Statuses"/>).</summary>
    public string ResidentStatus { get; set; } = FeeWaiverRules.Resident;

    public decimal WaiverAmount { get; set; }

    /// <summary>Social-assistance programmes the deceased (or their household) was enrolled in on the day of entry, comma separated.</summary>
    public string AssistancePrograms { get; set; } = "";

    /// <summary>Death findings opened in social assistance by this record (one per affected enrolment).</summary>
    public int FindingsOpened { get; set; }

    public static string CauseName(DeathCause? cause) => cause switch
    {
        Cremations.DeathCause.Natural => "正常死亡（病故、老死）",
        Cremations.DeathCause.Accident => "非正常死亡（意外事故等）",
        Cremations.DeathCause.Other => "其他",
        null => "未填写",
    };
}

/// <summary>One waived basic service of a cremation (惠民殡葬减免台账): item, quantity (days of storage) and amount.</summary>
public sealed class FeeWaiverLine : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public Guid CremationId { get; set; }
    public string Item { get; set; } = "";
    public int Quantity { get; set; } = 1;
    public decimal Amount { get; set; }

    /// <summary>The cremation date: the ledger and the monthly claim count by it.</summary>
    public DateOnly Date { get; set; }
}

internal sealed class CremationConfiguration : IEntityTypeConfiguration<Cremation>, IEntityTypeConfiguration<FeeWaiverLine>
{
    public void Configure(EntityTypeBuilder<Cremation> b)
    {
        b.ToTable("Cremations");
        b.Property(x => x.Name).HasMaxLength(Cremation.NameMaxLength);
        b.Property(x => x.IdNumberCipher).HasMaxLength(200);
        b.Property(x => x.IdNumberIndex).HasMaxLength(64);
        b.Property(x => x.IdNumberMasked).HasMaxLength(18);
        b.Property(x => x.Gender).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.DeathCause).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.DeathCertificateNumber).HasMaxLength(Cremation.CertificateMaxLength);
        b.Property(x => x.FuneralHome).HasMaxLength(Cremation.FuneralHomeMaxLength);
        b.Property(x => x.FamilyContactName).HasMaxLength(Cremation.NameMaxLength);
        b.Property(x => x.FamilyContactPhone).HasMaxLength(Cremation.PhoneMaxLength);
        b.Property(x => x.ResidentStatus).HasMaxLength(24);
        b.Property(x => x.AssistancePrograms).HasMaxLength(200);
        b.Property(x => x.WaiverAmount).HasPrecision(18, 2);
        // A person is cremated once: a double submission, or a second funeral home naming the same ID number, is refused whatever the concurrency.
        b.HasIndex(x => x.IdNumberIndex).IsUnique();
        b.HasIndex(x => x.CremationDate);
        b.HasOne<FuneralFacilities.FuneralFacility>().WithMany().HasForeignKey(x => x.FacilityId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<FeeWaiverLine> b)
    {
        b.ToTable("FuneralFeeWaiverLines");
        b.Property(x => x.Item).HasMaxLength(24);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.HasOne<Cremation>().WithMany().HasForeignKey(x => x.CremationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CremationId, x.Item }).IsUnique();
        b.HasIndex(x => x.Date);
    }
}
