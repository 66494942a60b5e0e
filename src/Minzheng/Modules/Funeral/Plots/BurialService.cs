using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Plots;

public sealed record BurialRequest(string? DeceasedName, string? IdNumber, string? BuriedOn, Guid? CremationId);

public sealed record RenewalRequest(int? Years, string? RenewedOn, decimal? Fee, string? ReceiptNumber);

public sealed record BurialRow(Guid Id, int Slot, string DeceasedName, string IdNumberMasked, DateOnly BuriedOn, Guid? CremationId);

public sealed record RenewalRow(Guid Id, DateOnly RenewedOn, int Years, DateOnly PreviousExpiresOn, DateOnly ExpiresOn, decimal Fee, string? ReceiptNumber);

public sealed record PlotDetail(PlotRow Plot, string FacilityName, int Capacity, IReadOnlyList<BurialRow> Burials, IReadOnlyList<RenewalRow> Renewals);

public sealed record RenewedPlot(Guid Id, DateOnly PreviousExpiresOn, DateOnly ExpiresOn);

/// <summary>
/// What happens to a plot after its sale: burials (one in a 单穴, two in a 双穴, on a date between the sale and today, the
/// cremation record linked when it is the same person) and renewals of the tenure (续期), each kept as a row.
/// </summary>
public sealed class BurialService(MinzhengDbContext db, PersonalDataProtector protector, TimeProvider clock)
{
    public const decimal MaxRenewalFee = 1_000_000m;

    public async Task<FuneralResult<BurialRow>> BuryAsync(Guid plotId, BurialRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var name = TextRules.Field(r.DeceasedName, "deceasedName", "逝者姓名", 50, errors, required: true);
        IdNumber id = default;
        if (!IdNumber.TryParse(r.IdNumber, today, out id, out var idError))
        {
            errors.Add("idNumber", $"逝者身份证号（idNumber）无效：{idError}");
        }

        var buriedOn = InputValues.PastDate(r.BuriedOn, "buriedOn", "安葬日期", today, required: true, errors);
        var plot = await db.FuneralPlots.SingleOrDefaultAsync(p => p.Id == plotId, ct);
        if (plot is null)
        {
            return FuneralResult<BurialRow>.Refused(Outcome.NotFound, PlotLookup.NotFound);
        }

        if (!plot.IsSold)
        {
            return FuneralResult<BurialRow>.Refused(Outcome.Rejected, $"{plot.Label}墓穴尚未售出，须先办理出售（合同、墓穴证）再登记安葬");
        }

        if (buriedOn is { } day && plot.SoldOn is { } sold && day < sold)
        {
            errors.Add("buriedOn", $"安葬日期不能早于墓穴售出日期{sold:yyyy-MM-dd}");
        }

        string? index = errors.Any ? null : protector.BlindIndex(id.Value, DataPurpose.IdNumber);
        Guid? cremationId = null;
        if (index is not null)
        {
            var cremation = r.CremationId is { } wanted
                ? await db.Cremations.AsNoTracking().Where(c => c.Id == wanted).Select(c => new { c.Id, c.IdNumberIndex, c.CremationDate }).SingleOrDefaultAsync(ct)
                : await db.Cremations.AsNoTracking().Where(c => c.IdNumberIndex == index).Select(c => new { c.Id, c.IdNumberIndex, c.CremationDate }).FirstOrDefaultAsync(ct);
            if (r.CremationId is not null && (cremation is null || cremation.IdNumberIndex != index))
            {
                errors.Add("cremationId", "关联的火化记录不存在、不在您的管辖范围内，或不是同一身份证号的逝者");
            }
            else if (cremation is not null && buriedOn < cremation.CremationDate)
            {
                errors.Add("buriedOn", $"安葬日期不能早于火化日期{cremation.CremationDate:yyyy-MM-dd}");
            }

            cremationId = cremation?.Id;
        }

        if (errors.Any)
        {
            return FuneralResult<BurialRow>.Invalid(errors);
        }

        if (plot.IsExpired(today))
        {
            return FuneralResult<BurialRow>.Refused(Outcome.Rejected, $"{plot.Label}墓穴使用期限已于{plot.ExpiresOn:yyyy-MM-dd}届满，须先续期再登记安葬");
        }

        var taken = await db.FuneralBurials.AsNoTracking().Where(b => b.PlotId == plot.Id && b.MovedOutOn == null).Select(b => b.Slot).ToListAsync(ct);
        if (taken.Count >= plot.Capacity)
        {
            return FuneralResult<BurialRow>.Refused(Outcome.Conflict, Full(plot));
        }

        if (await BuriedElsewhereAsync(index!, ct) is { } where)
        {
            return FuneralResult<BurialRow>.Refused(Outcome.Conflict, where);
        }

        var burial = new Burial
        {
            RegionCode = plot.RegionCode,
            PlotId = plot.Id,
            Slot = Enumerable.Range(1, plot.Capacity).First(s => !taken.Contains(s)),
            DeceasedName = name!,
            IdNumberCipher = protector.Encrypt(id.Value, DataPurpose.IdNumber),
            IdNumberIndex = index!,
            IdNumberMasked = id.Masked,
            CremationId = cremationId,
            BuriedOn = buriedOn!.Value,
        };
        db.FuneralBurials.Add(burial);
        plot.Status = PlotStatus.Buried;
        try
        {
            // The slot is unique per plot and the plot's status a concurrency token: of two burials racing for the last slot one is stored.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return FuneralResult<BurialRow>.Refused(Outcome.Conflict,
                await BuriedElsewhereAsync(index!, ct) ?? $"{plot.Label}墓穴刚刚已登记了安葬，请刷新后查看是否还有空余穴位");
        }

