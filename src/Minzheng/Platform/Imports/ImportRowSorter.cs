using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;

namespace Minzheng.Platform.Imports;

/// <summary>
/// One row of an import whose checks must run in another order than the file's (marriage 补录 checks each person's
/// marriages and divorces by date). Written and read back inside the import's transaction and never committed: the
/// staging check rolls back, the commit deletes its rows. The cells are sealed like the file they came from.
/// </summary>
public sealed class ImportWorkRow : Auditing.INotAudited
{
    public Guid RunId { get; set; }

    public long SortKey { get; set; }

    public int Number { get; set; }

    /// <summary>The importing user's region: the rows live on the county's node like the batch (ADR 0006).</summary>
    public string RegionCode { get; set; } = "";

    public byte[] Cells { get; set; } = [];
}

internal sealed class ImportWorkRowConfiguration : IEntityTypeConfiguration<ImportWorkRow>
{
    public void Configure(EntityTypeBuilder<ImportWorkRow> b)
    {
        b.ToTable("ImportWorkRows");
        // The key is the read order: each window is one range scan of it.
        b.HasKey(x => new { x.RunId, x.SortKey, x.Number });
        b.Property(x => x.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
    }
}

/// <summary>
/// Sorts an import's rows through the database rather than memory: <see cref="AddAsync"/> while the file streams by,
/// then <see cref="WindowsAsync"/> reads them back by (sort key, row number) a window at a time — so a check that needs
/// the rows in date order holds one window, however long the file. Runs inside the caller's transaction.
/// </summary>
public sealed class ImportRowSorter(MinzhengDbContext db, PersonalDataProtector protector, string regionCode, int chunkRows)
{
    // A control character: no cell an import accepts holds one (TextRules.FirstForbiddenCell).
    private const char Separator = '\u001F';

    private readonly Guid _run = Guid.CreateVersion7();
    private readonly List<ImportWorkRow> _pending = new(chunkRows);

    public async Task AddAsync(long sortKey, int number, string[] cells, CancellationToken ct)
    {
        var sealedCells = protector.EncryptBytes(Encoding.UTF8.GetBytes(string.Join(Separator, cells)), DataPurpose.ImportFile);
        _pending.Add(new ImportWorkRow { RunId = _run, SortKey = sortKey, Number = number, RegionCode = regionCode, Cells = sealedCells });
        if (_pending.Count >= chunkRows)
        {
            await FlushAsync(ct);
        }
    }

    /// <summary>The rows in (sort key, row number) order, <c>chunkRows</c> at a time.</summary>
    public async IAsyncEnumerable<IReadOnlyList<(int Number, string[] Cells)>> WindowsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await FlushAsync(ct);
        var (key, number) = (long.MinValue, int.MinValue);
        while (true)
        {
            var (k, n) = (key, number);
            var window = await db.Set<ImportWorkRow>().AsNoTracking()
                .Where(r => r.RunId == _run && (r.SortKey > k || (r.SortKey == k && r.Number > n)))
                .OrderBy(r => r.SortKey).ThenBy(r => r.Number).Take(chunkRows)
                .Select(r => new { r.SortKey, r.Number, r.Cells }).ToListAsync(ct);
            if (window.Count == 0)
            {
                yield break;
            }

            (key, number) = (window[^1].SortKey, window[^1].Number);
            yield return window.Select(r => (r.Number, Encoding.UTF8.GetString(protector.DecryptBytes(r.Cells, DataPurpose.ImportFile)).Split(Separator))).ToList();
        }
    }

    /// <summary>Deletes the run's rows before the caller commits (a rolled-back transaction takes them anyway).</summary>
    public Task ClearAsync(CancellationToken ct) => db.Set<ImportWorkRow>().Where(r => r.RunId == _run).ExecuteDeleteAsync(ct);

    private async Task FlushAsync(CancellationToken ct)
    {
        await BulkInsert.InsertAsync(db, _pending, ct);
        _pending.Clear();
    }
}
