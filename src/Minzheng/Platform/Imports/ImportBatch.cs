using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Imports;

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
    [Minzheng.Platform.Auditing.Sensitive]
    public byte[] Content { get; set; } = [];
    public int TotalRows { get; set; }
    public int ValidRows { get; set; }
    public string ErrorsJson { get; set; } = "[]";
    public ImportStatus Status { get; set; } = ImportStatus.Staged;
    public int Imported { get; set; }
}

/// <summary>
/// Reads a batch's stored file column by itself with sequential access, straight into one array. A plain entity query
/// buffers the whole row in the driver first (Npgsql keeps an oversize buffer as large as the file), so a file of
/// tens of MB would be held two or three times over.
/// </summary>
public static class ImportBatchContent
{
    /// <remarks>Plain SQL bypasses the region filter: call it only for a batch already found through the filtered set.</remarks>
    public static async Task<byte[]> ReadAsync(MinzhengDbContext db, Guid id, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(ImportBatch))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT \"{entity.FindProperty(nameof(ImportBatch.Content))!.GetColumnName(table)}\" FROM \"{table.Name}\" " +
                                  $"WHERE \"{entity.FindProperty(nameof(ImportBatch.Id))!.GetColumnName(table)}\" = @id";
            // The key's own type mapping binds the id as this provider stores it (SQLite: text, PostgreSQL: uuid).
            command.Parameters.Add(entity.FindProperty(nameof(ImportBatch.Id))!.GetRelationalTypeMapping().CreateParameter(command, "@id", id));
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            if (!await reader.ReadAsync(ct))
            {
                return [];
            }

            var content = new byte[reader.GetBytes(0, 0, null, 0, 0)];
            await using var stream = reader.GetStream(0);
            await stream.ReadExactlyAsync(content, ct);
            return content;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
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
