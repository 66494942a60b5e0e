using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Funeral.ExistingGraves;

/// <summary>The kinds of old grave a county's survey (已有坟墓登记) distinguishes.</summary>
public enum GraveKind
{
    Earth,
    Masonry,
    Joint,
    Ashes,
}

/// <summary>在册 until the grave is moved (已迁移) or levelled where it stands (已平毁); either ends its life in the register.</summary>
public enum GraveStatus
{
    Registered,
    Relocated,
    Removed,
}

/// <summary>Why a grave was moved, as relocation notices and compensation files name it.</summary>
public enum RelocationReason
{
    Construction,
    IntoCemetery,
    Rectification,
    Other,
}

/// <summary>
/// An old grave (已有坟墓) found and registered in a village before the reform: where it lies (coordinates and a place
/// description), what kind, who lies in it (one or two occupants; an ID number only when known, stored like a person's),
/// the family to contact, an optional 墓穴证 from the plots' number series, and its relocation or levelling. The status is
/// a concurrency token (two relocations at once: one wins), and so is the certificate's date (two issues at once: one number).
/// </summary>
public sealed class ExistingGrave : AuditableEntity, IRegionScoped
{
    public const int LocationMaxLength = 200;
    public const int NameMaxLength = 50;
    public const int PhoneMaxLength = 20;
    public const int NoteMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The village the grave lies in.</summary>
    public string RegionCode { get; set; } = "";

    public string Location { get; set; } = "";
    public decimal Latitude { get; set; }
    public decimal Longitude { get; set; }
    public GraveKind Kind { get; set; }
    public string OccupantName { get; set; } = "";

    [Sensitive]
    public string? OccupantIdCipher { get; set; }

    [Sensitive]
    public string? OccupantIdIndex { get; set; }

    public string? OccupantIdMasked { get; set; }

    /// <summary>The second occupant of a joint grave (合葬), when there is one.</summary>
    public string? SecondOccupantName { get; set; }

    [Sensitive]
    public string? SecondOccupantIdCipher { get; set; }

    [Sensitive]
    public string? SecondOccupantIdIndex { get; set; }

    public string? SecondOccupantIdMasked { get; set; }
    public string ContactName { get; set; } = "";

    [Sensitive]
    public string? ContactPhone { get; set; }

    public DateOnly RegisteredOn { get; set; }
    public GraveStatus Status { get; set; }
    public DateOnly? CertificateIssuedOn { get; set; }
    public string? CertificateNumber { get; set; }

    /// <summary>The day the grave was moved or levelled.</summary>
    public DateOnly? ClosedOn { get; set; }

    public RelocationReason? Reason { get; set; }
    public string? Note { get; set; }

    /// <summary>The burial in one of the module's public cemetery plots the remains were moved into, when they were.</summary>
    public Guid? BurialId { get; set; }

    public string? Destination { get; set; }
    public decimal? Compensation { get; set; }

    public static string KindName(GraveKind kind) => kind switch
    {
        GraveKind.Earth => "土葬坟",
        GraveKind.Masonry => "砖石墓",
        GraveKind.Joint => "合葬墓",
        GraveKind.Ashes => "骨灰墓",
    };

    public static string StatusName(GraveStatus status) => status switch
    {
        GraveStatus.Registered => "在册",
        GraveStatus.Relocated => "已迁移",
        GraveStatus.Removed => "已平毁",
    };

    public static string ReasonName(RelocationReason reason) => reason switch
    {
        RelocationReason.Construction => "建设征地",
        RelocationReason.IntoCemetery => "自愿迁入公墓",
        RelocationReason.Rectification => "整治散埋乱葬",
        RelocationReason.Other => "其他",
    };
}

/// <summary>墓穴证 for an old grave: the same county series as the plots' certificates, owned by the grave.</summary>
public static class GraveDocuments
{
    public const string OwnerType = "funeral-grave";
}

internal sealed class ExistingGraveConfiguration : IEntityTypeConfiguration<ExistingGrave>
{
    public void Configure(EntityTypeBuilder<ExistingGrave> b)
    {
        b.ToTable("FuneralExistingGraves");
        b.Property(x => x.Location).HasMaxLength(ExistingGrave.LocationMaxLength);
        b.Property(x => x.Latitude).HasPrecision(9, 6);
        b.Property(x => x.Longitude).HasPrecision(9, 6);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.OccupantName).HasMaxLength(ExistingGrave.NameMaxLength);
        b.Property(x => x.OccupantIdCipher).HasMaxLength(200);
        b.Property(x => x.OccupantIdIndex).HasMaxLength(64);
        b.Property(x => x.OccupantIdMasked).HasMaxLength(18);
        b.Property(x => x.SecondOccupantName).HasMaxLength(ExistingGrave.NameMaxLength);
        b.Property(x => x.SecondOccupantIdCipher).HasMaxLength(200);
        b.Property(x => x.SecondOccupantIdIndex).HasMaxLength(64);
        b.Property(x => x.SecondOccupantIdMasked).HasMaxLength(18);
        b.Property(x => x.ContactName).HasMaxLength(ExistingGrave.NameMaxLength);
        b.Property(x => x.ContactPhone).HasMaxLength(ExistingGrave.PhoneMaxLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12).IsConcurrencyToken();
        b.Property(x => x.CertificateIssuedOn).IsConcurrencyToken();
        b.Property(x => x.CertificateNumber).HasMaxLength(64);
        b.Property(x => x.Reason).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(ExistingGrave.NoteMaxLength);
        b.Property(x => x.Destination).HasMaxLength(ExistingGrave.LocationMaxLength);
        b.Property(x => x.Compensation).HasPrecision(18, 2);
        b.HasOne<Plots.Burial>().WithMany().HasForeignKey(x => x.BurialId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.RegionCode, x.RegisteredOn });
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.OccupantIdIndex);
    }
}
