using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Deadlines;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <param name="Mine">A user name: only cases this user has worked on (any step of the timeline).</param>
/// <param name="Due">"soon", "overdue" or null for every case.</param>
/// <param name="IdNumber">A full ID number of any current member of the household (posted, never in a URL).</param>
public sealed record CaseFilter(string? Status = null, string? Program = null, string? Region = null, string? Due = null, string? Mine = null,
    string? Name = null, string? IdNumber = null, Guid? HouseholdId = null);

/// <summary>Case pages and work lists: one case with its timeline, filtered lists with deadline urgency, the deadline board.</summary>
public sealed class CaseQueries(MinzhengDbContext db, CalendarService calendars, DeadlineBoard board, AuditLog audit, TimeProvider clock, CaseChecks checks,
    RegionService regions, PersonalDataProtector protector)
{
    /// <param name="roles">The caller's roles, for the steps they may take now.</param>
    public async Task<CaseDto?> GetAsync(Guid id, CancellationToken ct, IEnumerable<string>? roles = null)
    {
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }

        var applicant = await db.Persons.AsNoTracking().Where(p => p.Id == c.ApplicantPersonId).Select(p => new { p.Name, p.IdNumberMasked }).SingleAsync(ct);
        var events = (await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).ToListAsync(ct)).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new CaseEventDto(e.At, e.Actor, e.Action, Code(e.From), Code(e.To), e.Note)).ToList();
        var urgency = Urgency(c, await calendars.GetAsync(ct));
        await audit.RecordAsync(AuditActions.RecordViewed, entityType: "Case", entityId: id.ToString(), regionCode: c.RegionCode, ct: ct);
        return new CaseDto(c.Id, c.Program, ProgramName(c.Program), c.RegionCode, c.HouseholdId, c.ApplicantPersonId, applicant.Name,
            applicant.IdNumberMasked, Code(c.Status), CaseText.StatusName(c.Status), c.AppliedOn, c.AuthorisationSigned, c.RelativeOfStaff,
            c.RelativeReview, c.EmergencyAmount, c.AcceptedOn, c.InvestigatedOn, c.Investigators, c.Findings, c.CheckPassed, c.CheckNote,
            c.DemocraticReview, c.TownshipApproves, c.TownshipOpinion, c.PublicityFrom, c.PublicityUntil, c.OpenObjections, c.SubmittedOn, c.DecidedOn,
            c.DecisionReason, c.StartMonth?.ToString("yyyy-MM", CultureInfo.InvariantCulture), c.CoveredPersons, c.MonthlyAmount, c.EnrollmentId,
            c.DueOn, c.FinalDueOn, urgency, CaseRules.For(c.Program).Citation, c.CalculationJson, events)
        {
            AvailableActions = CaseProcedure.AvailableActions(c, roles ?? []),
            Estimate = await checks.EstimateAsync(c, ct),
        };
    }

    private static readonly SortMap<CaseRow> Sort = new SortMap<CaseRow>("due", q => q.ThenBy(r => r.Case.AppliedOn).ThenBy(r => r.Case.Id))
        .Add("due", r => r.Case.DueOn ?? DateOnly.MaxValue).Add("applied", r => r.Case.AppliedOn).Add("name", r => r.Name)
        .Add("program", r => r.Case.Program).Add("region", r => r.Case.RegionCode).Add("status", r => r.Case.Status);

    /// <summary>One page of the cases the filter keeps, most urgent first unless sorted otherwise; null when a filter value is malformed.</summary>
    public async Task<Paged<CaseListItem>?> ListAsync(CaseFilter filter, PageRequest page, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        if (Filtered(filter, calendar) is not { } query)
        {
            return null;
        }

        var joined = query.Join(db.Persons, c => c.ApplicantPersonId, p => p.Id, (c, p) => new CaseRow { Case = c, Name = p.Name, IdNumberMasked = p.IdNumberMasked });
        var rows = filter.Due == "soon" ? SoonOnly(await Sort.Apply(joined, page).ToListAsync(ct), page, calendar) : await joined.PageAsync(page, Sort, ct);
        var names = await regions.NamesOfAsync(rows.Items.Select(r => r.Case.RegionCode), ct);
        return new Paged<CaseListItem>(rows.Items.Select(r => new CaseListItem(r.Case.Id, r.Case.Program, ProgramName(r.Case.Program), r.Case.RegionCode, r.Name,
            r.IdNumberMasked, Code(r.Case.Status), CaseText.StatusName(r.Case.Status), r.Case.AppliedOn, r.Case.DueOn, Urgency(r.Case, calendar), r.Case.RelativeOfStaff,
            names.GetValueOrDefault(r.Case.RegionCode, r.Case.RegionCode))).ToList(), rows.Total, rows.Page, rows.PageSize);
    }

    /// <summary>The due-soon cases of the window, paged here: few enough (3 working days of cases) to judge each by its own step.</summary>
    private Paged<CaseRow> SoonOnly(List<CaseRow> window, PageRequest page, WorkingCalendar calendar)
    {
        var soon = window.Where(r => Urgency(r.Case, calendar) == "due-soon").ToList();
        return new Paged<CaseRow>(soon.Skip(page.Skip).Take(page.Size).ToList(), soon.Count, page.Page, page.Size);
    }

    private IQueryable<AssistanceCase>? Filtered(CaseFilter f, WorkingCalendar calendar)
    {
        var query = db.Cases.AsNoTracking();
        if (!string.IsNullOrEmpty(f.Mine))
        {
            query = query.Where(c => db.Set<CaseEvent>().Any(e => e.CaseId == c.Id && e.Actor == f.Mine));
        }

        if (!string.IsNullOrWhiteSpace(f.Region))
        {
            if (RegionCode.ToScopePrefix(f.Region.Trim()) is not { } prefix)
            {
                return null;
            }

            query = query.Where(c => c.RegionCode.StartsWith(prefix));
        }

        if (!string.IsNullOrWhiteSpace(f.Status))
        {
            if (!Enum.TryParse<CaseStatus>(f.Status.Replace("-", "", StringComparison.Ordinal), true, out var s))
            {
                return null;
            }

            query = query.Where(c => c.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(f.Program))
        {
            query = query.Where(c => c.Program == f.Program);
        }

        if (f.HouseholdId is { } household)
        {
            query = query.Where(c => c.HouseholdId == household);
        }

        if (!string.IsNullOrWhiteSpace(f.Name))
        {
            var name = f.Name.Trim();
            query = query.Where(c => db.Persons.Any(p => p.Id == c.ApplicantPersonId && p.Name.Contains(name)));
        }

        if (!string.IsNullOrWhiteSpace(f.IdNumber))
        {
            // Any current member's number finds the household's cases: the applicant is not always the one the clerk knows.
            var index = IdNumber.TryParse(f.IdNumber, clock.Today(), out var id, out _) ? protector.BlindIndex(id.Value, DataPurpose.IdNumber) : "-";
            query = query.Where(c => db.HouseholdMembers.Any(m => m.HouseholdId == c.HouseholdId && m.ValidTo == null && m.Person!.IdNumberIndex == index));
        }

        var today = clock.Today();
        if (f.Due is "soon" or "overdue")
        {
            // "Soon" depends on each step's own period: the database narrows to the widest window (3 working days),
            // ListAsync keeps the cases whose urgency says so.
            var beyond = calendar.AddWorkingDays(today, DeadlineBoard.DueSoonWorkingDays + 1);
            query = f.Due == "overdue" ? query.Where(c => c.DueOn < today) : query.Where(c => c.DueOn >= today && c.DueOn < beyond);
        }

        return query;
    }

    /// <summary>A class, not a record, so EF can sort and page on the joined applicant's name.</summary>
    internal sealed class CaseRow
    {
        public AssistanceCase Case { get; init; } = null!;
        public string Name { get; init; } = "";
        public string IdNumberMasked { get; init; } = "";
    }

    /// <summary>
    /// Open cases per township of the caller's scope (open, due soon, overdue) with overdue tip-offs and warnings: the
    /// social-assistance columns of the platform's deadline board.
    /// </summary>
    public async Task<List<DeadlineRow>> BoardAsync(CancellationToken ct)
    {
        static BoardCount Count(BoardRow row, string kind) => row.Kinds.FirstOrDefault(k => k.Kind == kind) ?? new BoardCount(kind, 0, 0, 0);
        return (await board.ByTownshipAsync(ct))
            .Select(r => (Row: r, Cases: Count(r, CaseDeadlines.KindName), TipOffs: Count(r, TipOffDeadlines.KindName), Warnings: Count(r, WarningDeadlines.KindName)))
            .Where(x => x.Cases.Open > 0 || x.TipOffs.Overdue > 0 || x.Warnings.Overdue > 0)
            .Select(x => new DeadlineRow(x.Row.RegionCode, x.Row.Name, x.Cases.Open, x.Cases.DueSoon, x.Cases.Overdue, x.TipOffs.Overdue, x.Warnings.Overdue))
            .ToList();
    }

    public string Urgency(AssistanceCase c, WorkingCalendar calendar)
    {
        var today = clock.Today();
        return c.DueOn is { } due ? DeadlineBoard.Urgency(due, today, CaseService.StepStartedOn(c), calendar) : "closed";
    }

    private static string ProgramName(string code) => AssistancePrograms.NameOf(code);

    private static string Code<T>(T value) where T : struct, Enum => Minzheng.Platform.Web.InputValues.Code(value);
}
