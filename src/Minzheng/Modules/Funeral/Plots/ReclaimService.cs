using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Plots;

/// <param name="NoticedOn">The day the 催告 is issued (default today); the deadline is this day plus <see cref="ReclaimOptions.NoticeDays"/>.</param>
public sealed record ReclaimNoticeRequest(string? NoticedOn);

/// <param name="Disposition">columbarium (迁入骨灰堂), ecological (生态安葬) or family (家属领回).</param>
public sealed record ReclaimRequest(string? ReclaimedOn, string? Disposition, string? Place, string? Note);

public sealed record ReclaimRow(Guid Id, Guid PlotId, string NoticeNumber, DateOnly NoticedOn, DateOnly Deadline, DateOnly ExpiredOn, string? HolderName,
    string? HolderIdMasked, string? CertificateNumber, string Status, string StatusName, bool Overdue, DateOnly? ClosedOn, string? Disposition,
    string? DispositionName, string? RemainsPlace, int RemainsMoved, string? Note);

/// <summary>
/// 墓穴到期未续期的收回处置: the 催告 of an expired plot, the renewal that closes it (see <see cref="BurialService.RenewAsync"/>),
/// or the reclaim after its deadline: the burials are marked moved out with the place their remains went, the old 墓穴证 is
/// voided, and the plot is free for a new sale. The plot's status is the concurrency token of the reclaim, the open-notice
/// index that of the notice, so neither happens twice.
/// </summary>
public sealed class ReclaimService(MinzhengDbContext db, DocumentService documents, IOptions<ReclaimOptions> options, TimeProvider clock)
{
    public async Task<FuneralResult<ReclaimRow>> NoticeAsync(Guid plotId, ReclaimNoticeRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var on = string.IsNullOrWhiteSpace(r.NoticedOn) ? today : InputValues.PastDate(r.NoticedOn, "noticedOn", "催告日期", today, required: true, errors);
        var plot = await db.FuneralPlots.SingleOrDefaultAsync(p => p.Id == plotId, ct);
        if (plot is null)
        {
            return FuneralResult<ReclaimRow>.Refused(Outcome.NotFound, PlotLookup.NotFound);
        }

        if (!plot.IsExpired(today))
        {
            return FuneralResult<ReclaimRow>.Refused(Outcome.Rejected, !plot.IsSold
                ? $"{plot.Label}墓穴未售出，无须催告"
                : plot.ExpiresOn is { } e ? $"{plot.Label}墓穴使用期限至{e:yyyy-MM-dd}，尚未到期，不能催告收回" : $"{plot.Label}墓穴售出时未约定使用年限，不会到期");
        }

        if (on is { } d && plot.ExpiresOn is { } end && d <= end)
        {
            errors.Add("noticedOn", $"催告日期应在使用期限届满（{end:yyyy-MM-dd}）之后");
        }

        if (errors.Any)
        {
            return FuneralResult<ReclaimRow>.Invalid(errors);
        }

        if (await OpenAsync(plot.Id, ct) is { } open)
        {
            return Duplicate(open);
        }

        var notice = new PlotReclaim
        {
            RegionCode = plot.RegionCode,
            PlotId = plot.Id,
            NoticedOn = on!.Value,
            Deadline = on.Value.AddDays(options.Value.NoticeDays),
            ExpiredOn = plot.ExpiresOn!.Value,
            HolderName = plot.BuyerName,
            HolderIdMasked = plot.BuyerIdMasked,
            CertificateNumber = plot.CertificateNumber,
            SoldOn = plot.SoldOn,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(notice);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // A colleague issued the notice a moment ago: the open-notice index kept theirs.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await OpenAsync(plotId, ct) is { } theirs ? Duplicate(theirs) : FuneralResult<ReclaimRow>.Refused(Outcome.Conflict, "该墓穴刚刚已由他人催告，请刷新后查看");
        }

        var document = await documents.IssueAsync(ReclaimDocuments.NoticeKind, notice.RegionCode, ReclaimDocuments.OwnerType, notice.Id, ct, notice.NoticedOn);
        notice.NoticeNumber = document.Number;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return FuneralResult<ReclaimRow>.Done(Row(notice, today));
    }

