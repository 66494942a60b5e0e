using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Security;
using Minzheng.Platform.Workflow;

namespace Minzheng.Modules.Funeral.Memorials;

/// <summary>云祭扫 (an online memorial page or live video of the grave) or 代祭扫 (staff sweep the grave for the family).</summary>
public enum MemorialKind
{
    Cloud,
    Proxy,
}

public enum MemorialStatus
{
    Booked,
    Delivered,
    Cancelled,
}

/// <summary>
/// A family's booking of 云祭扫 or 代祭扫 for a person resting in one of the county's facilities: a burial in a cemetery
/// plot, or ashes (a cremation record of the county) kept in a 骨灰堂. The region is the facility's: the booking is the
/// facility's work. Of two identical bookings (same person, kind and day) one row is kept by a unique index over the
/// bookings not cancelled, so a double submission never makes two; the status is the concurrency token of the steps.
/// </summary>
public sealed class MemorialBooking : AuditableEntity, IRegionScoped
{
    public const int NameMaxLength = 50;
    public const int PhoneMaxLength = 20;
    public const int MessageMaxLength = 300;
    public const int NicheMaxLength = 40;
    public const int ReasonMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public Guid FacilityId { get; set; }
    public Guid? BurialId { get; set; }
    public Guid? CremationId { get; set; }

    /// <summary>The resting person (the burial, else the cremation): the key of the one-booking-per-day rule.</summary>
    public Guid PersonKey { get; set; }

    public string DeceasedName { get; set; } = "";

    /// <summary>Where the person rests, as the staff find it: 福区1排3号 or the 骨灰堂 niche.</summary>
    public string Place { get; set; } = "";

    public MemorialKind Kind { get; set; }

    /// <summary>代祭扫 services asked for, comma separated codes of <see cref="MemorialRules.Services"/>; empty for 云祭扫.</summary>
    public string Services { get; set; } = "";

    public DateOnly RequestedOn { get; set; }
    public DateOnly BookedOn { get; set; }
    public string ContactName { get; set; } = "";

    [Sensitive]
    public string ContactPhone { get; set; } = "";

    /// <summary>寄语: read out at the grave (代读寄语) or shown on the memorial page.</summary>
    public string? Message { get; set; }

    public MemorialStatus Status { get; set; }
    public DateOnly? DeliveredOn { get; set; }
    public string? DeliveredBy { get; set; }
    public string? CancelReason { get; set; }

    public static string KindName(MemorialKind kind) => kind switch
    {
        MemorialKind.Cloud => "云祭扫",
        MemorialKind.Proxy => "代祭扫",
    };

    public static string StatusName(MemorialStatus status) => status switch
    {
        MemorialStatus.Booked => "已预约",
        MemorialStatus.Delivered => "已完成",
        MemorialStatus.Cancelled => "已取消",
    };

    /// <summary>The steps of a booking, declared once for the API, the pages and the refusals.</summary>
    public static Procedure<MemorialStatus> Procedure { get; } = new Procedure<MemorialStatus>("祭扫预约", StatusName)
        .Step("deliver", "登记服务完成", [MemorialStatus.Booked], MemorialStatus.Delivered, [Roles.FuneralClerk], "只有殡葬管理员可以登记祭扫服务",
            wrongState: "该预约已办结（已完成或已取消），不能再登记服务")
        .Step("cancel", "取消预约", [MemorialStatus.Booked], MemorialStatus.Cancelled, [Roles.FuneralClerk], "只有殡葬管理员可以取消预约", needsReason: true,
            wrongState: "该预约已办结（已完成或已取消），不能取消");
}

internal sealed class MemorialBookingConfiguration : IEntityTypeConfiguration<MemorialBooking>
{
    public void Configure(EntityTypeBuilder<MemorialBooking> b)
    {
        b.ToTable("FuneralMemorialBookings");
        b.Property(x => x.DeceasedName).HasMaxLength(MemorialBooking.NameMaxLength);
        b.Property(x => x.Place).HasMaxLength(120);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.Services).HasMaxLength(60);
        b.Property(x => x.ContactName).HasMaxLength(MemorialBooking.NameMaxLength);
        b.Property(x => x.ContactPhone).HasMaxLength(MemorialBooking.PhoneMaxLength);
        b.Property(x => x.Message).HasMaxLength(MemorialBooking.MessageMaxLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12).IsConcurrencyToken();
        b.Property(x => x.DeliveredBy).HasMaxLength(MemorialBooking.NameMaxLength);
        b.Property(x => x.CancelReason).HasMaxLength(MemorialBooking.ReasonMaxLength);
        b.HasOne<FuneralFacilities.FuneralFacility>().WithMany().HasForeignKey(x => x.FacilityId).OnDelete(DeleteBehavior.Restrict);

        // One live booking per person, kind and day: a double click or a retry stores one row; a cancelled one frees the day.
        b.HasIndex(x => new { x.PersonKey, x.Kind, x.RequestedOn }).IsUnique().HasFilter("\"Status\" <> 'Cancelled'");
        b.HasIndex(x => new { x.FacilityId, x.RequestedOn });
        b.HasIndex(x => new { x.RegionCode, x.RequestedOn });
    }
}
