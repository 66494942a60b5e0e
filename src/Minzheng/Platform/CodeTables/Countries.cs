using System.Collections.Frozen;

namespace Minzheng.Platform.CodeTables;

/// <summary>
/// GB/T 2659.1-2022 世界各国和地区及其行政区划名称代码 (identical to ISO 3166-1): the 249 three-letter codes with their
/// Chinese short names, as a marriage registry records a foreign party's nationality (and an adoption will). The table is
/// a file (countries.tsv, code TAB name) so a revision of the standard is a data change, not a code change.
/// </summary>
public static class Countries
{
    public const int CodeLength = 3;

    /// <summary>The code table in code order.</summary>
    public static IReadOnlyList<(string Code, string Name)> All { get; } = Load();

    private static readonly FrozenDictionary<string, string> Names = All.ToFrozenDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);

    public static bool IsCode(string code) => Names.ContainsKey(code);

    /// <summary>The Chinese short name; the code itself for a code outside the table (e.g. a record written before a revision).</summary>
    public static string Name(string code) => Names.GetValueOrDefault(code, code);

    private static (string Code, string Name)[] Load()
    {
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream("Minzheng.Platform.CodeTables.countries.tsv")
            ?? throw new InvalidOperationException("The country code table (countries.tsv) is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var rows = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Split('\t') is [var code, var name] && code.Length == CodeLength)
            {
                rows.Add((code, name));
            }
        }

        return [.. rows];
    }
}
