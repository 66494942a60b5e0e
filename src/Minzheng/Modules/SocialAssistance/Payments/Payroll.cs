using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Payments;

public enum PayrollStatus
{
    /// <summary>Made by the county worker, waiting for the finance officer.</summary>
    Pending,
    Approved,

    /// <summary>Returned with a reason; its lines are released so a corrected payroll can be made for the period.</summary>
    Rejected,
}

public enum PayrollKind
{
    Regular,

    /// <summary>补发: re-issues the failed lines of an earlier payroll to corrected accounts.</summary>
    Supplementary,
}

public enum LineKind
{
    Regular,

    /// <summary>补发 of an earlier month: a back-dated raise or approval.</summary>
    Arrears,

    /// <summary>追回 of an earlier month's overpayment: a back-dated death, cancellation or reduction (negative).</summary>
    Recovery,

    /// <summary>A manual one-off correction with a reason.</summary>
    Correction,

    /// <summary>A failed line of an earlier payroll paid again.</summary>
    Reissue,
}

/// <summary>
/// A line's payment status. A line stores only whether it was re-issued; paid and failed come from the bank's answer
/// for its transfer (<see cref="BankAnswer"/>), pending is no answer yet (<see cref="AnsweredLine"/>).
/// </summary>
public enum PaymentStatus
{
    Pending,
    Paid,
    Failed,

    /// <summary>Failed, then paid again by a supplementary payroll: no longer counts as paid or owed.</summary>
    Reissued,
}

/// <summary>
/// 发放名册: one programme × region subtree × period (a month, or a quarter for programmes paid quarterly). Lines are
/// generated set-based from the enrolments active in the period; the creator and the approver are different people.
/// </summary>
public sealed class Payroll : AuditableEntity, IRegionScoped
{
    public const int KeyMaxLength = 100;
    public const int ReasonMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The 12-digit code of the region the payroll covers (its prefix padded with zeros).</summary>
    public string RegionCode { get; set; } = "";

    /// <summary>The significant prefix: the payroll covers every row whose region code starts with it.</summary>
    public string RegionPrefix { get; set; } = "";

    public string Program { get; set; } = "";
    public PayrollKind Kind { get; set; }

    /// <summary>First day of the first month paid.</summary>
    public DateOnly PeriodStart { get; set; }

    /// <summary>1 for a monthly payroll, 3 for a quarterly one.</summary>
    public int Months { get; set; } = 1;

    public PayrollStatus Status { get; set; }
    public string IdempotencyKey { get; set; } = "";

    /// <summary>SHA-256 of the request body as understood (program, region, period): the same key must come with the same body.</summary>
    public string RequestHash { get; set; } = "";

    public Guid? SourcePayrollId { get; set; }
    public int Households { get; set; }
    public int Persons { get; set; }
    public int LineCount { get; set; }
    public decimal TotalAmount { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? RejectReason { get; set; }

    public DateOnly PeriodEnd => PeriodStart.AddMonths(Months - 1);

    /// <summary>The quarter (1–4) the period starts in.</summary>
    public int Quarter => ((PeriodStart.Month - 1) / 3) + 1;

    public string PeriodText => Months == 3
        ? $"{PeriodStart.Year}-Q{Quarter}"
        : PeriodStart.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The memo of a bank transfer, e.g. 2026年11月城市低保.</summary>
    public string Memo(string programName) => Months == 3
        ? $"{PeriodStart.Year}年第{Quarter}季度{programName}"
        : $"{PeriodStart.Year}年{PeriodStart.Month}月{programName}";
}

/// <summary>
/// One amount of one enrolment for one month. A regular line exists at most once per (enrolment, month) — a unique
/// index, so no race between servers can pay a month twice; adjustment lines explain back-pay and recoveries.
/// </summary>
public sealed class PayrollLine : IRegionScoped
{
    public const int ExplanationMaxLength = 300;