        return FuneralResult<BurialRow>.Done(Row(burial));
    }

    /// <summary>Extends a sold plot's tenure by whole years from its current expiry (an expired plot too: the years run on from the old end).</summary>
    public async Task<FuneralResult<RenewedPlot>> RenewAsync(Guid plotId, RenewalRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        if (r.Years is not (>= 1 and <= PlotService.MaxTenureYears))
        {
            errors.Add("years", $"续期年限（years）应为1至{PlotService.MaxTenureYears}年");
        }

        var renewedOn = string.IsNullOrWhiteSpace(r.RenewedOn) ? today : InputValues.PastDate(r.RenewedOn, "renewedOn", "续期日期", today, required: true, errors);
        if (r.Fee is { } fee && (!InputValues.IsMoney(fee) || fee > MaxRenewalFee))
        {
            errors.Add("fee", $"续期费用（fee）应为0至{MaxRenewalFee:0}元、最多两位小数的金额");
        }

        var receipt = TextRules.Field(r.ReceiptNumber, "receiptNumber", "收据编号", 40, errors);
        var plot = await db.FuneralPlots.SingleOrDefaultAsync(p => p.Id == plotId, ct);
        if (plot is null)
        {
            return FuneralResult<RenewedPlot>.Refused(Outcome.NotFound, PlotLookup.NotFound);
        }

        if (renewedOn is { } on && plot.SoldOn is { } sold && on < sold)
        {
            errors.Add("renewedOn", $"续期日期不能早于墓穴售出日期{sold:yyyy-MM-dd}");
        }

        if (errors.Any)
        {
            return FuneralResult<RenewedPlot>.Invalid(errors);
        }

        if (!plot.IsSold || plot.ExpiresOn is not { } previous)
        {
            return FuneralResult<RenewedPlot>.Refused(Outcome.Rejected,
                !plot.IsSold ? $"{plot.Label}墓穴尚未售出，不能续期" : $"{plot.Label}墓穴售出时未约定使用年限，无须续期");
        }

        var next = previous.AddYears(r.Years!.Value);
        if (next > InputValues.LastDate)
        {
            return FuneralResult<RenewedPlot>.Refused(Outcome.Rejected, $"续期后到期日期{next:yyyy-MM-dd}超出系统可记录的范围，请减少续期年限");
        }

        plot.ExpiresOn = next;
        await ReclaimService.CloseOnRenewalAsync(db, plot.Id, renewedOn!.Value, ct);
        plot.TenureYears = (plot.TenureYears ?? 0) + r.Years.Value;
        db.FuneralPlotRenewals.Add(new PlotRenewal
        {
            RegionCode = plot.RegionCode,
            PlotId = plot.Id,
            RenewedOn = renewedOn!.Value,
            Years = r.Years.Value,
            PreviousExpiresOn = previous,
            ExpiresOn = next,
            Fee = r.Fee ?? 0m,
            ReceiptNumber = receipt,
        });
        try
        {
            // The expiry is a concurrency token: a renewal entered twice at the same moment extends the tenure once.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FuneralResult<RenewedPlot>.Refused(Outcome.Conflict, $"{plot.Label}墓穴刚刚已办理续期，请刷新后核对到期日期");
        }

        return FuneralResult<RenewedPlot>.Done(new RenewedPlot(plot.Id, previous, next));
    }

    public async Task<PlotDetail?> DetailAsync(Guid plotId, CancellationToken ct)
    {
        var plot = await db.FuneralPlots.AsNoTracking().SingleOrDefaultAsync(p => p.Id == plotId, ct);
        if (plot is null)
        {
            return null;
        }

        var facility = await db.FuneralFacilities.AsNoTracking().Where(f => f.Id == plot.FacilityId).Select(f => f.Name).SingleAsync(ct);
        var burials = await db.FuneralBurials.AsNoTracking().Where(b => b.PlotId == plotId && b.MovedOutOn == null).OrderBy(b => b.Slot).ToListAsync(ct);
        var renewals = await db.FuneralPlotRenewals.AsNoTracking().Where(x => x.PlotId == plotId).OrderBy(x => x.RenewedOn).ThenBy(x => x.Id).ToListAsync(ct);
        return new PlotDetail(PlotService.Row(plot, clock.Today(), burials.Count), facility, plot.Capacity, [.. burials.Select(Row)],
            [.. renewals.Select(x => new RenewalRow(x.Id, x.RenewedOn, x.Years, x.PreviousExpiresOn, x.ExpiresOn, x.Fee, x.ReceiptNumber))]);
    }

    private static BurialRow Row(Burial b) => new(b.Id, b.Slot, b.DeceasedName, b.IdNumberMasked, b.BuriedOn, b.CremationId);

    private static string Full(Plot plot) =>
        $"{plot.Label}墓穴为{(plot.Kind == PlotKind.Double ? "双穴，已安葬2人" : "单穴，已安葬1人")}，不能再登记安葬";

    /// <summary>The conflict message when the person is already buried, in any cemetery of the county (a person is buried once); null when not.</summary>
    private async Task<string?> BuriedElsewhereAsync(string index, CancellationToken ct)
    {
        var first = await (from b in db.FuneralBurials.AsNoTracking().AcrossRegions("a person is buried once: the check reads every cemetery's burials")
                           join p in db.FuneralPlots.AsNoTracking().AcrossRegions("the plot of that burial, named in the answer") on b.PlotId equals p.Id
                           where b.IdNumberIndex == index && b.MovedOutOn == null
                           select new { b.BuriedOn, p.Area, p.Row, p.Number }).FirstOrDefaultAsync(ct);
        return first is null ? null : $"该身份证号的逝者已于{first.BuriedOn:yyyy-MM-dd}安葬在{first.Area}区{first.Row}排{first.Number}号墓穴，不能重复登记安葬";
    }
}
