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

public abstract class AuditableEntity : IAuditable
{
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
