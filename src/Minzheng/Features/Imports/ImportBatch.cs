using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Infrastructure.Database;

namespace Minzheng.Features.Imports;

public enum ImportStatus
{
    Staged,
    Committed,
}

/// <summary>
/// An uploaded roster between staging and commit. The file itself is kept, so the commit validates it again against
/// the data as it is then (someone may have enrolled a person in between) and writes all rows or none.
/// </summary>
public sealed class ImportBatch : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The uploader's region: the batch is visible in that subtree only.</summary>
    public string RegionCode { get; set; } = "";

    public string Kind { get; set; } = "";
    public string FileName { get; set; } = "";
    public string FileSha256 { get; set; } = "";
    /// <summary>The uploaded file, encrypted (it holds ID numbers and bank accounts in the clear).</summary>
    [Infrastructure.Auditing.Sensitive]
    public byte[] Content { get; set; } = [];
    public int TotalRows { get; set; }
    public int ValidRows { get; set; }
    public string ErrorsJson { get; set; } = "[]";
    public ImportStatus Status { get; set; } = ImportStatus.Staged;
    public int Imported { get; set; }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.Property(x => x.Kind).HasMaxLength(32);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.FileSha256).HasMaxLength(64);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
    }
}
