using System.Globalization;
using Minzheng.Platform.Regions;

namespace Minzheng.Modules.SocialAssistance.Payments.Comparison;

/// <summary>What matching gives: both sides' figures in total and per township, and the differences person by person.</summary>
internal sealed record MatchResult(Figures Old, Figures Ours, IReadOnlyList<TownshipComparison> Townships, DifferenceCounts Counts,
    IReadOnlyList<ComparisonDifference> Differences);

/// <summary>
/// Matches the old list's payees of the compared programme with our payroll's, by keyed hash of the ID number. An old
/// payee is placed in a township by the region its row names, else by our payroll line, else by our registry; one whose
/// region lies outside <paramref name="prefix"/> (the caller's part of the payroll) is reported as outside, never matched
/// and never counted as missing from our side. "Households" on both sides are payees: 户 for 低保, persons elsewhere.
/// </summary>
/// <param name="scopePrefix">The caller's own region prefix: outside it the answer says "not yours", inside it "not this payroll's".</param>
/// <param name="personsGiven">Whether the old list says how many persons each row covers; without it persons are not compared person by person.</param>
internal sealed class ComparisonMatcher(string prefix, string scopePrefix, IReadOnlyDictionary<string, string> names, bool personsGiven = true)
{
    private const string Unplaced = "";

    private static readonly StringComparer Pinyin = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), false);

    /// <param name="registry">Where our registry has the people of unmatched old payees (any region): ID hash → 12-digit code.</param>
    public MatchResult Match(IReadOnlyList<OldEntry> old, IReadOnlyDictionary<string, OurPayee> ours, IReadOnlyDictionary<string, string> registry)
    {
        var oldByTownship = new Dictionary<string, Figures>(StringComparer.Ordinal);
        var oursByTownship = new Dictionary<string, Figures>(StringComparer.Ordinal);
        var differences = new List<ComparisonDifference>();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in old)
        {
            var index = o.First.Index;
            var given = o.First.RegionCode;
            ours.TryGetValue(index, out var our);
            var home = registry.GetValueOrDefault(index);
            if (given is not null && !Inside(given))
            {
                differences.Add(Old(DifferenceKind.OutsideScope, o, given, null, Why(given)));
                continue;
            }

            if (given is null && our is null && home is not null && !Inside(home))
            {
                // Where our registry has the person is not the caller's to see: the region is not named.
                differences.Add(Old(DifferenceKind.OutsideScope, o, Unplaced, null, "按本系统的登记地" + Why(home)));
                continue;
            }

            var region = given ?? our?.RegionCode ?? home ?? Unplaced;
            Add(oldByTownship, region, o.Persons, o.Amount);
            if (our is null)
            {
                differences.Add(Old(DifferenceKind.OnlyOld, o, region, null, home is not null && Inside(home)
                    ? "本系统有此人的登记，但本名册没有发放：请核对在保状态、起始年月和已发放至"
                    : "本系统名册中没有此人：请核对花名册是否已导入"));
                continue;
            }

            matched.Add(index);
            if (our.Amount != o.Amount)
            {
                var note = string.Create(CultureInfo.InvariantCulture, $"相差 {our.Amount - o.Amount:N2} 元")
                    + (personsGiven && our.Persons != o.Persons ? $"；保障人数：原系统 {o.Persons} 人，本系统 {our.Persons} 人" : "");
                differences.Add(Old(DifferenceKind.Amount, o, our.RegionCode, our.Amount, note));
            }
        }

        foreach (var (index, our) in ours)
        {
            Add(oursByTownship, our.RegionCode, our.Persons, our.Amount);
            if (!matched.Contains(index))
            {
                differences.Add(new ComparisonDifference(DifferenceKind.OnlyOurs, DifferenceKind.Name(DifferenceKind.OnlyOurs), our.Name, our.IdNumberMasked,
                    our.RegionCode, NameOf(our.RegionCode), null, null, our.Amount, our.Amount, "本期名册应发，原系统名单中没有：请核对是否新增或原系统漏发"));
            }
        }

        var townships = oldByTownship.Keys.Union(oursByTownship.Keys).OrderBy(k => k.Length == 0).ThenBy(k => k, StringComparer.Ordinal).Select(k =>
        {
            var (o, u) = (oldByTownship.GetValueOrDefault(k, Figures.Zero), oursByTownship.GetValueOrDefault(k, Figures.Zero));
            return new TownshipComparison(k, k.Length == 0 ? "未注明乡镇" : NameOf(k), o, u, u.Minus(o));
        }).ToList();
        var counts = new DifferenceCounts(Count(DifferenceKind.OnlyOld), Count(DifferenceKind.OnlyOurs), Count(DifferenceKind.Amount), Count(DifferenceKind.OutsideScope));
        var ordered = differences.OrderBy(d => Order(d.Kind)).ThenBy(d => d.RegionCode, StringComparer.Ordinal).ThenBy(d => d.Name, Pinyin).ThenBy(d => d.Row).ToList();
        return new MatchResult(Sum(oldByTownship.Values), Sum(oursByTownship.Values), townships, counts, ordered);

        int Count(string kind) => differences.Count(d => d.Kind == kind);
    }

    /// <summary>
    /// Inside the compared part, or a township that contains it: a row naming only its township may well be of the
    /// village whose payroll this is, so it is compared rather than called outside.
    /// </summary>
    private bool Inside(string code) => Overlaps(code, prefix);

    private static bool Overlaps(string code, string prefix) =>
        code.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(RegionCode.ToScopePrefix(code) ?? code, StringComparison.Ordinal);

    private string Why(string code) => Overlaps(code, scopePrefix)
        ? "不在本名册的区划范围内，未参与比对"
        : "不在您的管辖范围内，未参与比对";

    private ComparisonDifference Old(string kind, OldEntry o, string region, decimal? ours, string note) => new(kind, DifferenceKind.Name(kind), o.First.Name,
        o.First.IdNumberMasked, region, region.Length == 0 ? "" : NameOf(region), o.First.Row, o.Amount, ours,
        kind == DifferenceKind.OutsideScope ? 0m : (ours ?? 0m) - o.Amount, o.Rows > 1 ? $"{note}（原系统名单中有{o.Rows}行，金额已合计）" : note);

    /// <summary>The township's name (for a township) or the township and village (for a village), never a bare code.</summary>
    private string NameOf(string code)
    {
        var township = Township(code);
        var townshipName = names.GetValueOrDefault(township, "未知乡镇");
        return code == township ? townshipName : $"{townshipName}{names.GetValueOrDefault(code, "")}";
    }

    private static string Township(string code) => code.Length == 0 ? Unplaced : code[..9].PadRight(RegionCode.Length, '0');

    private static void Add(Dictionary<string, Figures> totals, string region, int persons, decimal amount)
    {
        var key = Township(region);
        totals[key] = totals.GetValueOrDefault(key, Figures.Zero).Plus(persons, amount);
    }

    private static Figures Sum(IEnumerable<Figures> figures) =>
        figures.Aggregate(Figures.Zero, (a, f) => new Figures(a.Households + f.Households, a.Persons + f.Persons, a.Amount + f.Amount));

    private static int Order(string kind) => kind switch
    {
        DifferenceKind.OnlyOld => 0,
        DifferenceKind.OnlyOurs => 1,
        DifferenceKind.Amount => 2,
        _ => 3,
    };
}
