using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Standards;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Recalculations;

public enum RecalculationStatus
{
    /// <summary>Previewed by the county worker, waiting for a different person to approve it.</summary>
    Proposed,

    /// <summary>Approved and applied: every changed enrolment carries its adjustment from the effective month.</summary>
    Applied,

    /// <summary>Returned with a reason; nothing was changed.</summary>
    Rejected,
}

/// <summary>
/// 提标重算: after a standard changes, every enrolment it governs recalculated from the standard's effective month —
/// previewed (who changes, old → new, totals), approved by a second person, then applied in one transaction as one
/// explained adjustment per enrolment; the next payroll pays the months already paid at the old amount as back-pay.
/// </summary>
public sealed class Recalculation : AuditableEntity, IRegionScoped
{
    public const int ReasonMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The 12-digit code of the region recalculated (its prefix padded with zeros).</summary>
    public string RegionCode { get; set; } = "";

    /// <summary>The enrolments whose region code starts with this prefix are recalculated.</summary>
    public string RegionPrefix { get; set; } = "";

    public string Program { get; set; } = "";
    public Guid StandardId { get; set; }

    /// <summary>The first month the new standard governs (the month of its effective date, or the next when it starts mid-month).</summary>
    public DateOnly EffectiveMonth { get; set; }

    public RecalculationStatus Status { get; set; }

    /// <summary>Enrolments the standard governs, of which changed (a line with a new amount), unchanged and skipped (a line with the reason).</summary>
    public int Considered { get; set; }

    public int Changed { get; set; }
    public int Skipped { get; set; }
    public decimal OldMonthlyTotal { get; set; }
    public decimal NewMonthlyTotal { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? RejectReason { get; set; }
}

/// <summary>One enrolment of a recalculation: its amount before and after, or why it was left for a person to decide.</summary>
public sealed class RecalculationLine : IRegionScoped
{
    public const int ExplanationMaxLength = 300;

    public Guid RecalculationId { get; set; }
    public Guid EnrollmentId { get; set; }

    /// <summary>The id the enrolment's adjustment event gets when the recalculation is applied (chosen now, so applying is one INSERT … SELECT).</summary>
    public Guid EventId { get; set; }

    public string RegionCode { get; set; } = "";
    public Guid HouseholdId { get; set; }
    public Guid PersonId { get; set; }
    public int CoveredPersons { get; set; }
    public DateOnly EffectiveMonth { get; set; }
    public decimal OldAmount { get; set; }
    public decimal NewAmount { get; set; }

    /// <summary>Left unchanged for a person to decide (the explanation says why).</summary>
    public bool Skipped { get; set; }

    public string Explanation { get; set; } = "";

    /// <summary>The new calculation snapshot, when the enrolment had one to recalculate from.</summary>
    public string? CalculationJson { get; set; }

    /// <summary>The enrolment as previewed: applying refuses when it changed since.</summary>
    public DateTimeOffset EnrollmentVersion { get; set; }
}

internal sealed class RecalculationConfiguration : IEntityTypeConfiguration<Recalculation>, IEntityTypeConfiguration<RecalculationLine>
{
    public void Configure(EntityTypeBuilder<Recalculation> b)
    {
        b.Property(r => r.Program).HasMaxLength(32);
        b.Property(r => r.RegionPrefix).HasMaxLength(12);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(r => r.DecidedBy).HasMaxLength(64);
        b.Property(r => r.RejectReason).HasMaxLength(Recalculation.ReasonMaxLength);
        b.HasOne<Standard>().WithMany().HasForeignKey(r => r.StandardId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.StandardId, r.Status });
    }

    public void Configure(EntityTypeBuilder<RecalculationLine> b)
    {
        b.HasKey(l => new { l.RecalculationId, l.EnrollmentId });
        b.Property(l => l.Explanation).HasMaxLength(RecalculationLine.ExplanationMaxLength);
        b.Property(l => l.CalculationJson).HasMaxLength(20_000);
        // No foreign keys to enrolments or persons: a million lines are written by COPY and checked by the applying join.
        b.HasOne<Recalculation>().WithMany().HasForeignKey(l => l.RecalculationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.RecalculationId, l.RegionCode });
    }
}
