using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Enrollments;

public enum EnrollmentStatus
{
    Active,
    Suspended,
    Terminated,
}

/// <summary>
/// 在保对象: what is paid — a programme for a household (through its beneficiary person), the covered persons, the
/// monthly amount and the months it runs. Casework stores the calculation snapshot; imports bring existing caseloads.
/// </summary>
public sealed partial class Enrollment : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public string Program { get; set; } = "";
    public Guid HouseholdId { get; set; }
    public Guid PersonId { get; set; }
    public int HouseholdSize { get; set; }
    public int CoveredPersons { get; set; }
    public decimal MonthlyAmount { get; set; }

    /// <summary>First day of the first month paid.</summary>
    public DateOnly StartMonth { get; set; }

    public DateOnly? EndMonth { get; set; }

    /// <summary>
    /// For an enrolment migrated from another system (roster 已发放至): the last month that system paid. No payroll pays
    /// this month or any before it, as a regular line or as back-pay (DESIGN §5).
    /// </summary>
    public DateOnly? PaidThroughMonth { get; set; }
    public EnrollmentStatus Status { get; set; } = EnrollmentStatus.Active;
    public string? StatusReason { get; set; }

    /// <summary>While suspended: the first month not paid (payrolls of earlier months still pay).</summary>
    public DateOnly? SuspendedFrom { get; set; }
    public Guid? ImportBatchId { get; set; }

    /// <summary>The approving case, when the enrolment came through casework.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The calculation snapshot (inputs, steps, standard version) behind <see cref="MonthlyAmount"/>; never recomputed.</summary>
    public string? CalculationJson { get; set; }
}

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> b)
    {
        b.Property(e => e.Program).HasMaxLength(32);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(e => e.StatusReason).HasMaxLength(200);
        b.Property(e => e.CalculationJson).HasMaxLength(20_000);
        b.HasOne<Minzheng.Platform.People.Household>().WithMany().HasForeignKey(e => e.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Minzheng.Platform.People.Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        // Nobody is enrolled twice in the same programme at the same time, whatever races between importers.
        b.HasIndex(e => new { e.Program, e.PersonId }).IsUnique().HasFilter("\"Status\" = 'Active'");
        b.HasIndex(e => new { e.RegionCode, e.Program, e.Status });
        // Statistics read cancellations within a period by their last month paid.
        b.HasIndex(e => e.EndMonth);
    }
}
