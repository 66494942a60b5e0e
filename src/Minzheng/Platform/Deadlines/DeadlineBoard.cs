using Minzheng.Platform.Calendar;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Deadlines;

/// <summary>The work list and the deadline board of every module's open deadlines, within the caller's region.</summary>
public sealed class DeadlineBoard(
    IEnumerable<IDeadlineSource> sources, CalendarService calendars, RegionService regions, TimeProvider clock,
    Microsoft.AspNetCore.Http.IHttpContextAccessor http, Microsoft.AspNetCore.Authorization.IAuthorizationService authorization)
{
    /// <summary>Due within this many working days counts as "due soon" — at most (see <see cref="Urgency(DateOnly, DateOnly, DateOnly?, WorkingCalendar)"/>).</summary>
    public const int DueSoonWorkingDays = 3;

    /// <summary>Of a step's own period, the last fifth at most counts as "due soon".</summary>
    public const int DueSoonShareDivisor = 5;

    /// <param name="due">"soon", "overdue", or null for every open item with a deadline.</param>
    public async Task<IReadOnlyList<WorkItem>> WorkListAsync(string? due, int take, CancellationToken ct)
    {
        var today = clock.Today();
        var calendar = await calendars.GetAsync(ct);
        var items = new List<WorkItem>();
        foreach (var source in await ForCallerAsync())
        {
            items.AddRange((await source.OpenAsync(ct)).Where(d => d.DueOn is not null)
                .Select(d => new WorkItem(source.Kind, d.RegionCode, d.RegionCode, d.DueOn!.Value,
                    Urgency(d.DueOn.Value, today, d.StartedOn, calendar), d.Title, d.Href)));
        }

        // Named after the cut: only the items shown need their region's name.
        var shown = items.Where(i => due switch { "soon" => i.Urgency == "due-soon", "overdue" => i.Urgency == "overdue", _ => true })
            .OrderBy(i => i.DueOn).ThenBy(i => i.Kind, StringComparer.Ordinal).Take(Math.Clamp(take, 1, 1000)).ToList();
        var names = await regions.NamesOfAsync(shown.Select(i => i.RegionCode), ct);
        return shown.Select(i => i with { RegionName = names.GetValueOrDefault(i.RegionCode, i.RegionCode) }).ToList();
    }

    /// <summary>Per township of the caller's scope: open, due soon and overdue, in total and by kind of work the caller may act on.</summary>
    public async Task<IReadOnlyList<BoardRow>> ByTownshipAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var calendar = await calendars.GetAsync(ct);
        var counts = new List<(string Township, string Kind, string? Urgency)>();
        foreach (var source in await ForCallerAsync())
        {
            counts.AddRange((await source.OpenAsync(ct)).Select(d =>
                (TownshipOf(d.RegionCode), source.Kind, d.DueOn is { } dueOn ? Urgency(dueOn, today, d.StartedOn, calendar) : null)));
        }

        var names = await regions.NamesOfAsync(counts.Select(c => c.Township), ct);
        return counts.GroupBy(c => c.Township).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var kinds = g.GroupBy(c => c.Kind).Select(k => new BoardCount(k.Key, k.Count(),
                k.Count(c => c.Urgency == "due-soon"), k.Count(c => c.Urgency == "overdue"))).ToList();
            return new BoardRow(g.Key, names.GetValueOrDefault(g.Key, g.Key), kinds.Sum(k => k.Open), kinds.Sum(k => k.DueSoon), kinds.Sum(k => k.Overdue), kinds);
        }).ToList();
    }

    /// <summary>The township (9-digit prefix) a region code lies in.</summary>
    public static string TownshipOf(string regionCode) => regionCode[..9].PadRight(RegionCode.Length, '0');

    /// <summary>
    /// "overdue", "due-soon" or "on-time" for a step that started on <paramref name="startedOn"/>. Due soon means the last
    /// <see cref="DueSoonWorkingDays"/> working days, but never more than the last fifth of the step's own period
    /// (rounded): a step of 3 working days (受理) is due soon when one working day is left, not from the day it starts — otherwise
    /// every new application would be flagged at once and the flag would mean nothing. The due day itself always is.
    /// Without a start the plain <see cref="DueSoonWorkingDays"/> applies.
    /// </summary>
    public static string Urgency(DateOnly dueOn, DateOnly today, DateOnly? startedOn, WorkingCalendar calendar)
    {
        if (dueOn < today)
        {
            return "overdue";
        }

        var window = startedOn is { } start && start < dueOn
            ? Math.Min(DueSoonWorkingDays, (calendar.WorkingDaysBetween(start, dueOn) + DueSoonShareDivisor / 2) / DueSoonShareDivisor)
            : DueSoonWorkingDays;
        return calendar.WorkingDaysBetween(today, dueOn) <= window ? "due-soon" : "on-time";
    }

    /// <summary>"overdue", "due-soon" or "on-time" for a due date, given today and the last day that counts as due soon.</summary>
    public static string Urgency(DateOnly dueOn, DateOnly today, DateOnly soon) =>
        dueOn < today ? "overdue" : dueOn <= soon ? "due-soon" : "on-time";

    /// <summary>
    /// The sources whose items the caller may act on (see <see cref="IDeadlineSource.Policy"/>). A source without a policy
    /// is the business lines' shared work, so it needs <see cref="Policies.BusinessRead"/>: staff of a line that reads the
    /// board only for its own work (the marriage registry) see neither the assistance cases nor their counts.
    /// </summary>
    private async Task<List<IDeadlineSource>> ForCallerAsync()
    {
        var user = http.HttpContext?.User;
        var allowed = new List<IDeadlineSource>();
        foreach (var source in sources)
        {
            var policy = source.Policy ?? (user is null ? null : Policies.BusinessRead);
            if (policy is null || (user is not null && (await authorization.AuthorizeAsync(user, null, policy)).Succeeded))
            {
                allowed.Add(source);
            }
        }

        return allowed;
    }
}

public sealed record WorkItem(string Kind, string RegionCode, string RegionName, DateOnly DueOn, string Urgency, string Title, string Href);

public sealed record BoardCount(string Kind, int Open, int DueSoon, int Overdue);

public sealed record BoardRow(string RegionCode, string Name, int Open, int DueSoon, int Overdue, IReadOnlyList<BoardCount> Kinds);
