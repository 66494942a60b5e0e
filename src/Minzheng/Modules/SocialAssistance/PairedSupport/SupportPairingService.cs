using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Modules.SocialAssistance.Visits;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.PairedSupport;

public sealed record PairingRequest(Guid? HouseholdId, string? Helper, string? HelperUnit, string? StartedOn, string? Measures);

public sealed record ContactRequest(string? ContactedOn, string? Way, string? Content);

public sealed record EndPairingRequest(string? EndedOn, string? Reason);

public sealed record ContactDto(Guid Id, string ContactedOn, string Way, string WayName, string Content, string RecordedBy);

public sealed record PairingDto(Guid Id, Guid HouseholdId, string HeadName, string HeadIdNumberMasked, string VillageName, string Programs, string Helper,
    string HelperUnit, string StartedOn, string Measures, string? EndedOn, string? EndReason, string? LastContactOn, int Contacts)
{
    public List<ContactDto> History { get; init; } = [];
}

/// <param name="Active">true: only pairings still running; false: only ended ones; null: all.</param>
/// <param name="Name">Part of the head's name.</param>
/// <param name="Helper">Part of the helper's name or unit.</param>
public sealed record PairingFilter(bool? Active = null, Guid? HouseholdId = null, string? Region = null, string? Name = null, string? Helper = null);

/// <summary>结对帮扶: pairings of the caller's region, their contacts, and ending one; every field checked, errors named.</summary>
public sealed class SupportPairingService(MinzhengDbContext db, RegionService regions, TimeProvider clock)
{
    public async Task<(Outcome Outcome, Guid? Id, FieldErrors Errors, string? Message)> PairAsync(PairingRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var helper = TextRules.Field(request.Helper, "helper", "帮扶责任人", SupportPairing.HelperMaxLength, errors, required: true);
        var unit = TextRules.Field(request.HelperUnit, "helperUnit", "帮扶单位", SupportPairing.UnitMaxLength, errors, required: true);
        var measures = TextRules.Field(request.Measures, "measures", "帮扶措施", SupportPairing.MeasuresMaxLength, errors, required: true, multiLine: true);
        var started = Day(request.StartedOn, "startedOn", "结对日期", errors);
        if (request.HouseholdId is null)
        {
            errors.Add("householdId", "请选择结对帮扶的家庭");
        }

        if (errors.Any)
        {
            return (Outcome.Invalid, null, errors, null);
        }

        var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == request.HouseholdId, ct);
        if (household is null)
        {
            return (Outcome.NotFound, null, errors, "家庭不存在或不在您的管辖范围内");
        }

        if (await db.SupportPairings.AnyAsync(p => p.HouseholdId == household.Id && p.Helper == helper && p.EndedOn == null, ct))
        {
            return (Outcome.Conflict, null, errors, $"{helper} 已与该家庭结对，不能重复结对");
        }

