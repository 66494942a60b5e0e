using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages.Appointments;

/// <summary>The registrar's daily list: the day's bookings by slot, masked, every view audited.</summary>
/// <summary>A booked party as the registration form takes it: document code and number, and what the document cannot tell.</summary>
public sealed record AppointmentParty(string Name, string IdType, string IdNumber, string? Gender, string? BirthDate, string? Nationality);

public sealed record DailyList(DateOnly Date, string? RegistryName, bool Open, string? SpecialDay, IReadOnlyList<AppointmentView> Appointments);

/// <summary>
/// What happens to a booking after it is made: the citizen looks it up or cancels it with the code and one party's ID
/// number; the registrar lists the day, checks couples in, marks them done or cancels.
/// </summary>
public sealed class AppointmentDesk(MinzhengDbContext db, IRegionScope scope, PersonalDataProtector protector, AppointmentTimetables timetables,
    AuditLog audit, TimeProvider clock)
{
    private const string NotFound = "未找到该预约：请核对预约号和当事人证件号码";

    /// <summary>The booking with this code, when the ID number is one of its parties'; otherwise null — the same answer, so codes cannot be probed.</summary>
    public async Task<AppointmentView?> LookupAsync(string? code, AppointmentAccessRequest access, CancellationToken ct) =>
        await FindForCitizenAsync(code, access, ct) is { } a ? await timetables.ViewAsync(a, ct) : null;

    public async Task<AppointmentResult<AppointmentView>> CancelByCitizenAsync(string? code, AppointmentAccessRequest access, CancellationToken ct)
    {
        if (await FindForCitizenAsync(code, access, ct) is not { } a)
        {
            return AppointmentResult<AppointmentView>.Refused(Outcome.NotFound, NotFound);
        }

        if (scope is HttpRegionScope http)
        {
            http.ServePublicOffice(a.RegionCode);
        }

        db.Attach(a);
        return await CancelAsync(a, ct);
    }

    private async Task<MarriageAppointment?> FindForCitizenAsync(string? code, AppointmentAccessRequest access, CancellationToken ct)
    {
        // Any malformed input is the same "not found": a citizen's look-up must not tell which part was wrong.
        if (AppointmentInput.NormalizeCode(code) is not { } normalized ||
            MarriageIdentityInput.Document(access.IdType, access.IdNumber, "当事人", clock.Today(), new FieldErrors()) is not { } document)
        {
            return null;
        }

        var index = protector.BlindIndex(document.IndexInput, DataPurpose.IdNumber);
        return await db.Set<MarriageAppointment>().AcrossRegions("a citizen finds their own booking by its code and their ID number").AsNoTracking()
            .SingleOrDefaultAsync(a => a.Code == normalized && (a.PartyAIdIndex == index || a.PartyBIdIndex == index), ct);
    }

    /// <summary>The day's bookings in the caller's region, by slot; masked; the view is audited as a view of personal data.</summary>
    public async Task<DailyList> DailyAsync(DateOnly date, CancellationToken ct)
    {
        var rows = await db.Set<MarriageAppointment>().AsNoTracking().Where(a => a.Date == date)
            .OrderBy(a => a.SlotStart).ThenBy(a => a.Status == AppointmentStatus.Cancelled).ThenBy(a => a.Place).ThenBy(a => a.Id).ToListAsync(ct);
        var registry = await timetables.RegistryAsync(scope.RegionCode(), ct);
        var names = new Dictionary<string, string>();
        foreach (var region in rows.Select(r => r.RegionCode).Distinct())
        {
            names[region] = await timetables.NameOfAsync(region, ct);
        }

        await audit.RecordAsync(AuditActions.RecordViewed, entityType: nameof(MarriageAppointment), regionCode: scope.RegionCode(),
            details: new { date = AppointmentInput.Text(date), count = rows.Count }, ct: ct);
        var today = clock.Today();
        return new DailyList(date, registry?.Name, registry?.Schedule.IsOpen(date) ?? false, registry?.Schedule.SpecialDay(date)?.Name,
            rows.Select(r => AppointmentTimetables.View(r, names[r.RegionCode], today)).ToList());
    }

    public async Task<AppointmentResult<AppointmentView>> CancelByStaffAsync(Guid id, CancellationToken ct) =>
        await db.Set<MarriageAppointment>().SingleOrDefaultAsync(a => a.Id == id, ct) is { } a
            ? await CancelAsync(a, ct)
            : AppointmentResult<AppointmentView>.Refused(Outcome.NotFound, "预约不存在或不在您的管辖范围内");

    /// <summary>签到: the couple has come on the booked day.</summary>
    public Task<AppointmentResult<AppointmentView>> CheckInAsync(Guid id, CancellationToken ct) => ChangeAsync(id, a =>
    {
        if (a.Status != AppointmentStatus.Booked || a.Date != clock.Today())
        {
            return a.Status == AppointmentStatus.Booked ? "只能在预约当天签到" : $"该预约{Shown(a)}，不能签到";
        }

        a.Status = AppointmentStatus.Arrived;
        a.ArrivedAt = clock.GetUtcNow();
        return null;
    }, ct);

    /// <summary>已办理: the registrar has dealt with the couple (the registration itself is made in the register).</summary>
    public Task<AppointmentResult<AppointmentView>> CompleteAsync(Guid id, CancellationToken ct) => ChangeAsync(id, a =>
    {
        if (a.Status != AppointmentStatus.Arrived)
        {
            return $"该预约{Shown(a)}，须先签到才能标记为已办理";
        }

        a.Status = AppointmentStatus.Done;
        return null;
    }, ct);

    /// <summary>The parties' names and full documents, to pre-fill the registration form; the disclosure is audited.</summary>
    public async Task<(AppointmentParty A, AppointmentParty B)?> PartiesForRegistrationAsync(Guid id, CancellationToken ct)
    {
        var a = await db.Set<MarriageAppointment>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }

        await audit.RecordAsync(AuditActions.RecordViewed, entityType: nameof(MarriageAppointment), entityId: a.Id.ToString(), regionCode: a.RegionCode,
            details: new { purpose = "registration-form" }, ct: ct);
        return (Party(a.PartyAName, a.PartyAIdType, a.PartyAIdCipher, a.PartyAGender, a.PartyABirthDate, a.PartyANationality),
            Party(a.PartyBName, a.PartyBIdType, a.PartyBIdCipher, a.PartyBGender, a.PartyBBirthDate, a.PartyBNationality));
    }

    private AppointmentParty Party(string name, MarriageIdType type, string cipher, Gender? gender, DateOnly? birth, string? nationality) =>
        new(name, MarriageIdTypes.Code(type), protector.Decrypt(cipher, DataPurpose.IdNumber),
            gender switch { Gender.Male => "male", Gender.Female => "female", _ => null }, birth is { } b ? AppointmentInput.Text(b) : null, nationality);

    private async Task<AppointmentResult<AppointmentView>> ChangeAsync(Guid id, Func<MarriageAppointment, string?> change, CancellationToken ct)
    {
        if (await db.Set<MarriageAppointment>().SingleOrDefaultAsync(a => a.Id == id, ct) is not { } a)
        {
            return AppointmentResult<AppointmentView>.Refused(Outcome.NotFound, "预约不存在或不在您的管辖范围内");
        }

        if (change(a) is { } refusal)
        {
            return AppointmentResult<AppointmentView>.Refused(Outcome.Conflict, refusal);
        }

        await db.SaveChangesAsync(ct);
        return AppointmentResult<AppointmentView>.Done(await timetables.ViewAsync(a, ct));
    }

    /// <summary>Cancels a booking not yet attended and gives its place and the parties' day back.</summary>
    private async Task<AppointmentResult<AppointmentView>> CancelAsync(MarriageAppointment a, CancellationToken ct)
    {
        if (a.Status != AppointmentStatus.Booked || a.Date < clock.Today())
        {
            return AppointmentResult<AppointmentView>.Refused(Outcome.Conflict, $"该预约{Shown(a)}，不能取消");
        }

        a.Status = AppointmentStatus.Cancelled;
        a.Place = null;
        a.CancelledAt = clock.GetUtcNow();
        db.RemoveRange(await db.Set<AppointmentHold>().Where(h => h.AppointmentId == a.Id).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        return AppointmentResult<AppointmentView>.Done(await timetables.ViewAsync(a, ct));
    }

    private string Shown(MarriageAppointment a) => MarriageAppointment.StatusName(a.ShownStatus(clock.Today()));
}
