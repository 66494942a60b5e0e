using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Cases;

public sealed record StandingLine(string VillageName, string Name, string IdNumberMasked, string ProgramName, int CoveredPersons, decimal MonthlyAmount,
    string StartMonth);

/// <param name="Code">the 12-digit region of the list, which decides the issuing office</param>
/// <param name="ListId">the list's identity from its content (<see cref="CaseDocuments.StandingListId"/>), for its number</param>
public sealed record StandingList(string Place, string AsOf, int Total, bool Truncated, List<StandingLine> Lines,
    [property: System.Text.Json.Serialization.JsonIgnore] string Code = "",
    [property: System.Text.Json.Serialization.JsonIgnore] Guid ListId = default);

/// <summary>
/// 长期公示: the current beneficiaries of a village or township, posted permanently (民发〔2021〕57号 动态管理、长期公示).
/// Only what POLICY §11 allows — name, masked ID number, programme, persons covered and amount; children's programmes
/// (孤儿、事实无人抚养儿童) are never published.
/// </summary>
public sealed class StandingPublicity(MinzhengDbContext db, RegionService regions, TimeProvider clock)
{
    public const int MaxLines = 5000;

    // Children's programmes are never posted; nor are 优抚 benefits paid alongside, which are not social assistance.
    private static readonly string[] Published = [.. AssistancePrograms.All.Select(p => p.Code).Except(["orphan", "unattended-child"])];

    /// <summary>The list for a 9- or 12-digit region in the caller's scope; null when the code is not a township or village.</summary>
    public async Task<StandingList?> ListAsync(string? region, CancellationToken ct)
    {
        var code = region?.Trim() ?? "";
        if (RegionCode.ToScopePrefix(code) is not { Length: 9 or 12 } prefix)
        {
            return null;
        }

        var today = Minzheng.Platform.Calendar.ChinaTime.Today(clock);
        var month = new DateOnly(today.Year, today.Month, 1);
        var query = db.Enrollments.AsNoTracking()
            .Where(e => e.RegionCode.StartsWith(prefix) && e.Status == EnrollmentStatus.Active && e.StartMonth <= month
                && (e.EndMonth == null || e.EndMonth >= month) && Published.Contains(e.Program));
        var total = await query.CountAsync(ct);
        var rows = await query.Join(db.Persons, e => e.PersonId, p => p.Id, (e, p) => new { e.Id, e.RegionCode, e.Program, e.CoveredPersons, e.MonthlyAmount, e.StartMonth, p.Name, p.IdNumberMasked })
            .OrderBy(x => x.RegionCode).ThenBy(x => x.Program).ThenBy(x => x.Name).Take(MaxLines).ToListAsync(ct);
        // As posted on the board: 甘露镇红光村, or 共青城市甘露镇 for a township's list.
        var parentCode = (prefix.Length == 12 ? prefix[..9] : prefix[..6]).PadRight(RegionCode.Length, '0');
        var ownCode = prefix.PadRight(RegionCode.Length, '0');
        var names = await regions.NamesOfAsync(rows.Select(x => x.RegionCode).Append(parentCode).Append(ownCode), ct);
        var place = names.GetValueOrDefault(parentCode, "") + names.GetValueOrDefault(ownCode, ownCode);
        return new StandingList(place, today.ToString("yyyy-MM-dd", null), total, total > rows.Count, rows.Select(x => new StandingLine(
            names.GetValueOrDefault(x.RegionCode, x.RegionCode), x.Name, x.IdNumberMasked, AssistancePrograms.NameOf(x.Program),
            x.CoveredPersons, x.MonthlyAmount, x.StartMonth.ToString("yyyy-MM", null))).ToList(),
            ownCode, CaseDocuments.StandingListId(ownCode, rows.Select(x => (x.Id, x.CoveredPersons, x.MonthlyAmount))));
    }

    public static RouteGroupBuilder MapStandingPublicity(RouteGroupBuilder api)
    {
        api.MapGet("/publicity/standing", async Task<Results<Ok<StandingList>, ValidationProblem>> (string? region, StandingPublicity publicity, CancellationToken ct) =>
                await publicity.ListAsync(region, ct) is { } list ? TypedResults.Ok(list) : ApiProblems.Validation("region", "region 应为9位乡镇（街道）或12位村（社区）区划代码"))
            .WithTags("Publicity").WithName("Publicity_Standing").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("长期公示：村（社区）或乡镇在保对象名单（姓名、脱敏身份证号、项目、保障人数、金额；儿童类项目不公示）");
        return api;
    }
}
