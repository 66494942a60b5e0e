using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Monitoring;
using Minzheng.Modules.SocialAssistance.Reviews;
using Minzheng.Modules.SocialAssistance.Verification;
using Minzheng.Platform.Data;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.SocialAssistance.Reports;

/// <summary>
/// The 核查监测 paragraph of the work summary, as bureaus write it: findings of the data checks in the period and what
/// came of them, the relatives register, tip-offs, 回头看 cancellations and proactive discovery — each only when it has data.
/// </summary>
public sealed class VerificationSentences(MinzhengDbContext db)
{
    public async Task<List<DraftSentence>> ForAsync(ReportQuery q, CancellationToken ct)
    {
        // Npgsql writes only UTC offsets to timestamptz: the period's Beijing-time bounds are converted.
        DateTimeOffset Start(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Minzheng.Platform.Calendar.ChinaTime.Offset).ToUniversalTime();
        var (from, to) = (Start(q.From), Start(q.To.AddDays(1)));
        var sentences = new List<DraftSentence>();
        var findings = await db.Findings.AsNoTracking().Where(f => f.RegionCode.StartsWith(q.Prefix) && f.CreatedAt >= from && f.CreatedAt < to)
            .GroupBy(f => new { f.Type, f.Status }).Select(g => new { g.Key.Type, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        if (findings.Count > 0)
        {
            var kinds = FindingService.Types.Where(t => findings.Any(f => f.Type == t.Key)).Select(t => t.Value);
            int Count(FindingStatus s) => findings.Where(f => f.Status == s).Sum(f => f.Count);
            sentences.Add(new DraftSentence($"开展{string.Join("、", kinds)}，发现疑点{findings.Sum(f => f.Count)}条，其中经核实停保或调整{Count(FindingStatus.Confirmed)}条、"
                + $"排除{Count(FindingStatus.Dismissed)}条、正在核实{Count(FindingStatus.Open)}条。", $"/api/v1/verification/overview?region={q.RegionCode}"));
        }

        var relatives = await db.StaffRelatives.AsNoTracking().CountAsync(r => r.RegionCode.StartsWith(q.Prefix) && r.EndedOn == null, ct);
        if (relatives > 0)
        {
            sentences.Add(new DraftSentence($"落实村（社区）干部和经办人员近亲属备案制度，备案{relatives}人，与保障对象和申请人逐一比对。",
                $"/api/v1/verification/relatives/report?region={q.RegionCode}"));
        }

        var tipOffs = await db.TipOffs.AsNoTracking().Where(t => t.RegionCode.StartsWith(q.Prefix) && t.ReceivedOn >= q.From && t.ReceivedOn <= q.To)
            .Select(t => new { t.Status, t.Result }).ToListAsync(ct);
        if (tipOffs.Count > 0)
        {
            var closed = tipOffs.Count(t => t.Status is TipOffStatus.Concluded or TipOffStatus.Closed);
            var upheld = tipOffs.Count(t => t.Result is TipOffResult.Substantiated or TipOffResult.PartlySubstantiated);
            sentences.Add(new DraftSentence($"受理群众举报{tipOffs.Count}件，已办结{closed}件，其中反映问题属实或部分属实{upheld}件。",
                $"/api/v1/verification/tip-offs?region={q.RegionCode}"));
        }

        var lookbacks = await db.ReviewItems.AsNoTracking().Where(i => i.RegionCode.StartsWith(q.Prefix)
                && (i.Outcome == ReviewOutcome.Cancel || i.Outcome == ReviewOutcome.GradualExit))
            .Join(db.ReviewCampaigns.Where(c => c.Sample != "all" && c.Status == CampaignStatus.Applied && c.EffectiveMonth >= q.FromMonth && c.EffectiveMonth <= q.ToMonth),
                i => i.CampaignId, c => c.Id, (i, c) => i.EnrollmentId)
            .Join(db.Enrollments, id => id, e => e.Id, (_, e) => e.CoveredPersons).ToListAsync(ct);
        if (lookbacks.Count > 0)
        {
            sentences.Add(new DraftSentence($"开展“回头看”，清退不符合条件的{lookbacks.Count}户{lookbacks.Sum()}人。", $"/api/v1/reviews?region={q.RegionCode}"));
        }

        var warnings = await db.EarlyWarnings.AsNoTracking().Where(w => w.RegionCode.StartsWith(q.Prefix) && w.RaisedOn >= q.From && w.RaisedOn <= q.To)
            .GroupBy(w => w.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        if (warnings.Count > 0)
        {
            sentences.Add(new DraftSentence($"开展低收入人口动态监测，系统预警主动发现{warnings.Values.Sum()}户次，已转入救助申请{warnings.GetValueOrDefault(WarningStatus.Referred)}户次。",
                $"/api/v1/monitoring/warnings?region={q.RegionCode}"));
        }

        return sentences;
    }
}
