using Minzheng.Platform.Data;

namespace Minzheng.Platform.Regions;

/// <summary>
/// A node of the 统计用区划代码 tree. Reference data shared by every county (a Citus reference table later),
/// so it is not region-scoped: everyone may read the tree, only the system administrator changes it.
/// </summary>
public sealed class Region : AuditableEntity
{
    private Region()
    {
    }

    public Region(string code, string name, RegionLevel level, string? parentCode)
    {
        Code = code;
        Name = name;
        Level = level;
        ParentCode = parentCode;
    }

    public const int NameMaxLength = 60;

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public RegionLevel Level { get; private set; }
    public string? ParentCode { get; private set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public bool IsActive { get; set; } = true;

    public void Rename(string name) => Name = name;
}
