using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Monitoring;

/// <param name="Status">"active" (still monitored, the default), "ended" or "all"; a household's own list shows every entry.</param>
/// <param name="Name">Part of the head's name.</param>
public sealed record MonitoredFilter(string? Region = null, Guid? HouseholdId = null, string? Category = null, string? Status = null, string? Name = null);

/// <param name="Name">Part of the head's name.</param>
public sealed record WarningFilter(string? Region = null, string? Status = null, Guid? HouseholdId = null, string? Rule = null, string? Name = null);

/// <summary>Reading the monitoring register and the warnings (主动发现清单): pages with totals, sorted by column, within the caller's region.</summary>
public sealed class MonitoringQueries(MinzhengDbContext db, RegionService regions, TimeProvider clock)
{
    private static readonly SortMap<MonitoredRow> MonitoredSort = new SortMap<MonitoredRow>("region", q => q.ThenBy(r => r.HeadName).ThenBy(r => r.M.Id))
        .Add("region", r => r.M.RegionCode).Add("head", r => r.HeadName).Add("category", r => r.M.Category).Add("registered", r => r.M.RegisteredOn)
        .Add("expense", r => r.M.AnnualMedicalExpense);

    /// <summary>Open first (the ones to verify), soonest due first, by region.</summary>
    private static readonly SortMap<WarningRow> WarningSort = new SortMap<WarningRow>("status", q => q.ThenBy(r => r.W.DueOn).ThenBy(r => r.W.RegionCode).ThenBy(r => r.W.Id))
        .Add("status", r => r.W.Status == WarningStatus.Open ? 0 : r.W.Status == WarningStatus.Referred ? 1 : 2).Add("due", r => r.W.DueOn)
        .Add("raised", r => r.W.RaisedOn).Add("region", r => r.W.RegionCode).Add("head", r => r.HeadName).Add("rule", r => r.W.Rule);

    /// <summary>Every entry of one household (a handful), for the household page.</summary>
    public async Task<List<MonitoredDto>> MonitoredOfAsync(Guid householdId, CancellationToken ct) =>
        (await MonitoredAsync(new MonitoredFilter(HouseholdId: householdId), new PageRequest(1, int.MaxValue, null, false), ct)).Items;

    public async Task<List<WarningDto>> WarningsOfAsync(Guid householdId, CancellationToken ct) =>
        (await WarningsAsync(new WarningFilter(HouseholdId: householdId), new PageRequest(1, int.MaxValue, null, false), ct)).Items;

    public async Task<Paged<MonitoredDto>> MonitoredAsync(MonitoredFilter f, PageRequest page, CancellationToken ct)
    {
        var prefix = RegionCode.ToScopePrefix(f.Region) ?? "";
        var q = db.MonitoredHouseholds.AsNoTracking().Where(m => m.RegionCode.StartsWith(prefix));
        q = f.HouseholdId is { } h ? q.Where(m => m.HouseholdId == h) : (f.Status ?? "active") switch
        {
            "ended" => q.Where(m => m.EndedOn != null),
            "all" => q,
            _ => q.Where(m => m.EndedOn == null),
        };
        if (f.Category is { } category && MonitoringCategories.All.ContainsKey(category))
        {
            q = q.Where(m => m.Category == category);
        }

        var rows = q.Join(db.Households, m => m.HouseholdId, h => h.Id, (m, h) => new { m, h.HeadPersonId })
            .Join(db.Persons, x => x.HeadPersonId, p => p.Id, (x, p) => new MonitoredRow { M = x.m, HeadName = p.Name });
        if (f.Name?.Trim() is { Length: > 0 } name)
        {
            rows = rows.Where(r => r.HeadName.Contains(name));
        }

        var found = await rows.PageAsync(page, MonitoredSort, ct);
        var names = await regions.NamesOfAsync(found.Items.Select(x => x.M.RegionCode), ct);
        return found.Map(x => new MonitoredDto(x.M.Id, x.M.HouseholdId, x.M.RegionCode, x.HeadName, x.M.Category,
            MonitoringCategories.All[x.M.Category], x.M.Reason, x.M.AnnualMedicalExpense, x.M.RegisteredOn, x.M.EndedOn)
        {
            RegionName = names.GetValueOrDefault(x.M.RegionCode, x.M.RegionCode),
        });
    }

    public async Task<Paged<WarningDto>> WarningsAsync(WarningFilter f, PageRequest page, CancellationToken ct)
    {
        var prefix = RegionCode.ToScopePrefix(f.Region) ?? "";
        var today = clock.Today();
        var q = db.EarlyWarnings.AsNoTracking().Where(w => w.RegionCode.StartsWith(prefix));
        if (Enum.TryParse<WarningStatus>(f.Status, true, out var s))
        {
            q = q.Where(w => w.Status == s);
        }

        if (f.HouseholdId is { } h)
        {
            q = q.Where(w => w.HouseholdId == h);
        }

        if (f.Rule is { } rule && WarningRules.Names.ContainsKey(rule))
        {
            q = q.Where(w => w.Rule == rule);
        }

        var rows = q.Join(db.Households, w => w.HouseholdId, h => h.Id, (w, h) => new { w, h.HeadPersonId })
            .Join(db.Persons, x => x.HeadPersonId, p => p.Id, (x, p) => new WarningRow { W = x.w, HeadName = p.Name });
        if (f.Name?.Trim() is { Length: > 0 } name)
        {
            rows = rows.Where(r => r.HeadName.Contains(name));
        }

        var found = await rows.PageAsync(page, WarningSort, ct);
        var names = await regions.NamesOfAsync(found.Items.Select(x => x.W.RegionCode), ct);
        return found.Map(x => new WarningDto(x.W.Id, x.W.HouseholdId, x.W.RegionCode,
            names.GetValueOrDefault(x.W.RegionCode, x.W.RegionCode), x.HeadName, x.W.Rule, WarningRules.Names.GetValueOrDefault(x.W.Rule, x.W.Rule), x.W.Detail,
            x.W.SuggestedProgram, WarningRules.ProgramName(x.W.SuggestedProgram), x.W.RaisedOn, x.W.DueOn, x.W.Status == WarningStatus.Open && x.W.DueOn < today,
            InputValues.Code(x.W.Status), x.W.Note, x.W.CaseId));
    }

    /// <summary>Classes, not records, so EF can sort and page on the projection's members.</summary>
    private sealed class MonitoredRow
    {
        public MonitoredHousehold M { get; init; } = null!;
        public string HeadName { get; init; } = "";
    }

    private sealed class WarningRow
    {
        public EarlyWarning W { get; init; } = null!;
        public string HeadName { get; init; } = "";
    }
}
