using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.OneOffs;

public enum OneOffBasis
{
    PerHousehold,
    PerPerson,
}

public enum OneOffBatchStatus
{
    Proposed,
    Approved,
    Rejected,
}

/// <summary>
/// A batch subsidy (节日生活补贴、价格临时补贴、冬春救助、一次性助学 …): every household receiving one of the chosen
/// programmes in the region in the month gets an amount per household or per covered person, once. Proposed with its
/// counts, approved by a second person, which writes one <see cref="OneOffPayment"/> per household for the payroll.
/// </summary>
public sealed class OneOffBatch : AuditableEntity, IRegionScoped
{
    public const int NameMaxLength = 60;
    public const int CitationMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public string RegionPrefix { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly Month { get; set; }
    public OneOffBasis Basis { get; set; }
    public decimal UnitAmount { get; set; }

    /// <summary>The programme codes whose beneficiaries qualify, comma-separated.</summary>
    public string Programs { get; set; } = "";

    public string? Citation { get; set; }
    public int Households { get; set; }
    public int Persons { get; set; }
    public decimal Total { get; set; }
    public OneOffBatchStatus Status { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? RejectReason { get; set; }

    public IReadOnlyList<string> ProgramList => Programs.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class OneOffBatchConfiguration : IEntityTypeConfiguration<OneOffBatch>
{
    public void Configure(EntityTypeBuilder<OneOffBatch> b)
    {
        b.Property(x => x.Name).HasMaxLength(OneOffBatch.NameMaxLength);
        b.Property(x => x.RegionPrefix).HasMaxLength(12);
        b.Property(x => x.Basis).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Programs).HasMaxLength(400);
        b.Property(x => x.Citation).HasMaxLength(OneOffBatch.CitationMaxLength);
        b.Property(x => x.DecidedBy).HasMaxLength(64);
        b.Property(x => x.RejectReason).HasMaxLength(200);
        b.Ignore(x => x.ProgramList);
        b.HasIndex(x => new { x.Month, x.Status });
    }
}
