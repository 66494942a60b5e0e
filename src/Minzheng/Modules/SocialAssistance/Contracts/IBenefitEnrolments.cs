namespace Minzheng.Modules.SocialAssistance.Contracts;

/// <summary>Programme codes (public API, like DESIGN §4's) that other lines enrol through <see cref="IBenefitEnrolments"/>.</summary>
public static class BenefitPrograms
{
    /// <summary>优抚对象抚恤金: 残疾抚恤金 and the 定期抚恤金 of 三属 (军人抚恤优待条例).</summary>
    public const string VeteransPension = "veterans-pension";

    /// <summary>优抚对象定期生活补助: 在乡复员、带病回乡、参战参试、60岁以上农村籍退役士兵 …</summary>
    public const string VeteransAllowance = "veterans-allowance";

    /// <summary>优抚对象丧葬补助: the one-off six months' pension paid on a pensioner's death.</summary>
    public const string VeteransFuneralAid = "veterans-funeral-aid";
}

/// <summary>
/// A person of the registry enrolled in a contracted programme from <paramref name="StartMonth"/> (first day) at a monthly
/// amount; <paramref name="Calculation"/> is the snapshot (JSON with the cited steps) kept with the enrolment. A person
/// with no household in the registry gets a one-person household in <paramref name="RegionCode"/>, with the bank account given.
/// </summary>
public sealed record BenefitEnrolment(string Program, Guid PersonId, string RegionCode, bool Rural, decimal MonthlyAmount, DateOnly StartMonth,
    string Calculation, string? BankName = null, string? BankAccount = null);

/// <summary>A new monthly amount for one enrolment.</summary>
public sealed record BenefitAdjustment(Guid EnrollmentId, decimal NewAmount);

/// <summary>
/// Social assistance's door for benefits decided by another line (优抚): they become ordinary enrolments, so payrolls,
/// bank files, reconciliation and back-pay treat them exactly like a 低保 benefit and pay each month once. Every method
/// writes in the caller's transaction (which must be open), so the caller's own records commit with them.
/// </summary>
public interface IBenefitEnrolments
{
    /// <summary>Creates the enrolment; refused (DomainRuleException, 409) when the person is already enrolled in the programme.</summary>
    Task<Guid> EnrolAsync(BenefitEnrolment enrolment, CancellationToken ct);

    /// <summary>
    /// 提标 in one batch: each enrolment's amount changes from <paramref name="fromMonth"/> (or its start month, if later),
    /// with one adjustment event each, set-based. Payrolls turn the months already paid into explained back-pay lines
    /// quoting <paramref name="headline"/>. Inactive or unknown enrolments are left out; returns how many changed.
    /// </summary>
    Task<int> AdjustAsync(IReadOnlyCollection<BenefitAdjustment> changes, DateOnly fromMonth, string headline, string actor, CancellationToken ct);

    /// <summary>Stops payment from <paramref name="fromMonth"/> (the month before is the last paid); reason codes as in assistance (death, other …). An enrolment already terminated is left as it is.</summary>
    Task EndAsync(Guid enrollmentId, DateOnly fromMonth, string reason, string note, string actor, CancellationToken ct);

    /// <summary>
    /// A one-off payment of a paid-once programme to the enrolment's payee, in the payroll of <paramref name="month"/> (or
    /// the next one made). At most one per source enrolment and programme: a second call is refused (409).
    /// </summary>
    Task<Guid> PayOnceAsync(string program, Guid sourceEnrollmentId, decimal amount, DateOnly month, string explanation, CancellationToken ct);

    /// <summary>The latest month a payroll (not rejected) of the programme paid within the region prefix; null when none.</summary>
    Task<DateOnly?> LastPaidMonthAsync(string program, string regionPrefix, CancellationToken ct);
}
