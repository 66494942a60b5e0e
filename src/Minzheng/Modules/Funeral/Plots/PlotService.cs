using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Modules.Funeral.FuneralFacilities;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Plots;

public sealed record PlotRequest(string? Area, int? Row, int? Number, string? Kind, bool? ForAshes, decimal? SquareMeters, decimal? Price);

/// <param name="BuyerRegionCode">The buyer's 户籍 village or community (12 digits): required by a rural 公益性墓地, which serves its villagers only.</param>
public sealed record PlotSaleRequest(string? BuyerName, string? BuyerIdNumber, string? SoldOn, string? ContractNumber, int? TenureYears, string? BuyerRegionCode = null);

/// <param name="ReservedUntil">The last day of a running reservation (status reserved); the buyer fields then name the reserving family.</param>
public sealed record PlotRow(Guid Id, Guid FacilityId, string Label, string Kind, bool ForAshes, string KindName, decimal SquareMeters, decimal Price, string Status,
    string? BuyerName, string? BuyerIdMasked, DateOnly? SoldOn, DateOnly? ExpiresOn, string? CertificateNumber, int Burials = 0, DateOnly? ReservedUntil = null);

public sealed record SoldPlot(Guid Id, string CertificateNumber, DateOnly? ExpiresOn);

/// <summary>Cemetery plots: laid out within the province's size limit, sold once with a contract, a tenure and a numbered 墓穴证.</summary>
public sealed class PlotService(MinzhengDbContext db, PersonalDataProtector protector, DocumentService documents, IOptions<PlotLimits> limits, TimeProvider clock)
{
    public const int MaxTenureYears = 70;

    private static readonly FacilityKind[] Cemeteries = [FacilityKind.UrbanPublicCemetery, FacilityKind.RuralPublicCemetery, FacilityKind.CommercialCemetery];

    public async Task<FuneralResult<PlotRow>> AddAsync(Guid facilityId, PlotRequest r, CancellationToken ct)
    {
        var facility = await db.FuneralFacilities.AsNoTracking().SingleOrDefaultAsync(f => f.Id == facilityId, ct);
        if (facility is null)
        {
            return FuneralResult<PlotRow>.Refused(Outcome.NotFound, "殡葬设施不存在或不在您的管辖范围内");
        }

        var errors = new FieldErrors();
        if (!Cemeteries.Contains(facility.Kind))
        {
            errors.Add("facility", $"{FuneralFacility.KindName(facility.Kind)}不设墓穴，只有公墓可以登记墓穴");
        }

        var area = TextRules.Field(r.Area, "area", "墓区", Plot.AreaMaxLength, errors, required: true);
        if (r.Row is not (>= 1 and <= 9999))
        {
            errors.Add("row", "排号（row）应为1至9999的整数");
        }

        if (r.Number is not (>= 1 and <= 9999))
        {
            errors.Add("number", "穴号（number）应为1至9999的整数");
        }

        var kind = InputValues.Parse<PlotKind>(r.Kind, "kind", "墓穴类型（kind）应为 single（单穴）或 double（双穴）", errors);
        var ashes = r.ForAshes ?? true;
        var limit = limits.Value.For(kind, ashes);
        if (r.SquareMeters is not { } size || size <= 0m || decimal.Round(size, 2) != size)
        {
            errors.Add("squareMeters", "占地面积（squareMeters，平方米）应为大于0、最多两位小数的数");
        }
        else if (size > limit)
        {
            errors.Add("squareMeters", $"占地面积{size}平方米超过本省{Plot.KindName(kind, ashes)}墓穴的限制{limit}平方米（殡葬管理条例，省定标准）");
        }

        if (!InputValues.IsMoney(r.Price ?? 0m))
        {
            errors.Add("price", "价格（price）应为不小于0、最多两位小数的金额；公益性墓地对本村村民可为0");
        }

        if (errors.Any)
        {
            return FuneralResult<PlotRow>.Invalid(errors);
        }

        var plot = new Plot
        {
            RegionCode = facility.RegionCode,
            FacilityId = facility.Id,
            Area = area!,
            Row = r.Row!.Value,
            Number = r.Number!.Value,
            Kind = kind,
            ForAshes = ashes,
            SquareMeters = r.SquareMeters!.Value,
            Price = r.Price ?? 0m,
        };
        db.FuneralPlots.Add(plot);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return FuneralResult<PlotRow>.Refused(Outcome.Conflict, $"{facility.Name}已有{plot.Label}墓穴");
        }

