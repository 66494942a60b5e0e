using System.Globalization;

namespace Minzheng.Modules.SocialOrganizations.Supervision;

/// <summary>
/// The demo county's supervision record, made through <see cref="OrganizationOversight"/> and <see cref="OrganizationChecks"/>:
/// complaints handled and still open, 监督检查 of every kind (rectifications done, due and overdue), warnings, fines and a
/// suspension with decision numbers, and stays in both lists (some already moved out).
/// </summary>
internal static class SocialOrganizationOversightDemo
{
    private static readonly (string Who, string What, string? Result)[] Complaints =
    [
        ("会员李某", "强制会员缴纳年度赞助费", "约谈负责人，责令退还赞助费，已退还"),
        ("匿名", "以协会名义开展评比表彰并收费", "经核查属实，已给予警告"),
        ("学员家长王某", "培训学校退费纠纷", "已协调退费"),
        ("匿名", "住所长期无人办公", null),
        ("共青城市市场监督管理局", "涉企收费未公示收费标准", "已责令公示收费标准"),
        ("居民陈某", "养老服务中心护理人员不足", null),
        ("会员单位某公司", "会员大会未按章程换届", "已责令限期换届"),
        ("匿名", "基金会募捐信息未公开", null),
        ("群众来信", "协会负责人兼职取酬", "经核查不属实，已答复"),
        ("会员张某", "理事会决议未通知会员", null),
        ("匿名", "民办学校超范围招生", "已移交教育部门处理"),
        ("居民刘某", "协会活动扰民", null),
    ];

    private static readonly (string Method, string Findings, int? RectifyDays, bool Rectified)[] Checks =
    [
        ("random-spot-check", "未发现问题", null, false),
        ("random-spot-check", "财务票据使用不规范，部分支出无合法凭证", 30, true),
        ("on-site", "住所与登记不符，已迁至新址未办理变更登记", 60, false),
        ("documentary", "未发现问题", null, false),
        ("special", "涉企收费未在网站公示收费标准", 20, true),
        ("random-spot-check", "会员大会未按章程按期换届", 10, false),
        ("on-site", "未发现问题", null, false),
        ("special", "培训收费标准未备案", 200, false),
    ];

    /// <summary>This year's first 双随机 draw was made this many days ago.</summary>
    private const int DrawDaysAgo = 75;

    public static async Task SeedAsync(OrganizationOversight oversight, OrganizationChecks checks, IReadOnlyList<(Guid Id, DateOnly On)> registered, int[] ended,
        IEnumerable<string> roles, DateOnly today, CancellationToken ct)
    {
        var active = registered.Where((_, i) => !ended.Contains(i)).ToList();
        var year = today.Year.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < Complaints.Length; i++)
        {
            var (id, on) = active[(i * 3) % active.Count];
            var received = Between(on, today, 30 + (i * 11));
            var created = await oversight.ReceiveComplaintAsync(id, new ComplaintRequest(Text(received), Complaints[i].Who, Complaints[i].What), ct);
            if (Complaints[i].Result is { } result && created.Value is { } c)
            {
                await oversight.HandleComplaintAsync(id, c.Id, new ComplaintHandlingRequest(Text(Min(received.AddDays(12 + i), today)), result), ct);
            }
        }

        for (var i = 0; i < Checks.Length; i++)
        {
            var (id, on) = active[(i * 5 + 1) % active.Count];
            var (method, findings, days, rectified) = Checks[i];
            // Spot checks of earlier rounds come before this year's draw: the draw picks at random, and a pick checked
            // after it counts as answered — the draw's public results would then depend on the luck of the draw.
            var latest = method == "random-spot-check" ? today.AddDays(-DrawDaysAgo - 1) : today;
            var checkedOn = Between(on, latest, 20 + (i * 23));
            var rectifyBy = days is { } d ? Text(checkedOn.AddDays(d)) : null;
            var created = await checks.RecordAsync(id, new CheckRequest(Text(checkedOn), method, "李明、王芳", findings, rectifyBy), ct);
            if (rectified && created.Value is { } c)
            {
                await checks.RectifiedAsync(id, c.Id, new RectificationRequest(Text(Min(checkedOn.AddDays(days!.Value - 3), today)), "已按要求整改，提交整改报告"), ct);
            }
        }

        var serial = 1;
        async Task PenalizeAsync(int index, string kind, string reason, decimal? amount = null, int? days = null, decimal? confiscated = null)
        {
            var (id, on) = active[index % active.Count];
            var decided = Between(on, today, 60 + (index * 5));
            var from = days is null ? null : Text(Min(decided.AddDays(7), today));
            var until = days is { } n ? Text(Min(decided.AddDays(7), today).AddDays(n)) : null;
            await oversight.PenalizeAsync(id, new PenaltyRequest(kind, $"共民罚决字〔{year}〕第{++serial}号", Text(decided), reason, amount, from, until, confiscated), roles, ct);
        }

