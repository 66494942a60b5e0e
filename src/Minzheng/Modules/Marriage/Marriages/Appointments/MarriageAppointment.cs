using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Privacy;

namespace Minzheng.Modules.Marriage.Marriages.Appointments;

/// <summary>What a couple books: the four kinds of registration a registry handles on appointment.</summary>
public enum AppointmentKind
{
    Marriage,
    Divorce,
    ReissueMarriageCertificate,
    ReissueDivorceCertificate,
}

/// <summary>How the booking reached the registry.</summary>
public enum AppointmentChannel
{
    Online,
    Phone,
    WalkIn,
}

/// <summary>
/// The stored state of a booking. 未到场 is not stored: it is a booking still <see cref="Booked"/> after its day
/// (<see cref="MarriageAppointment.ShownStatus"/>), so nothing has to run at midnight to mark it.
/// </summary>
public enum AppointmentStatus
{
    Booked,
    Arrived,
    Done,
    Cancelled,
}

/// <summary>
/// One booked place in a registry's time slot. A booking holds a numbered place of its slot while active
/// (<see cref="Place"/>, unique per registry, day and slot), so a slot can never hold more bookings than places,
/// whatever the concurrency; a cancellation gives the place back (null). Parties are stored like a register entry:
/// name, ciphertext, blind index and mask of the ID number; the phone number encrypted and masked.
/// </summary>
public sealed class MarriageAppointment : AuditableEntity, IRegionScoped
{
    public const int CodeLength = 8;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The registry's region (the registrar's own region).</summary>
    public string RegionCode { get; set; } = "";

    /// <summary>The booking reference given to the citizen: short, from an alphabet without look-alike characters, unguessable.</summary>
    public string Code { get; set; } = "";

    public AppointmentKind Kind { get; set; }
    public AppointmentChannel Channel { get; set; }
    public AppointmentStatus Status { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly SlotStart { get; set; }
    public TimeOnly SlotEnd { get; set; }

    /// <summary>The place taken in the slot (1 … capacity) while the booking is active; null once cancelled.</summary>
    public int? Place { get; set; }

    public string PartyAName { get; set; } = "";

    [Sensitive]
    public string PartyAIdCipher { get; set; } = "";

    [Sensitive]
    public string PartyAIdIndex { get; set; } = "";

    public string PartyAIdMasked { get; set; } = "";

    /// <summary>
    /// The document a party booked with. Gender and birth date are kept for the documents that cannot tell them (passport,
    /// permits; null for a resident ID number, which carries both), nationality for a passport: all pre-fill the registration form.
    /// </summary>
    public MarriageIdType PartyAIdType { get; set; }

    public Gender? PartyAGender { get; set; }
    public DateOnly? PartyABirthDate { get; set; }
    public string? PartyANationality { get; set; }
    public string PartyBName { get; set; } = "";

    [Sensitive]
    public string PartyBIdCipher { get; set; } = "";

    [Sensitive]
    public string PartyBIdIndex { get; set; } = "";

    public string PartyBIdMasked { get; set; } = "";
    public MarriageIdType PartyBIdType { get; set; }
    public Gender? PartyBGender { get; set; }
    public DateOnly? PartyBBirthDate { get; set; }
    public string? PartyBNationality { get; set; }

    [Sensitive]
    public string PhoneCipher { get; set; } = "";

    public string PhoneMasked { get; set; } = "";

    public DateTimeOffset? ArrivedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    public bool IsActive => Status is AppointmentStatus.Booked or AppointmentStatus.Arrived;

    /// <summary>The status as shown: a booking nobody came for is 未到场 once its day has passed.</summary>
    public string ShownStatus(DateOnly today) => Status == AppointmentStatus.Booked && Date < today ? "no-show" : Platform.Web.InputValues.Code(Status);

    public static string StatusName(string shown) => shown switch
    {
        "booked" => "已预约",
        "arrived" => "已到场",
        "done" => "已办理",
        "cancelled" => "已取消",
        "no-show" => "未到场",
        _ => shown,
    };

    public static string KindName(AppointmentKind kind) => kind switch
    {
        AppointmentKind.Marriage => "结婚登记",
        AppointmentKind.Divorce => "离婚登记",
        AppointmentKind.ReissueMarriageCertificate => "补领结婚证",
        AppointmentKind.ReissueDivorceCertificate => "补领离婚证",
    };

    public static string ChannelName(AppointmentChannel channel) => channel switch
    {
        AppointmentChannel.Online => "网上",
        AppointmentChannel.Phone => "电话",
        AppointmentChannel.WalkIn => "现场",
    };
}

/// <summary>
/// A person's hold on a day while one of their bookings is active: one active booking per person per day, in any
/// registry, kept by a unique key rather than by a read-then-write check that two submissions could pass together.
/// </summary>
public sealed class AppointmentHold : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";

    [Sensitive]
    public string PersonIndex { get; set; } = "";

    public DateOnly Date { get; set; }
    public Guid AppointmentId { get; set; }
}

internal sealed class MarriageAppointmentConfiguration : IEntityTypeConfiguration<MarriageAppointment>, IEntityTypeConfiguration<AppointmentHold>
{
    public void Configure(EntityTypeBuilder<MarriageAppointment> b)
    {
        b.ToTable("MarriageAppointments");
        b.Property(x => x.Code).HasMaxLength(MarriageAppointment.CodeLength);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PartyAName).HasMaxLength(MarriageRecord.NameMaxLength);
        b.Property(x => x.PartyBName).HasMaxLength(MarriageRecord.NameMaxLength);
        b.Property(x => x.PartyAIdCipher).HasMaxLength(200);
        b.Property(x => x.PartyBIdCipher).HasMaxLength(200);
        b.Property(x => x.PartyAIdIndex).HasMaxLength(64);
        b.Property(x => x.PartyBIdIndex).HasMaxLength(64);
        b.Property(x => x.PartyAIdMasked).HasMaxLength(18);
        b.Property(x => x.PartyBIdMasked).HasMaxLength(18);
        b.Property(x => x.PartyAIdType).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PartyBIdType).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PartyAGender).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.PartyBGender).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.PartyANationality).HasMaxLength(Nationalities.Length);
        b.Property(x => x.PartyBNationality).HasMaxLength(Nationalities.Length);
        b.Property(x => x.PhoneCipher).HasMaxLength(200);
        b.Property(x => x.PhoneMasked).HasMaxLength(16);
        // Places are numbered within a slot; NULLs (cancelled bookings) are distinct in a unique index on both databases.
        b.HasIndex(x => new { x.RegionCode, x.Date, x.SlotStart, x.Place }).IsUnique();
        b.HasIndex(x => x.Date);
    }

    public void Configure(EntityTypeBuilder<AppointmentHold> b)
    {
        b.ToTable("MarriageAppointmentHolds");
        b.Property(x => x.PersonIndex).HasMaxLength(64);
        b.HasIndex(x => new { x.PersonIndex, x.Date }).IsUnique();
        b.HasIndex(x => x.AppointmentId);
    }
}
