using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Confirmations;

public sealed record ConfirmationCampaignRow(Guid Id, int Year, string RegionPrefix, string DueOn, string EffectiveMonth, string Status, string StatusName, string? AppliedOn, int Persons);

public sealed record ConfirmationRow(Guid Id, string Name, string IdNumberMasked, string RegionCode, string Category, string CategoryName, string Outcome,
    string OutcomeName, string? Reason, string? ReasonName, string? Note, string? RecordedOn);

/// <summary>The caller's part of a campaign: counts by outcome and the rows (optionally one outcome only), as the township works them.</summary>
public sealed record ConfirmationDetail(ConfirmationCampaignRow Campaign, int Persons, int Pending, int Confirmed, int Ended, IReadOnlyList<ConfirmationRow> Items);

/// <summary>Reads of 年度确认: campaigns over or under the caller's region, and the caller's own part of one.</summary>
public sealed class ConfirmationQueries(MinzhengDbContext db, IRegionScope scope)
{
    /// <summary>A list page shows at most this many rows; counts are always whole.</summary>
    public const int MaxRows = 2000;

    /// <summary>Campaigns covering the caller's region or part of it (a county opens one or two a year: filtered in memory).</summary>
    public async Task<List<ConfirmationCampaignRow>> ListAsync(CancellationToken ct) =>
        [.. (await db.VeteranConfirmationCampaigns.AsNoTracking().AcrossRegions("a township sees the county's campaign to record its own part").ToListAsync(ct))
            .Where(c => RegionCode.Overlap(c.RegionPrefix, scope.Prefix))
            .OrderByDescending(c => c.Year).ThenBy(c => c.RegionPrefix).Select(Row)];

    public async Task<ConfirmationDetail?> GetAsync(Guid id, string? outcome, CancellationToken ct)
    {
        if ((await ListAsync(ct)).FirstOrDefault(c => c.Id == id) is not { } campaign)
        {
            return null;
        }

        var items = db.VeteranConfirmations.AsNoTracking().Where(i => i.CampaignId == id);
        var counts = await items.GroupBy(i => i.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(ConfirmationOutcome o) => counts.FirstOrDefault(c => c.Key == o)?.Count ?? 0;
        if (Enum.TryParse<ConfirmationOutcome>(outcome, ignoreCase: true, out var only) && Enum.IsDefined(only))
        {
            items = items.Where(i => i.Outcome == only);
        }

        var rows = await items.OrderBy(i => i.RegionCode).ThenBy(i => i.Name).ThenBy(i => i.Id).Take(MaxRows).ToListAsync(ct);
        return new ConfirmationDetail(campaign, counts.Sum(c => c.Count), Count(ConfirmationOutcome.Pending), Count(ConfirmationOutcome.Confirmed),
            Count(ConfirmationOutcome.Ended), [.. rows.Select(ItemRow)]);
    }

    public static string StatusName(ConfirmationCampaignStatus s) => s == ConfirmationCampaignStatus.Open ? "确认中" : "已生效";

    public static string OutcomeName(ConfirmationOutcome o) => o switch
    {
        ConfirmationOutcome.Confirmed => "继续享受",
        ConfirmationOutcome.Ended => "终止",
        _ => "待确认",
    };

    private static ConfirmationCampaignRow Row(ConfirmationCampaign c) => new(c.Id, c.Year, c.RegionPrefix, Day(c.DueOn), EntitlementQueries.Month(c.EffectiveMonth),
        InputValues.Code(c.Status), StatusName(c.Status), c.AppliedOn is { } on ? Day(on) : null, c.Persons);

    private static ConfirmationRow ItemRow(ConfirmationItem i) => new(i.Id, i.Name, i.IdNumberMasked, i.RegionCode, i.Category, VeteranCategories.Name(i.Category),
        InputValues.Code(i.Outcome), OutcomeName(i.Outcome), i.Reason, i.Reason is null ? null : ConfirmationReasons.Name(i.Reason), i.Note, i.RecordedOn is { } on ? Day(on) : null);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The pending part of each open campaign on the deadline board, one item per township (the region filter gives each
/// township its own), due on the campaign's day.
/// </summary>
public sealed class ConfirmationDeadlines(MinzhengDbContext db) : IDeadlineSource
{
    public string Kind => "优抚年度确认";

    public string? Policy => VeteransModule.Confirm;

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct)
    {
        var pending = await (from i in db.VeteranConfirmations.AsNoTracking()
                             join c in db.VeteranConfirmationCampaigns.AsNoTracking().AcrossRegions("the county's campaign of the caller's own rows")
                                 on i.CampaignId equals c.Id
                             where i.Outcome == ConfirmationOutcome.Pending && c.Status == ConfirmationCampaignStatus.Open
                             select new { c.Id, c.Year, c.DueOn, c.CreatedAt, i.RegionCode }).ToListAsync(ct);
        return [.. pending.GroupBy(p => (p.Id, Township: p.RegionCode[..9])).Select(g => new OpenDeadline(g.Key.Township.PadRight(RegionCode.Length, '0'),
            g.First().DueOn, $"{g.First().Year}年度优抚对象年度确认：待确认{g.Count()}人", $"/Veterans/Confirmations?id={g.Key.Id}&outcome=pending",
            DateOnly.FromDateTime(g.First().CreatedAt.UtcDateTime)))];
    }
}
