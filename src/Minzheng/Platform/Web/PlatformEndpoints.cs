using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Deadlines;
using Minzheng.Platform.Modules;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Statistics;

namespace Minzheng.Platform.Web;

/// <summary>The platform's own API: the work list and deadline board of every module, and the permission list of every module.</summary>
public static class PlatformEndpoints
{
    public static RouteGroupBuilder MapPlatform(this RouteGroupBuilder api)
    {
        api.MapGet("/deadlines", WorkList).WithName("Deadlines_WorkList").RequireAuthorization(Policies.ReadDeadlines)
            .WithSummary("待办：各业务线在本辖区内有期限的事项，按到期日排序（due=soon 即将到期，due=overdue 已超期）");
        api.MapGet("/deadlines/board", Board).WithName("Deadlines_Board").RequireAuthorization(Policies.ReadDeadlines)
            .WithSummary("期限看板：按乡镇（街道）统计各业务线在办、即将到期、已超期事项");
        // Any signed-in user: each line is listed only for those who may read its statistics, so the answer may be empty.
        api.MapGet("/statistics/lines", Lines).WithName("Statistics_Lines")
            .WithSummary("各业务线主要统计数字（婚姻登记、殡葬、优抚安置、社会组织等），按本人有权查看的业务线列出；region 与 from/to 同各业务统计接口");
        api.MapGet("/permissions", PermissionList).WithName("Permissions_List").RequireAuthorization(Policies.ManageAccounts)
            .WithSummary("权限矩阵：平台和各业务模块的权限及持有角色");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<WorkItem>>, ProblemHttpResult>> WorkList(string? due, int? take, DeadlineBoard board, CancellationToken ct)
    {
        if (due is not (null or "" or "soon" or "overdue"))
        {
            return ApiProblems.For(Kernel.Outcome.Invalid, "due 只能是 soon（即将到期）或 overdue（已超期）");
        }

        return TypedResults.Ok(await board.WorkListAsync(due, take ?? 200, ct));
    }

    public static async Task<Ok<IReadOnlyList<BoardRow>>> Board(DeadlineBoard board, CancellationToken ct) =>
        TypedResults.Ok(await board.ByTownshipAsync(ct));

    public static async Task<IResult> Lines(string? region, string? from, string? to, ClaimsPrincipal user, PeriodStatistics period,
        LineStatistics lines, RegionService regions, CancellationToken ct)
    {
        var (outcome, value, errors) = await period.ComputeAsync(region, from, to, async (prefix, start, end) =>
        {
            var code = prefix.PadRight(RegionCode.Length, '0');
            var q = new ReportQuery(prefix, code, prefix, start, end);
            return new LinesAnswer(code, await regions.NameOfAsync(code, ct) ?? code, start, end, await lines.ForAsync(user, q, ct));
        }, ct);
        return outcome switch
        {
            Kernel.Outcome.Done => TypedResults.Ok(value!),
            Kernel.Outcome.Invalid => errors.ToProblem(),
            _ => ApiProblems.NotFound("请求的区划不存在或不在您的管辖范围内"),
        };
    }

    public sealed record LinesAnswer(string Region, string RegionName, DateOnly From, DateOnly To, IReadOnlyList<LineFigures> Lines);

    public static Ok<List<PermissionRow>> PermissionList(ModuleCatalog catalog) => TypedResults.Ok(PermissionRows(catalog));

    /// <summary>Every permission with its module and the roles holding it, platform first, then the modules in list order.</summary>
    public static List<PermissionRow> PermissionRows(ModuleCatalog catalog) =>
        PlatformPermissions.All.Select(p => Row("平台", p))
            .Concat(catalog.Permissions.Select(x => Row(x.Module.Name, x.Permission))).ToList();

    private static PermissionRow Row(string module, Permission p) =>
        new(module, p.Name, p.Title, p.Roles.Select(r => new RoleName(r, Roles.DisplayName(r))).ToList());

    public sealed record PermissionRow(string Module, string Name, string Title, IReadOnlyList<RoleName> Roles);

    public sealed record RoleName(string Code, string Name);
}
