using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Marriage.Marriages;

public enum DivorceApplicationStatus
{
    /// <summary>In the cooling-off period or the period to collect the certificate.</summary>
    Pending,
    Withdrawn,
    Registered,

    /// <summary>视为撤回: nobody came for the certificate by <see cref="DivorceApplication.CollectBy"/>.</summary>
    Lapsed,

    /// <summary>The marriage was declared void or annulled by a court while the application was pending: nothing left to divorce.</summary>
    Ended,
}

/// <summary>
/// An application for divorce by agreement (民法典 art. 1077): received, then 30 days in which either party may
/// withdraw, then 30 days in which both must come for the certificate, else it lapses.
/// </summary>
public sealed class DivorceApplication : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public Guid MarriageId { get; set; }

    [Sensitive]
    public string CoupleKey { get; set; } = "";

    public string PartyAName { get; set; } = "";
    public string PartyAIdMasked { get; set; } = "";
    public string PartyBName { get; set; } = "";
    public string PartyBIdMasked { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }
    public DateOnly CoolingOffEnds { get; set; }
    public DateOnly CollectBy { get; set; }
    public DivorceApplicationStatus Status { get; set; }

    /// <summary>The day it was withdrawn, registered or lapsed.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>Who withdrew it (masked ID number of the party).</summary>
    public string? WithdrawnBy { get; set; }

    /// <summary>The name of the party who withdrew it, as the 撤回确认单 states it.</summary>
    public string? WithdrawnByName { get; set; }

    /// <summary>受理编号 (离申字, the platform's document numbers); null for applications received before numbering began.</summary>
    public string? Number { get; set; }

    /// <summary>离婚协议 (<see cref="DivorceAgreement"/> as JSON): children, property, debts; null when none was entered.</summary>
    public string? AgreementJson { get; set; }

    public DivorceAgreement? Agreement => DivorceAgreement.FromJson(AgreementJson);

    /// <summary>The divorce registration made from it.</summary>
    public Guid? DivorceRecordId { get; set; }

    public static string StatusName(DivorceApplicationStatus s) => s switch
    {
        DivorceApplicationStatus.Pending => "冷静期/待领证",
        DivorceApplicationStatus.Withdrawn => "已撤回",
        DivorceApplicationStatus.Registered => "已登记离婚",
        DivorceApplicationStatus.Lapsed => "逾期视为撤回",
        DivorceApplicationStatus.Ended => "婚姻已被撤销，申请终结",
    };
}

internal sealed class DivorceApplicationConfiguration : IEntityTypeConfiguration<DivorceApplication>
{
    public void Configure(EntityTypeBuilder<DivorceApplication> b)
    {
        b.ToTable("DivorceApplications");
        b.Property(x => x.CoupleKey).HasMaxLength(130);
        b.Property(x => x.PartyAName).HasMaxLength(MarriageRecord.NameMaxLength);
        b.Property(x => x.PartyBName).HasMaxLength(MarriageRecord.NameMaxLength);
        b.Property(x => x.PartyAIdMasked).HasMaxLength(18);
        b.Property(x => x.PartyBIdMasked).HasMaxLength(18);
        b.Property(x => x.WithdrawnBy).HasMaxLength(18);
        b.Property(x => x.WithdrawnByName).HasMaxLength(MarriageRecord.NameMaxLength);
        b.Property(x => x.Number).HasMaxLength(64);
        b.Ignore(x => x.Agreement);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        // One pending application per marriage, even when two clerks submit at the same moment.
        b.HasIndex(x => x.MarriageId).IsUnique().HasFilter("\"Status\" = 'Pending'");
        b.HasIndex(x => new { x.Status, x.CollectBy });
    }
}
