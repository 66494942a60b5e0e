namespace Minzheng.Platform.Deadlines;

/// <summary>
/// A module's open work with statutory deadlines (applications, tip-offs, warnings, registrations …). The platform
/// puts every source on one work list and one deadline board; a module registers its sources as
/// <c>services.AddScoped&lt;IDeadlineSource, …&gt;()</c> and nothing else.
/// </summary>
public interface IDeadlineSource
{
    /// <summary>Chinese name of the kind of work, e.g. 救助申请; one column of the board.</summary>
    string Kind { get; }

    /// <summary>Every open item the caller may see (the region filter applies as to any query).</summary>
    Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct);

    /// <summary>
    /// The authorization policy of the pages the items link to: the work list shows them only to users who may act on
    /// them (a county officer of social assistance is not sent to a page of another line). Null: every board user.
    /// </summary>
    string? Policy => null;
}

/// <summary>
/// One open item: where it is, when it is due (null: open without a running deadline), what it is and where to act, and
/// when its current step started — so "due soon" can be a share of the step's own period (null: the plain 3 working days).
/// </summary>
public sealed record OpenDeadline(string RegionCode, DateOnly? DueOn, string Title, string Href, DateOnly? StartedOn = null);
