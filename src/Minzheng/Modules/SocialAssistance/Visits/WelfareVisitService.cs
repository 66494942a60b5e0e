using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.People;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Visits;

public sealed record WelfareVisitRequest(string? VisitedOn, string? Visitors, string? Way,
    [property: MaxLength(WelfareVisit.FindingsMaxLength)] string? Findings, bool? NeedsFollowUp,
    [property: MaxLength(WelfareVisit.FollowUpNoteMaxLength)] string? FollowUpNote);

/// <summary>A person to visit: who, where, how dependent, when last seen and by when the next visit is due.</summary>
public sealed record WelfareVisitDue(Guid EnrollmentId, Guid PersonId, string Name, string IdNumberMasked, string RegionCode, string TownshipName,
    string VillageName, string SelfCare, string SelfCareName, int IntervalDays, DateOnly? LastVisitedOn, DateOnly DueOn, bool Overdue, int DaysOverdue, string Urgency);

public sealed record WelfareVisitDto(Guid Id, DateOnly VisitedOn, string Visitors, string Way, string WayName, string? Findings, bool NeedsFollowUp,
    string? FollowUpNote, string SelfCareName, DateOnly NextDueOn, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The visits of one enrolment; <see cref="Due"/> is null once nobody is to be visited (enrolment ended, person dead).</summary>
public sealed record WelfareVisitHistory(Guid EnrollmentId, string Name, string IdNumberMasked, string VillageName, string EnrollmentStatus,
    WelfareVisitDue? Due, List<WelfareVisitDto> Visits);

/// <summary>The outcome of recording a visit: the visit, or why not (field errors, or one reason for 404/409).</summary>
public sealed record WelfareVisitResult(Outcome Outcome, WelfareVisitDto? Visit, FieldErrors Errors, string? Message);

/// <summary>探视巡访 of 特困分散供养: who is due, each person's visits, recording one (intervals from <see cref="WelfareVisitOptions"/>).</summary>
public sealed class WelfareVisitService(MinzhengDbContext db, RegionService regions, CalendarService calendars, IOptions<WelfareVisitOptions> options,
    TimeProvider clock)
{
    public const string NotFoundMessage = "在保记录不存在或不在您的管辖范围内";

    public WelfareVisitOptions Options => options.Value;

    /// <param name="region">A region code or significant prefix within the caller's scope; null for the whole scope.</param>
    /// <param name="due">"overdue", "soon" (within <see cref="DeadlineBoard.DueSoonWorkingDays"/> working days) or null for everyone.</param>
    /// <returns>Everyone the filter keeps, soonest due first: the list is computed person by person, so it pages in memory (<see cref="Sort"/>).</returns>
    public async Task<(List<WelfareVisitDue>? Items, FieldErrors Errors)> DueAsync(string? region, string? due, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var prefix = string.IsNullOrWhiteSpace(region) ? "" : RegionCode.ToScopePrefix(region);
        if (prefix is null)
        {
            errors.Add("region", "区划 region 应为12位区划代码或其前缀（2、4、6或9位）");
        }

        if (due is not (null or "" or "overdue" or "soon"))
        {
            errors.Add("due", "due 应为 overdue（已逾期）或 soon（即将到期）");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var items = (await AllDueAsync(prefix!, null, ct)).Where(i => due switch
        {
            "overdue" => i.Urgency == "overdue",
            "soon" => i.Urgency == "due-soon",
            _ => true,
        });
        return (items.ToList(), errors);
    }

    /// <summary>The columns the list sorts by; soonest due first by default.</summary>
    public static readonly MemorySort<WelfareVisitDue> Sort = new MemorySort<WelfareVisitDue>("due",
            q => q.ThenBy(i => i.RegionCode, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.EnrollmentId))
        .Add("due", i => i.DueOn).Add("name", i => i.Name, StringComparer.Ordinal).Add("region", i => i.RegionCode, StringComparer.Ordinal)
        .Add("last", i => i.LastVisitedOn).Add("selfCare", i => i.IntervalDays);

    /// <summary>Everyone to visit within the prefix (the region filter narrows it to the caller's scope), soonest due first.</summary>
    public async Task<List<WelfareVisitDue>> AllDueAsync(string prefix, Guid? enrollmentId, CancellationToken ct)
    {
        var query = db.Enrollments.AsNoTracking()
            .Where(e => e.Program == WelfareVisitRules.Program && e.Status == EnrollmentStatus.Active && e.RegionCode.StartsWith(prefix));
        if (enrollmentId is { } id)
        {
            query = query.Where(e => e.Id == id);
        }

        var rows = await query
            .Join(db.Persons.Where(p => p.DeathDate == null), e => e.PersonId, p => p.Id, (e, p) => new
            {
                e.Id,
                e.RegionCode,
                e.StartMonth,
                PersonId = p.Id,
                p.Name,
                p.IdNumberMasked,
                p.SelfCare,
                LastVisit = db.Set<WelfareVisit>().Where(v => v.EnrollmentId == e.Id).Max(v => (DateOnly?)v.VisitedOn),
            })
            .ToListAsync(ct);
        var names = await regions.NamesOfAsync(rows.SelectMany(r => new[] { r.RegionCode, DeadlineBoard.TownshipOf(r.RegionCode) }), ct);
        var today = clock.Today();
        var soon = (await calendars.GetAsync(ct)).AddWorkingDays(today, DeadlineBoard.DueSoonWorkingDays);
        return rows.Select(r =>
            {
                var interval = WelfareVisitRules.IntervalDays(Options, r.SelfCare);
                var dueOn = WelfareVisitRules.DueOn(r.LastVisit, r.StartMonth, interval);
                var township = DeadlineBoard.TownshipOf(r.RegionCode);
                return new WelfareVisitDue(r.Id, r.PersonId, r.Name, r.IdNumberMasked, r.RegionCode, names.GetValueOrDefault(township, township),
                    names.GetValueOrDefault(r.RegionCode, r.RegionCode),
                    InputValues.Code(r.SelfCare), WelfareVisitRules.SelfCareName(r.SelfCare), interval, r.LastVisit, dueOn, dueOn < today,
                    Math.Max(0, today.DayNumber - dueOn.DayNumber), DeadlineBoard.Urgency(dueOn, today, soon));
            })
            .OrderBy(i => i.DueOn).ThenBy(i => i.RegionCode, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<(WelfareVisitHistory? History, string? Message)> HistoryAsync(Guid enrollmentId, CancellationToken ct)
    {
        var enrollment = await db.Enrollments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == enrollmentId, ct);
        if (enrollment is null)
        {
            return (null, NotFoundMessage);
        }

        if (enrollment.Program != WelfareVisitRules.Program)
        {
            return (null, $"该在保记录为{ProgramName(enrollment.Program)}，不是特困分散供养，没有探视巡访记录");
        }

        var person = await db.Persons.AsNoTracking().Where(p => p.Id == enrollment.PersonId).Select(p => new { p.Name, p.IdNumberMasked }).SingleAsync(ct);
        var visits = (await db.WelfareVisits.AsNoTracking().Where(v => v.EnrollmentId == enrollmentId).ToListAsync(ct))
            .OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.CreatedAt).Select(ToDto).ToList();
        var due = (await AllDueAsync("", enrollmentId, ct)).SingleOrDefault();
        var name = await regions.NameOfAsync(enrollment.RegionCode, ct) ?? enrollment.RegionCode;
        return (new WelfareVisitHistory(enrollmentId, person.Name, person.IdNumberMasked, name,
            InputValues.Code(enrollment.Status), due, visits), null);
    }

    public async Task<WelfareVisitResult> RecordAsync(Guid enrollmentId, WelfareVisitRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        WelfareVisitResult Refused(Outcome outcome, string message) => new(outcome, null, errors, message);

        var enrollment = await db.Enrollments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == enrollmentId, ct);
        if (enrollment is null)
        {
            return Refused(Outcome.NotFound, NotFoundMessage);
        }

        if (enrollment.Program != WelfareVisitRules.Program)
        {
            return Refused(Outcome.Conflict, $"该在保记录为{ProgramName(enrollment.Program)}，探视巡访只登记特困分散供养人员");
        }

        if (enrollment.Status != EnrollmentStatus.Active)
        {
            return Refused(Outcome.Conflict, "该特困分散供养记录已暂停或终止，不再登记探视巡访");
        }

        var person = await db.Persons.AsNoTracking().Where(p => p.Id == enrollment.PersonId).Select(p => new { p.SelfCare, p.DeathDate }).SingleAsync(ct);
        if (person.DeathDate is not null)
        {
            return Refused(Outcome.Conflict, "该人员已登记死亡，不再登记探视巡访；请处理死亡核查发现");
        }

        var visit = Validate(request, enrollment.StartMonth, errors);
        if (visit is null)
        {
            return new WelfareVisitResult(Outcome.Invalid, null, errors, null);
        }

        var interval = WelfareVisitRules.IntervalDays(Options, person.SelfCare);
        (visit.EnrollmentId, visit.PersonId, visit.RegionCode, visit.SelfCare, visit.NextDueOn) =
            (enrollment.Id, enrollment.PersonId, enrollment.RegionCode, person.SelfCare, visit.VisitedOn.AddDays(interval));
        var duplicate = $"{Day(visit.VisitedOn)}已登记过一次{WelfareVisit.Ways[visit.Way]}，不能重复登记";
        if (await db.WelfareVisits.AnyAsync(v => v.EnrollmentId == enrollmentId && v.VisitedOn == visit.VisitedOn && v.Way == visit.Way, ct))
        {
            return Refused(Outcome.Conflict, duplicate);
        }

        db.WelfareVisits.Add(visit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return Refused(Outcome.Conflict, duplicate); // the same form sent twice at once
        }

        return new WelfareVisitResult(Outcome.Done, ToDto(visit), errors, null);
    }

    /// <summary>The visit the request describes, or null with the errors named by field.</summary>
    private WelfareVisit? Validate(WelfareVisitRequest r, DateOnly startMonth, FieldErrors errors)
    {
        var today = clock.Today();
        if (!InputValues.TryParseDate(r.VisitedOn?.Trim(), out var visitedOn))
        {
            errors.Add("visitedOn", "请填写探视日期（YYYY-MM-DD）");
        }
        else if (visitedOn > today)
        {
            errors.Add("visitedOn", $"探视日期不能晚于今天（{Day(today)}）");
        }
        else if (visitedOn < startMonth)
        {
            errors.Add("visitedOn", $"探视日期不能早于纳入特困分散供养的月份（{Day(startMonth)}）");
        }

        var visitors = r.Visitors?.Trim() ?? "";
        if (visitors.Length is 0 or > WelfareVisit.VisitorsMaxLength)
        {
            errors.Add("visitors", $"请填写探视人（1到{WelfareVisit.VisitorsMaxLength}个字，多人用顿号分隔）");
        }
        else if (TextRules.Check(visitors, "探视人", multiLine: false) is { } bad)
        {
            errors.Add("visitors", bad);
        }

        if (r.Way is null || !WelfareVisit.Ways.ContainsKey(r.Way))
        {
            errors.Add("way", $"探视方式 way 应为 {string.Join("、", WelfareVisit.Ways.Select(w => $"{w.Key}（{w.Value}）"))} 之一");
        }

        var findings = TextRules.Field(r.Findings, "findings", "探视情况", WelfareVisit.FindingsMaxLength, errors, multiLine: true);
        var note = TextRules.Field(r.FollowUpNote, "followUpNote", "跟进事项", WelfareVisit.FollowUpNoteMaxLength, errors, multiLine: true);
        var followUp = r.NeedsFollowUp == true;
        if (followUp && string.IsNullOrWhiteSpace(r.FollowUpNote))
        {
            errors.Add("followUpNote", "需要跟进的，请写明跟进事项（如联系照料人、申请临时救助、危房改造）");
        }

        return errors.Any ? null : new WelfareVisit
        {
            VisitedOn = visitedOn,
            Visitors = visitors,
            Way = r.Way!,
            Findings = findings,
            NeedsFollowUp = followUp,
            FollowUpNote = note,
        };
    }

    private static WelfareVisitDto ToDto(WelfareVisit v) => new(v.Id, v.VisitedOn, v.Visitors, v.Way, WelfareVisit.Ways.GetValueOrDefault(v.Way, v.Way), v.Findings,
        v.NeedsFollowUp, v.FollowUpNote, WelfareVisitRules.SelfCareName(v.SelfCare), v.NextDueOn, v.CreatedBy, v.CreatedAt);

    private static string ProgramName(string code) => AssistancePrograms.NameOf(code);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
