using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Verification;

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
/// A verification finding: one affected enrolment (or, before a decision, one open application), open until a reviewer
/// confirms or dismisses it with the evidence in view. Types: death, exclusion, economic (家庭经济状况核对 data
/// matches) and relative (近亲属备案 hits).
/// </summary>
public sealed class Finding : AuditableEntity, IRegionScoped
{
    public const int NoteMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public string Type { get; set; } = "death";
    public string Program { get; set; } = "";
    /// <summary>The enrolment affected; null when the finding is on an application not yet decided (<see cref="CaseId"/>).</summary>
    public Guid? EnrollmentId { get; set; }

    public Guid? CaseId { get; set; }
    public Guid? HouseholdId { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>Economic findings: the data category (vehicle, real-estate …); "" for the other types.</summary>
    public string Category { get; set; } = "";

    /// <summary>Whether the finding stops an approval until a reviewer dismisses it (rules per category, <see cref="EconomicCategories"/>).</summary>
    public bool Blocking { get; set; }

    /// <summary>The imported record behind an economic or relative finding.</summary>
    public Guid? RecordId { get; set; }

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
        b.Property(x => x.Name).HasMaxLength(Minzheng.Platform.People.Person.NameMaxLength);
        b.Property(x => x.Source).HasMaxLength(8);
        b.HasIndex(x => x.IdNumberIndex);
    }

    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.Property(x => x.Type).HasMaxLength(16);
        b.Property(x => x.Category).HasMaxLength(24);
        b.Property(x => x.Program).HasMaxLength(32);
        b.Property(x => x.Evidence).HasMaxLength(300);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.ResolvedBy).HasMaxLength(64);
        b.Property(x => x.Note).HasMaxLength(Finding.NoteMaxLength);
        b.HasOne<Enrollments.Enrollment>().WithMany().HasForeignKey(x => x.EnrollmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cases.AssistanceCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        // One open finding per enrolment, type and category: a second list naming the same death adds evidence, not work.
        b.HasIndex(x => new { x.EnrollmentId, x.Type, x.Category }).IsUnique().HasFilter("\"Status\" = 'Open'");
        b.HasIndex(x => new { x.CaseId, x.Type });
        b.HasIndex(x => x.HouseholdId);
        b.HasIndex(x => new { x.Type, x.Status });
    }
}
