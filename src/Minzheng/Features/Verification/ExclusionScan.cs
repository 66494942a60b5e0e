using Microsoft.EntityFrameworkCore;
using Minzheng.Features.Enrollments;
using Minzheng.Features.Programs;
using Minzheng.Features.Regions;
using Minzheng.Infrastructure.Database;
using Minzheng.Infrastructure.Security;
using Minzheng.Infrastructure.Web;

namespace Minzheng.Features.Verification;

public sealed record ScanRequest(string? Type, string? RegionCode);

public sealed record ScanResult(int Created, int Open);

/// <summary>
/// 重复享受与互斥项目: the same person active in two programmes that exclude each other (特困 and 低保, 孤儿 and
/// 事实无人抚养儿童, both forms of 特困, urban and rural 低保). Rules are data: <c>Verification:ExclusivePrograms</c>
/// lists pairs "a,b" and replaces the defaults. Each hit is a finding on the later enrolment, open until resolved.
/// </summary>
public sealed class ExclusionScan(MinzhengDbContext db, IRegionScope scope, IConfiguration configuration)
{
    public const string Type = "exclusion";

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
        var open = (await db.Findings.Where(f => f.Type == Type && f.Status == FindingStatus.Open).Select(f => f.EnrollmentId).ToListAsync(ct)).ToHashSet();
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

        await db.SaveChangesAsync(ct);
        return (new ScanResult(created, open.Count), errors);
    }
}
