using Minzheng.Platform.Deadlines;

namespace Minzheng.Modules.SocialAssistance.Visits;

/// <summary>
/// Every person in 特困分散供养 has a running deadline: the next visit. On the board it counts as open work, turns "due
/// soon" three working days ahead and "overdue" when the visit was missed.
/// </summary>
public sealed class WelfareVisitDeadlines(WelfareVisitService visits) : IDeadlineSource
{
    public const string KindName = "探视巡访";

    public string Kind => KindName;

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct) =>
        (await visits.AllDueAsync("", null, ct))
        .Select(d => new OpenDeadline(d.RegionCode, d.DueOn, $"探视巡访：{d.Name}（{d.SelfCareName}，每{d.IntervalDays}天）", $"/Visits?enrollment={d.EnrollmentId}"))
        .ToList();
}
