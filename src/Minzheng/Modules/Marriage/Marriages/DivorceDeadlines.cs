using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// Divorce applications on the shared work list and board (registry staff only, see <see cref="Policy"/>): while in the
/// cooling-off period the item is due on 冷静期届满日 (the parties may come for the certificate from the next day); after it,
/// on 领证截止日. An application the daily job marked 逾期视为撤回 stays on the board as overdue for
/// <see cref="LapsedShownDays"/> days, so the registry sees which couples did not come and can tell them.
/// </summary>
public sealed class DivorceDeadlines(MinzhengDbContext db, TimeProvider clock) : IDeadlineSource
{
    public const string KindName = "离婚登记申请";
    public const int LapsedShownDays = 30;

    public string Kind => KindName;

    public string? Policy => MarriageModule.Register;

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var since = today.AddDays(-LapsedShownDays);
        var rows = await db.DivorceApplications.AsNoTracking()
            .Where(a => a.Status == DivorceApplicationStatus.Pending || (a.Status == DivorceApplicationStatus.Lapsed && a.ClosedOn >= since))
            .Select(a => new { a.Id, a.RegionCode, a.PartyAName, a.PartyBName, a.ReceivedOn, a.CoolingOffEnds, a.CollectBy, a.Status })
            .ToListAsync(ct);
        return rows.Select(a =>
        {
            var couple = $"{a.PartyAName}、{a.PartyBName}";
            var href = $"/Marriages/Application?id={a.Id}";
            return a.Status == DivorceApplicationStatus.Lapsed
                ? new OpenDeadline(a.RegionCode, a.CollectBy, $"逾期视为撤回：{couple}（未在领证截止日前办理）", href, a.CoolingOffEnds.AddDays(1))
                : today <= a.CoolingOffEnds
                    ? new OpenDeadline(a.RegionCode, a.CoolingOffEnds, $"冷静期届满：{couple}", href, a.ReceivedOn)
                    : new OpenDeadline(a.RegionCode, a.CollectBy, $"领证截止：{couple}", href, a.CoolingOffEnds.AddDays(1));
        }).ToList();
    }
}
