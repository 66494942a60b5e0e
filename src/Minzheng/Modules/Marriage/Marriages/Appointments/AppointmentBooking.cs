using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages.Appointments;

/// <summary>
/// Books a place in a registry's slot, online by a citizen or by the registrar (telephone, at the counter). Checks the
/// fields, the day (open, within the window), the parties (for 结婚 of different genders and of legal age on that day) and
/// takes the lowest free place of the slot; two submissions that take the same place collide on the unique place key
/// and the later one tries the next place, so a slot never holds more bookings than places on either database.
/// </summary>
public sealed class AppointmentBooking(MinzhengDbContext db, IRegionScope scope, PersonalDataProtector protector, AppointmentTimetables timetables,
    TimeProvider clock)
{
    // Each failed attempt means another booking took a place of the slot, so (capacity with a special day's extra) + 1 attempts always end.
    private const int MaxAttempts = (2 * AppointmentSlot.MaxCapacity) + 1;

    /// <summary>A citizen's online booking (anonymous): acts within the chosen registry's region only.</summary>
    public async Task<AppointmentResult<AppointmentView>> BookOnlineAsync(AppointmentRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var registry = request.Registry?.Trim() is { Length: Platform.Regions.RegionCode.Length } code ? await timetables.RegistryAsync(code, ct) : null;
        if (registry is null)
        {
            errors.Add("registry", "请选择提供网上预约的婚姻登记处（registry，12位区划代码）");
        }

        return await BookAsync(registry, request, AppointmentChannel.Online, errors, staff: false, ct);
    }

    /// <summary>The registrar's booking for a couple on the telephone or at the counter, at the registrar's own registry.</summary>
    public async Task<AppointmentResult<AppointmentView>> BookForCoupleAsync(AppointmentRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var channel = InputValues.Parse<AppointmentChannel>(string.IsNullOrWhiteSpace(request.Channel) ? "phone" : request.Channel, "channel",
            "预约方式（channel）应为 phone（电话）或 walk-in（现场）", errors);
        if (channel == AppointmentChannel.Online)
        {
            errors.Add("channel", "网上预约由群众在公开预约页面提交，登记员代为预约请选择电话或现场");
        }

        var registry = await timetables.RegistryAsync(scope.RegionCode(), ct);
        if (registry is null)
        {
            return AppointmentResult<AppointmentView>.Refused(Outcome.Conflict, "本婚姻登记处尚未设置预约时段，请婚姻登记处负责人先在预约设置中设置");
        }

        return await BookAsync(registry, request, channel, errors, staff: true, ct);
    }

    private async Task<AppointmentResult<AppointmentView>> BookAsync(AppointmentTimetable? registry, AppointmentRequest request, AppointmentChannel channel,
        FieldErrors errors, bool staff, CancellationToken ct)
    {
        var today = clock.Today();
        var kind = AppointmentInput.Kind(request.Kind, errors);
        var date = AppointmentInput.Date(request.Date, errors);
        var start = AppointmentInput.Slot(request.Slot, errors);
        var parties = MarriageInput.Parties(request.Parties, today, errors);
        var phone = AppointmentInput.Phone(request.Phone, errors);
        if (errors.Any || registry is null)
        {
            return AppointmentResult<AppointmentView>.Invalid(errors);
        }

        var schedule = registry.Schedule;
        // The registrar may also book today for a couple at the counter; citizens book from tomorrow.
        if ((staff && date == today && schedule.IsOpen(today) ? null : schedule.WhyNotBookable(date!.Value, today)) is { } why)
        {
            errors.Add("date", why);
            return AppointmentResult<AppointmentView>.Invalid(errors, Outcome.Rejected);
        }

        var offer = schedule.Slots(date!.Value, new Dictionary<TimeOnly, int>()).FirstOrDefault(s => s.Start == start);
        if (offer is null)
        {
            errors.Add("slot", $"{registry.Name}没有 {AppointmentInput.Text(start!.Value)} 开始的预约时段");
            return AppointmentResult<AppointmentView>.Invalid(errors);
        }

        var (a, b) = (parties![0], parties[1]);
        if (kind == AppointmentKind.Marriage && MarriageRefusals(a, b, date.Value) is { Count: > 0 } refusals)
        {
            return AppointmentResult<AppointmentView>.Refused(Outcome.Rejected, "不能预约结婚登记：" + string.Join("；", refusals));
        }

        if (staff is false && scope is HttpRegionScope http)
        {
            http.ServePublicOffice(registry.RegionCode);
        }

        if (!registry.RegionCode.StartsWith(scope.Prefix, StringComparison.Ordinal))
        {
            // Signed in with an account of another region: the public booking is made as a citizen, without an account.
            return AppointmentResult<AppointmentView>.Refused(Outcome.Rejected, "您已用其他区划的工作账户登录，请退出登录后以群众身份预约");
        }

        var (indexA, indexB) = (protector.BlindIndex(a.Id.IndexInput, DataPurpose.IdNumber), protector.BlindIndex(b.Id.IndexInput, DataPurpose.IdNumber));
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await ExistingAsync(indexA, indexB, date.Value, ct) is { } existing)
            {
                var same = existing.RegionCode == registry.RegionCode && existing.Kind == kind && existing.SlotStart == offer.Start &&
                           new[] { existing.PartyAIdIndex, existing.PartyBIdIndex }.Order().SequenceEqual(new[] { indexA, indexB }.Order());
                return same
                    ? AppointmentResult<AppointmentView>.Done(await timetables.ViewAsync(existing, ct), repeated: true)
                    : AppointmentResult<AppointmentView>.Refused(Outcome.Conflict, Duplicate(existing, await timetables.NameOfAsync(existing.RegionCode, ct), staff));
            }

            var taken = await db.Set<MarriageAppointment>().Where(x => x.RegionCode == registry.RegionCode && x.Date == date && x.SlotStart == offer.Start && x.Place != null)
                .Select(x => x.Place!.Value).ToListAsync(ct);
            var place = Enumerable.Range(1, offer.Capacity).FirstOrDefault(p => !taken.Contains(p));
            if (place == 0)
            {
                return AppointmentResult<AppointmentView>.Refused(Outcome.Conflict,
                    $"{AppointmentInput.Text(date.Value)} {offer.Label} 时段已约满，请选择其他时段或日期");
            }

            var appointment = new MarriageAppointment
            {
                RegionCode = registry.RegionCode,
                Code = AppointmentInput.NewCode(),
                Kind = kind,
                Channel = channel,
                Status = AppointmentStatus.Booked,
                Date = date.Value,
                SlotStart = offer.Start,
                SlotEnd = offer.End,
                Place = place,
                PartyAName = a.Name,
                PartyAIdCipher = protector.Encrypt(a.Id.Value, DataPurpose.IdNumber),
                PartyAIdIndex = indexA,
                PartyAIdMasked = a.Id.Masked,
                PartyAIdType = a.Id.Type,
                PartyAGender = a.Id.Type == MarriageIdType.Resident ? null : a.Id.Gender,
                PartyABirthDate = a.Id.Type == MarriageIdType.Resident ? null : a.Id.BirthDate,
                PartyANationality = a.Id.Type == MarriageIdType.Passport ? a.Id.Nationality : null,
                PartyBName = b.Name,
                PartyBIdCipher = protector.Encrypt(b.Id.Value, DataPurpose.IdNumber),
                PartyBIdIndex = indexB,
                PartyBIdMasked = b.Id.Masked,
                PartyBIdType = b.Id.Type,
                PartyBGender = b.Id.Type == MarriageIdType.Resident ? null : b.Id.Gender,
                PartyBBirthDate = b.Id.Type == MarriageIdType.Resident ? null : b.Id.BirthDate,
                PartyBNationality = b.Id.Type == MarriageIdType.Passport ? b.Id.Nationality : null,
                PhoneCipher = protector.Encrypt(phone!, DataPurpose.Phone),
                PhoneMasked = Mask.Phone(phone!),
            };
            db.Add(appointment);
            db.AddRange(
                new AppointmentHold { RegionCode = appointment.RegionCode, PersonIndex = indexA, Date = appointment.Date, AppointmentId = appointment.Id },
                new AppointmentHold { RegionCode = appointment.RegionCode, PersonIndex = indexB, Date = appointment.Date, AppointmentId = appointment.Id });
            try
            {
                await db.SaveChangesAsync(ct);
                return AppointmentResult<AppointmentView>.Done(await timetables.ViewAsync(appointment, ct));
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // Someone took that place (or booked one of these persons) at the same moment: look again.
                db.ChangeTracker.Clear();
            }
        }

        return AppointmentResult<AppointmentView>.Refused(Outcome.Conflict, "预约人数较多，请稍后重试");
    }

    /// <summary>Why this couple cannot marry on that day as far as their documents tell (MarriageRules); the register's checks follow at registration.</summary>
    private static List<string> MarriageRefusals(ValidParty a, ValidParty b, DateOnly date)
    {
        var reasons = new List<string>();
        if (a.Id.Gender == b.Id.Gender)
        {
            reasons.Add("双方性别相同");
        }

        foreach (var p in new[] { a, b }.Where(p => !MarriageRules.IsOfLegalAge(p.Id.Gender, p.Id.BirthDate, date)))
        {
            reasons.Add($"{p.Name}在预约日未满{MarriageRules.LegalAge(p.Id.Gender)}周岁，未达法定婚龄");
        }

        return reasons;
    }

    /// <summary>An active booking of either person that day, at any registry (one active booking per person per day).</summary>
    private Task<MarriageAppointment?> ExistingAsync(string indexA, string indexB, DateOnly date, CancellationToken ct)
    {
        var holds = db.Set<AppointmentHold>().AcrossRegions("one active booking per person per day, whichever registry took it");
        return db.Set<MarriageAppointment>().AcrossRegions("one active booking per person per day, whichever registry took it").AsNoTracking()
            .Where(x => holds.Any(h => h.AppointmentId == x.Id && h.Date == date && (h.PersonIndex == indexA || h.PersonIndex == indexB)))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Names the booking in the way: staff see its code; a citizen (who may know only the other person's ID number) its last characters.</summary>
    private static string Duplicate(MarriageAppointment existing, string registryName, bool staff) =>
        $"当事人已有{AppointmentInput.Text(existing.Date)}的预约（{registryName}，{MarriageAppointment.KindName(existing.Kind)}，" +
        $"{AppointmentInput.Text(existing.SlotStart)}–{AppointmentInput.Text(existing.SlotEnd)}，" +
        (staff ? $"预约号 {existing.Code}" : $"预约号末四位 {existing.Code[^4..]}") + "），同一人同一天只能有一个预约；如需改约，请先取消原预约";
}
