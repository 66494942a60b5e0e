using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Modules.SocialAssistance.Standards;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.People;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Monitoring;

public sealed record MonitorRequest(Guid? HouseholdId, string? Category, string? Reason, decimal? AnnualMedicalExpense);

public sealed record MonitoredDto(Guid Id, Guid HouseholdId, string RegionCode, string HeadName, string Category, string CategoryName, string Reason,
    decimal? AnnualMedicalExpense, DateOnly RegisteredOn, DateOnly? EndedOn)
{
    public string? RegionName { get; init; }
}

public sealed record WarningDto(Guid Id, Guid HouseholdId, string RegionCode, string RegionName, string HeadName, string Rule, string RuleName, string Detail,
    string SuggestedProgram, string SuggestedProgramName, DateOnly RaisedOn, DateOnly DueOn, bool Overdue, string Status, string? Note, Guid? CaseId);

/// <summary>What the household page shows under 核查与监测.</summary>
public sealed record HouseholdChecks(IReadOnlyList<Verification.FindingDto> Findings, IReadOnlyList<MonitoredDto> Monitored, IReadOnlyList<WarningDto> Warnings)
{
    public static readonly HouseholdChecks None = new([], [], []);
}

public sealed record WarningScanResult(int Households, int Created, int Open);

public sealed record WarningDecision(string? Decision, string? Note, Guid? CaseId);

