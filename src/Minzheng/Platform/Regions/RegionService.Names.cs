using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Minzheng.Platform.Regions;

/// <summary>
/// Region names for the codes a caller shows. The national list has ~665,000 codes: loading them all on the first
/// request after start took 2.7 s, so each code is looked up when first asked for and cached on its own.
/// </summary>
public sealed partial class RegionService
{
    private const string GenerationKey = "region-names-generation";

    // Well below SQLite's and PostgreSQL's parameter limits: EF sends a list's items as separate parameters.
    private const int LookupChunk = 500;

    // A code with no region (a prefix, a deleted demo village) is remembered briefly, so a list of such rows does not
    // query each time, yet a region added by another path (seeding, init) shows its name soon.
    private static readonly TimeSpan MissingFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The names of exactly these 12-digit codes (unknown codes are left out): cached per code, the misses read in one
    /// query per chunk. Callers collect the distinct codes of the rows they show.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesOfAsync(IEnumerable<string?> codes, CancellationToken ct)
    {
        // Taken before reading: entries read while an import commits carry the old generation and expire with it.
        var generation = Generation();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var misses = new List<string>();
        foreach (var code in codes.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (cache.TryGetValue(NameKey(code), out string? name))
            {
                if (name is { Length: > 0 })
                {
                    names[code] = name;
                }
            }
            else
            {
                misses.Add(code);
            }
        }

        foreach (var chunk in misses.Chunk(LookupChunk))
        {
            var found = await db.Regions.AsNoTracking().Where(r => chunk.Contains(r.Code)).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
            foreach (var r in found)
            {
                names[r.Code] = r.Name;
            }

            foreach (var code in chunk)
            {
                var known = names.TryGetValue(code, out var name);
                using var entry = cache.CreateEntry(NameKey(code));
                entry.Value = known ? name : "";
                entry.AbsoluteExpirationRelativeToNow = known ? KeptFor : MissingFor;
                entry.AddExpirationToken(new CancellationChangeToken(generation.Token));
            }
        }

        return names;
    }

    /// <summary>The name of one code, or null.</summary>
    public async Task<string?> NameOfAsync(string? code, CancellationToken ct) =>
        code is null ? null : (await NamesOfAsync([code], ct)).GetValueOrDefault(code);

    /// <summary>The names of the regions of one level within a prefix (the townships of a county), read from the table.</summary>
    public Task<Dictionary<string, string>> NamesWithinAsync(string prefix, RegionLevel level, CancellationToken ct) =>
        db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(prefix) && r.Level == level).ToDictionaryAsync(r => r.Code, r => r.Name, StringComparer.Ordinal, ct);

    /// <summary>"江西省 / 九江市 / 共青城市" for a code; the code itself when unknown.</summary>
    public async Task<string> DisplayPathAsync(string? code, CancellationToken ct)
    {
        if (code is null || !RegionCode.IsValid(code))
        {
            return code ?? "";
        }

        var lineage = Lineage(code).ToList();
        var names = await NamesOfAsync(lineage, ct);
        var parts = lineage.AsEnumerable().Reverse().Where(names.ContainsKey).Select(c => names[c]).ToList();
        return parts.Count == 0 ? code : string.Join(" / ", parts);
    }

    /// <summary>
    /// The name a list shows for a code or significant prefix: the path from the county down ("共青城市 / 甘露镇 / 红光村"),
    /// since everyone working in lists works within one county; province and city keep their full path. Unknown: the value.
    /// </summary>
    public async Task<string> ShortPathAsync(string? codeOrPrefix, CancellationToken ct)
    {
        var code = codeOrPrefix is { Length: > 0 and < RegionCode.Length } && RegionCode.ToScopePrefix(codeOrPrefix) is not null
            ? codeOrPrefix.PadRight(RegionCode.Length, '0')
            : codeOrPrefix;
        var full = await DisplayPathAsync(code, ct);
        if (code is null || !RegionCode.TryGetLevel(code, out var level, out _) || level < RegionLevel.County)
        {
            return full;
        }

        var parts = full.Split(" / ");
        var skip = Math.Max(0, parts.Length - ((int)level - (int)RegionLevel.County + 1));
        return string.Join(" / ", parts.Skip(skip));
    }

    /// <summary>The code and its ancestors, nearest first; an invalid code alone.</summary>
    private static IEnumerable<string> Lineage(string code)
    {
        if (!RegionCode.IsValid(code))
        {
            yield return code;
            yield break;
        }

        for (var current = (string?)code; current is not null;)
        {
            yield return current;
            RegionCode.TryGetLevel(current, out var level, out _);
            current = RegionCode.ParentOf(current, level);
        }
    }

    /// <summary>Drops every cached name: regions were written (created, imported, renamed).</summary>
    public void ForgetNames()
    {
        if (cache.TryGetValue(GenerationKey, out CancellationTokenSource? generation) && generation is not null)
        {
            cache.Remove(GenerationKey);
            generation.Cancel();
        }
    }

    private CancellationTokenSource Generation() =>
        cache.GetOrCreate(GenerationKey, e =>
        {
            e.Priority = CacheItemPriority.NeverRemove;
            return new CancellationTokenSource();
        })!;

    private static string NameKey(string code) => "region-name:" + code;
}
