using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.OneOffs;

/// <summary>
/// A one-off amount owed to a household — an approved 临时救助 or 医疗救助, or its share of a batch subsidy (节日生活补贴,
/// 价格临时补贴 …) — paid by the next payroll of its programme that covers its month, exactly once: its id stands in
/// the payroll line where an enrolment's would, so the unique (entitlement, month) index of regular lines holds for it too.
/// </summary>
public sealed class OneOffPayment : AuditableEntity, IRegionScoped
{
    public const int ExplanationMaxLength = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";

    /// <summary>temporary, medical, or <see cref="Programs.AssistancePrograms.OneOffSubsidy"/> for a batch.</summary>
    public string Program { get; set; } = "";

    public Guid HouseholdId { get; set; }

    /// <summary>The payee: the applicant of a case, the beneficiary of a batch's household.</summary>
    public Guid PersonId { get; set; }

    public int CoveredPersons { get; set; }

    /// <summary>The month of the decision: the payroll of this month (or a later one, if it was made before) pays it.</summary>
    public DateOnly Month { get; set; }

    /// <summary>What the payroll pays: the amount decided less any 先行救助 already paid in cash from the reserve fund.</summary>
    public decimal Amount { get; set; }

    /// <summary>先行救助 paid from the township reserve fund before the decision: part of the aid, never paid again.</summary>
    public decimal PaidInAdvance { get; set; }

    public Guid? CaseId { get; set; }
    public Guid? BatchId { get; set; }
    public string Explanation { get; set; } = "";
}

internal sealed class OneOffPaymentConfiguration : IEntityTypeConfiguration<OneOffPayment>
{
    public void Configure(EntityTypeBuilder<OneOffPayment> b)
    {
        b.Property(o => o.Program).HasMaxLength(32);
        b.Property(o => o.Explanation).HasMaxLength(OneOffPayment.ExplanationMaxLength);
        b.HasOne<Minzheng.Platform.People.Household>().WithMany().HasForeignKey(o => o.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        // One payment per decided case and one per household in a batch, whatever retries or races.
        b.HasIndex(o => o.CaseId).IsUnique().HasFilter("\"CaseId\" IS NOT NULL");
        b.HasIndex(o => new { o.BatchId, o.HouseholdId }).IsUnique().HasFilter("\"BatchId\" IS NOT NULL");
        b.HasIndex(o => new { o.Program, o.Month, o.RegionCode });
    }
}