/// <summary>
/// 低收入人口动态监测: the register of monitored households, and the scan that runs <see cref="WarningRules"/> over the
/// monitored and enrolled households of a region, raising each new warning once with a deadline in working days.
/// </summary>
public sealed class MonitoringService(MinzhengDbContext db, StandardService standards, CalendarService calendars, IRegionScope scope,
    IConfiguration configuration, TimeProvider clock)
{
    private const int Chunk = 2000;

    /// <summary>A dismissed or referred warning is not raised again for this long: the township has looked at it.</summary>
    private const int QuietDays = 180;

    public async Task<(Guid? Id, FieldErrors Errors)> RegisterAsync(MonitorRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var household = r.HouseholdId is { } id ? await db.Households.SingleOrDefaultAsync(h => h.Id == id, ct) : null;
        if (household is null)
        {
            errors.Add("householdId", "家庭不存在或不在您的管辖范围内");
        }

        if (r.Category is null || !MonitoringCategories.All.ContainsKey(r.Category))
        {
            errors.Add("category", $"监测类别 category 应为 {string.Join("、", MonitoringCategories.All.Select(c => $"{c.Key}（{c.Value}）"))} 之一");
        }

        if (r.Reason?.Trim() is not { Length: > 0 and <= MonitoredHousehold.ReasonMaxLength })
        {
            errors.Add("reason", $"请填写纳入监测的原因（{MonitoredHousehold.ReasonMaxLength}字以内）");
        }

        if (r.AnnualMedicalExpense is { } e && !InputValues.IsMoney(e))
        {
            errors.Add("annualMedicalExpense", "近12个月自付医疗费用应为不小于0、最多两位小数的金额（元）");
        }

        if (!errors.Any && await db.MonitoredHouseholds.AnyAsync(m => m.HouseholdId == household!.Id && m.Category == r.Category && m.EndedOn == null, ct))
        {
            errors.Add("category", $"该家庭已在“{MonitoringCategories.All[r.Category!]}”监测中");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var entry = new MonitoredHousehold
        {
            RegionCode = household!.RegionCode,
            HouseholdId = household.Id,
            Category = r.Category!,
            Reason = r.Reason!.Trim(),
            AnnualMedicalExpense = r.AnnualMedicalExpense,
            RegisteredOn = clock.Today(),
        };
        db.MonitoredHouseholds.Add(entry);
        await db.SaveChangesAsync(ct);
        return (entry.Id, errors);
    }

    public async Task<bool> EndAsync(Guid id, CancellationToken ct)
    {
        var entry = await db.MonitoredHouseholds.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (entry is null)
        {
            return false;
        }

        entry.EndedOn ??= clock.Today();
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<(WarningScanResult? Result, FieldErrors Errors)> ScanAsync(string? regionCode, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var prefix = RegionCode.ToScopePrefix(regionCode);
        if (prefix is null || !prefix.StartsWith(scope.Prefix, StringComparison.Ordinal))
        {
            errors.Add("regionCode", "预警区划应为您管辖范围内的区划代码或其前缀");
            return (null, errors);
        }

        var today = clock.Today();
        var settings = new WarningSettings(configuration.GetValue("Monitoring:MedicalExpenseThreshold", 10_000m),
            configuration.GetValue("Monitoring:ElderlyAge", Benefits.PerPersonCalculator.DefaultElderlyAge));
        var due = (await calendars.GetAsync(ct)).AddWorkingDays(today, configuration.GetValue("Monitoring:WarningWorkingDays", 10));
        var monitored = (await db.MonitoredHouseholds.AsNoTracking().Where(m => m.RegionCode.StartsWith(prefix) && m.EndedOn == null)
            .Select(m => new { m.HouseholdId, m.AnnualMedicalExpense }).ToListAsync(ct)).ToLookup(m => m.HouseholdId);
        var enrolled = await db.Enrollments.AsNoTracking().Where(e => e.RegionCode.StartsWith(prefix) && e.Status == EnrollmentStatus.Active)
            .Select(e => new { e.HouseholdId, e.PersonId, e.Program }).ToListAsync(ct);
        var byHousehold = enrolled.ToLookup(e => e.HouseholdId);
        var ids = monitored.Select(g => g.Key).Union(byHousehold.Select(g => g.Key)).ToList();
        var yearStart = new DateOnly(today.Year, 1, 1);
        var quietSince = clock.GetUtcNow().AddDays(-QuietDays);
        var (created, stdCache) = (0, new Dictionary<(string, HukouType), decimal?>());
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var households = await db.Households.AsNoTracking().Where(h => chunk.Contains(h.Id)).Select(h => new { h.Id, h.RegionCode, h.HukouType }).ToListAsync(ct);
            var members = (await db.HouseholdMembers.AsNoTracking().Where(m => chunk.Contains(m.HouseholdId) && m.ValidTo == null)
                .Select(m => new
                {
                    m.HouseholdId,
                    Facts = new MemberFacts(m.PersonId, m.Person!.Name, m.Person.BirthDate, m.Relationship, m.MonthlyIncome,
                    m.Person.DisabilityGrade, m.Person.DeathDate)
                }).ToListAsync(ct)).ToLookup(m => m.HouseholdId, m => m.Facts);
            var medical = (await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.HouseholdId) && c.Program == "medical" && c.Status == CaseStatus.Approved
                && c.DecidedOn >= yearStart).Select(c => c.HouseholdId).ToListAsync(ct)).ToHashSet();
            medical.UnionWith(await db.MedicalSettlements.AsNoTracking().Where(s => s.HouseholdId != null && chunk.Contains(s.HouseholdId.Value) && !s.Voided
                && s.Amount > 0 && s.SettledOn >= yearStart).Select(s => s.HouseholdId!.Value).ToListAsync(ct));
            var existing = (await db.EarlyWarnings.Where(w => chunk.Contains(w.HouseholdId) && (w.Status == WarningStatus.Open || w.UpdatedAt >= quietSince))
                .Select(w => new { w.HouseholdId, w.PersonId, w.Rule }).ToListAsync(ct)).Select(w => (w.HouseholdId, w.PersonId, w.Rule)).ToHashSet();
            foreach (var h in households)
            {
                var key = (h.RegionCode, h.HukouType);
                if (!stdCache.TryGetValue(key, out var standard))
                {
                    var program = h.HukouType == HukouType.Urban ? "urban-dibao" : "rural-dibao";
                    stdCache[key] = standard = (await standards.ResolveAsync(program, h.RegionCode, today, ct))?.MonthlyAmount;
                }

                var facts = new HouseholdFacts(h.Id, h.HukouType, members[h.Id].ToList(), byHousehold[h.Id].Select(e => e.Program).ToHashSet(),
                    byHousehold[h.Id].Select(e => (e.PersonId, e.Program)).ToHashSet(), standard, monitored.Contains(h.Id),
                    monitored[h.Id].Max(m => m.AnnualMedicalExpense), medical.Contains(h.Id));
                foreach (var hit in WarningRules.Evaluate(facts, today, settings).Where(x => existing.Add((h.Id, x.PersonId, x.Rule))))
                {
                    db.EarlyWarnings.Add(new EarlyWarning
                    {
                        RegionCode = h.RegionCode,
                        HouseholdId = h.Id,
                        PersonId = hit.PersonId,
                        Rule = hit.Rule,
                        Detail = hit.Detail,
                        SuggestedProgram = hit.SuggestedProgram,
                        RaisedOn = today,
                        DueOn = due,
                    });
                    created++;
                }
            }

            await db.SaveChangesAsync(ct);
        }

        var open = await db.EarlyWarnings.CountAsync(w => w.RegionCode.StartsWith(prefix) && w.Status == WarningStatus.Open, ct);
        return (new WarningScanResult(ids.Count, created, open), errors);
    }

    /// <summary>refer (an application was started or the enrolment recalculated; caseId optional) or dismiss (reason required).</summary>
    public async Task<(Outcome Outcome, string? Message)> ResolveAsync(Guid id, WarningDecision d, string actor, CancellationToken ct)
    {
        var warning = await db.EarlyWarnings.SingleOrDefaultAsync(w => w.Id == id, ct);
        if (warning is null)
        {
            return (Outcome.NotFound, "预警不存在或不在您的管辖范围内");
        }

        var note = d.Note?.Trim();
        var problem = (warning.Status, d.Decision) switch
        {
            (not WarningStatus.Open, _) => "该预警已处理",
            (_, not ("refer" or "dismiss")) => "处理结论 decision 应为 refer（已转入申请或重新核定）或 dismiss（核实后无需救助）",
            _ when note is { Length: > EarlyWarning.NoteMaxLength } => $"处理说明不能超过{EarlyWarning.NoteMaxLength}字",
            (_, "dismiss") when string.IsNullOrEmpty(note) => "无需救助须写明核实情况",
            (_, "refer") when d.CaseId is { } c && !await db.Cases.AnyAsync(x => x.Id == c && x.HouseholdId == warning.HouseholdId, ct) => "caseId 应为该家庭的申请",
            _ => null,
        };
        if (problem is not null)
        {
            return (Outcome.Conflict, problem);
        }

        (warning.Status, warning.Note, warning.CaseId, warning.HandledBy) =
            (d.Decision == "refer" ? WarningStatus.Referred : WarningStatus.Dismissed, note, d.CaseId, actor);
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, null);
    }
}
