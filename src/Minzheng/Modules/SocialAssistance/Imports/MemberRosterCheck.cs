using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Platform.Imports;
using Minzheng.Platform.People;

namespace Minzheng.Modules.SocialAssistance.Imports;

/// <summary>
/// What checking a member roster leaves for writing it: each household (by 户主身份证号) with a few fields per valid row
/// — not the rows themselves, which are read from the file again when written — and the errors.
/// </summary>
public sealed class MemberRosterCheck(int maxErrors)
{
    public Dictionary<string, MemberHousehold> Households { get; } = new(StringComparer.Ordinal);

    public ImportErrorList Errors { get; } = new(maxErrors);

    public int Total { get; set; }

    /// <summary>Rows of households imported whole (a household with any error is not imported at all).</summary>
    public int ValidRows => Households.Values.Where(h => !h.Invalid).Sum(h => h.Rows.Count);

    /// <summary>Into row order (stable: a row's own errors keep the order they were found in).</summary>
    public void SortErrors()
    {
        Errors.SortFrom(0);
    }

    public MemberHousehold HouseholdOf(string headId) =>
        Households.TryGetValue(headId, out var household) ? household : Households[headId] = new MemberHousehold(headId);
}

/// <summary>One household of the roster as checked: its valid rows in file order and whether it may be written.</summary>
public sealed class MemberHousehold(string headId)
{
    public string HeadId { get; } = headId;

    public List<MemberEntry> Rows { get; } = [];

    /// <summary>A row with this 户主身份证号 failed on its own (so it is in no <see cref="Rows"/>).</summary>
    public bool HasBadRow { get; set; }

    /// <summary>A row failed against the data or the household is inconsistent: it is not written.</summary>
    public bool Invalid { get; set; }

    /// <summary>Given before writing, so members read before their head can point to the household.</summary>
    public Guid Id { get; } = Guid.CreateVersion7();

    /// <summary>The household row is in the database (members of it can be inserted).</summary>
    public bool Written { get; set; }
}

/// <summary>
/// What the household checks need of a valid row. <see cref="RegionCode"/> is shared with the region cache, so a
/// million rows hold a few dozen region strings, not a million.
/// </summary>
public readonly record struct MemberEntry(int Row, string RegionCode, HukouType HukouType, Relationship Relationship, bool IsOwnHead, bool RegionOk);
