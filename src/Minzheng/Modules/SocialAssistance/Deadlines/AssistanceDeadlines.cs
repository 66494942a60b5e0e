using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Monitoring;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Modules.SocialAssistance.Verification;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;

namespace Minzheng.Modules.SocialAssistance.Deadlines;

/// <summary>Applications not yet decided, with the deadline of their current step.</summary>
public sealed class CaseDeadlines(MinzhengDbContext db) : IDeadlineSource
{
    public const string KindName = "救助申请";

    public string Kind => KindName;

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct) =>
        (await db.Cases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Approved && c.Status != CaseStatus.Refused && c.Status != CaseStatus.Withdrawn)
            .Join(db.Persons, c => c.ApplicantPersonId, p => p.Id, (c, p) => new { Case = c, p.Name })
            .ToListAsync(ct))
        .Select(x => new OpenDeadline(x.Case.RegionCode, x.Case.DueOn, $"{AssistancePrograms.NameOf(x.Case.Program)}申请：{x.Name}",
            $"/Cases/Detail?id={x.Case.Id}", CaseService.StepStartedOn(x.Case)))
        .ToList();
}

/// <summary>Tip-offs still to be investigated or concluded. Titles name no one: the board is read more widely than tip-offs.</summary>
public sealed class TipOffDeadlines(MinzhengDbContext db) : IDeadlineSource
{
    public const string KindName = "举报核查";

    public string Kind => KindName;

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct) =>
        (await db.TipOffs.AsNoTracking().Where(t => t.Status == TipOffStatus.Received || t.Status == TipOffStatus.Investigating)
            .Select(t => new { t.Id, t.RegionCode, t.DueOn, t.Channel, t.ReceivedOn }).ToListAsync(ct))
        .Select(t => new OpenDeadline(t.RegionCode, t.DueOn, $"举报（{TipOff.Channels.GetValueOrDefault(t.Channel, t.Channel)}）待核查",
            $"/Verification/TipOffs?id={t.Id}", t.ReceivedOn))
        .ToList();
}

/// <summary>Warnings of the low-income monitoring still to be verified.</summary>
public sealed class WarningDeadlines(MinzhengDbContext db) : IDeadlineSource
{
    public const string KindName = "监测预警";

    public string Kind => KindName;

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct) =>
        (await db.EarlyWarnings.AsNoTracking().Where(w => w.Status == WarningStatus.Open)
            .Select(w => new { w.RegionCode, w.DueOn, w.Rule, w.RaisedOn }).ToListAsync(ct))
        .Select(w => new OpenDeadline(w.RegionCode, w.DueOn, $"预警：{WarningRules.Names.GetValueOrDefault(w.Rule, w.Rule)}", "/Monitoring", w.RaisedOn))
        .ToList();
}