    public Guid PayrollId { get; set; }
    public Guid EnrollmentId { get; set; }
    public DateOnly Month { get; set; }
    public LineKind Kind { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid HouseholdId { get; set; }
    public Guid PersonId { get; set; }
    public int CoveredPersons { get; set; }
    public decimal Amount { get; set; }

    /// <summary>Where the amount comes from; null on a regular line, which pays the enrolment's amount for the month.</summary>
    public string? Explanation { get; set; }
    public string? BankName { get; set; }

    [Sensitive]
    public string? BankAccountCipher { get; set; }

    public string? BankAccountMasked { get; set; }
    /// <summary>开户人 when it is not the beneficiary (null: the beneficiary's own account).</summary>
    public string? AccountHolder { get; set; }

    /// <summary>The enrolment's version (its last change) the amount was taken from.</summary>
    public DateTimeOffset EnrollmentVersion { get; set; }

    /// <summary>Pending, or Reissued once a supplementary payroll paid the failed line again; paid and failed are the bank's answer.</summary>
    public PaymentStatus Status { get; set; }

    /// <summary>Snapshots the household's payment account (encrypted) onto the line, as it is when the line is made.</summary>
    public PayrollLine PaidTo(Minzheng.Platform.People.Household household)
    {
        (BankName, BankAccountCipher, BankAccountMasked, AccountHolder) =
            (household.BankName, household.BankAccountCipher, household.BankAccountMasked, household.BankAccountHolder);
        return this;
    }
}

/// <summary>A bank file handed out: which payroll, which layout, its hash, who and when.</summary>
public sealed class BankFileExport : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PayrollId { get; set; }
    public string RegionCode { get; set; } = "";
    public string Layout { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public int Rows { get; set; }
    public decimal TotalAmount { get; set; }
}

internal sealed class PayrollConfiguration : IEntityTypeConfiguration<Payroll>, IEntityTypeConfiguration<PayrollLine>, IEntityTypeConfiguration<BankAnswer>,
    IEntityTypeConfiguration<BankFileExport>
{
    public void Configure(EntityTypeBuilder<Payroll> b)
    {
        b.Property(p => p.RegionPrefix).HasMaxLength(12);
        b.Property(p => p.Program).HasMaxLength(32);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(p => p.IdempotencyKey).HasMaxLength(Payroll.KeyMaxLength);
        b.Property(p => p.RequestHash).HasMaxLength(64);
        b.Property(p => p.DecidedBy).HasMaxLength(64);
        b.Property(p => p.RejectReason).HasMaxLength(Payroll.ReasonMaxLength);
        b.Ignore(p => p.PeriodEnd);
        b.Ignore(p => p.PeriodText);
        b.Ignore(p => p.Quarter);
        // One key, one payroll: a retried request finds its payroll instead of making a second one.
        b.HasIndex(p => p.IdempotencyKey).IsUnique();
        b.HasIndex(p => new { p.Program, p.PeriodStart, p.Status });
    }

    public void Configure(EntityTypeBuilder<PayrollLine> b)
    {
        b.HasKey(l => new { l.PayrollId, l.EnrollmentId, l.Month, l.Kind });
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(l => l.Explanation).HasMaxLength(PayrollLine.ExplanationMaxLength);
        b.Property(l => l.BankName).HasMaxLength(50);
        b.Property(l => l.BankAccountCipher).HasMaxLength(200);
        b.Property(l => l.BankAccountMasked).HasMaxLength(20);
        b.Property(l => l.AccountHolder).HasMaxLength(Minzheng.Platform.People.Person.NameMaxLength);
        // No foreign keys on the lines, deliberately: they are written only by the generator, from enrolments (never deleted)
        // in the transaction that creates their payroll, and the two FK checks per row cost more than half of the raw COPY
        // of the same lines at 1M rows (docs/performance.md). A distributed PostgreSQL (DESIGN §7) avoids them there too.
        // Never a double payment: one regular line per enrolment and month, whatever the concurrency.
        b.HasIndex(l => new { l.EnrollmentId, l.Month }).IsUnique().HasFilter("\"Kind\" = 'Regular'").HasDatabaseName("IX_PayrollLines_OneRegularPerMonth");
        b.HasIndex(l => new { l.EnrollmentId, l.Month, l.Kind });
    }

    public void Configure(EntityTypeBuilder<BankAnswer> b)
    {
        b.HasKey(a => new { a.PayrollId, a.EnrollmentId });
        b.Property(a => a.FailureReason).HasMaxLength(BankAnswer.ReasonMaxLength);
        // No foreign key, as on the lines: a million answers are one COPY, and only reconciliation writes them, for
        // transfers it found in the payroll's lines.
    }

    public void Configure(EntityTypeBuilder<BankFileExport> b)
    {
        b.Property(x => x.Layout).HasMaxLength(32);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne<Payroll>().WithMany().HasForeignKey(x => x.PayrollId).OnDelete(DeleteBehavior.Restrict);
    }
}