        await PenalizeAsync(2, "warning", "以协会名义开展评比表彰并收取费用");
        await PenalizeAsync(5, "warning", "未按规定办理法定代表人变更登记");
        await PenalizeAsync(8, "warning", "未按规定报送年度工作报告");
        await PenalizeAsync(11, "warning", "涉企收费未公示");
        await PenalizeAsync(14, "fine", "违规收取培训费用，没收违法所得并处罚款", 5_000m, confiscated: 3_260m);
        await PenalizeAsync(17, "fine", "超出章程规定的宗旨和业务范围进行活动", 12_000m);
        await PenalizeAsync(20, "fine", "未按规定使用专项资金", 8_500.50m);
        await PenalizeAsync(23, "suspension", "拒不接受监督检查，责令停止活动整顿", days: 90);

        async Task ListAsync(int index, string list, string reason, int? removedAfter = null)
        {
            var (id, on) = active[index % active.Count];
            var listed = Between(on, today, 120 + (index * 3));
            var created = await oversight.ListAsync(id, new ListingRequest(list, Text(listed), reason), ct);
            if (removedAfter is { } days && created.Value is { } l)
            {
                await oversight.RemoveAsync(id, l.Id, new RemovalRequest(Text(Min(listed.AddDays(days), today)), "已按要求补报年度工作报告，申请移出"), ct);
            }
        }

        await ListAsync(1, "abnormal", "未按规定报送上一年度工作报告");
        await ListAsync(4, "abnormal", "通过登记的住所无法取得联系");
        await ListAsync(7, "abnormal", "未按规定报送上一年度工作报告", removedAfter: 45);
        await ListAsync(10, "abnormal", "未按规定办理变更登记");
        await ListAsync(13, "abnormal", "未按规定报送上一年度工作报告", removedAfter: 60);
        await ListAsync(16, "abnormal", "未按规定报送上一年度工作报告");
        await ListAsync(4, "dishonest", "列入活动异常名录满2年仍未移出");
        await ListAsync(23, "dishonest", "受到限期停止活动行政处罚");
    }

    /// <summary>
    /// A 双随机 draw of this year's first round (75 days ago, eight organisations): six picks checked with each kind of
    /// conclusion — the public results page shows them — and two still to be checked.
    /// </summary>
    public static async Task SeedSpotCheckAsync(SpotCheckDraws draws, OrganizationChecks checks, DateOnly today, CancellationToken ct)
    {
        var drawnOn = today.AddDays(-DrawDaysAgo);
        var drawn = await draws.DrawAsync(new SpotCheckDrawRequest($"{drawnOn.Year}年度社会组织双随机抽查（第一批）", Text(drawnOn), 8, ["李明", "王芳", "赵强", "刘洋", "陈静"]), ct);
        if (drawn.Value is not { } draw || await draws.DetailAsync(draw.Id, ct) is not { } detail)
        {
            return;
        }

        (string Findings, int? RectifyDays, bool Rectified)[] results =
        [
            ("未发现问题", null, false), ("财务管理制度不健全，部分支出无审批手续", 30, true), ("未发现问题", null, false),
            ("未按规定公开年度工作报告", 20, false), ("未发现问题", null, false), ("会员大会未按章程按期召开", 45, true),
        ];
        foreach (var (pick, i) in detail.Picks.Take(results.Length).Select((p, i) => (p, i)))
        {
            var (findings, days, rectified) = results[i];
            var checkedOn = Min(drawnOn.AddDays(10 + (i * 6)), today);
            var created = await checks.RecordAsync(pick.OrganizationId, new CheckRequest(Text(checkedOn), "random-spot-check", pick.Inspectors, findings,
                days is { } d ? Text(checkedOn.AddDays(d)) : null), ct);
            if (rectified && created.Value is { } c)
            {
                await checks.RectifiedAsync(pick.OrganizationId, c.Id, new RectificationRequest(Text(Min(checkedOn.AddDays(days!.Value - 5), today)), "已按要求整改"), ct);
            }
        }
    }

    /// <summary>A day between the registration and today, <paramref name="daysBack"/> days before today when the registration allows.</summary>
    private static DateOnly Between(DateOnly on, DateOnly today, int daysBack) => today.AddDays(-daysBack) > on ? today.AddDays(-daysBack) : Min(on.AddDays(1), today);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
