using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Applications;

/// <summary>A 登记申请 in lists; <c>Overdue</c> when still undecided after its due day.</summary>
public sealed record ApplicationRow(Guid Id, string Procedure, string ProcedureName, string Status, string StatusName, string OrganizationName,
    Guid? OrganizationId, DateOnly ReceivedOn, DateOnly? AcceptedOn, DateOnly? DueOn, DateOnly? ClosedOn, bool Overdue);

/// <summary>One application with the applicant's contents (the representative's ID masked), its notices and the steps the caller may take now.</summary>
public sealed record ApplicationDetail(ApplicationRow Application, string? OrganizationKind, string? OrganizationKindName, string? CreditCode, string? CreditCodeNote,
    string? NewName, string? SupervisingUnit, string? Residence, decimal? RegisteredCapital, string? RepresentativeName, string? RepresentativeIdMasked,
    int? IndividualMembers, int? UnitMembers, int? CouncilSize, string? Matter, string? ClosingReason, IReadOnlyList<ApplicationNotice> Notices,
    IReadOnlyList<string> AvailableActions, ApplicationCorrection? Correction = null, ApplicationExtension? Extension = null);

/// <summary>The one-time 补正告知: when, every item listed, the note, and when the corrected materials came in (null while waiting).</summary>
public sealed record ApplicationCorrection(DateOnly RequestedOn, IReadOnlyList<string> Items, string? Note, DateOnly? ReceivedOn);

/// <summary>The one 延期: when, why, and the due day before and after it.</summary>
public sealed record ApplicationExtension(DateOnly ExtendedOn, string? Reason, DateOnly? DueBefore, DateOnly? DueAfter);

public sealed record ApplicationNotice(Guid Id, string Kind, string Title, string Number, DateOnly IssuedOn);

/// <summary>Received within the period, and decided, not accepted or withdrawn within it; <c>Overdue</c>: due within it and decided late or still open past the day.</summary>
public sealed record ApplicationStatistics(int Received, int Accepted, int NotAccepted, int Approved, int Refused, int Withdrawn, int Overdue, int OpenNow);

public sealed record ApplicationFilter(string? Status, string? Procedure, bool? Overdue, string? Name);

/// <summary>Lists, records and figures of the 登记申请, within the caller's region (the query filter applies).</summary>
public sealed class ApplicationQueries(MinzhengDbContext db, DocumentService documents, Platform.Statistics.PeriodStatistics period, TimeProvider clock)
{
    private static readonly SortMap<RegistrationApplication> Sorts = new SortMap<RegistrationApplication>("received", q => q.ThenBy(a => a.Id))
        .Add("received", a => a.ReceivedOn).Add("due", a => a.DueOn).Add("name", a => a.OrganizationName).Add("status", a => a.Status);

    public async Task<Paged<ApplicationRow>?> ListAsync(ApplicationFilter filter, PageRequest page, FieldErrors errors, CancellationToken ct)
    {
        var status = InputValues.ParseOptional<ApplicationStatus>(filter.Status, "status",
            "status 应为 received（已接收）、accepted（已受理）、correcting（等待补正）、not-accepted（不予受理）、approved（准予登记）、refused（不予登记）或 withdrawn（已撤回）", errors);
        var kind = InputValues.ParseOptional<ApplicationKind>(filter.Procedure, "procedure", "procedure 应为 establish、change 或 deregister", errors);
        if (errors.Any)
        {
            return null;
        }

        var today = clock.Today();
        var query = db.RegistrationApplications.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        if (kind is { } k)
        {
            query = query.Where(a => a.Kind == k);
        }

        if (filter.Overdue == true)
        {
            query = query.Where(a => (a.Status == ApplicationStatus.Received || a.Status == ApplicationStatus.Accepted) && a.DueOn < today);
        }

        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var n = filter.Name.Trim();
            query = query.Where(a => a.OrganizationName.Contains(n));
        }

