using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Benefits;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Modules.SocialAssistance.Verification;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>What the approver sees before deciding: the amount as calculated now, with its steps, and what stands in the way.</summary>
public sealed record CaseEstimate(string Month, decimal? Amount, int? CoveredPersons, IReadOnlyList<CalculationStep> Steps, IReadOnlyList<string> Warnings);

/// <summary>
/// The calculation and the warnings of an open case. Enrolments that forbid the application — the same programme held
/// already (by the household for 低保, by the applicant otherwise), or a programme it excludes (特困 and 低保, urban and
/// rural 低保 …, <see cref="ExclusionScan.Rules"/>) — are refused at application and at decision; an amount of 0 is warned
/// from the application on, so a case no longer passes every step only to fail at the decision.
/// </summary>
public sealed class CaseChecks(MinzhengDbContext db, BenefitService benefits, ExclusionScan exclusions, TimeProvider clock)
{
    /// <summary>Why the household or applicant may not receive the programme now; empty when nothing stands in the way.</summary>
    public async Task<List<string>> ConflictsAsync(Guid householdId, Guid applicantId, string program, CancellationToken ct)
    {
        var excluded = exclusions.Rules().SelectMany(r => new[] { (r.A.Code, r.B.Code), (r.B.Code, r.A.Code) }).Where(r => r.Item1 == program)
            .Select(r => r.Item2).Append(program).ToHashSet();
        var held = await db.Enrollments.AsNoTracking()
            .Where(e => e.Status != EnrollmentStatus.Terminated && excluded.Contains(e.Program) && (e.PersonId == applicantId || e.HouseholdId == householdId))
            .Select(e => new { e.Program, e.PersonId, e.HouseholdId })
            .ToListAsync(ct);
        var name = AssistancePrograms.NameOf(program);
        bool Household(string p) => AssistancePrograms.HouseholdBased.Contains(p);
        // The applicant's own enrolments conflict; another member's only when both are household programmes (城乡低保 of one 户).
        return held.Where(e => e.PersonId == applicantId || (Household(e.Program) && Household(program)))
            .Select(e => (e.Program, Who: e.PersonId == applicantId && !Household(e.Program) ? "申请人" : "该家庭")).Distinct()
            .Select(x => x.Program == program
                ? $"{x.Who}已在“{name}”中保障，不能重复申请"
                : $"{x.Who}正在享受“{AssistancePrograms.ByCode(x.Program)?.Name}”，与“{name}”不能同时享受；如需转换，请先停保原项目")
            .ToList();
    }

    /// <summary>The amount as the decision would calculate it for the first month it would pay, with the warnings; null for one-off programmes.</summary>
    public async Task<CaseEstimate?> EstimateAsync(AssistanceCase c, CancellationToken ct)
    {
        if (AssistancePrograms.IsOneOff(c.Program) || c.Status is CaseStatus.Approved or CaseStatus.Refused or CaseStatus.Withdrawn)
        {
            return null;
        }

        var today = Minzheng.Platform.Calendar.ChinaTime.Today(clock);
        var month = c.Program is "disability-living" or "disability-care"
            ? new DateOnly(c.AppliedOn.Year, c.AppliedOn.Month, 1)
            : new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var warnings = await ConflictsAsync(c.HouseholdId, c.ApplicantPersonId, c.Program, ct);
        var (outcome, result, _, message) = await benefits.CalculateAsync(c.HouseholdId, c.Program, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), ct);
        if (outcome != BenefitOutcome.Calculated)
        {
            warnings.Add(message ?? "暂时无法测算保障金额");
            return new CaseEstimate(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), null, null, [], warnings);
        }

        if (result!.Total <= 0)
        {
            warnings.Add($"按现行标准测算的保障金额为0（家庭月人均收入 {result.PerCapitaIncome:0.00} 元，标准 {result.Standard:0.00} 元，或没有符合条件的成员）：请核实收入和成员，不符合条件的应作出不予批准决定");
        }

        return new CaseEstimate(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), result.Total, result.CoveredPersons, result.Steps, warnings);
    }
}
