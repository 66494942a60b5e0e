using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Benefits;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Modules.SocialAssistance.Standards;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>
/// The county decision: the amount comes from the calculation with the standard in force in the start month, and the
/// snapshot (inputs, steps, standard version) is stored on the case and the enrolment so a later standard change never
/// rewrites it. Monthly programmes get an enrolment; 临时救助 and 医疗救助 are one-off amounts recorded on the case.
/// </summary>
public sealed class CaseDecision(MinzhengDbContext db, BenefitService benefits, StandardService standards, Verification.ApplicationScreening screening,
    CaseChecks checks, Medical.MedicalAidFacts medicalFacts)
{
    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web);

    public async Task<Transition> DecideAsync(AssistanceCase c, CaseActor actor, DateOnly today, CaseActionRequest request, CancellationToken ct)
    {
        if (request.Approve != true)
        {
            return c.Decide(actor, today, request.Approve, request.Reason ?? request.Note);
        }

        if (await screening.BlockingAsync(c, ct) is { Count: > 0 } blocking)
        {
            throw new DomainRuleException($"家庭经济状况核对发现{string.Join("、", blocking)}信息，须先在“核查”中核实排除后才能批准；核实属实的应作出不予批准决定");
        }

        if (!AssistancePrograms.IsOneOff(c.Program) && await checks.ConflictsAsync(c.HouseholdId, c.ApplicantPersonId, c.Program, ct) is { Count: > 0 } conflicts)
        {
            throw new DomainRuleException($"不能批准：{string.Join("；", conflicts)}");
        }

        var start = StartMonth(c, today, request.StartMonth);
        var (covered, amount, snapshot, note) = c.Program switch
        {
            "temporary" => await TemporaryAsync(c, request, start, ct),
            "medical" => await MedicalAsync(c, request, start, ct),
            _ => await MonthlyAsync(c, start, ct),
        };
        var transition = c.Decide(actor, today, true, request.Reason ?? request.Note ?? note);
        (c.StartMonth, c.CoveredPersons, c.MonthlyAmount, c.CalculationJson) = (start, covered, amount, snapshot);
        if (!AssistancePrograms.IsOneOff(c.Program))
        {
            var size = await db.HouseholdMembers.CountAsync(m => m.HouseholdId == c.HouseholdId && m.ValidTo == null, ct);
            var enrollment = new Enrollment
            {
                RegionCode = c.RegionCode,
                Program = c.Program,
                HouseholdId = c.HouseholdId,
                PersonId = c.ApplicantPersonId,
                HouseholdSize = size,
                CoveredPersons = covered,
                MonthlyAmount = amount,
                StartMonth = start,
                CaseId = c.Id,
                CalculationJson = snapshot,
            };
            db.Enrollments.Add(enrollment);
            c.EnrollmentId = enrollment.Id;
        }
        else
        {
            await OweOnceAsync(c, start, covered, amount, ct);
        }

        return transition with { Note = $"自 {start:yyyy-MM} 起，保障 {covered} 人，{(AssistancePrograms.IsOneOff(c.Program) ? "救助" : "月保障")}金额 {amount:0.00} 元。{transition.Note}" };
    }

    /// <summary>
    /// A one-off amount is paid by the payroll of its programme for the decision month, less the 先行救助 the township
    /// already paid in cash from its reserve fund for this case: that part is never paid twice.
    /// </summary>
    private async Task OweOnceAsync(AssistanceCase c, DateOnly month, int covered, decimal amount, CancellationToken ct)
    {
        var advance = -await db.ReserveFund.Where(e => e.CaseId == c.Id && e.Amount < 0).SumAsync(e => e.Amount, ct);
        var owed = Math.Max(0, amount - advance);
        var name = AssistancePrograms.ByCode(c.Program)!.Name;
        db.OneOffPayments.Add(new OneOffs.OneOffPayment
        {
            RegionCode = c.RegionCode,
            Program = c.Program,
            HouseholdId = c.HouseholdId,
            PersonId = c.ApplicantPersonId,
            CoveredPersons = covered,
            Month = month,
            Amount = owed,
            PaidInAdvance = Math.Min(advance, amount),
            CaseId = c.Id,
            Explanation = advance > 0
                ? $"{name}：核定救助金额 {amount:0.00} 元，已先行救助 {Math.Min(advance, amount):0.00} 元（备用金），本次发放 {owed:0.00} 元"
                : $"{name}：核定救助金额 {amount:0.00} 元",
        });
    }

    /// <summary>
    /// Payment starts the month after the decision (民发〔2021〕57号); 两项补贴 from the month of application (国发〔2015〕52号);
    /// one-off 临时救助 and 医疗救助 are paid in the month of the decision (and count against that year's cap).
    /// </summary>
    private static DateOnly StartMonth(AssistanceCase c, DateOnly today, string? requested)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var earliest = c.Program switch
        {
            "disability-living" or "disability-care" => new DateOnly(c.AppliedOn.Year, c.AppliedOn.Month, 1),
            "temporary" or "medical" => thisMonth,
            _ => thisMonth.AddMonths(1),
        };
        if (string.IsNullOrWhiteSpace(requested))
        {
            return earliest;
        }

        if (!Minzheng.Platform.Web.InputValues.TryParseMonth(requested, out var month) || month < earliest)
        {
            throw new DomainRuleException($"起始年月应为 YYYY-MM，且不早于 {earliest:yyyy-MM}");
        }

        return month;
    }

    private async Task<(int, decimal, string, string?)> MonthlyAsync(AssistanceCase c, DateOnly start, CancellationToken ct)
    {
        var (outcome, result, members, _, message) = await benefits.CalculateWithInputsAsync(c.HouseholdId, c.Program,
            start.ToString("yyyy-MM", CultureInfo.InvariantCulture), ct);
        if (outcome != BenefitOutcome.Calculated)
        {
            throw new DomainRuleException(message ?? "无法计算保障金额");
        }

        if (result!.Total <= 0)
        {
            throw new DomainRuleException("按现行标准测算的保障金额为0（家庭人均收入不低于标准或无符合条件的成员），不能批准；请核实或作出不予批准决定");
        }

        return (result.CoveredPersons, result.Total, new CalculationSnapshot(start, members, result).ToJson(), null);
    }

    private async Task<(int, decimal, string, string?)> TemporaryAsync(AssistanceCase c, CaseActionRequest request, DateOnly start, CancellationToken ct)
    {
        if (request.Amount is not { } requested || requested <= 0)
        {
            throw new DomainRuleException("请填写救助金额（元）");
        }

        var hukou = await db.Households.Where(h => h.Id == c.HouseholdId).Select(h => h.HukouType).SingleAsync(ct);
        var dibao = await standards.ResolveAsync(hukou == Minzheng.Platform.People.HukouType.Urban ? "urban-dibao" : "rural-dibao", c.RegionCode, start, ct);
        var temporary = await standards.ResolveAsync("temporary", c.RegionCode, start, ct);
        if (dibao is null || temporary is null)
        {
            throw new DomainRuleException("本区划尚未设置低保标准或临时救助上限，请县级民政部门先设置标准");
        }

        var check = OneOffCalculators.Temporary(dibao, temporary, requested);
        if (!check.WithinCeiling && string.IsNullOrWhiteSpace(request.Reason ?? request.Note))
        {
            throw new DomainRuleException($"救助金额超过上限 {check.Ceiling:0.00} 元，须“一事一议”并填写理由");
        }

        // 户次/人次: household aid covers the current members alive in the month; 个人救助 the applicant alone.
        var covered = c.IndividualAid ? 1 : await db.HouseholdMembers.CountAsync(m => m.HouseholdId == c.HouseholdId && m.ValidTo == null
            && (m.Person!.DeathDate == null || m.Person.DeathDate >= start), ct);
        return (Math.Max(covered, 1), check.Amount, JsonSerializer.Serialize(new { month = start, check }, SnapshotJson), check.WithinCeiling ? null : "一事一议");
    }

    private async Task<(int, decimal, string, string?)> MedicalAsync(AssistanceCase c, CaseActionRequest request, DateOnly start, CancellationToken ct)
    {
        if (request.Amount is not { } expense || expense <= 0)
        {
            throw new DomainRuleException("请填写政策范围内个人自付医疗费用（元）");
        }

        var medical = await standards.ResolveAsync("medical", c.RegionCode, start, ct)
            ?? throw new DomainRuleException("本区划尚未设置医疗救助比例和年度限额，请县级民政部门先设置标准");
        // An application is itself the 因病致贫 route, so "illness" always applies; a better category the person holds wins.
        var person = c.ApplicantPersonId;
        var categories = (await medicalFacts.CategoriesAsync([person], ct))[person].Append(Medical.MedicalAidFacts.Illness);
        var used = (await medicalFacts.UsedAsync([person], start.Year, exceptBatch: null, ct)).GetValueOrDefault(person);
        var result = OneOffCalculators.Medical(medical, categories, expense, used);
        if (result.Amount <= 0)
        {
            throw new DomainRuleException($"本年度医疗救助限额已用完（已救助 {used:0.00} 元），不能再批准");
        }

        return (1, result.Amount, JsonSerializer.Serialize(new { month = start, result }, SnapshotJson), null);
    }
}
