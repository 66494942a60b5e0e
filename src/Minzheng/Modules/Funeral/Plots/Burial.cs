using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Funeral.Plots;

/// <summary>
/// One burial (安葬记录) in a sold plot: the deceased (ID number stored like a person's), the date, and the cremation record
/// when the same person was cremated here. A plot holds <see cref="Plot.Capacity"/> burials; each takes a numbered slot,
/// unique per plot, so of two burials racing for the last slot exactly one is stored. A person is buried once.
/// </summary>
public sealed class Burial : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The plot's (the cemetery's) region: the burial is cemetery work, whoever the deceased was.</summary>
    public string RegionCode { get; set; } = "";

    public Guid PlotId { get; set; }

    /// <summary>1, or 2 in a 双穴.</summary>
    public int Slot { get; set; }

    public string DeceasedName { get; set; } = "";

    [Sensitive]
    public string IdNumberCipher { get; set; } = "";

    [Sensitive]
    public string IdNumberIndex { get; set; } = "";

    public string IdNumberMasked { get; set; } = "";
    public Guid? CremationId { get; set; }
    public DateOnly BuriedOn { get; set; }

    /// <summary>The day the remains left the plot when it was reclaimed (see <see cref="PlotReclaim"/>); null while they rest here.</summary>
    public DateOnly? MovedOutOn { get; set; }
}

/// <summary>
/// A renewal (续期) of a plot's tenure: the years added, the expiry before and after, the fee and receipt. Rows are only
/// added, so the plot's history of renewals is kept; the change of the plot itself is in the audit log like any change.
/// </summary>
public sealed class PlotRenewal : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public Guid PlotId { get; set; }
    public DateOnly RenewedOn { get; set; }
    public int Years { get; set; }
    public DateOnly PreviousExpiresOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public decimal Fee { get; set; }
    public string? ReceiptNumber { get; set; }
}

internal sealed class BurialConfiguration : IEntityTypeConfiguration<Burial>
{
    public void Configure(EntityTypeBuilder<Burial> b)
    {
        b.ToTable("FuneralBurials");
        b.Property(x => x.DeceasedName).HasMaxLength(50);
        b.Property(x => x.IdNumberCipher).HasMaxLength(200);
        b.Property(x => x.IdNumberIndex).HasMaxLength(64);
        b.Property(x => x.IdNumberMasked).HasMaxLength(18);
        b.HasOne<Plot>().WithMany().HasForeignKey(x => x.PlotId).OnDelete(DeleteBehavior.Restrict);
        // Slots and the person count only while the remains rest in the plot: a reclaimed plot is sold and used again.
        b.HasIndex(x => new { x.PlotId, x.Slot }).IsUnique().HasFilter("\"MovedOutOn\" IS NULL");
        b.HasIndex(x => x.IdNumberIndex).IsUnique().HasFilter("\"MovedOutOn\" IS NULL");
    }
}

internal sealed class PlotRenewalConfiguration : IEntityTypeConfiguration<PlotRenewal>
{
    public void Configure(EntityTypeBuilder<PlotRenewal> b)
    {
        b.ToTable("FuneralPlotRenewals");
        b.Property(x => x.Fee).HasPrecision(18, 2);
        b.Property(x => x.ReceiptNumber).HasMaxLength(40);
        b.HasOne<Plot>().WithMany().HasForeignKey(x => x.PlotId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PlotId);
    }
}
