using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Modules.Funeral.ExistingGraves;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.InformationOfficers;

public sealed record OfficerRequest(string? Name, string? IdNumber, string? Phone, string? RegionCode, string? AppointedOn);

public sealed record OfficerEndRequest(string? EndedOn);

public sealed record OfficerFilter(string? Region = null, string? Status = null, string? Name = null);

/// <summary>An officer as lists show them: ID number and phone masked.</summary>
public sealed record OfficerRow(Guid Id, string RegionCode, string Name, string IdNumberMasked, string? PhoneMasked, DateOnly AppointedOn, DateOnly? EndedOn,
    bool Active);

/// <summary>Serving officers of one township (the figure bureaus report by township).</summary>
public sealed record OfficerTownship(string TownshipCode, int Officers, int Villages);

/// <summary>The 殡改信息员 of the caller's villages: appointed, listed, ended.</summary>
public sealed class OfficerService(MinzhengDbContext db, IRegionScope scope, RegionService regions, PersonalDataProtector protector, TimeProvider clock)
{
    private static readonly SortMap<InformationOfficer> Sort = new SortMap<InformationOfficer>("appointed", q => q.ThenByDescending(o => o.Id))
        .Add("appointed", o => o.AppointedOn).Add("region", o => o.RegionCode).Add("name", o => o.Name);

    public async Task<FuneralResult<OfficerRow>> AppointAsync(OfficerRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var name = TextRules.Field(r.Name, "name", "姓名", InformationOfficer.NameMaxLength, errors, required: true);
        var id = IdNumberInput.Required(r.IdNumber, today, errors);

        var phone = GraveService.Phone(r.Phone, "phone", errors);
        var region = await GraveService.VillageAsync(r.RegionCode, "regionCode", "所在村（社区）", scope, regions, errors, ct);
        var appointed = InputValues.PastDate(r.AppointedOn, "appointedOn", "聘任日期", today, required: true, errors);
        if (errors.Any)
        {
            return FuneralResult<OfficerRow>.Invalid(errors);
        }

        var index = protector.BlindIndex(id!.Value.Value, DataPurpose.IdNumber);
        if (await db.InformationOfficers.AnyAsync(o => o.RegionCode == region && o.IdNumberIndex == index && o.Active, ct))
        {
            return FuneralResult<OfficerRow>.Refused(Outcome.Conflict, "此人已是该村在任的殡改信息员，不能重复聘任");
        }

        var officer = new InformationOfficer
        {
            RegionCode = region!,
            Name = name!,
            IdNumberCipher = protector.Encrypt(id.Value.Value, DataPurpose.IdNumber),
            IdNumberIndex = index,
            IdNumberMasked = id.Value.Masked,
            Phone = phone,
            AppointedOn = appointed!.Value,
        };
        db.InformationOfficers.Add(officer);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same appointment submitted twice at once: the first is stored, this one writes nothing.
            db.ChangeTracker.Clear();
            return FuneralResult<OfficerRow>.Refused(Outcome.Conflict, "此人已是该村在任的殡改信息员，不能重复聘任");
        }

        return FuneralResult<OfficerRow>.Done(Row(officer));
    }

    /// <summary>Ends a serving officer's appointment on a day not before it began and not after today; ending twice is a conflict.</summary>
    public async Task<FuneralResult<OfficerRow>> EndAsync(Guid id, OfficerEndRequest r, CancellationToken ct)
    {
        var officer = await db.InformationOfficers.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (officer is null)
        {
            return FuneralResult<OfficerRow>.Refused(Outcome.NotFound, "殡改信息员不存在或不在您的管辖范围内");
        }

        var errors = new FieldErrors();
        var ended = InputValues.PastDate(r.EndedOn, "endedOn", "解聘日期", clock.Today(), required: true, errors);
        if (ended is { } day && day < officer.AppointedOn)
        {
            errors.Add("endedOn", $"解聘日期不能早于聘任日期{officer.AppointedOn:yyyy-MM-dd}");
        }

        if (errors.Any)
        {
            return FuneralResult<OfficerRow>.Invalid(errors);
        }

        if (!officer.Active)
        {
            return FuneralResult<OfficerRow>.Refused(Outcome.Conflict, $"该信息员已于{officer.EndedOn:yyyy-MM-dd}解聘");
        }

        officer.EndedOn = ended;
        officer.Active = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FuneralResult<OfficerRow>.Refused(Outcome.Conflict, "该信息员刚刚已由他人办理解聘，请刷新后查看");
        }

        return FuneralResult<OfficerRow>.Done(Row(officer));
    }

    public async Task<Paged<OfficerRow>> PageAsync(OfficerFilter filter, PageRequest page, CancellationToken ct)
    {
        var q = db.InformationOfficers.AsNoTracking();
        if (RegionCode.ToScopePrefix(filter.Region) is { } prefix)
        {
            q = q.Where(o => o.RegionCode.StartsWith(prefix));
        }

        q = filter.Status switch
        {
            "active" => q.Where(o => o.Active),
            "ended" => q.Where(o => !o.Active),
            _ => q,
        };
        if (filter.Name?.Trim() is { Length: > 0 } name)
        {
            q = q.Where(o => o.Name.Contains(name));
        }

        return (await q.PageAsync(page, Sort, ct)).Map(Row);
    }

    /// <summary>Serving officers by township, and how many villages they cover.</summary>
    public async Task<List<OfficerTownship>> ByTownshipAsync(CancellationToken ct) =>
        [.. (await db.InformationOfficers.AsNoTracking().Where(o => o.Active).Select(o => o.RegionCode).ToListAsync(ct))
            .GroupBy(c => c[..9]).OrderBy(g => g.Key)
            .Select(g => new OfficerTownship(g.Key.PadRight(RegionCode.Length, '0'), g.Count(), g.Distinct().Count()))];

    public static OfficerRow Row(InformationOfficer o) => new(o.Id, o.RegionCode, o.Name, o.IdNumberMasked, o.Phone is null ? null : Mask.Phone(o.Phone),
        o.AppointedOn, o.EndedOn, o.Active);
}
