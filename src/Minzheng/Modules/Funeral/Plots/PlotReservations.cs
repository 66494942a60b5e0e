using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Modules.Funeral.FuneralFacilities;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Plots;

/// <summary><c>POST /api/v1/funeral/plots/{id}/reservation</c>: hold a free plot for a family until a day.</summary>
public sealed record PlotReservationRequest(string? BuyerName, string? BuyerIdNumber, string? BuyerRegionCode, string? ReservedOn, string? ReservedUntil);

public sealed record ReservedPlot(Guid Id, string BuyerName, string BuyerIdMasked, DateOnly ReservedOn, DateOnly ReservedUntil);

/// <summary>Finding a plot to act on, the same way for every plot service.</summary>
internal static class PlotLookup
{
    public const string NotFound = "墓穴不存在或不在您的管辖范围内";

    /// <summary>The plot (tracked, to be changed) and its cemetery, or null when either is outside the user's region.</summary>
    public static async Task<(Plot Plot, FuneralFacility Facility)?> WithFacilityAsync(MinzhengDbContext db, Guid plotId, CancellationToken ct)
    {
        var plot = await db.FuneralPlots.SingleOrDefaultAsync(p => p.Id == plotId, ct);
        var facility = plot is null ? null : await db.FuneralFacilities.AsNoTracking().SingleOrDefaultAsync(f => f.Id == plot.FacilityId, ct);
        return plot is null || facility is null ? null : (plot, facility);
    }
}

/// <summary>The family a plot is sold or reserved to, read and checked the same way for both.</summary>
internal sealed record PlotBuyer(string Name, IdNumber Id, string IdIndex, string? VillageCode)
{
    /// <summary>
    /// Name, ID number and 户籍 village. A rural 公益性墓地 serves the villagers of its own village (or township) only —
    /// 殡葬管理条例: 农村公益性墓地不得对村民以外的其他人员提供墓穴用地 — so there the village is required and must lie
    /// in the cemetery's region; elsewhere it is recorded when given.
    /// </summary>
    public static PlotBuyer? Read(string? name, string? idNumber, string? regionCode, FuneralFacility facility, DateOnly today,
        PersonalDataProtector protector, FieldErrors errors)
    {
        var buyer = TextRules.Field(name, "buyerName", "购墓人姓名", 50, errors, required: true);
        if (!IdNumber.TryParse(idNumber, today, out var id, out var idError))
        {
            errors.Add("buyerIdNumber", $"购墓人身份证号（buyerIdNumber）无效：{idError}");
        }

        var region = string.IsNullOrWhiteSpace(regionCode) ? null : regionCode.Trim();
        if (region is not null && !RegionCode.IsValid(region))
        {
            errors.Add("buyerRegionCode", "购墓人户籍所在村（居）（buyerRegionCode）应为12位区划代码");
        }
        else if (facility.Kind == FacilityKind.RuralPublicCemetery && (region is null || !region.StartsWith(RegionCode.Prefix(facility.RegionCode), StringComparison.Ordinal)))
        {
            errors.Add("buyerRegionCode", $"{facility.Name}是农村公益性墓地，只为本村（居）民提供墓穴（殡葬管理条例）：请填写购墓人户籍所在村（居）的区划代码，须在本墓地所在区划内");
        }

        return errors.Any ? null : new PlotBuyer(buyer!, id, protector.BlindIndex(id.Value, DataPurpose.IdNumber), region);
    }

    public void WriteTo(Plot plot, PersonalDataProtector protector)
    {
        (plot.BuyerName, plot.BuyerIdMasked, plot.BuyerRegionCode) = (Name, Id.Masked, VillageCode);
        plot.BuyerIdCipher = protector.Encrypt(Id.Value, DataPurpose.IdNumber);
        plot.BuyerIdIndex = IdIndex;
    }
}

