using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;

namespace Minzheng.Modules.Funeral.Plots;

public enum PlotKind
{
    Single,
    Double,
}

/// <summary>
/// Stored states of a plot. 已到期 (expired) is not stored: a sold or buried plot whose tenure ended unrenewed reads as
/// expired from <see cref="Plot.ExpiresOn"/> and today (<see cref="Plot.StatusCode"/>), so it can never lag behind the calendar;
/// likewise a reservation past its last day reads as free.
/// </summary>
public enum PlotStatus
{
    Free,
    Sold,
    Buried,

    /// <summary>预留: held for a named family until a day (e.g. a couple choosing their plot, paying later); sold only to them.</summary>
    Reserved,
}

/// <summary>
/// A plot (墓穴) of a cemetery: where it lies (area, row, number), single or double, for ashes or a body, its size within
/// the province's limit, its price; once sold, the family who bought it (ID number stored like a person's), the contract,
/// the tenure and the 墓穴证 number from the platform's document series. The status is a concurrency token: of two sales
/// of the same plot at the same moment exactly one is stored.
/// </summary>
public sealed class Plot : AuditableEntity, IRegionScoped
{
    public const int AreaMaxLength = 20;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public Guid FacilityId { get; set; }
    public string Area { get; set; } = "";
    public int Row { get; set; }
    public int Number { get; set; }
    public PlotKind Kind { get; set; }
    public bool ForAshes { get; set; }
    public decimal SquareMeters { get; set; }
    public decimal Price { get; set; }
    public PlotStatus Status { get; set; }
    public string? BuyerName { get; set; }

    [Sensitive]
    public string? BuyerIdCipher { get; set; }

    [Sensitive]
    public string? BuyerIdIndex { get; set; }

    public string? BuyerIdMasked { get; set; }
    public string? ContractNumber { get; set; }
    public DateOnly? SoldOn { get; set; }
    public int? TenureYears { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public string? CertificateNumber { get; set; }

    /// <summary>The buyer's (or reserving family's) 户籍 village or community: a rural 公益性墓地 serves its own villagers only.</summary>
    public string? BuyerRegionCode { get; set; }

    public DateOnly? ReservedOn { get; set; }

    /// <summary>The last day of a reservation; after it the plot is free again without anyone acting.</summary>
    public DateOnly? ReservedUntil { get; set; }

    public string Label => $"{Area}区{Row}排{Number}号";

    /// <summary>How many burials the plot holds: one for 单穴, two for 双穴 (a couple).</summary>
    public int Capacity => Kind == PlotKind.Double ? 2 : 1;

    /// <summary>Sold (with or without burials): it has a buyer, a contract and a 墓穴证.</summary>
    public bool IsSold => Status is PlotStatus.Sold or PlotStatus.Buried;

    /// <summary>A sold or buried plot whose tenure ended before <paramref name="today"/> and was not renewed.</summary>
    public bool IsExpired(DateOnly today) => IsSold && ExpiresOn is { } end && end < today;

    /// <summary>Held for a family on <paramref name="today"/>: reserved and not past the reservation's last day.</summary>
    public bool IsReservedOn(DateOnly today) => Status == PlotStatus.Reserved && ReservedUntil >= today;

    /// <summary>free, reserved, sold, buried, or expired (derived, see <see cref="PlotStatus"/>).</summary>
    public string StatusCode(DateOnly today) => IsExpired(today) ? "expired"
        : Status == PlotStatus.Reserved && !IsReservedOn(today) ? "free"
        : Platform.Web.InputValues.Code(Status);

    public static string StatusName(string code) => code switch
    {
        "free" => "空闲",
        "reserved" => "已预留",
        "sold" => "已售出",
        "buried" => "已安葬",
        "expired" => "已到期",
        _ => code,
    };

    public static string KindName(PlotKind kind, bool forAshes) => (kind == PlotKind.Single ? "单穴" : "双穴") + (forAshes ? "（骨灰）" : "（遗体）");
}

/// <summary>墓穴证: numbered per county and year, never reused (the platform's document numbers).</summary>
public static class PlotDocuments
{
    public const string OwnerType = "funeral-plot";
    public const string CertificateKind = "plot-certificate";

    public static DocumentKind Certificate { get; } = new(CertificateKind, "墓穴证", (county, year, n) => $"{county}墓证〔{year}〕第{n:D6}号");
}

internal sealed class PlotConfiguration : IEntityTypeConfiguration<Plot>
{
    public void Configure(EntityTypeBuilder<Plot> b)
    {
        b.ToTable("FuneralPlots");
        b.Property(x => x.Area).HasMaxLength(Plot.AreaMaxLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(8).IsConcurrencyToken();

        // Two renewals of the same tenure at the same moment: the second sees the expiry moved and is refused.
        b.Property(x => x.ExpiresOn).IsConcurrencyToken();
        b.Property(x => x.SquareMeters).HasPrecision(18, 2);
        b.Property(x => x.Price).HasPrecision(18, 2);
        b.Property(x => x.BuyerName).HasMaxLength(50);
        b.Property(x => x.BuyerIdCipher).HasMaxLength(200);
        b.Property(x => x.BuyerIdIndex).HasMaxLength(64);
        b.Property(x => x.BuyerIdMasked).HasMaxLength(18);
        b.Property(x => x.ContractNumber).HasMaxLength(40);
        b.Property(x => x.CertificateNumber).HasMaxLength(64);
        b.Property(x => x.BuyerRegionCode).HasMaxLength(12);
        b.HasOne<FuneralFacilities.FuneralFacility>().WithMany().HasForeignKey(x => x.FacilityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.FacilityId, x.Area, x.Row, x.Number }).IsUnique();
    }
}
