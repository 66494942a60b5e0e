using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Deadlines;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>Case pages and work lists: one case with its timeline, filtered lists with deadline urgency, the deadline board.</summary>
public sealed class CaseQueries(MinzhengDbContext db, CalendarService calendars, DeadlineBoard board, AuditLog audit, TimeProvider clock, CaseChecks checks)
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

    /// <param name="due">"soon", "overdue" or null for every case.</param>
    /// <param name="mine">Only cases this user has worked on (any step of the timeline).</param>
    public async Task<List<CaseListItem>?> ListAsync(string? status, string? program, string? region, string? due, int take, CancellationToken ct,
        string? mine = null)
    {
        var query = db.Cases.AsNoTracking();
        if (!string.IsNullOrEmpty(mine))
        {
            query = query.Where(c => db.Set<CaseEvent>().Any(e => e.CaseId == c.Id && e.Actor == mine));
        }

        if (!string.IsNullOrWhiteSpace(region))
        {
            if (RegionCode.ToScopePrefix(region) is not { } prefix)
            {
                return null;
            }

            query = query.Where(c => c.RegionCode.StartsWith(prefix));
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<CaseStatus>(status.Replace("-", "", StringComparison.Ordinal), true, out var s))
            {
                return null;
            }

            query = query.Where(c => c.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(program))
        {
            query = query.Where(c => c.Program == program);
        }

        var calendar = await calendars.GetAsync(ct);
        var today = clock.Today();
        if (due is "soon" or "overdue")
        {
            // "Soon" depends on each step's own period: the database narrows to the widest window (3 working days), the rest is checked below.
            var beyond = calendar.AddWorkingDays(today, DeadlineBoard.DueSoonWorkingDays + 1);
            query = due == "overdue" ? query.Where(c => c.DueOn < today) : query.Where(c => c.DueOn >= today && c.DueOn < beyond);
        }

        var ordered = query.OrderBy(c => c.DueOn == null).ThenBy(c => c.DueOn).ThenBy(c => c.AppliedOn);
        var rows = await (due == "soon" ? ordered : ordered.Take(Math.Clamp(take, 1, 1000)))
            .Join(db.Persons, c => c.ApplicantPersonId, p => p.Id, (c, p) => new { Case = c, p.Name, p.IdNumberMasked }).ToListAsync(ct);
        return rows.Select(r => new CaseListItem(r.Case.Id, r.Case.Program, ProgramName(r.Case.Program), r.Case.RegionCode, r.Name, r.IdNumberMasked,
                Code(r.Case.Status), CaseText.StatusName(r.Case.Status), r.Case.AppliedOn, r.Case.DueOn, Urgency(r.Case, calendar), r.Case.RelativeOfStaff))
            .Where(i => due != "soon" || i.Urgency == "due-soon").Take(Math.Clamp(take, 1, 1000)).ToList();
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

    private static string ProgramName(string code) => AssistancePrograms.ByCode(code)?.Name ?? code;

    private static string Code<T>(T value) where T : struct, Enum => Minzheng.Platform.Web.InputValues.Code(value);
}
