using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Modules.Funeral.FuneralFacilities;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Memorials;

/// <summary>
/// 云祭扫 and 代祭扫 bookings: taken by the facility or bureau staff (the family calls them), served on the day and recorded
/// with photos, or cancelled with a reason. Only persons resting in the county's facilities can be booked for.
/// </summary>
public sealed class MemorialService(MinzhengDbContext db, IOptions<MemorialOptions> options, TimeProvider clock)
{
    private static readonly SortMap<MemorialBooking> Sort = new SortMap<MemorialBooking>("requested", q => q.ThenBy(b => b.Id))
        .Add("requested", b => b.RequestedOn).Add("name", b => b.DeceasedName).Add("kind", b => b.Kind).Add("status", b => b.Status);

    public async Task<FuneralResult<MemorialRow>> BookAsync(MemorialRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var kind = InputValues.Parse<MemorialKind>(r.Kind, "kind", "祭扫方式（kind）应为 cloud（云祭扫）或 proxy（代祭扫）", errors);
        var services = (r.Services ?? []).Select(s => s?.Trim() ?? "").Distinct().ToList();
        if (services.Any(s => MemorialRules.Services.All(x => x.Code != s)))
        {
            errors.Add("services", "代祭扫服务（services）只能是 sweep（清扫）、flowers（献花）、read-message（代读寄语）");
        }
        else if (kind == MemorialKind.Proxy && services.Count == 0)
        {
            errors.Add("services", "代祭扫至少选择一项服务：清扫、献花或代读寄语");
        }

        DateOnly? requested = null;
        if (!InputValues.TryParseDate(r.RequestedOn, out var day))
        {
            errors.Add("requestedOn", "祭扫日期（requestedOn）应为有效日期 YYYY-MM-DD");
        }
        else if (day < today || day > today.AddDays(MemorialRules.DaysAhead))
        {
            errors.Add("requestedOn", $"祭扫日期应在今天（{today:yyyy-MM-dd}）至一年内（{today.AddDays(MemorialRules.DaysAhead):yyyy-MM-dd}）之间");
        }
        else
        {
            requested = day;
        }

        var contact = TextRules.Field(r.ContactName, "contactName", "家属联系人", MemorialBooking.NameMaxLength, errors, required: true);
        var phone = MemorialRules.Phone(r.ContactPhone, "contactPhone", errors);
        var message = TextRules.Field(r.Message, "message", "寄语", MemorialBooking.MessageMaxLength, errors, multiLine: true);
        if (services.Contains(MemorialRules.ReadMessage) && message is null)
        {
            errors.Add("message", "选择代读寄语的，请填写寄语");
        }

        var niche = TextRules.Field(r.Niche, "niche", "骨灰堂格位", MemorialBooking.NicheMaxLength, errors);
        if (errors.Any)
        {
            return FuneralResult<MemorialRow>.Invalid(errors);
        }

        var resting = await RestingAsync(r, niche, ct);
        if (resting is null)
        {
            errors.Add("burialId", "逝者未在本县公墓安葬，也未在本县骨灰堂存放（或不在您的管辖范围内），不能预约祭扫：请选择公墓安葬记录，或选择骨灰堂及本县火化记录");
            return FuneralResult<MemorialRow>.Invalid(errors);
        }

        var (facility, person, name, place) = resting.Value;
        var busy = options.Value.PeriodOf(requested!.Value);

        // Count and insert run in one transaction holding the facility-day: SQLite by its write lock (Microsoft.Data.Sqlite
        // begins IMMEDIATE), PostgreSQL by an advisory lock on facility and day only. A counter row ("WHERE count < cap") would
        // need its own table kept in step with cancellations and cap changes; the lock needs neither (as payrolls do it).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (busy is not null)
        {
            await LockDayAsync(facility.Id, requested.Value, ct);
            var taken = await db.MemorialBookings.CountAsync(b => b.FacilityId == facility.Id && b.RequestedOn == requested && b.Status != MemorialStatus.Cancelled, ct);
            if (taken >= options.Value.DailyCap)
            {
                return FuneralResult<MemorialRow>.Refused(Outcome.Rejected,
                    $"{busy.Name}期间{facility.Name}每天最多接受{options.Value.DailyCap}个祭扫预约，{requested:yyyy-MM-dd}已约满，请改约其他日期");
            }
        }

        if (await DuplicateAsync(person, kind, requested.Value, ct) is { } existing)
        {
            return existing;
        }

        var booking = new MemorialBooking
        {
            RegionCode = facility.RegionCode,
            FacilityId = facility.Id,
            BurialId = r.BurialId is not null ? person : null,
            CremationId = r.BurialId is null ? person : null,
            PersonKey = person,
            DeceasedName = name,
            Place = place,
            Kind = kind,
            Services = kind == MemorialKind.Proxy ? string.Join(",", MemorialRules.Services.Select(s => s.Code).Where(services.Contains)) : "",
            RequestedOn = requested.Value,
            BookedOn = today,
            ContactName = contact!,
            ContactPhone = phone!,
            Message = message,
        };
        db.MemorialBookings.Add(booking);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same booking submitted twice at once: the index keeps one row, the other request learns of it (after the
            // rollback: PostgreSQL refuses any statement in a failed transaction).
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await DuplicateAsync(person, kind, requested.Value, ct)
                ?? FuneralResult<MemorialRow>.Refused(Outcome.Conflict, "该预约刚刚已由他人登记，请刷新后查看");
        }

        return FuneralResult<MemorialRow>.Done(Row(booking, facility.Name, 0, today));
    }

