using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Modules.Funeral.Plots;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.ExistingGraves;

public sealed record GraveCertificateRequest(string? IssuedOn);

public sealed record GraveRelocationRequest(string? On, string? Reason, string? Note, Guid? BurialId, string? Destination, decimal? Compensation);

public sealed record GraveRemovalRequest(string? On, string? Note);

/// <summary>What happens to a registered grave afterwards: its 墓穴证, its relocation (迁移) or its levelling (平毁) — each once.</summary>
public sealed class GraveChanges(MinzhengDbContext db, DocumentService documents, TimeProvider clock)
{
    /// <summary>Far above any relocation compensation a county pays for one grave: a larger figure is a typing slip.</summary>
    public const decimal MaxCompensation = 100_000m;

    private const string NotFound = "坟墓登记不存在或不在您的管辖范围内";

    /// <summary>Issues the grave's 墓穴证 from the county's plot-certificate series: one number per grave, never a second one.</summary>
    public async Task<FuneralResult<GraveRow>> IssueCertificateAsync(Guid id, GraveCertificateRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var grave = await db.ExistingGraves.SingleOrDefaultAsync(g => g.Id == id, ct);
        if (grave is null)
        {
            return FuneralResult<GraveRow>.Refused(Outcome.NotFound, NotFound);
        }

        var errors = new FieldErrors();
        var issuedOn = string.IsNullOrWhiteSpace(r.IssuedOn) ? today : InputValues.PastDate(r.IssuedOn, "issuedOn", "发证日期", today, required: true, errors);
        if (issuedOn is { } day && day < grave.RegisteredOn)
        {
            errors.Add("issuedOn", $"发证日期不能早于登记日期{grave.RegisteredOn:yyyy-MM-dd}");
        }

        if (errors.Any)
        {
            return FuneralResult<GraveRow>.Invalid(errors);
        }

        if (grave.CertificateNumber is not null)
        {
            return FuneralResult<GraveRow>.Refused(Outcome.Conflict, $"该坟墓已于{grave.CertificateIssuedOn:yyyy-MM-dd}发放墓穴证（{grave.CertificateNumber}），不能重复发证");
        }

        if (grave.Status != GraveStatus.Registered)
        {
            return FuneralResult<GraveRow>.Refused(Outcome.Conflict, $"该坟墓已{ExistingGrave.StatusName(grave.Status)}，不能再发墓穴证");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        grave.CertificateIssuedOn = issuedOn;
        try
        {
            // The certificate date is a concurrency token: of two clerks issuing at once, the second writes nothing and takes no number.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FuneralResult<GraveRow>.Refused(Outcome.Conflict, "该坟墓刚刚已由他人发放墓穴证或办理迁移，请刷新后查看");
        }

        var certificate = await documents.IssueAsync(PlotDocuments.CertificateKind, grave.RegionCode, GraveDocuments.OwnerType, grave.Id, ct, issuedOn);
        grave.CertificateNumber = certificate.Number;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return FuneralResult<GraveRow>.Done(GraveService.Row(grave));
    }

    public async Task<FuneralResult<GraveRow>> RelocateAsync(Guid id, GraveRelocationRequest r, CancellationToken ct)
    {
        var grave = await db.ExistingGraves.SingleOrDefaultAsync(g => g.Id == id, ct);
        if (grave is null)
        {
            return FuneralResult<GraveRow>.Refused(Outcome.NotFound, NotFound);
        }

        var errors = new FieldErrors();
        var on = Date(r.On, grave, "迁移日期", errors);
        var reason = InputValues.Parse<RelocationReason>(r.Reason, "reason", "迁移原因（reason）应为 " + string.Join("、",
            Enum.GetValues<RelocationReason>().Select(x => $"{InputValues.Code(x)}（{ExistingGrave.ReasonName(x)}）")), errors);
        var note = TextRules.Field(r.Note, "note", "说明", ExistingGrave.NoteMaxLength, errors, required: reason == RelocationReason.Other && r.Reason is not null);
        var destination = TextRules.Field(r.Destination, "destination", "迁入地点", ExistingGrave.LocationMaxLength, errors);
        if (r.Compensation is { } money && (money < 0m || money > MaxCompensation || decimal.Round(money, 2) != money))
        {
            errors.Add("compensation", $"迁移补偿金额（compensation）应在0至{MaxCompensation:0}元之间，最多两位小数");
        }

        if (r.BurialId is { } burialId)
        {
            destination = await BurialPlaceAsync(grave, burialId, errors, ct) ?? destination;
        }
        else if (string.IsNullOrWhiteSpace(r.Destination))
        {
            errors.Add("destination", "请填写迁入地点，或选择迁入公墓的安葬记录（burialId）");
        }

        if (errors.Any)
        {
            return FuneralResult<GraveRow>.Invalid(errors);
        }

        if (grave.Status != GraveStatus.Registered)
        {
            return FuneralResult<GraveRow>.Refused(Outcome.Conflict, $"该坟墓已于{grave.ClosedOn:yyyy-MM-dd}{ExistingGrave.StatusName(grave.Status)}，不能再次迁移");
        }

        grave.Status = GraveStatus.Relocated;
        grave.ClosedOn = on;
        grave.Reason = reason;
        grave.Note = note;
        grave.BurialId = r.BurialId;
        grave.Destination = destination;
        grave.Compensation = r.Compensation;
        return await SaveAsync(grave, ct);
    }

    public async Task<FuneralResult<GraveRow>> RemoveAsync(Guid id, GraveRemovalRequest r, CancellationToken ct)
    {
        var grave = await db.ExistingGraves.SingleOrDefaultAsync(g => g.Id == id, ct);
        if (grave is null)
        {
            return FuneralResult<GraveRow>.Refused(Outcome.NotFound, NotFound);
        }

        var errors = new FieldErrors();
        var on = Date(r.On, grave, "平毁日期", errors);
        var note = TextRules.Field(r.Note, "note", "说明", ExistingGrave.NoteMaxLength, errors, required: true);
        if (errors.Any)
        {
            return FuneralResult<GraveRow>.Invalid(errors);
        }

        if (grave.Status != GraveStatus.Registered)
        {
            return FuneralResult<GraveRow>.Refused(Outcome.Conflict, $"该坟墓已于{grave.ClosedOn:yyyy-MM-dd}{ExistingGrave.StatusName(grave.Status)}，不能再登记平毁");
        }

        grave.Status = GraveStatus.Removed;
        grave.ClosedOn = on;
        grave.Note = note;
        return await SaveAsync(grave, ct);
    }

    private async Task<FuneralResult<GraveRow>> SaveAsync(ExistingGrave grave, CancellationToken ct)
    {
        try
        {
            // The status is the concurrency token: a relocation or levelling entered meanwhile by a colleague wins, this one writes nothing.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FuneralResult<GraveRow>.Refused(Outcome.Conflict, "该坟墓刚刚已由他人登记迁移或平毁，请刷新后查看");
        }

        return FuneralResult<GraveRow>.Done(GraveService.Row(grave));
    }

    private DateOnly? Date(string? value, ExistingGrave grave, string label, FieldErrors errors)
    {
        var on = InputValues.PastDate(value, "on", label, clock.Today(), required: true, errors);
        if (on is { } day && day < grave.RegisteredOn)
        {
            errors.Add("on", $"{label}不能早于登记日期{grave.RegisteredOn:yyyy-MM-dd}");
            return null;
        }

        return on;
    }

    /// <summary>Burials in the caller's cemeteries of the grave's occupants (by ID number when on record, else by name): where its remains may have gone.</summary>
    public async Task<List<(Guid Id, string Label)>> CandidateBurialsAsync(Guid graveId, CancellationToken ct)
    {
        var g = await db.ExistingGraves.AsNoTracking().SingleOrDefaultAsync(x => x.Id == graveId, ct);
        if (g is null)
        {
            return [];
        }

        var rows = await (from b in db.FuneralBurials.AsNoTracking()
                          join p in db.FuneralPlots.AsNoTracking() on b.PlotId equals p.Id
                          join f in db.FuneralFacilities.AsNoTracking() on p.FacilityId equals f.Id
                          where (g.OccupantIdIndex != null ? b.IdNumberIndex == g.OccupantIdIndex : b.DeceasedName == g.OccupantName)
                              || (g.SecondOccupantName != null && (g.SecondOccupantIdIndex != null ? b.IdNumberIndex == g.SecondOccupantIdIndex : b.DeceasedName == g.SecondOccupantName))
                          orderby b.BuriedOn descending
                          select new { b.Id, b.DeceasedName, b.BuriedOn, Facility = f.Name, p.Area, p.Row, p.Number }).Take(20).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, $"{r.DeceasedName}：{r.Facility}{r.Area}区{r.Row}排{r.Number}号，{r.BuriedOn:yyyy-MM-dd}安葬"))];
    }

    /// <summary>
    /// "Cemetery, plot" of a burial in the caller's cemeteries, when the person buried is one of the grave's occupants (the
    /// same ID number when the grave has one on record, else the same name); null with the error otherwise.
    /// </summary>
    private async Task<string?> BurialPlaceAsync(ExistingGrave grave, Guid burialId, FieldErrors errors, CancellationToken ct)
    {
        var found = await (from b in db.FuneralBurials.AsNoTracking()
                           join p in db.FuneralPlots.AsNoTracking() on b.PlotId equals p.Id
                           join f in db.FuneralFacilities.AsNoTracking() on p.FacilityId equals f.Id
                           where b.Id == burialId
                           select new { b.DeceasedName, b.IdNumberIndex, Facility = f.Name, p.Area, p.Row, p.Number }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            errors.Add("burialId", "所选安葬记录不存在或不在您的管辖范围内");
            return null;
        }

        bool Same(string name, string? index) => index is not null ? index == found.IdNumberIndex : name == found.DeceasedName;
        if (!Same(grave.OccupantName, grave.OccupantIdIndex) && !(grave.SecondOccupantName is { } second && Same(second, grave.SecondOccupantIdIndex)))
        {
            errors.Add("burialId", $"所选安葬记录的逝者（{found.DeceasedName}）不是该坟墓的墓主，不能作为迁入地点");
            return null;
        }

        return $"{found.Facility}{found.Area}区{found.Row}排{found.Number}号";
    }
}
