using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Modules.SocialAssistance.Standards;
using Minzheng.Platform.Data;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Benefits;

public enum BenefitOutcome
{
    Calculated,
    NotFound,
    NoStandard,
    Invalid,
}

/// <summary>Gathers the household and the standard in force, and runs the programme's calculation.</summary>
public sealed class BenefitService(MinzhengDbContext db, StandardService standards)
{
    public static readonly string[] DibaoPrograms = ["urban-dibao", "rural-dibao"];

    public async Task<(BenefitOutcome Outcome, BenefitResult? Result, FieldErrors Errors, string? Message)> CalculateAsync(
        Guid householdId, string? program, string? month, CancellationToken ct)
    {
        var (outcome, result, _, errors, message) = await CalculateWithInputsAsync(householdId, program, month, ct);
        return (outcome, result, errors, message);
    }

    /// <summary>The calculation and the members it used, for the snapshot stored with a decision.</summary>
    public async Task<(BenefitOutcome Outcome, BenefitResult? Result, List<BenefitMember> Members, FieldErrors Errors, string? Message)> CalculateWithInputsAsync(
        Guid householdId, string? program, string? month, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (AssistancePrograms.ByCode(program) is not { } p)
        {
            errors.Add("program", $"program 应为 {string.Join("、", AssistancePrograms.All.Select(x => x.Code))} 之一");
        }
        else if (!DibaoPrograms.Contains(p.Code) && !PerPersonCalculator.IsPerPerson(p.Code))
        {
            errors.Add("program", $"{p.Name}按次核定，不按月计算：请在救助申请中计算");
        }

        if (!InputValues.TryParseMonth(month, out var day))
        {
            errors.Add("month", "month 应为年月 YYYY-MM");
        }

        if (errors.Any)
        {
            return (BenefitOutcome.Invalid, null, [], errors, null);
        }

        var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null)
        {
            return (BenefitOutcome.NotFound, null, [], errors, null);
        }

        var standard = await standards.ResolveAsync(program!, household.RegionCode, day, ct);
        if (standard is null)
        {
            return (BenefitOutcome.NoStandard, null, [], errors,
                $"区划 {household.RegionCode} 在 {day:yyyy-MM-dd} 尚无“{AssistancePrograms.ByCode(program)!.Name}”保障标准，请县级民政部门先设置标准");
        }

        var members = await MembersAsync(householdId, day, ct);
        if (DibaoPrograms.Contains(program))
        {
            return (BenefitOutcome.Calculated, DibaoCalculator.Calculate(standard, members, day), members, errors, null);
        }

        var held = await db.Enrollments.Where(e => e.HouseholdId == householdId && e.Status == EnrollmentStatus.Active).Select(e => e.Program).Distinct().ToListAsync(ct);
        var inDibao = held.Any(DibaoPrograms.Contains);
        var inHardship = inDibao || held.Any(p => p is "destitute-concentrated" or "destitute-dispersed");
        return (BenefitOutcome.Calculated, PerPersonCalculator.Calculate(program!, standard, members, day, inDibao, inHardship), members, errors, null);
    }

    /// <summary>
    /// The current members (DESIGN §5: coveredPersons is the member count), leaving out anyone who died before the month:
    /// a deceased person is no longer a co-resident member.
    /// </summary>
    private async Task<List<BenefitMember>> MembersAsync(Guid householdId, DateOnly firstDay, CancellationToken ct) =>
        await db.HouseholdMembers.AsNoTracking().Where(m => m.HouseholdId == householdId && m.ValidTo == null)
            .Where(m => m.Person!.DeathDate == null || m.Person.DeathDate >= firstDay)
            .OrderBy(m => m.Relationship == Minzheng.Platform.People.Relationship.Head ? 0 : 1).ThenBy(m => m.Person!.BirthDate)
            .Select(m => new BenefitMember(m.PersonId, m.Person!.Name, m.Person.BirthDate, m.MonthlyIncome, m.Person.DisabilityGrade, m.Person.SelfCare,
                m.Person.SeriousIllness))
            .ToListAsync(ct);
}