    public async Task<FuneralResult<MemorialRow>> DeliverAsync(Guid id, MemorialDeliveryRequest r, IEnumerable<string> roles, CancellationToken ct)
    {
        var today = clock.Today();
        var b = await db.MemorialBookings.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (b is null)
        {
            return FuneralResult<MemorialRow>.Refused(Outcome.NotFound, "祭扫预约不存在或不在您的管辖范围内");
        }

        var errors = new FieldErrors();
        var on = InputValues.PastDate(r.DeliveredOn, "deliveredOn", "服务日期", today, required: true, errors);
        if (on is { } d && d < b.RequestedOn)
        {
            errors.Add("deliveredOn", $"服务日期不能早于预约的祭扫日期{b.RequestedOn:yyyy-MM-dd}");
        }

        var by = TextRules.Field(r.DeliveredBy, "deliveredBy", "服务人员", MemorialBooking.NameMaxLength, errors, required: true);
        if (errors.Any)
        {
            return FuneralResult<MemorialRow>.Invalid(errors);
        }

        // 代祭扫 is done at the grave while the family is away: the photos are what they pay for and the only proof the
        // service happened, so it is not delivered without one. 云祭扫 is a memorial page or live video the family opens
        // themselves: they see the service, so a screenshot stays optional.
        if (b.Kind == MemorialKind.Proxy && b.Status == MemorialStatus.Booked
            && !await db.Attachments.AnyAsync(a => a.OwnerType == MemorialAttachmentOwner.Type && a.OwnerId == b.Id && a.DeletedAt == null, ct))
        {
            return FuneralResult<MemorialRow>.Refused(Outcome.Rejected, "代祭扫须先上传至少一张现场照片（清扫后的墓碑、献花等），再登记服务完成：照片是家属核实服务的凭证");
        }

        return await StepAsync(b, "deliver", roles, () => (b.DeliveredOn, b.DeliveredBy) = (on, by), today, ct);
    }

    public async Task<FuneralResult<MemorialRow>> CancelAsync(Guid id, MemorialCancelRequest r, IEnumerable<string> roles, CancellationToken ct)
    {
        var b = await db.MemorialBookings.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (b is null)
        {
            return FuneralResult<MemorialRow>.Refused(Outcome.NotFound, "祭扫预约不存在或不在您的管辖范围内");
        }

        var errors = new FieldErrors();
        var reason = TextRules.Field(r.Reason, "reason", "取消原因", MemorialBooking.ReasonMaxLength, errors, required: true, multiLine: true);
        return errors.Any ? FuneralResult<MemorialRow>.Invalid(errors) : await StepAsync(b, "cancel", roles, () => b.CancelReason = reason, clock.Today(), ct);
    }

    public async Task<Paged<MemorialRow>> PageAsync(MemorialFilter filter, PageRequest page, CancellationToken ct)
    {
        var today = clock.Today();
        var q = db.MemorialBookings.AsNoTracking();
        if (InputValues.TryParseDate(filter.Date, out var day))
        {
            q = q.Where(b => b.RequestedOn == day);
        }

        q = filter.Status switch
        {
            "booked" => q.Where(b => b.Status == MemorialStatus.Booked),
            "overdue" => q.Where(b => b.Status == MemorialStatus.Booked && b.RequestedOn < today),
            "delivered" => q.Where(b => b.Status == MemorialStatus.Delivered),
            "cancelled" => q.Where(b => b.Status == MemorialStatus.Cancelled),
            _ => q,
        };
        q = filter.Kind switch
        {
            "cloud" => q.Where(b => b.Kind == MemorialKind.Cloud),
            "proxy" => q.Where(b => b.Kind == MemorialKind.Proxy),
            _ => q,
        };
        if (filter.FacilityId is { } facility)
        {
            q = q.Where(b => b.FacilityId == facility);
        }

        var found = await q.PageAsync(page, Sort, ct);
        var ids = found.Items.Select(b => b.Id).ToList();
        var names = await FacilityNamesAsync(ct);
        var photos = await db.Attachments.AsNoTracking().Where(a => a.OwnerType == MemorialAttachmentOwner.Type && ids.Contains(a.OwnerId) && a.DeletedAt == null)
            .GroupBy(a => a.OwnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return found.Map(b => Row(b, names.GetValueOrDefault(b.FacilityId, ""), photos.GetValueOrDefault(b.Id), today));
    }

    public async Task<MemorialDetail?> DetailAsync(Guid id, IEnumerable<string> roles, CancellationToken ct)
    {
        if (await db.MemorialBookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) is not { } b)
        {
            return null;
        }

        var names = await FacilityNamesAsync(ct);
        var photos = await db.Attachments.AsNoTracking().CountAsync(a => a.OwnerType == MemorialAttachmentOwner.Type && a.OwnerId == id && a.DeletedAt == null, ct);
        return new MemorialDetail(Row(b, names.GetValueOrDefault(b.FacilityId, ""), photos, clock.Today()), b.ContactPhone, b.Message,
            [.. MemorialBooking.Procedure.AvailableActions(b.Status, roles).Select(s => s.Action)]);
    }

