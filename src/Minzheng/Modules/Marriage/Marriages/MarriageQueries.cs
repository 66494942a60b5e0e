using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <param name="Parties">the persons of the period's marriages: first marriages, remarriages and age groups</param>
/// <param name="CrossBorder">marriages and divorces with a foreign, 港澳台 or 华侨 party (涉外、涉港澳台、华侨)</param>
public sealed record MarriageStatistics(int Marriages, int Divorces, int ReissuedMarriageCertificates, int ReissuedDivorceCertificates, int Revocations,
    MarriageParties Parties, CrossBorderFigures? CrossBorder = null)
{
    public int Total => Marriages + Divorces + ReissuedMarriageCertificates + ReissuedDivorceCertificates + Revocations;
}

/// <summary>A row of the registrar's lists; ID numbers masked.</summary>
public sealed record MarriageRecordRow(Guid Id, string Kind, string KindName, DateOnly Date, string CertificateNumber, string PartyAName, string PartyAIdMasked,
    string PartyBName, string PartyBIdMasked, string RegionCode);

/// <summary>Lists and counts of the register, within the caller's region.</summary>
public sealed class MarriageQueries(MinzhengDbContext db, Minzheng.Platform.Statistics.PeriodStatistics period, MarriagePartyCounts parties,
    CrossBorderCounts crossBorder)
{
    public async Task<Paged<MarriageRecordRow>> RecordsAsync(MarriageRecordKind? kind, string? name, PageRequest page, CancellationToken ct)
    {
        var query = db.MarriageRecords.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(r => r.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            var n = name.Trim();
            query = query.Where(r => r.PartyAName.Contains(n) || r.PartyBName.Contains(n));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new Paged<MarriageRecordRow>(rows.Select(Row).ToList(), total, page.Page, page.Size);
    }

    public static MarriageRecordRow Row(MarriageRecord r) => new(r.Id, Platform.Web.InputValues.Code(r.Kind), MarriageRecord.KindName(r.Kind), r.Date,
        r.CertificateNumber, r.PartyAName, r.PartyAIdMasked, r.PartyBName, r.PartyBIdMasked, r.RegionCode);

    public Task<MarriageRecord?> RecordAsync(Guid id, CancellationToken ct) => db.MarriageRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The registration a reissued certificate reissues; it may lie at another registry (补领 under 全国通办).</summary>
    public Task<MarriageRecord?> OriginalAsync(Guid id, CancellationToken ct) =>
        db.MarriageRecords.AcrossRegions("a reissued certificate names its original registration, which may be at any registry (全国通办)").AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == id, ct);

    public async Task<List<DivorceApplication>> ApplicationsAsync(bool pendingOnly, int take, CancellationToken ct)
    {
        var query = db.DivorceApplications.AsNoTracking();
        if (pendingOnly)
        {
            query = query.Where(a => a.Status == DivorceApplicationStatus.Pending);
        }

        return await query.OrderByDescending(a => a.ReceivedOn).ThenByDescending(a => a.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>The application a divorce registration was made from (its agreement); null for a divorce entered from the paper register.</summary>
    public Task<Guid?> ApplicationOfDivorceAsync(Guid divorceRecordId, CancellationToken ct) =>
        db.DivorceApplications.AsNoTracking().Where(a => a.DivorceRecordId == divorceRecordId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);

    public Task<DivorceApplication?> ApplicationAsync(Guid id, CancellationToken ct) => db.DivorceApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>
    /// The five figures by registration date within [from, to] for a region subtree (12 digits or a significant prefix;
    /// the caller's own subtree when empty). A region outside the caller's subtree is not found.
    /// </summary>
    public Task<(Outcome Outcome, MarriageStatistics? Value, FieldErrors Errors)> StatisticsAsync(string? region, string? from, string? to, CancellationToken ct) =>
        period.ComputeAsync(region, from, to, (prefix, start, end) => CountsAsync(prefix, start, end, ct), ct);

    /// <summary>
    /// The five figures of a region prefix by registration date within [from, to] (the region filter applies too), with
    /// the parties of its marriages.
    /// </summary>
    public async Task<MarriageStatistics> CountsAsync(string prefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var counts = await db.MarriageRecords.AsNoTracking().Where(r => r.RegionCode.StartsWith(prefix) && r.Date >= from && r.Date <= to)
            .GroupBy(r => r.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        int Of(MarriageRecordKind k) => counts.GetValueOrDefault(k);
        return new MarriageStatistics(Of(MarriageRecordKind.Marriage), Of(MarriageRecordKind.Divorce),
            Of(MarriageRecordKind.ReissuedMarriageCertificate), Of(MarriageRecordKind.ReissuedDivorceCertificate), Of(MarriageRecordKind.Revocation),
            await parties.CountAsync(prefix, from, to, ct), await crossBorder.CountAsync(prefix, from, to, ct));
    }
}
