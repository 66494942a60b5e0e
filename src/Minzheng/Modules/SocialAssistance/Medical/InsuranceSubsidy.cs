using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Modules.SocialAssistance.OneOffs;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Medical;

/// <summary>
/// 资助参保: the yearly list of persons whose individual contribution to 城乡居民医保 is paid for them (POLICY §4) —
/// 特困 in full, 低保 and 低保边缘 by a fixed amount each — sent to the 医保 bureau once approved by a second person.
/// </summary>
public sealed class InsuranceSubsidyList : AuditableEntity, IRegionScoped
{
    public const int CitationMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public string RegionPrefix { get; set; } = "";

    /// <summary>The insurance year the contribution is for.</summary>
    public int Year { get; set; }

    /// <summary>The individual contribution of the year per person (个人缴费标准), yuan: what 特困 get in full.</summary>
    public decimal Premium { get; set; }

    public decimal DibaoSubsidy { get; set; }
    public decimal NearDibaoSubsidy { get; set; }
    public string? Citation { get; set; }
    public int Destitute { get; set; }
    public int Dibao { get; set; }
    public int NearDibao { get; set; }
    public decimal Total { get; set; }
    public OneOffBatchStatus Status { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? RejectReason { get; set; }

    public int Persons => Destitute + Dibao + NearDibao;

    public decimal SubsidyFor(string category) => category switch
    {
        MedicalAidFacts.Destitute => Premium,
        MedicalAidFacts.Dibao => DibaoSubsidy,
        _ => NearDibaoSubsidy,
    };
}

/// <summary>One person of a 资助参保 list, in their best category only.</summary>
public sealed class InsuranceSubsidyEntry : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ListId { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid PersonId { get; set; }
    public Guid HouseholdId { get; set; }
    public string Category { get; set; } = "";
    public decimal Subsidy { get; set; }
}

internal sealed class InsuranceSubsidyConfiguration : IEntityTypeConfiguration<InsuranceSubsidyList>, IEntityTypeConfiguration<InsuranceSubsidyEntry>
{
    public void Configure(EntityTypeBuilder<InsuranceSubsidyList> b)
    {
        b.Property(x => x.RegionPrefix).HasMaxLength(12);
        b.Property(x => x.Citation).HasMaxLength(InsuranceSubsidyList.CitationMaxLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.DecidedBy).HasMaxLength(64);
        b.Property(x => x.RejectReason).HasMaxLength(200);
        b.Ignore(x => x.Persons);
        // One list per year and region unless returned, whatever double clicks or races.
        b.HasIndex(x => new { x.Year, x.RegionPrefix }).IsUnique().HasFilter("\"Status\" <> 'Rejected'");
    }

    public void Configure(EntityTypeBuilder<InsuranceSubsidyEntry> b)
    {
        b.Property(x => x.Category).HasMaxLength(16);
        b.HasOne<InsuranceSubsidyList>().WithMany().HasForeignKey(x => x.ListId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ListId, x.PersonId }).IsUnique();
        b.HasIndex(x => new { x.ListId, x.RegionCode });
    }
}
