using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Documents;

/// <summary>
/// A numbered document the bureau issued (决定书, certificate, notice): its number in the series of its kind, county and
/// year, the record it belongs to and a verification code for the QR link; who issued it is <c>CreatedBy</c>. Numbers are never reused or deleted: a
/// document issued in error is voided with its reason, which is how every gap in a series is explained.
/// </summary>
public sealed class IssuedDocument : AuditableEntity, IRegionScoped
{
    public const int VerificationCodeLength = 16;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The issuing county (12 digits): each county keeps its own series.</summary>
    public string RegionCode { get; set; } = "";

    public string Kind { get; set; } = "";
    public int Year { get; set; }
    public int Sequence { get; set; }
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public string OwnerType { get; set; } = "";
    public Guid OwnerId { get; set; }
    public DateOnly IssuedOn { get; set; }
    public string VerificationCode { get; set; } = "";
    public int PrintCount { get; set; }
    public DateTimeOffset? LastPrintedAt { get; set; }
    public DateTimeOffset? VoidedAt { get; set; }
    public string? VoidedBy { get; set; }
    public string? VoidReason { get; set; }

    public bool IsVoid => VoidedAt is not null;
}

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> b)
    {
        b.ToTable("IssuedDocuments");
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Number).HasMaxLength(80);
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.OwnerType).HasMaxLength(40);
        b.Property(x => x.VerificationCode).HasMaxLength(IssuedDocument.VerificationCodeLength);
        b.Property(x => x.VoidedBy).HasMaxLength(64);
        b.Property(x => x.VoidReason).HasMaxLength(200);
        b.Ignore(x => x.IsVoid);
        // The series: one number per kind, county, year and sequence, whoever issues concurrently.
        b.HasIndex(x => new { x.Kind, x.RegionCode, x.Year, x.Sequence }).IsUnique();
        // Not unique on its own: two counties may share a short name (朝阳区, 朝阳县); the series above is what is unique.
        b.HasIndex(x => x.Number);
        b.HasIndex(x => x.VerificationCode).IsUnique();
        b.HasIndex(x => new { x.OwnerType, x.OwnerId, x.Kind });
    }
}