        var pairing = new SupportPairing
        {
            RegionCode = household.RegionCode,
            HouseholdId = household.Id,
            Helper = helper!,
            HelperUnit = unit!,
            StartedOn = started!.Value,
            Measures = measures!,
        };
        db.SupportPairings.Add(pairing);
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, pairing.Id, errors, null);
    }

    public async Task<(Outcome Outcome, FieldErrors Errors, string? Message)> ContactAsync(Guid id, ContactRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var on = Day(request.ContactedOn, "contactedOn", "帮扶日期", errors);
        if (request.Way is null || !WelfareVisit.Ways.ContainsKey(request.Way))
        {
            errors.Add("way", $"帮扶方式应为 {string.Join("、", WelfareVisit.Ways.Select(w => $"{w.Key}（{w.Value}）"))} 之一");
        }

        var content = TextRules.Field(request.Content, "content", "帮扶内容", SupportContact.ContentMaxLength, errors, required: true, multiLine: true);
        var pairing = await db.SupportPairings.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (pairing is not null && on is { } d && d < pairing.StartedOn)
        {
            errors.Add("contactedOn", $"帮扶日期不能早于结对日期 {pairing.StartedOn:yyyy-MM-dd}");
        }

        if (errors.Any || pairing is null)
        {
            return pairing is null ? (Outcome.NotFound, errors, "结对帮扶不存在或不在您的管辖范围内") : (Outcome.Invalid, errors, null);
        }

        if (pairing.EndedOn is not null)
        {
            return (Outcome.Conflict, errors, "该结对帮扶已结束，不能再记录帮扶情况");
        }

        db.SupportContacts.Add(new SupportContact { PairingId = id, RegionCode = pairing.RegionCode, ContactedOn = on!.Value, Way = request.Way!, Content = content! });
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, errors, null);
    }

    public async Task<(Outcome Outcome, FieldErrors Errors, string? Message)> EndAsync(Guid id, EndPairingRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var ended = Day(request.EndedOn, "endedOn", "结束日期", errors);
        var reason = TextRules.Field(request.Reason, "reason", "结束原因", 200, errors, required: true);
        var pairing = await db.SupportPairings.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (pairing is null)
        {
            return (Outcome.NotFound, errors, "结对帮扶不存在或不在您的管辖范围内");
        }

        if (ended is { } e && e < pairing.StartedOn)
        {
            errors.Add("endedOn", $"结束日期不能早于结对日期 {pairing.StartedOn:yyyy-MM-dd}");
        }

        if (errors.Any)
        {
            return (Outcome.Invalid, errors, null);
        }

        if (pairing.EndedOn is not null)
        {
            return (Outcome.Conflict, errors, "该结对帮扶已结束");
        }

        (pairing.EndedOn, pairing.EndReason) = (ended, reason);
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, errors, null);
    }

    /// <summary>By village, the newest pairing first within it.</summary>
    private static readonly SortMap<PairingRow> Sort = new SortMap<PairingRow>("region", q => q.ThenByDescending(r => r.P.StartedOn).ThenBy(r => r.P.Id))
        .Add("region", r => r.P.RegionCode).Add("head", r => r.HeadName).Add("helper", r => r.P.Helper).Add("unit", r => r.P.HelperUnit)
        .Add("started", r => r.P.StartedOn).Add("ended", r => r.P.EndedOn);

    public async Task<Paged<PairingDto>> PageAsync(PairingFilter filter, PageRequest page, CancellationToken ct)
    {
        var q = db.SupportPairings.AsNoTracking();
        if (filter.Active is { } a)
        {
            q = a ? q.Where(p => p.EndedOn == null) : q.Where(p => p.EndedOn != null);
        }

        if (filter.HouseholdId is { } h)
        {
            q = q.Where(p => p.HouseholdId == h);
        }

        if (RegionCode.ToScopePrefix(filter.Region) is { } prefix)
        {
            q = q.Where(p => p.RegionCode.StartsWith(prefix));
        }

        if (filter.Helper?.Trim() is { Length: > 0 } helper)
        {
            q = q.Where(p => p.Helper.Contains(helper) || p.HelperUnit.Contains(helper));
        }

        var rows = q.Join(db.Households, p => p.HouseholdId, h => h.Id, (p, h) => new { p, h.HeadPersonId })
            .Join(db.Persons, x => x.HeadPersonId, person => person.Id, (x, person) => new PairingRow { P = x.p, HeadName = person.Name });
        if (filter.Name?.Trim() is { Length: > 0 } name)
        {
            rows = rows.Where(r => r.HeadName.Contains(name));
        }

        var found = await rows.PageAsync(page, Sort, ct);
        return new Paged<PairingDto>(await DtosAsync([.. found.Items.Select(r => r.P)], withHistory: false, ct), found.Total, found.Page, found.PageSize);
    }

    public async Task<PairingDto?> GetAsync(Guid id, CancellationToken ct) =>
        await db.SupportPairings.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } p ? (await DtosAsync([p], withHistory: true, ct))[0] : null;

    private async Task<List<PairingDto>> DtosAsync(List<SupportPairing> rows, bool withHistory, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var householdIds = rows.Select(r => r.HouseholdId).Distinct().ToList();
        var contacts = await db.SupportContacts.AsNoTracking().Where(c => ids.Contains(c.PairingId)).OrderByDescending(c => c.ContactedOn).ToListAsync(ct);
        var heads = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .Join(db.Persons, h => h.HeadPersonId, p => p.Id, (h, p) => new { h.Id, p.Name, p.IdNumberMasked }).ToDictionaryAsync(x => x.Id, ct);
        var programs = (await db.Enrollments.AsNoTracking().Where(e => householdIds.Contains(e.HouseholdId) && e.Status == EnrollmentStatus.Active)
            .Select(e => new { e.HouseholdId, e.Program }).ToListAsync(ct)).ToLookup(e => e.HouseholdId, e => AssistancePrograms.NameOf(e.Program));
        var names = await regions.NamesOfAsync(rows.Select(r => r.RegionCode), ct);
        var byPairing = contacts.ToLookup(c => c.PairingId);
        return rows.Select(r => new PairingDto(r.Id, r.HouseholdId, heads.GetValueOrDefault(r.HouseholdId)?.Name ?? "", heads.GetValueOrDefault(r.HouseholdId)?.IdNumberMasked ?? "",
            names.GetValueOrDefault(r.RegionCode, r.RegionCode), string.Join("、", programs[r.HouseholdId].Distinct()), r.Helper, r.HelperUnit,
            Iso(r.StartedOn), r.Measures, r.EndedOn is { } e ? Iso(e) : null, r.EndReason, byPairing[r.Id].FirstOrDefault() is { } last ? Iso(last.ContactedOn) : null,
            byPairing[r.Id].Count())
        {
            History = withHistory
                ? byPairing[r.Id].Select(c => new ContactDto(c.Id, Iso(c.ContactedOn), c.Way, WelfareVisit.Ways.GetValueOrDefault(c.Way, c.Way), c.Content, c.CreatedBy)).ToList()
                : [],
        }).ToList();
    }

    private DateOnly? Day(string? value, string field, string label, FieldErrors errors)
    {
        if (!InputValues.TryParseDate(value, out var day) || day > Minzheng.Platform.Calendar.ChinaTime.Today(clock) || !InputValues.IsSaneDate(day))
        {
            errors.Add(field, $"{label}应为不晚于今天的日期 YYYY-MM-DD");
            return null;
        }

        return day;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", null);

    /// <summary>A class, not a record, so EF can sort and page on the projection's members.</summary>
    private sealed class PairingRow
    {
        public SupportPairing P { get; init; } = null!;
        public string HeadName { get; init; } = "";
    }
}
