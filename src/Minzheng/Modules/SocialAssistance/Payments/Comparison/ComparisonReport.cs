namespace Minzheng.Modules.SocialAssistance.Payments.Comparison;

/// <summary>Households, persons and amount of one side of the comparison.</summary>
public sealed record Figures(int Households, int Persons, decimal Amount)
{
    public static Figures Zero { get; } = new(0, 0, 0m);

    public Figures Plus(int persons, decimal amount) => new(Households + 1, Persons + persons, Amount + amount);

    /// <summary>Ours minus the old system's.</summary>
    public Figures Minus(Figures old) => new(Households - old.Households, Persons - old.Persons, Amount - old.Amount);
}

/// <summary>
/// One programme of the old list. <c>Ours</c> and <c>Difference</c> are null for a programme this payroll does not pay:
/// its rows are counted, not compared (compare them against that programme's payroll).
/// </summary>
public sealed record ProgramComparison(string Program, string ProgramName, bool Compared, Figures Old, Figures? Ours, Figures? Difference);

/// <summary>One township (街道) of the compared payroll's region; <c>RegionCode</c> "" gathers old rows that name no township we could place.</summary>
public sealed record TownshipComparison(string RegionCode, string Name, Figures Old, Figures Ours, Figures Difference);

/// <summary>The kinds of difference, as the API names them.</summary>
public static class DifferenceKind
{
    public const string OnlyOld = "only-old";
    public const string OnlyOurs = "only-ours";
    public const string Amount = "amount";
    public const string OutsideScope = "outside-scope";

    public static string Name(string kind) => kind switch
    {
        OnlyOld => "原系统有、本系统名册无",
        OnlyOurs => "本系统名册有、原系统无",
        Amount => "金额不一致",
        _ => "不在比对范围",
    };
}

/// <summary>
/// One person (household head) whose payment differs. ID numbers are masked; <c>Row</c> is the old file's spreadsheet
/// row (null for a payee only in our payroll). <c>Difference</c> is ours minus the old system's.
/// </summary>
public sealed record ComparisonDifference(string Kind, string KindName, string Name, string IdNumberMasked, string RegionCode, string RegionName, int? Row,
    decimal? OldAmount, decimal? OurAmount, decimal Difference, string Note);

/// <summary>How many of each kind of difference there are (all of them, however many the answer lists).</summary>
public sealed record DifferenceCounts(int OnlyOld, int OnlyOurs, int Amount, int OutsideScope)
{
    public int Total => OnlyOld + OnlyOurs + Amount + OutsideScope;
}

/// <summary>
/// 与原系统比对: the first parallel payroll against the old system's list of the same month, per programme and
/// township, and the differences person by person (the first <see cref="PayrollComparison.ShownDifferences"/> in an
/// answer; every one in the export). Without a 保障人数 column in the old list (<c>OldPersonsGiven</c> false) each old
/// row counts one person, so the old persons and their differences say nothing: the page shows them as "—".
/// </summary>
public sealed record ComparisonReport(Guid PayrollId, string Program, string ProgramName, string Period, string RegionName, string? SliceName, int Rows,
    Figures Old, Figures Ours, Figures Difference, IReadOnlyList<ProgramComparison> Programs, IReadOnlyList<TownshipComparison> Townships,
    DifferenceCounts Counts, IReadOnlyList<ComparisonDifference> Differences, bool DifferencesTruncated, bool OldPersonsGiven = true)
{
    public bool Matches => Counts.Total == 0 && Difference.Households == 0 && Difference.Amount == 0 && (!OldPersonsGiven || Difference.Persons == 0);

    /// <summary>The same report listing only the first <paramref name="shown"/> differences (the counts stay whole).</summary>
    public ComparisonReport Trimmed(int shown) => Differences.Count <= shown ? this : this with { Differences = [.. Differences.Take(shown)], DifferencesTruncated = true };
}
