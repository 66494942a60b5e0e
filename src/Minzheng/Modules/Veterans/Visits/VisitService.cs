using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Visits;

public sealed record CampaignRequest(string? Name, string? Occasion, string? RegionCode, decimal? Amount, string? Gift = null, List<string>? Categories = null);

public sealed record CreatedCampaign(Guid Id, int Persons, decimal Total);

public sealed record VisitRequest(string? VisitedOn, string? VisitedBy, decimal? Amount = null);

/// <param name="Receipts">Signed receipts (签收单) kept with the row as attachments.</param>
public sealed record VisitRow(Guid Id, Guid EntitlementId, string Name, string RegionCode, string Category, string CategoryName, decimal Amount, string? Gift,
    DateOnly? VisitedOn, string? VisitedBy, int Receipts);

public sealed record CampaignTotals(string Category, string Name, int Persons, int Visited, decimal Amount);

public sealed record CampaignDetail(Guid Id, string Name, string Occasion, string OccasionName, int Year, string RegionPrefix, decimal Amount, string? Gift,
    int Persons, int Visited, decimal Total, IReadOnlyList<CampaignTotals> Categories, IReadOnlyList<VisitRow> Visits, int WithReceipts);

/// <summary>走访慰问: a campaign lists every active entitled person of the region (set-based), townships record the visits, totals by category.</summary>
public sealed class VisitService(MinzhengDbContext db, IRegionScope scope, RegionService regions, RowStamper stamper, TimeProvider clock)
{
    public static IReadOnlyList<(string Code, string Name)> Occasions { get; } =
        [("spring-festival", "元旦春节"), ("army-day", "八一建军节"), ("other", "其他")];

    public static string OccasionName(string code) => Occasions.FirstOrDefault(o => o.Code == code).Name ?? code;

    public async Task<VeteranResult<CreatedCampaign>> CreateAsync(CampaignRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = TextRules.Field(r.Name, "name", "活动名称", CareVisitCampaign.NameMaxLength, errors, required: true);
        if (Occasions.All(o => o.Code != r.Occasion))
        {
            errors.Add("occasion", $"慰问时节（occasion）应为 {string.Join("、", Occasions.Select(o => $"{o.Code}（{o.Name}）"))} 之一");
        }

        var prefix = await regions.SubtreeWithinAsync(r.RegionCode, scope.Prefix, ct);
        if (prefix is null)
        {
            errors.Add("regionCode", "慰问区划（regionCode）应为您管辖范围内存在的区划代码或其前缀");
        }

        if (!InputValues.IsMoney(r.Amount ?? 0))
        {
            errors.Add("amount", "慰问金（amount）应为不小于0、最多两位小数的金额");
        }

        var gift = TextRules.Field(r.Gift, "gift", "慰问品", CareVisitCampaign.GiftMaxLength, errors);
        var categories = (r.Categories ?? []).Select(c => c.Trim()).Distinct().ToList();
        if (categories.Any(c => VeteranCategories.ByCode(c) is null))
        {
            errors.Add("categories", "慰问类别（categories）含有未知的优抚类别");
        }

        if (errors.Any)
        {
            return VeteranResult<CreatedCampaign>.Invalid(errors);
        }

        var campaign = new CareVisitCampaign
        {
            RegionPrefix = prefix!,
            RegionCode = prefix!.PadRight(RegionCode.Length, '0'),
            Name = name!,
            Occasion = r.Occasion!,
            Year = clock.Today().Year,
            Categories = string.Join(",", categories),
            Amount = r.Amount ?? 0,
            Gift = gift,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.VeteranVisitCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        var people = db.VeteranEntitlements.AsNoTracking().Where(e => e.Status == EntitlementStatus.Active && e.RegionCode.StartsWith(prefix));
        if (categories.Count > 0)
        {
            people = people.Where(e => categories.Contains(e.Category));
        }

        // A person in several categories is visited once, under the first category registered.
        var rows = (await people.OrderBy(e => e.CreatedAt).Select(e => new { e.Id, e.PersonId, e.RegionCode, e.Name, e.Category }).ToListAsync(ct))
            .DistinctBy(e => e.PersonId).ToList();
        var visits = stamper.Stamp(rows.Select(e => new CareVisit
        {
            RegionCode = e.RegionCode,
            CampaignId = campaign.Id,
            EntitlementId = e.Id,
            Name = e.Name,
            Category = e.Category,
            Amount = campaign.Amount,
            Gift = campaign.Gift,
        }).ToList());
        await BulkInsert.InsertAsync(db, visits, ct);
        campaign.Persons = visits.Count;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return VeteranResult<CreatedCampaign>.Done(new CreatedCampaign(campaign.Id, visits.Count, visits.Sum(v => v.Amount)));
    }

    /// <summary>Campaigns over the caller's region or part of it (a county has a few a year: filtered in memory).</summary>
    public async Task<List<CareVisitCampaign>> ListAsync(CancellationToken ct) =>
        [.. (await db.VeteranVisitCampaigns.AsNoTracking().AcrossRegions("a township sees the county's campaigns to record its own visits").ToListAsync(ct))
            .Where(c => RegionCode.Overlap(c.RegionPrefix, scope.Prefix))
            .OrderByDescending(c => c.CreatedAt)];

    /// <summary>One campaign by id when it covers the caller's region or part of it; null otherwise.</summary>
    private async Task<CareVisitCampaign?> FindAsync(Guid id, CancellationToken ct)
    {
        var campaign = await db.VeteranVisitCampaigns.AsNoTracking().AcrossRegions("a township sees the county's campaigns to record its own visits")
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        return campaign is not null && RegionCode.Overlap(campaign.RegionPrefix, scope.Prefix) ? campaign : null;
    }

    /// <summary>The campaign with the caller's own part of its list (the region filter), and the totals of that part.</summary>
    public async Task<CampaignDetail?> GetAsync(Guid id, CancellationToken ct)
    {
        var c = await FindAsync(id, ct);
        if (c is null)
        {
            return null;
        }

        var visits = await db.VeteranVisits.AsNoTracking().Where(v => v.CampaignId == id).OrderBy(v => v.RegionCode).ThenBy(v => v.Name).ToListAsync(ct);
        var receipts = await ReceiptCountsAsync(id, ct);
        var totals = visits.GroupBy(v => v.Category).Select(g => new CampaignTotals(g.Key, VeteranCategories.Name(g.Key), g.Count(), g.Count(v => v.VisitedOn != null),
            g.Sum(v => v.Amount))).OrderBy(t => VeteranCategories.All.ToList().FindIndex(x => x.Code == t.Category)).ToList();
        return new CampaignDetail(c.Id, c.Name, c.Occasion, OccasionName(c.Occasion), c.Year, c.RegionPrefix, c.Amount, c.Gift, visits.Count,
            visits.Count(v => v.VisitedOn != null), visits.Sum(v => v.Amount), totals,
            [.. visits.Select(v => new VisitRow(v.Id, v.EntitlementId, v.Name, v.RegionCode, v.Category, VeteranCategories.Name(v.Category), v.Amount, v.Gift,
                v.VisitedOn, v.VisitedBy, receipts.GetValueOrDefault(v.Id)))], visits.Count(v => receipts.ContainsKey(v.Id)));
    }

    /// <summary>One visit row of the caller's region with its campaign, for the receipt page; null when out of reach.</summary>
    public async Task<(CareVisit Visit, CareVisitCampaign Campaign)?> VisitAsync(Guid visitId, CancellationToken ct)
    {
        var visit = await db.VeteranVisits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == visitId, ct);
        var campaign = visit is null ? null : await FindAsync(visit.CampaignId, ct);
        return visit is null || campaign is null ? null : (visit, campaign);
    }

