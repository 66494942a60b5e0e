using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Verification;

public sealed record ScanRequest(string? Type, string? RegionCode);

public sealed record ScanResult(int Created, int Open);

/// <summary>
/// 重复享受与互斥项目: the same person active in two programmes that exclude each other (特困 and 低保, 孤儿 and
/// 事实无人抚养儿童, both forms of 特困, urban and rural 低保). Rules are data: <c>Verification:ExclusivePrograms</c>
/// lists pairs "a,b" and replaces the defaults. Each hit is a finding on the later enrolment, open until resolved.
/// </summary>
public sealed class ExclusionScan(MinzhengDbContext db, IRegionScope scope, IConfiguration configuration, RegionService regions)
{
    public const string Type = "exclusion";
    public const string MovedCategory = "moved";

    public static readonly string[] DefaultPairs =
    [
        "destitute-concentrated,urban-dibao", "destitute-concentrated,rural-dibao", "destitute-dispersed,urban-dibao", "destitute-dispersed,rural-dibao",
        "destitute-concentrated,destitute-dispersed", "urban-dibao,rural-dibao", "orphan,unattended-child",
    ];

    public IEnumerable<(AssistanceProgram A, AssistanceProgram B)> Rules() =>
        (configuration.GetSection("Verification:ExclusivePrograms").Get<string[]>() is { Length: > 0 } configured ? configured : DefaultPairs)
        .Select(p => p.Split(',', StringSplitOptions.TrimEntries))
        .Where(p => p.Length == 2 && AssistancePrograms.ByCode(p[0]) is not null && AssistancePrograms.ByCode(p[1]) is not null)
        .Select(p => (AssistancePrograms.ByCode(p[0])!, AssistancePrograms.ByCode(p[1])!));

    public async Task<(ScanResult? Result, FieldErrors Errors)> RunAsync(ScanRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Type != Type)
        {
            errors.Add("type", $"核查类型 type 应为 {Type}（重复享受与互斥项目）");
        }

        var prefix = RegionCode.ToScopePrefix(request.RegionCode);
        if (prefix is null || !prefix.StartsWith(scope.Prefix, StringComparison.Ordinal))
        {
            errors.Add("regionCode", "核查区划应为您管辖范围内的区划代码或其前缀");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var active = db.Enrollments.Where(e => e.Status == EnrollmentStatus.Active && e.RegionCode.StartsWith(prefix!));
        var open = (await db.Findings.Where(f => f.Type == Type && f.Status == FindingStatus.Open && f.Category == "").Select(f => f.EnrollmentId).ToListAsync(ct)).ToHashSet();
        var created = 0;
        foreach (var (a, b) in Rules())
        {
            var pairs = await active.Where(x => x.Program == a.Code)
                .Join(active.Where(y => y.Program == b.Code), x => x.PersonId, y => y.PersonId, (x, y) => new { X = x, Y = y }).ToListAsync(ct);
            foreach (var pair in pairs)
            {
                // The later enrolment is the one to question: the earlier was decided without the other in place.
                var (later, earlier, laterProgram, earlierProgram) = pair.Y.StartMonth >= pair.X.StartMonth ? (pair.Y, pair.X, b, a) : (pair.X, pair.Y, a, b);
                if (!open.Add(later.Id))
                {
                    continue;
                }

                db.Findings.Add(new Finding
                {
                    RegionCode = later.RegionCode,
                    Type = Type,
                    Program = later.Program,
                    EnrollmentId = later.Id,
                    HouseholdId = later.HouseholdId,
                    PersonId = later.PersonId,
                    IsBeneficiary = true,
                    Evidence = $"同一人同时享受{earlierProgram.Name}（自{earlier.StartMonth:yyyy-MM}）和{laterProgram.Name}（自{later.StartMonth:yyyy-MM}），两者不能同时享受",
                });
                created++;
            }
        }

        created += await MovedAwayAsync(active, ct);
        await db.SaveChangesAsync(ct);
        var stillOpen = await db.Findings.CountAsync(f => f.Type == Type && f.Status == FindingStatus.Open && f.RegionCode.StartsWith(prefix!), ct);
        return (new ScanResult(created, stillOpen), errors);
    }

    /// <summary>
    /// 跨区域重复: the beneficiary now lives in a household of another region (moved, possibly to where they may be
    /// assisted again) while the enrolment is still paid here. Category "moved".
    /// </summary>
    private async Task<int> MovedAwayAsync(IQueryable<Enrollment> active, CancellationToken ct)
    {
        var moved = await active.Join(db.HouseholdMembers.AcrossRegions("a beneficiary moved into another region's household is exactly what the scan looks for").Where(m => m.ValidTo == null),
                e => e.PersonId, m => m.PersonId, (e, m) => new { e, Now = m.RegionCode })
            .Where(x => x.Now != x.e.RegionCode).ToListAsync(ct);
        var ids = moved.Select(x => (Guid?)x.e.Id).ToList();
        var open = (await db.Findings.AcrossRegions("one finding per enrolment, whoever raised it")
            .Where(f => f.Type == Type && f.Category == MovedCategory && f.Status == FindingStatus.Open && ids.Contains(f.EnrollmentId))
            .Select(f => f.EnrollmentId).ToListAsync(ct)).ToHashSet();
        var fresh = moved.Where(x => !open.Contains(x.e.Id)).ToList();
        var names = await regions.NamesOfAsync(fresh.SelectMany(x => new[] { x.Now, x.e.RegionCode }), ct);
        db.Findings.AddRange(fresh.Select(x => new Finding
        {
            RegionCode = x.e.RegionCode,
            Type = Type,
            Category = MovedCategory,
            Program = x.e.Program,
            EnrollmentId = x.e.Id,
            HouseholdId = x.e.HouseholdId,
            PersonId = x.e.PersonId,
            IsBeneficiary = true,
            Evidence = $"已迁至{names.GetValueOrDefault(x.Now, x.Now)}（{x.Now}），仍在{names.GetValueOrDefault(x.e.RegionCode, x.e.RegionCode)}享受{AssistancePrograms.ByCode(x.e.Program)?.Name}",
        }));
        return fresh.Count;
    }
}
