using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;

namespace Minzheng.Modules.Funeral.Plots;

public enum ReclaimStatus
{
    /// <summary>催告 issued, the family has until the deadline to renew.</summary>
    Noticed,

    /// <summary>The family renewed (the plot's ordinary renewal): the notice is closed.</summary>
    Renewed,

    /// <summary>Reclaimed after the deadline: the remains moved, the plot free again.</summary>
    Reclaimed,
}

/// <summary>Where the remains of a reclaimed plot went.</summary>
public enum RemainsDisposition
{
    Columbarium,
    Ecological,
    Family,
}

/// <summary>
/// The reclaim of a plot whose tenure ended unrenewed (墓穴到期未续期的收回处置): the 催告 to the family with its deadline,
/// then either the renewal (closing the notice) or, after the deadline, the reclaim with the date and the place the remains
/// went. The sale it ends is copied here (holder, certificate, tenure), since the plot itself is cleared for a new sale.
/// One open notice per plot (a unique index over the open ones), so two clerks cannot issue two.
/// </summary>
public sealed class PlotReclaim : AuditableEntity, IRegionScoped
{
    public const int NameMaxLength = 50;
    public const int PlaceMaxLength = 100;
    public const int NoteMaxLength = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public Guid PlotId { get; set; }
    public string NoticeNumber { get; set; } = "";
    public DateOnly NoticedOn { get; set; }
    public DateOnly Deadline { get; set; }

    /// <summary>The tenure end the notice is about.</summary>
    public DateOnly ExpiredOn { get; set; }

    public string? HolderName { get; set; }
    public string? HolderIdMasked { get; set; }
    public string? CertificateNumber { get; set; }
    public DateOnly? SoldOn { get; set; }
    public ReclaimStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public RemainsDisposition? Disposition { get; set; }
    public string? RemainsPlace { get; set; }
    public int RemainsMoved { get; set; }
    public string? Note { get; set; }

    public static string StatusName(ReclaimStatus s) => s switch
    {
        ReclaimStatus.Noticed => "已催告",
        ReclaimStatus.Renewed => "已续期",
        ReclaimStatus.Reclaimed => "已收回",
    };

    public static string DispositionName(RemainsDisposition d) => d switch
    {
        RemainsDisposition.Columbarium => "迁入骨灰堂",
        RemainsDisposition.Ecological => "生态安葬",
        RemainsDisposition.Family => "家属领回",
    };
}

/// <summary><c>Funeral:Reclaim</c>: the days a 催告 gives the family to renew before the plot may be reclaimed.</summary>
public sealed class ReclaimOptions
{
    public const string Section = "Funeral:Reclaim";

    public int NoticeDays { get; set; } = 90;

    public bool IsValid => NoticeDays is >= 30 and <= 730;
}

/// <summary>墓穴收回催告书: numbered per county and year from the platform's document series, never reused.</summary>
public static class ReclaimDocuments
{
    public const string OwnerType = "funeral-plot-reclaim";
    public const string NoticeKind = "plot-reclaim-notice";

    public static DocumentKind Notice { get; } = new(NoticeKind, "墓穴使用到期催告书", (county, year, n) => $"{county}墓催〔{year}〕第{n:D4}号");
}

internal sealed class PlotReclaimConfiguration : IEntityTypeConfiguration<PlotReclaim>
{
    public void Configure(EntityTypeBuilder<PlotReclaim> b)
    {
        b.ToTable("FuneralPlotReclaims");
        b.Property(x => x.NoticeNumber).HasMaxLength(64);
        b.Property(x => x.HolderName).HasMaxLength(PlotReclaim.NameMaxLength);
        b.Property(x => x.HolderIdMasked).HasMaxLength(18);
        b.Property(x => x.CertificateNumber).HasMaxLength(64);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12).IsConcurrencyToken();
        b.Property(x => x.Disposition).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.RemainsPlace).HasMaxLength(PlotReclaim.PlaceMaxLength);
        b.Property(x => x.Note).HasMaxLength(PlotReclaim.NoteMaxLength);
        b.HasOne<Plot>().WithMany().HasForeignKey(x => x.PlotId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PlotId).IsUnique().HasFilter("\"Status\" = 'Noticed'");
        b.HasIndex(x => new { x.RegionCode, x.Deadline });
    }
}