/// <summary>
/// 预留: a free plot held for a named family until a day — a couple choosing their plot together, a family paying later.
/// Only that family may buy it while the reservation runs; after its last day the plot reads free again without anyone
/// acting, and the reservation can be cancelled before. The plot's status is the concurrency token, as for a sale.
/// </summary>
public sealed class PlotReservationService(MinzhengDbContext db, PersonalDataProtector protector, TimeProvider clock)
{
    public const int MaxReservationDays = 366;

    public async Task<FuneralResult<ReservedPlot>> ReserveAsync(Guid plotId, PlotReservationRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        if (await PlotLookup.WithFacilityAsync(db, plotId, ct) is not var (plot, facility))
        {
            return FuneralResult<ReservedPlot>.Refused(Outcome.NotFound, PlotLookup.NotFound);
        }

        var errors = new FieldErrors();
        var buyer = PlotBuyer.Read(r.BuyerName, r.BuyerIdNumber, r.BuyerRegionCode, facility, today, protector, errors);
        var from = InputValues.TryParseDate(r.ReservedOn ?? today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), out var on) && on <= today
            ? on : (DateOnly?)null;
        if (from is null)
        {
            errors.Add("reservedOn", "预留日期（reservedOn）应为不晚于今天的有效日期 YYYY-MM-DD");
        }

        if (!InputValues.TryParseDate(r.ReservedUntil, out var until) || until < today || (from is { } f && until > f.AddDays(MaxReservationDays)))
        {
            errors.Add("reservedUntil", $"预留截止日期（reservedUntil）应为今天或以后、预留日期起{MaxReservationDays}天以内的日期 YYYY-MM-DD");
        }

        if (errors.Any)
        {
            return FuneralResult<ReservedPlot>.Invalid(errors);
        }

        if (plot.StatusCode(today) != "free")
        {
            return FuneralResult<ReservedPlot>.Refused(Outcome.Conflict, plot.IsReservedOn(today)
                ? $"{plot.Label}墓穴已预留给{plot.BuyerName}（至{plot.ReservedUntil:yyyy-MM-dd}），不能再预留"
                : $"{plot.Label}墓穴已售出，不能预留");
        }

        buyer!.WriteTo(plot, protector);
        (plot.Status, plot.ReservedOn, plot.ReservedUntil) = (PlotStatus.Reserved, from, until);
        if (!await SavedAsync(ct))
        {
            return FuneralResult<ReservedPlot>.Refused(Outcome.Conflict, $"{plot.Label}墓穴刚刚已被预留或售出");
        }

        return FuneralResult<ReservedPlot>.Done(new ReservedPlot(plot.Id, plot.BuyerName!, plot.BuyerIdMasked!, from!.Value, until));
    }

    /// <summary>Ends a running reservation: the plot is free again and the family's details are removed from it (the audit log keeps them).</summary>
    public async Task<FuneralResult<Guid>> CancelAsync(Guid plotId, CancellationToken ct)
    {
        var plot = await db.FuneralPlots.SingleOrDefaultAsync(p => p.Id == plotId, ct);
        if (plot is null)
        {
            return FuneralResult<Guid>.Refused(Outcome.NotFound, PlotLookup.NotFound);
        }

        if (plot.Status != PlotStatus.Reserved)
        {
            return FuneralResult<Guid>.Refused(Outcome.Conflict, $"{plot.Label}墓穴没有预留，无须取消");
        }

        Clear(plot);
        return await SavedAsync(ct) ? FuneralResult<Guid>.Done(plot.Id) : FuneralResult<Guid>.Refused(Outcome.Conflict, $"{plot.Label}墓穴刚刚已被售出或取消预留");
    }

    /// <summary>A reserved plot back to free, the family's details removed.</summary>
    internal static void Clear(Plot plot)
    {
        plot.Status = PlotStatus.Free;
        (plot.BuyerName, plot.BuyerIdCipher, plot.BuyerIdIndex, plot.BuyerIdMasked, plot.BuyerRegionCode) = (null, null, null, null, null);
        (plot.ReservedOn, plot.ReservedUntil) = (null, null);
    }

    private async Task<bool> SavedAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
