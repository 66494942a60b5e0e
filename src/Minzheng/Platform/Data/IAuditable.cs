namespace Minzheng.Platform.Data;

/// <summary>Rows stamped by <see cref="AuditStampInterceptor"/> with who changed them and when.</summary>
public interface IAuditable
{
    DateTimeOffset CreatedAt { get; set; }
    string CreatedBy { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    string UpdatedBy { get; set; }
}

/// <summary>Business rows: every one carries its 12-digit region code, and the region scope applies to it.</summary>
public interface IRegionScoped
{
    string RegionCode { get; }
}

/// <summary>
/// A region-scoped row that is only ever read joined to its parent rows (which are found by region), so its region code
/// needs no index of its own: the scope still filters it, and bulk writes do not pay for an index no query uses.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReadThroughParentAttribute(string parent) : Attribute
{
    public string Parent { get; } = parent;
}

public abstract class AuditableEntity : IAuditable
{
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