    public async Task<FuneralResult<ReclaimRow>> ReclaimAsync(Guid plotId, ReclaimRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var on = InputValues.PastDate(r.ReclaimedOn, "reclaimedOn", "收回日期", today, required: true, errors);
        var disposition = InputValues.Parse<RemainsDisposition>(r.Disposition, "disposition",
            "遗骨（骨灰）去向（disposition）应为 columbarium（迁入骨灰堂）、ecological（生态安葬）或 family（家属领回）", errors);
        var place = TextRules.Field(r.Place, "place", "安放地点", PlotReclaim.PlaceMaxLength, errors, required: true);
        var note = TextRules.Field(r.Note, "note", "说明", PlotReclaim.NoteMaxLength, errors, multiLine: true);
        var plot = await db.FuneralPlots.SingleOrDefaultAsync(p => p.Id == plotId, ct);
        if (plot is null)
        {
            return FuneralResult<ReclaimRow>.Refused(Outcome.NotFound, PlotLookup.NotFound);
        }

        if (errors.Any)
        {
            return FuneralResult<ReclaimRow>.Invalid(errors);
        }

        var notice = await db.Set<PlotReclaim>().SingleOrDefaultAsync(n => n.PlotId == plotId && n.Status == ReclaimStatus.Noticed, ct);
        if (notice is null || !plot.IsExpired(today))
        {
            return FuneralResult<ReclaimRow>.Refused(Outcome.Rejected, !plot.IsExpired(today)
                ? $"{plot.Label}墓穴未到期或已续期，不能收回"
                : $"{plot.Label}墓穴尚未催告：须先向家属发出催告，期限届满仍未续期的才能收回");
        }

        if (on!.Value <= notice.Deadline)
        {
            return FuneralResult<ReclaimRow>.Refused(Outcome.Rejected,
                $"催告期限至{notice.Deadline:yyyy-MM-dd}，期限届满前家属仍可续期，收回日期应在{notice.Deadline.AddDays(1):yyyy-MM-dd}或以后");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var burials = await db.FuneralBurials.Where(b => b.PlotId == plotId && b.MovedOutOn == null).ToListAsync(ct);
        burials.ForEach(b => b.MovedOutOn = on);
        (notice.Status, notice.ClosedOn, notice.Disposition, notice.RemainsPlace, notice.RemainsMoved, notice.Note) =
            (ReclaimStatus.Reclaimed, on, disposition, place, burials.Count, note);
        plot.Status = PlotStatus.Free;
        (plot.BuyerName, plot.BuyerIdCipher, plot.BuyerIdIndex, plot.BuyerIdMasked, plot.ContractNumber) = (null, null, null, null, null);
        (plot.SoldOn, plot.TenureYears, plot.ExpiresOn, plot.CertificateNumber, plot.BuyerRegionCode) = (null, null, null, null, null);
        try
        {
            // Status tokens on the plot and the notice: a reclaim entered twice, or racing a renewal, is stored once.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return FuneralResult<ReclaimRow>.Refused(Outcome.Conflict, $"{plot.Label}墓穴刚刚已由他人办理（收回或续期），请刷新后查看");
        }

        if (await documents.CurrentAsync(PlotDocuments.CertificateKind, PlotDocuments.OwnerType, plot.Id, ct) is { } certificate)
        {
            await documents.VoidAsync(certificate.Id, $"墓穴到期未续期已收回（催告书{notice.NoticeNumber}）", ct);
        }

        await tx.CommitAsync(ct);
        return FuneralResult<ReclaimRow>.Done(Row(notice, today));
    }

    /// <summary>Closes the open notice of a plot just renewed, in the renewal's own save.</summary>
    public static async Task CloseOnRenewalAsync(MinzhengDbContext db, Guid plotId, DateOnly on, CancellationToken ct)
    {
        if (await db.Set<PlotReclaim>().SingleOrDefaultAsync(n => n.PlotId == plotId && n.Status == ReclaimStatus.Noticed, ct) is { } notice)
        {
            (notice.Status, notice.ClosedOn) = (ReclaimStatus.Renewed, on);
        }
    }

    public async Task<List<ReclaimRow>> OfPlotAsync(Guid plotId, CancellationToken ct)
    {
        var today = clock.Today();
        return [.. (await db.Set<PlotReclaim>().AsNoTracking().Where(n => n.PlotId == plotId).ToListAsync(ct)).OrderBy(n => n.NoticedOn).Select(n => Row(n, today))];
    }

    public Task<PlotReclaim?> GetAsync(Guid id, CancellationToken ct) => db.Set<PlotReclaim>().AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);

    public static ReclaimRow Row(PlotReclaim n, DateOnly today) => new(n.Id, n.PlotId, n.NoticeNumber, n.NoticedOn, n.Deadline, n.ExpiredOn, n.HolderName,
        n.HolderIdMasked, n.CertificateNumber, InputValues.Code(n.Status), PlotReclaim.StatusName(n.Status), n.Status == ReclaimStatus.Noticed && n.Deadline < today,
        n.ClosedOn, n.Disposition is { } d ? InputValues.Code(d) : null, n.Disposition is { } x ? PlotReclaim.DispositionName(x) : null, n.RemainsPlace,
        n.RemainsMoved, n.Note);

    private Task<PlotReclaim?> OpenAsync(Guid plotId, CancellationToken ct) =>
        db.Set<PlotReclaim>().AsNoTracking().SingleOrDefaultAsync(n => n.PlotId == plotId && n.Status == ReclaimStatus.Noticed, ct);

    private static FuneralResult<ReclaimRow> Duplicate(PlotReclaim open) => FuneralResult<ReclaimRow>.Refused(Outcome.Conflict,
        $"该墓穴已于{open.NoticedOn:yyyy-MM-dd}发出催告（{open.NoticeNumber}，期限至{open.Deadline:yyyy-MM-dd}），不能重复催告");
}