    public static MemorialRow Row(MemorialBooking b, string facility, int photos, DateOnly today) => new(b.Id, b.RegionCode, b.FacilityId, facility, b.DeceasedName,
        b.Place, InputValues.Code(b.Kind), MemorialBooking.KindName(b.Kind), MemorialRules.ServiceNames(b.Services), b.RequestedOn, b.BookedOn, b.ContactName,
        Mask.Phone(b.ContactPhone), InputValues.Code(b.Status), MemorialBooking.StatusName(b.Status),
        b.Status == MemorialStatus.Booked && b.RequestedOn < today, b.DeliveredOn, b.DeliveredBy, b.CancelReason, photos);

    private async Task<FuneralResult<MemorialRow>> StepAsync(MemorialBooking b, string action, IEnumerable<string> roles, Action apply, DateOnly today,
        CancellationToken ct)
    {
        try
        {
            var step = MemorialBooking.Procedure.Ensure(action, b.Status, roles);
            apply();
            b.Status = step.To!.Value;
            // The status is the concurrency token: of a delivery and a cancellation at the same moment one is stored.
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleException e)
        {
            return FuneralResult<MemorialRow>.Refused(e.Outcome, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FuneralResult<MemorialRow>.Refused(Outcome.Conflict, "该预约刚刚已由他人办理，请刷新后查看");
        }

        var names = await FacilityNamesAsync(ct);
        return FuneralResult<MemorialRow>.Done(Row(b, names.GetValueOrDefault(b.FacilityId, ""), 0, today));
    }

    private async Task LockDayAsync(Guid facility, DateOnly day, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"memorial-day:{facility}:{day:yyyy-MM-dd}")), 0);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [key], ct);
        }
    }

    private async Task<FuneralResult<MemorialRow>?> DuplicateAsync(Guid person, MemorialKind kind, DateOnly day, CancellationToken ct) =>
        await db.MemorialBookings.AsNoTracking().FirstOrDefaultAsync(b => b.PersonKey == person && b.Kind == kind && b.RequestedOn == day
            && b.Status != MemorialStatus.Cancelled, ct) is { } same
            ? FuneralResult<MemorialRow>.Refused(Outcome.Conflict,
                $"{same.DeceasedName}{day:yyyy-MM-dd}的{MemorialBooking.KindName(kind)}已于{same.BookedOn:yyyy-MM-dd}预约（联系人{same.ContactName}），不能重复预约")
            : null;

    /// <summary>Where the person rests, within the caller's region: a burial of a plot, or a county cremation kept in a 骨灰堂.</summary>
    private async Task<(FuneralFacility Facility, Guid Person, string Name, string Place)?> RestingAsync(MemorialRequest r, string? niche, CancellationToken ct)
    {
        if (r.BurialId is { } burialId)
        {
            var found = await (from b in db.FuneralBurials
                               join p in db.FuneralPlots on b.PlotId equals p.Id
                               join f in db.FuneralFacilities on p.FacilityId equals f.Id
                               where b.Id == burialId && b.MovedOutOn == null
                               select new { b.DeceasedName, p.Area, p.Row, p.Number, Facility = f }).AsNoTracking().SingleOrDefaultAsync(ct);
            return found is null ? null : (found.Facility, burialId, found.DeceasedName, $"{found.Area}区{found.Row}排{found.Number}号");
        }

        if (r.CremationId is not { } cremationId || r.FacilityId is not { } facilityId)
        {
            return null;
        }

        var hall = await db.FuneralFacilities.AsNoTracking().SingleOrDefaultAsync(f => f.Id == facilityId && f.Kind == FacilityKind.Columbarium, ct);
        var name = await db.Cremations.AsNoTracking().Where(c => c.Id == cremationId).Select(c => c.Name).SingleOrDefaultAsync(ct);
        return hall is null || name is null ? null : (hall, cremationId, name, niche is null ? "骨灰堂" : $"骨灰堂{niche}");
    }

    private Task<Dictionary<Guid, string>> FacilityNamesAsync(CancellationToken ct) =>
        db.FuneralFacilities.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, ct);
}
