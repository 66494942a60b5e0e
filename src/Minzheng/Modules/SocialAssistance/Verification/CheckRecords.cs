using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Verification;

/// <summary>The data categories of 家庭经济状况核对 lists and whether a hit blocks approval by default.</summary>
public static class EconomicCategories
{
    public sealed record Category(string Code, string Name, bool BlocksByDefault);

    // 财政供养人员, vehicles (other than for disability or business use, which the reviewer dismisses with the reason),
    // registered businesses and large deposits rule a household out until explained (民发〔2021〕57号 第十二条);
    // real estate and pensions are facts the calculation must weigh, shown but not blocking.
    public static IReadOnlyList<Category> All { get; } =
    [
        new("vehicle", "车辆", true), new("real-estate", "房产", false), new("business", "工商登记", true),
        new("public-employee", "财政供养人员", true), new("pension", "养老金", false), new("deposit", "大额存款", true),
    ];

    public static Category? ByName(string? name) => All.FirstOrDefault(c => c.Name == name);

    public static string Name(string? code) => All.FirstOrDefault(c => c.Code == code)?.Name ?? code ?? "";

    /// <summary><c>Verification:BlockingCategories</c> (codes) replaces the defaults.</summary>
    public static HashSet<string> Blocking(IConfiguration configuration) =>
        (configuration.GetSection("Verification:BlockingCategories").Get<string[]>() is { Length: > 0 } configured
            ? configured
            : All.Where(c => c.BlocksByDefault).Select(c => c.Code)).ToHashSet();
}

/// <summary>One line of an external data list (车辆, 房产, 工商, 财政供养, 养老金, 存款) keyed by ID number, kept as evidence.</summary>
public sealed class EconomicRecord : AuditableEntity, IRegionScoped
{
    public const int DetailMaxLength = 200;
    public const int SourceMaxLength = 30;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The matched person's region, else the uploader's.</summary>
    public string RegionCode { get; set; } = "";

    [Sensitive]
    public string IdNumberIndex { get; set; } = "";

    public string IdNumberMasked { get; set; } = "";
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public string Detail { get; set; } = "";
    public decimal? Amount { get; set; }
    public DateOnly RecordDate { get; set; }
    public string Source { get; set; } = "";
    public Guid? PersonId { get; set; }
    public Guid ImportBatchId { get; set; }

    public FindingFacts Facts(ISet<string> blockingCategories) => new("economic", Category,
        $"{EconomicCategories.Name(Category)}：{Name}（{IdNumberMasked}）{Detail}{(Amount is { } a ? $"，金额 {a:0.00} 元" : "")}（{Source}，{RecordDate:yyyy-MM-dd}）",
        blockingCategories.Contains(Category), Id);
}

/// <summary>
/// 近亲属备案: a close relative of a civil-affairs worker or village cadre (民发〔2021〕57号: applications from them are
/// registered and reviewed separately). The row lives in the cadre's region; the relative is matched by blind index.
/// </summary>
public sealed class StaffRelative : AuditableEntity, IRegionScoped
{
    public const int PositionMaxLength = 50;

    public static readonly string[] Relationships = ["配偶", "父母", "子女", "兄弟姐妹", "祖父母/外祖父母", "孙子女/外孙子女", "其他近亲属"];

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public string StaffName { get; set; } = "";
    public string Position { get; set; } = "";
    public string RelativeName { get; set; } = "";

    [Sensitive]
    public string RelativeIdNumberIndex { get; set; } = "";

    public string RelativeIdNumberMasked { get; set; } = "";
    public string Relationship { get; set; } = "";
    public Guid? PersonId { get; set; }
    public Guid? ImportBatchId { get; set; }

    /// <summary>The day the entry was withdrawn (the cadre left office); kept for the history of past hits.</summary>
    public DateOnly? EndedOn { get; set; }

    public FindingFacts Facts(string regionName) =>
        new("relative", "", $"近亲属备案：{RelativeName}（{RelativeIdNumberMasked}）系{regionName}{Position}{StaffName}的{Relationship}", Blocking: false, Id);
}

internal sealed class CheckRecordConfiguration : IEntityTypeConfiguration<EconomicRecord>, IEntityTypeConfiguration<StaffRelative>
{
    public void Configure(EntityTypeBuilder<EconomicRecord> b)
    {
        b.Property(x => x.IdNumberIndex).HasMaxLength(64);
        b.Property(x => x.IdNumberMasked).HasMaxLength(18);
        b.Property(x => x.Name).HasMaxLength(Minzheng.Platform.People.Person.NameMaxLength);
        b.Property(x => x.Category).HasMaxLength(24);
        b.Property(x => x.Detail).HasMaxLength(EconomicRecord.DetailMaxLength);
        b.Property(x => x.Source).HasMaxLength(EconomicRecord.SourceMaxLength);
        b.HasIndex(x => x.IdNumberIndex);
    }

    public void Configure(EntityTypeBuilder<StaffRelative> b)
    {
        b.Property(x => x.StaffName).HasMaxLength(Minzheng.Platform.People.Person.NameMaxLength);
        b.Property(x => x.Position).HasMaxLength(StaffRelative.PositionMaxLength);
        b.Property(x => x.RelativeName).HasMaxLength(Minzheng.Platform.People.Person.NameMaxLength);
        b.Property(x => x.RelativeIdNumberIndex).HasMaxLength(64);
        b.Property(x => x.RelativeIdNumberMasked).HasMaxLength(18);
        b.Property(x => x.Relationship).HasMaxLength(16);
        b.HasIndex(x => x.RelativeIdNumberIndex);
    }
}
