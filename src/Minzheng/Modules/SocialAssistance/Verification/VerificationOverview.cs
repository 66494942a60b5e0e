using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Monitoring;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;

namespace Minzheng.Modules.SocialAssistance.Verification;

/// <summary>Open findings of one township by type (keys of <see cref="FindingService.Types"/>).</summary>
public sealed record TownshipFindings(string RegionCode, string Name, IReadOnlyDictionary<string, int> Open, int Total);

public sealed record OutcomeCount(string Type, string Name, int Open, int Confirmed, int Dismissed);

public sealed record WorkItemCount(int Open, int Overdue, int Closed);

public sealed record VerificationOverviewDto(IReadOnlyList<TownshipFindings> Townships, IReadOnlyList<OutcomeCount> Outcomes, WorkItemCount TipOffs,
    WorkItemCount Warnings, int SubstantiatedTipOffs);

/// <summary>核查看板: open findings by type and township, outcomes, tip-offs and early warnings open and overdue — counted in the database.</summary>
public sealed class VerificationOverview(MinzhengDbContext db, RegionService regions, TimeProvider clock)
{
    public async Task<VerificationOverviewDto> GetAsync(string? region, CancellationToken ct)
    {
        var prefix = RegionCode.ToScopePrefix(region) ?? "";
        var today = clock.Today();
        var findings = await db.Findings.AsNoTracking().Where(f => f.RegionCode.StartsWith(prefix))
            .GroupBy(f => new { Township = f.RegionCode.Substring(0, 9), f.Type, f.Status }).Select(g => new { g.Key.Township, g.Key.Type, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var names = await regions.NamesOfAsync(findings.Select(f => f.Township.PadRight(RegionCode.Length, '0')), ct);
        var townships = findings.Where(f => f.Status == FindingStatus.Open).GroupBy(f => f.Township).OrderBy(g => g.Key).Select(g =>
        {
            var code = g.Key.PadRight(RegionCode.Length, '0');
            return new TownshipFindings(code, names.GetValueOrDefault(code, code), g.GroupBy(x => x.Type).ToDictionary(t => t.Key, t => t.Sum(x => x.Count)), g.Sum(x => x.Count));
        }).ToList();
        var outcomes = FindingService.Types.Select(t => new OutcomeCount(t.Key, t.Value, Sum(t.Key, FindingStatus.Open), Sum(t.Key, FindingStatus.Confirmed),
            Sum(t.Key, FindingStatus.Dismissed))).ToList();
        int Sum(string type, FindingStatus status) => findings.Where(f => f.Type == type && f.Status == status).Sum(f => f.Count);

        var tipOffs = await db.TipOffs.AsNoTracking().Where(t => t.RegionCode.StartsWith(prefix)).GroupBy(t => new { t.Status, Late = t.DueOn < today, t.Result })
            .Select(g => new { g.Key.Status, g.Key.Late, g.Key.Result, Count = g.Count() }).ToListAsync(ct);
        var warnings = await db.EarlyWarnings.AsNoTracking().Where(w => w.RegionCode.StartsWith(prefix)).GroupBy(w => new { w.Status, Late = w.DueOn < today })
            .Select(g => new { g.Key.Status, g.Key.Late, Count = g.Count() }).ToListAsync(ct);
        bool Pending(TipOffStatus s) => s is TipOffStatus.Received or TipOffStatus.Investigating;
        return new VerificationOverviewDto(townships, outcomes,
            new WorkItemCount(tipOffs.Where(t => Pending(t.Status)).Sum(t => t.Count), tipOffs.Where(t => Pending(t.Status) && t.Late).Sum(t => t.Count),
                tipOffs.Where(t => !Pending(t.Status)).Sum(t => t.Count)),
            new WorkItemCount(warnings.Where(w => w.Status == WarningStatus.Open).Sum(w => w.Count),
                warnings.Where(w => w.Status == WarningStatus.Open && w.Late).Sum(w => w.Count), warnings.Where(w => w.Status != WarningStatus.Open).Sum(w => w.Count)),
            tipOffs.Where(t => t.Result is TipOffResult.Substantiated or TipOffResult.PartlySubstantiated).Sum(t => t.Count));
    }
}
