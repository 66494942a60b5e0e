using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Imports;

/// <summary>
/// The regions one imported file names: each code is looked up once per file, not once per chunk, and kept as one shared
/// string, so per-row state that keeps a region holds a few dozen strings, not a million.
/// </summary>
public sealed class ImportRegions
{
    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _existing = new(StringComparer.Ordinal);

    /// <summary>Looks up the codes of a chunk not seen in earlier chunks.</summary>
    public async Task AddAsync(MinzhengDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        var newCodes = codes.Where(c => !_checked.Contains(c)).Distinct().ToList();
        if (newCodes.Count == 0)
        {
            return;
        }

        _existing.UnionWith(await db.Regions.Where(r => newCodes.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct));
        _checked.UnionWith(newCodes);
    }

    public bool Exists(string code) => _existing.Contains(code);

    /// <summary>The instance kept for <paramref name="code"/> (after <see cref="AddAsync"/>), so rows do not each hold a copy.</summary>
    public string Shared(string code) => _checked.TryGetValue(code, out var shared) ? shared : code;
}

/// <summary>What the per-file duplicate checks of the rosters key on.</summary>
public static class DuplicateKeys
{
    /// <summary>
    /// The first 128 bits of the blind index (an HMAC-SHA256, hex): the duplicate set is the one structure that grows
    /// with the file, and 16 bytes a row instead of a 64-character string keeps it to a few dozen MB at a million rows.
    /// </summary>
    public static UInt128 Of(string blindIndex) =>
        UInt128.Parse(blindIndex.AsSpan(0, 32), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
