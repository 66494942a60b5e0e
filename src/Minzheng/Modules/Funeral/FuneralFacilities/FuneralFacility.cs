using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Funeral.FuneralFacilities;

/// <summary>The kinds of funeral facility the 殡葬管理条例 distinguishes (MZ/T 141-2019 institution types).</summary>
public enum FacilityKind
{
    FuneralHome,
    UrbanPublicCemetery,
    RuralPublicCemetery,
    CommercialCemetery,
    Columbarium,
}

/// <summary>
/// A funeral facility of the county (殡仪馆, 公墓, 骨灰堂) with its approval document and capacity: rural 公益性墓地 are
/// approved by the county after township review, other cemeteries by the province after county review (殡葬管理条例).
/// </summary>
public sealed class FuneralFacility : AuditableEntity, IRegionScoped
{
    public const int NameMaxLength = 100;
    public const int ApprovalMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public string Name { get; set; } = "";
    public FacilityKind Kind { get; set; }

    /// <summary>批准文号, e.g. 赣民字〔2019〕12号.</summary>
    public string ApprovalDocument { get; set; } = "";

    public DateOnly? ApprovedOn { get; set; }

    /// <summary>Plots (cemetery), niches (骨灰堂) or cremators' yearly capacity (殡仪馆); null when not stated.</summary>
    public int? Capacity { get; set; }

    public string? Address { get; set; }

    public static string KindName(FacilityKind kind) => kind switch
    {
        FacilityKind.FuneralHome => "殡仪馆",
        FacilityKind.UrbanPublicCemetery => "城市公益性公墓",
        FacilityKind.RuralPublicCemetery => "农村公益性墓地",
        FacilityKind.CommercialCemetery => "经营性公墓",
        FacilityKind.Columbarium => "骨灰堂",
    };

    public static string CapacityUnit(FacilityKind kind) => kind switch
    {
        FacilityKind.FuneralHome => "具/年",
        FacilityKind.Columbarium => "格位",
        FacilityKind.UrbanPublicCemetery or FacilityKind.RuralPublicCemetery or FacilityKind.CommercialCemetery => "穴",
    };
}

internal sealed class FuneralFacilityConfiguration : IEntityTypeConfiguration<FuneralFacility>
{
    public void Configure(EntityTypeBuilder<FuneralFacility> b)
    {
        b.ToTable("FuneralFacilities");
        b.Property(x => x.Name).HasMaxLength(FuneralFacility.NameMaxLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.ApprovalDocument).HasMaxLength(FuneralFacility.ApprovalMaxLength);
        b.Property(x => x.Address).HasMaxLength(200);
        b.HasIndex(x => new { x.RegionCode, x.Name }).IsUnique();
    }
}
