using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Attachments;

/// <summary>
/// A file kept with a business record of any line (a scanned application, a photo of a notice board, a signed form).
/// Attachments are evidence: the file is sealed at rest like an uploaded roster, and removal keeps the row, with who
/// removed it, when and why.
/// </summary>
public sealed class Attachment : AuditableEntity, IRegionScoped
{
    public const int OwnerTypeMaxLength = 40;
    public const int FileNameMaxLength = 200;
    public const int ContentTypeMaxLength = 100;
    public const int UserMaxLength = 64;
    public const int NoteMaxLength = 500;
    public const int ReasonMinLength = 2;
    public const int ReasonMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The owning record's region (12 digits), so the region filter hides the file wherever it hides the record.</summary>
    public string RegionCode { get; set; } = "";

    /// <summary>The kind of record, as its module registered it (<see cref="IAttachmentOwner.OwnerType"/>): "case", "household" …</summary>
    public string OwnerType { get; set; } = "";

    public Guid OwnerId { get; set; }

    /// <summary>The name shown and offered on download, cleaned of paths and control characters.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The type found in the file's own bytes, never the one the client claimed.</summary>
    public string ContentType { get; set; } = "";

    /// <summary>Size of the file itself (not of the sealed content) in bytes.</summary>
    public long Size { get; set; }

    /// <summary>SHA-256 of the file itself (lower-case hex): proves later that the evidence is what was uploaded.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The file, sealed with <see cref="Privacy.PersonalDataProtector.EncryptBytes"/> under <see cref="Privacy.DataPurpose.Attachment"/>.</summary>
    [Sensitive]
    public byte[] Content { get; set; } = [];

    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public string? Note { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
    public string? DeleteReason { get; set; }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("Attachments");
        b.Property(x => x.OwnerType).HasMaxLength(Attachment.OwnerTypeMaxLength);
        b.Property(x => x.FileName).HasMaxLength(Attachment.FileNameMaxLength);
        b.Property(x => x.ContentType).HasMaxLength(Attachment.ContentTypeMaxLength);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(Attachment.UserMaxLength);
        b.Property(x => x.Note).HasMaxLength(Attachment.NoteMaxLength);
        b.Property(x => x.DeletedBy).HasMaxLength(Attachment.UserMaxLength);
        b.Property(x => x.DeleteReason).HasMaxLength(Attachment.ReasonMaxLength);
        b.HasIndex(x => new { x.OwnerType, x.OwnerId });
    }
}
