using System.Security.Claims;
using Minzheng.Infrastructure.Security;

namespace Minzheng.Features.Shared;

/// <summary>
/// The navigation of the business areas. An area that is not built yet has no link and is shown as 建设中,
/// so there are no dead links; each built page lists the roles that may open it.
/// </summary>
public static class Navigation
{
    public sealed record Item(string Title, string? Href, IReadOnlyCollection<string> Roles)
    {
        public bool Built => Href is not null;
    }

    public sealed record Section(string Title, IReadOnlyList<Item> Items);

    private static readonly string[] Business = Roles.Business;

    public static IReadOnlyList<Section> Sections { get; } =
    [
        new("社会救助",
        [
            new("家庭与人员登记", "/Registry", Business), new("花名册导入", "/Imports", [Roles.County, Roles.Township]),
            new("救助申请办理", "/Cases", Business), new("复核", "/Reviews", Business),
            new("保障标准", "/Standards", Business), new("身份证号校验", "/IdNumbers", Business),
        ]),
        new("资金发放", [new("发放名册", "/Payments", Business), new("资金台账", "/Payments/Ledger", Business)]),
        new("核查监测",
        [
            new("核查发现", "/Verification", Business), new("亲属备案", "/Verification/Relatives", Business),
            new("举报处理", "/Verification/TipOffs", [Roles.County, Roles.CountyApprover, Roles.Township, Roles.TownshipReviewer]),
            new("低收入监测", "/Monitoring", Business), new("核查看板", "/Verification/Overview", Business),
        ]),
        new("统计报表", [new("数据看板", "/Reports/Dashboard", Business), new("救助统计", "/Reports", Business), new("统计报表", "/Reports/Tables", Business), new("工作总结", "/Reports/Summary", Business)]),
        new("系统管理",
        [
            new("用户管理", "/Users", [Roles.Admin, Roles.Security]), new("区划管理", "/Regions", [Roles.Admin]),
            new("工作日历", "/Calendar", [Roles.Admin]), new("审计日志", "/Audit", [Roles.Auditor]),
        ]),
    ];

    /// <summary>The sections with the items this user may see; sections left empty are dropped.</summary>
    public static IEnumerable<Section> For(ClaimsPrincipal user) =>
        Sections.Select(s => s with { Items = s.Items.Where(i => i.Roles.Any(user.IsInRole)).ToList() })
            .Where(s => s.Items.Count > 0);
}
