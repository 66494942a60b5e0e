using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Infrastructure.Auditing;
using Minzheng.Infrastructure.Database;

namespace Minzheng.Features.Verification;

public enum FindingStatus
{
    Open,

    /// <summary>The reviewer confirmed it: the enrolment was terminated or recalculated from the month after the death.</summary>
    Confirmed,

    /// <summary>The reviewer found it wrong (another person, a data error) and recorded why.</summary>
    Dismissed,
}

/// <summary>One line of an imported death list (公安, 卫健, 火化 …), kept as evidence, matched by blind index.</summary>
public sealed class DeathRecord : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The matched person's region, else the uploader's.</summary>
    public string RegionCode { get; set; } = "";

    [Sensitive]
    public string IdNumberIndex { get; set; } = "";

    public string IdNumberMasked { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly DeathDate { get; set; }
    public string Source { get; set; } = "";
    public Guid? PersonId { get; set; }
    public Guid ImportBatchId { get; set; }
}

/// <summary>
/// A verification finding: one affected enrolment, open until a reviewer confirms or dismisses it with the evidence
/// in view. Death findings are the first type; cadres' relatives, duplicates and data matches join the same list.
/// </summary>
public sealed class Finding : AuditableEntity, IRegionScoped
{
    public const int NoteMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public string Type { get; set; } = "death";
    public string Program { get; set; } = "";
    public Guid EnrollmentId { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>Whether the person is the enrolment's beneficiary (terminate) or another member of the household (recalculate).</summary>
    public bool IsBeneficiary { get; set; }

    public Guid? DeathRecordId { get; set; }
    public DateOnly? DeathDate { get; set; }
    public string Evidence { get; set; } = "";
    public FindingStatus Status { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Note { get; set; }
}

internal sealed class VerificationConfiguration : IEntityTypeConfiguration<DeathRecord>, IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<DeathRecord> b)
    {
        b.Property(x => x.IdNumberIndex).HasMaxLength(64);
        b.Property(x => x.IdNumberMasked).HasMaxLength(18);
        b.Property(x => x.Name).HasMaxLength(Registry.Person.NameMaxLength);
        b.Property(x => x.Source).HasMaxLength(8);
        b.HasIndex(x => x.IdNumberIndex);
    }

    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.Property(x => x.Type).HasMaxLength(16);
        b.Property(x => x.Program).HasMaxLength(32);
        b.Property(x => x.Evidence).HasMaxLength(300);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.ResolvedBy).HasMaxLength(64);
        b.Property(x => x.Note).HasMaxLength(Finding.NoteMaxLength);
        b.HasOne<Enrollments.Enrollment>().WithMany().HasForeignKey(x => x.EnrollmentId).OnDelete(DeleteBehavior.Restrict);
        // One open finding per enrolment and type: a second list naming the same death adds evidence, not work.
        b.HasIndex(x => new { x.EnrollmentId, x.Type }).IsUnique().HasFilter("\"Status\" = 'Open'");
        b.HasIndex(x => new { x.Type, x.Status });
    }
}