    /// <summary>How many signed receipts (签收单, attachments not removed) each visit row of the campaign has.</summary>
    private async Task<Dictionary<Guid, int>> ReceiptCountsAsync(Guid campaignId, CancellationToken ct) =>
        await db.Attachments.AsNoTracking()
            .Where(a => a.OwnerType == CareVisitAttachmentOwner.Type && a.DeletedAt == null)
            .Join(db.VeteranVisits.Where(v => v.CampaignId == campaignId), a => a.OwnerId, v => v.Id, (a, v) => a.OwnerId)
            .GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public async Task<VeteranResult<bool>> RecordAsync(Guid campaignId, Guid visitId, VisitRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var on = EntitlementInput.Date(r.VisitedOn, "visitedOn", "走访日期", clock.Today(), errors);
        if (on is null && !errors.Any)
        {
            errors.Add("visitedOn", "请填写走访日期（visitedOn，格式 YYYY-MM-DD）");
        }

        var by = TextRules.Field(r.VisitedBy, "visitedBy", "走访人", CareVisit.VisitorMaxLength, errors, required: true);
        if (r.Amount is { } a && !InputValues.IsMoney(a))
        {
            errors.Add("amount", "慰问金（amount）应为不小于0、最多两位小数的金额");
        }

        if (errors.Any)
        {
            return VeteranResult<bool>.Invalid(errors);
        }

        var visit = await db.VeteranVisits.SingleOrDefaultAsync(v => v.Id == visitId && v.CampaignId == campaignId, ct);
        if (visit is null)
        {
            return VeteranResult<bool>.Refused(Outcome.NotFound, "走访记录不存在或不在您的管辖范围内");
        }

        (visit.VisitedOn, visit.VisitedBy, visit.Amount) = (on, by, r.Amount ?? visit.Amount);
        await db.SaveChangesAsync(ct);
        return VeteranResult<bool>.Done(true);
    }
}
