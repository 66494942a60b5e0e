namespace Minzheng.Modules.SocialOrganizations.Supervision;

/// <summary>投诉: received on <c>receivedOn</c> from <c>complainant</c> (a name, an organisation, or 匿名) saying <c>content</c>.</summary>
public sealed record ComplaintRequest(string? ReceivedOn, string? Complainant, string? Content);

/// <summary>How a complaint was handled and when.</summary>
public sealed record ComplaintHandlingRequest(string? HandledOn, string? Result);

/// <summary>
/// 行政处罚: <c>kind</c> warning (警告), fine (罚款, with <c>amount</c>), suspension (限期停止活动, <c>suspendedFrom</c> to
/// <c>suspendedUntil</c>) or revocation (撤销登记); always with <c>decisionNumber</c>, <c>decidedOn</c> and <c>reason</c>; with
/// <c>confiscated</c> when the same decision confiscates illegal gains (没收违法所得, yuan).
/// </summary>
public sealed record PenaltyRequest(string? Kind, string? DecisionNumber, string? DecidedOn, string? Reason, decimal? Amount, string? SuspendedFrom,
    string? SuspendedUntil, decimal? Confiscated = null);

/// <summary>列入 <c>list</c> abnormal (活动异常名录) or dishonest (严重违法失信名单) on <c>date</c> for <c>reason</c>.</summary>
public sealed record ListingRequest(string? List, string? Date, string? Reason);

/// <summary>移出 a list on <c>date</c> for <c>reason</c>.</summary>
public sealed record RemovalRequest(string? Date, string? Reason);

public sealed record CreatedRecord(Guid Id);

public sealed record ComplaintRow(Guid Id, DateOnly ReceivedOn, string Complainant, string Content, DateOnly? HandledOn, string? Result);

public sealed record PenaltyRow(Guid Id, string Kind, string KindName, string DecisionNumber, DateOnly DecidedOn, string Reason, decimal? Amount,
    DateOnly? SuspendedFrom, DateOnly? SuspendedUntil, decimal? Confiscated);

public sealed record ListingRow(Guid Id, string List, string ListName, DateOnly ListedOn, string Reason, DateOnly? RemovedOn, string? RemovalReason);

/// <summary>A current entry of a list, with the organisation it names.</summary>
public sealed record CurrentListingRow(Guid Id, Guid OrganizationId, string OrganizationName, string CreditCode, string List, string ListName, DateOnly ListedOn,
    string Reason);

/// <summary>An organisation's supervision record, for its detail page and API.</summary>
public sealed record OversightRecord(IReadOnlyList<ComplaintRow> Complaints, IReadOnlyList<CheckRow> Checks, IReadOnlyList<PenaltyRow> Penalties,
    IReadOnlyList<ListingRow> Listings);