        return FuneralResult<PlotRow>.Done(Row(plot, clock.Today()));
    }

    /// <summary>
    /// Sells a free plot (or one reserved for this buyer): one transaction for the sale and its 墓穴证 number; a plot sold
    /// meanwhile (or before), or reserved for another family, is a conflict, nothing written.
    /// </summary>
    public async Task<FuneralResult<SoldPlot>> SellAsync(Guid plotId, PlotSaleRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        if (await PlotLookup.WithFacilityAsync(db, plotId, ct) is not var (plot, facility))
        {
            return FuneralResult<SoldPlot>.Refused(Outcome.NotFound, PlotLookup.NotFound);
        }

        var errors = new FieldErrors();
        var buyer = PlotBuyer.Read(r.BuyerName, r.BuyerIdNumber, r.BuyerRegionCode, facility, today, protector, errors);
        var soldOn = InputValues.TryParseDate(r.SoldOn, out var d) && d <= today ? d : (DateOnly?)null;
        if (soldOn is null)
        {
            errors.Add("soldOn", "售出日期（soldOn）应为不晚于今天的有效日期 YYYY-MM-DD");
        }

        var contract = TextRules.Field(r.ContractNumber, "contractNumber", "合同编号", 40, errors, required: true);
        if (r.TenureYears is not null and not (>= 1 and <= MaxTenureYears))
        {
            errors.Add("tenureYears", $"使用年限（tenureYears）应为1至{MaxTenureYears}年");
        }

        if (errors.Any)
        {
            return FuneralResult<SoldPlot>.Invalid(errors);
        }

        if (plot.IsSold)
        {
            return FuneralResult<SoldPlot>.Refused(Outcome.Conflict, $"{plot.Label}墓穴已于{plot.SoldOn:yyyy-MM-dd}售出（墓穴证 {plot.CertificateNumber}），不能重复出售");
        }

        if (plot.IsReservedOn(today) && plot.BuyerIdIndex != buyer!.IdIndex)
        {
            return FuneralResult<SoldPlot>.Refused(Outcome.Conflict,
                $"{plot.Label}墓穴已预留给{plot.BuyerName}（{plot.BuyerIdMasked}，至{plot.ReservedUntil:yyyy-MM-dd}），只能售给预留人；如预留人放弃，请先取消预留");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        plot.Status = PlotStatus.Sold;
        buyer!.WriteTo(plot, protector);
        (plot.ReservedOn, plot.ReservedUntil) = (null, null);
        plot.ContractNumber = contract;
        plot.SoldOn = soldOn;
        plot.TenureYears = r.TenureYears;
        plot.ExpiresOn = r.TenureYears is { } years ? soldOn!.Value.AddYears(years) : null;
        try
        {
            // The status is the concurrency token: the update only applies while the plot is still free.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FuneralResult<SoldPlot>.Refused(Outcome.Conflict, $"{plot.Label}墓穴刚刚已被售出，不能重复出售");
        }

        var certificate = await documents.IssueAsync(PlotDocuments.CertificateKind, plot.RegionCode, PlotDocuments.OwnerType, plot.Id, ct, soldOn);
        plot.CertificateNumber = certificate.Number;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return FuneralResult<SoldPlot>.Done(new SoldPlot(plot.Id, plot.CertificateNumber, plot.ExpiresOn));
    }

    public async Task<List<PlotRow>> ListAsync(Guid facilityId, CancellationToken ct)
    {
        var today = clock.Today();
        var plots = await db.FuneralPlots.AsNoTracking().Where(p => p.FacilityId == facilityId).OrderBy(p => p.Area).ThenBy(p => p.Row).ThenBy(p => p.Number).ToListAsync(ct);
        var buried = await db.FuneralBurials.AsNoTracking().Where(b => b.MovedOutOn == null && db.Set<Plot>().Any(p => p.Id == b.PlotId && p.FacilityId == facilityId))
            .GroupBy(b => b.PlotId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. plots.Select(p => Row(p, today, buried.GetValueOrDefault(p.Id)))];
    }

    public Task<Plot?> GetAsync(Guid id, CancellationToken ct) => db.FuneralPlots.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>A plot as lists show it; the status is "expired" once a sold plot's tenure ended unrenewed (see <see cref="PlotStatus"/>).</summary>
    /// <remarks>A reservation past its last day reads free, without the family who once held it.</remarks>
    public static PlotRow Row(Plot p, DateOnly today, int burials = 0)
    {
        var status = p.StatusCode(today);
        var (buyer, masked) = status == "free" ? (null, null) : (p.BuyerName, p.BuyerIdMasked);
        return new(p.Id, p.FacilityId, p.Label, InputValues.Code(p.Kind), p.ForAshes, Plot.KindName(p.Kind, p.ForAshes), p.SquareMeters, p.Price, status, buyer,
            masked, p.SoldOn, p.ExpiresOn, p.CertificateNumber, burials, p.IsReservedOn(today) ? p.ReservedUntil : null);
    }
}