        return (await query.PageAsync(page, Sorts, ct)).Map(a => Row(a, today));
    }

    public static ApplicationRow Row(RegistrationApplication a, DateOnly today) => new(a.Id, InputValues.Code(a.Kind), RegistrationApplication.KindName(a.Kind),
        InputValues.Code(a.Status), RegistrationApplication.StatusName(a.Status), a.OrganizationName, a.OrganizationId, a.ReceivedOn, a.AcceptedOn, a.DueOn,
        a.ClosedOn, a.IsOpen && a.DueOn < today);

    public Task<RegistrationApplication?> FindAsync(Guid id, CancellationToken ct) => db.RegistrationApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);

    public async Task<ApplicationDetail?> DetailAsync(Guid id, IEnumerable<string> roles, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } a)
        {
            return null;
        }

        var notices = (await documents.OfAsync(ApplicationProcedure.OwnerType, a.Id, ct)).Where(d => !d.IsVoid)
            .Select(d => new ApplicationNotice(d.Id, d.Kind, d.Title, d.Number, d.IssuedOn)).ToList();
        return new ApplicationDetail(Row(a, clock.Today()), a.OrganizationKind is { } k ? InputValues.Code(k) : null,
            a.OrganizationKind is { } kn ? SocialOrganization.KindName(kn) : null, a.CreditCode, a.CreditCodeNote, a.NewName, a.SupervisingUnit, a.Residence,
            a.RegisteredCapital, a.RepresentativeName, a.RepresentativeIdMasked, a.IndividualMembers, a.UnitMembers, a.CouncilSize, a.Matter, a.ClosingReason, notices,
            ApplicationProcedure.Steps.AvailableActions(a.Status, roles).Select(s => s.Action).Where(action => Offered(a, action)).ToList(),
            a.CorrectionRequestedOn is { } asked ? new ApplicationCorrection(asked, a.CorrectionItemList, a.CorrectionNote, a.CorrectionReceivedOn) : null,
            a.ExtendedOn is { } extended ? new ApplicationExtension(extended, a.ExtensionReason, a.DueBeforeExtension, a.DueOn) : null);
    }

    // 补正 and 延期 are once only: not offered again once taken (the API refuses them with the reason).
    private static bool Offered(RegistrationApplication a, string action) => action switch
    {
        ApplicationProcedure.RequestCorrection => a.CorrectionRequestedOn is null,
        ApplicationProcedure.Extend => a.ExtendedOn is null,
        _ => true,
    };

    public Task<(Outcome Outcome, ApplicationStatistics? Value, FieldErrors Errors)> ForAsync(string? region, string? from, string? to, CancellationToken ct) =>
        period.ComputeAsync(region, from, to, (prefix, start, end) => CountsAsync(prefix, start, end, ct), ct);

    public async Task<ApplicationStatistics> CountsAsync(string prefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var today = clock.Today();
        var all = db.RegistrationApplications.AsNoTracking().Where(a => a.RegionCode.StartsWith(prefix));
        var received = await all.CountAsync(a => a.ReceivedOn >= from && a.ReceivedOn <= to, ct);
        var accepted = await all.CountAsync(a => a.AcceptedOn >= from && a.AcceptedOn <= to, ct);
        var closed = await all.Where(a => a.ClosedOn >= from && a.ClosedOn <= to).GroupBy(a => a.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var overdue = await all.CountAsync(a => a.DueOn >= from && a.DueOn <= to
            && ((a.Status == ApplicationStatus.Accepted && a.DueOn < today) || ((a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.Refused) && a.ClosedOn > a.DueOn)), ct);
        var open = await all.CountAsync(a => a.Status == ApplicationStatus.Received || a.Status == ApplicationStatus.Accepted || a.Status == ApplicationStatus.Correcting, ct);
        return new ApplicationStatistics(received, accepted, closed.GetValueOrDefault(ApplicationStatus.NotAccepted), closed.GetValueOrDefault(ApplicationStatus.Approved),
            closed.GetValueOrDefault(ApplicationStatus.Refused), closed.GetValueOrDefault(ApplicationStatus.Withdrawn), overdue, open);
    }
}
