using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Visits;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Demo;

/// <summary>
/// Demo 探视巡访 through the real service, so the visits page and the deadline board have something to show: of the
/// demo county's 特困分散供养 persons (by village, then name), the first of every three was never visited (overdue since
/// enrolled; in 甘露镇, so the demo township account has a missed visit to act on), the second was last visited a
/// full interval and five days ago (overdue), the third recently (on time).
/// </summary>
public sealed class DemoVisits(MinzhengDbContext db, WelfareVisitService visits, TimeProvider clock)
{
    private const string DemoCountyPrefix = "360482";

    private static readonly string[] Visitors = ["王晓梅、李建国", "刘强", "陈秀英、周文军"];

    private static readonly (string Way, string Findings, string? FollowUp)[] Visits =
    [
        ("home-visit", "老人身体尚好，屋内整洁，米、面、油充足；照料人每天上门送饭，老人表示满意。", null),
        ("phone-call", "电话问候：自述近日血压偏高，已按时服药；提醒注意保暖，有事随时联系村委会。", null),
        ("home-visit", "入户查看用电用火安全：灶台旁堆放柴草，已当场清理并叮嘱；卧室电线老化。", "联系村电工更换卧室老化电线，一周内回访"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.WelfareVisits.AnyAsync(ct))
        {
            return;
        }

        var today = clock.Today();
        var due = await visits.AllDueAsync(DemoCountyPrefix, null, ct);
        // Ordered by what the demo generates deterministically (enrolment ids of one import share their millisecond).
        var people = due.OrderBy(d => d.RegionCode, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal).ToList();
        foreach (var (person, i) in people.Select((d, i) => (d, i)))
        {
            switch (i % 3)
            {
                case 1: // the last visit was missed by five days
                    await RecordAsync(person, today.AddDays(-5 - person.IntervalDays), i + 1, ct);
                    break;
                case 2: // on time: the last visit a few days ago, the one before a full interval earlier
                    await RecordAsync(person, today.AddDays(-3 - person.IntervalDays), i, ct);
                    await RecordAsync(person, today.AddDays(-3), i + 2, ct);
                    break;
            }
        }
    }

    private async Task RecordAsync(WelfareVisitDue person, DateOnly day, int variant, CancellationToken ct)
    {
        var (way, findings, followUp) = Visits[variant % Visits.Length];
        var result = await visits.RecordAsync(person.EnrollmentId, new WelfareVisitRequest(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Visitors[variant % Visitors.Length], way, findings, followUp is not null, followUp), ct);
        // A demo enrolment that started after the day chosen has simply no earlier visit; anything else is a bug.
        if (result.Outcome != Platform.Kernel.Outcome.Done && !result.Errors.ToDictionary().ContainsKey("visitedOn"))
        {
            throw new InvalidOperationException($"Demo visit refused: {result.Message} {string.Join("; ", result.Errors.Messages)}");
        }
    }
}
