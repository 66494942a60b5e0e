using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Supervision;

/// <summary>Draw <c>count</c> organisations on <c>drawnOn</c> (default today), each with two of the officers named in <c>inspectors</c>.</summary>
public sealed record SpotCheckDrawRequest(string? Title, string? DrawnOn, int? Count, IReadOnlyList<string?>? Inspectors);

public sealed record DrawnSpotCheck(Guid Id, int Picked, int Eligible);

public sealed record SpotCheckDrawRow(Guid Id, string Title, DateOnly DrawnOn, int Eligible, int Picked, int Checked, string InspectorPool);

/// <summary>One organisation drawn: the officers drawn for it and whether a 双随机抽查 of it has been recorded since the draw.</summary>
public sealed record SpotCheckPickRow(Guid OrganizationId, string OrganizationName, string CreditCode, string Inspectors, bool Checked);

public sealed record SpotCheckDrawDetail(SpotCheckDrawRow Draw, IReadOnlyList<SpotCheckPickRow> Picks);

/// <summary>
/// “双随机” draws of the county's registration authority: organisations uniformly at random among those registered and
/// active on the day, officers two at a time at random from the pool, by the system's cryptographic random numbers — no one
/// chooses, and the draw cannot be redrawn quietly (each draw is kept and audited).
/// </summary>
public sealed class SpotCheckDraws(MinzhengDbContext db, IRegionScope scope, TimeProvider clock)
{
    public const int MaxPicks = 500;
    public const int MaxInspectors = 100;
    private const int NameMaxLength = 20;

    public async Task<OrgResult<DrawnSpotCheck>> DrawAsync(SpotCheckDrawRequest request, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var title = TextRules.Field(request.Title, "title", "抽查名称", SpotCheckDraw.TitleMaxLength, errors, required: true);
        var drawnOn = string.IsNullOrWhiteSpace(request.DrawnOn) ? today : OrganizationInput.Date(request.DrawnOn, "drawnOn", "抽取日期", today, errors);
        if (request.Count is not (>= 1 and <= MaxPicks))
        {
            errors.Add("count", $"抽取家数（count）应为1到{MaxPicks}之间的整数");
        }

        var pool = Pool(request.Inspectors, errors);
        if (errors.Any)
        {
            return OrgResult<DrawnSpotCheck>.Invalid(errors);
        }

        if (scope.Prefix.Length > 6)
        {
            return OrgResult<DrawnSpotCheck>.Refused(Outcome.Rejected, "双随机抽查由登记管理机关（县级以上民政部门）组织，乡镇（街道）账户不能抽取");
        }

        var county = scope.RegionCode()[..6];
        var eligible = await db.SocialOrganizations.AsNoTracking()
            .Where(o => o.AuthorityCode == county && o.Status == SocialOrganizationStatus.Active && o.EstablishedOn <= drawnOn)
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.RegionCode }).ToListAsync(ct);
        if (request.Count > eligible.Count)
        {
            return OrgResult<DrawnSpotCheck>.Refused(Outcome.Rejected, $"抽取日登记在册的社会组织只有{eligible.Count}家，抽取家数不能超过这个数");
        }

        var draw = new SpotCheckDraw
        {
            RegionCode = scope.RegionCode(),
            AuthorityCode = county,
            Title = title!,
            DrawnOn = drawnOn!.Value,
            Eligible = eligible.Count,
            InspectorPool = string.Join('、', pool),
        };
        db.SpotCheckDraws.Add(draw);
        foreach (var index in Choose(eligible.Count, request.Count!.Value))
        {
            var pair = Choose(pool.Count, 2).Select(i => pool[i]);
            db.SpotCheckPicks.Add(new SpotCheckPick { DrawId = draw.Id, OrganizationId = eligible[index].Id, RegionCode = eligible[index].RegionCode, Inspectors = string.Join('、', pair) });
        }

        return await OrgResult<DrawnSpotCheck>.SaveAsync(db, new DrawnSpotCheck(draw.Id, request.Count.Value, eligible.Count), "抽取未能保存，请重试", ct);
    }

    /// <summary>The draws the caller can see, the latest first, with how many of their picks have been checked (one query).</summary>
    public async Task<IReadOnlyList<SpotCheckDrawRow>> ListAsync(CancellationToken ct)
    {
        // The sets are extension properties, which an expression tree cannot call: they are taken out first.
        // A pick counts as checked by the rule of SpotCheckAnswers: a spot check on or after its draw, before a later draw picked it again.
        var picks = db.SpotCheckPicks;
        var checks = db.SocialOrganizationChecks;
        var draws = db.SpotCheckDraws;
        return await draws.AsNoTracking().OrderByDescending(d => d.DrawnOn).ThenByDescending(d => d.Id).Take(200)
            .Select(d => new SpotCheckDrawRow(d.Id, d.Title, d.DrawnOn, d.Eligible,
                picks.Count(p => p.DrawId == d.Id),
                picks.Count(p => p.DrawId == d.Id && checks.Any(c =>
                    c.OrganizationId == p.OrganizationId && c.Method == CheckMethod.RandomSpotCheck && c.CheckedOn >= d.DrawnOn
                    && !picks.Any(later => later.OrganizationId == p.OrganizationId
                        && draws.Any(l => l.Id == later.DrawId && l.AuthorityCode == d.AuthorityCode && l.DrawnOn > d.DrawnOn && l.DrawnOn <= c.CheckedOn)))),
                d.InspectorPool))
            .ToListAsync(ct);
    }

    public async Task<SpotCheckDrawDetail?> DetailAsync(Guid id, CancellationToken ct) =>
        await db.SpotCheckDraws.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) is { } draw ? await DetailAsync(draw, ct) : null;

    private async Task<SpotCheckDrawDetail> DetailAsync(SpotCheckDraw draw, CancellationToken ct)
    {
        var picks = await (from p in db.SpotCheckPicks.AsNoTracking()
                           join o in db.SocialOrganizations.AsNoTracking() on p.OrganizationId equals o.Id
                           where p.DrawId == draw.Id
                           orderby o.Name, p.Id
                           select new { p.OrganizationId, o.Name, o.CreditCode, p.Inspectors }).ToListAsync(ct);
        var answers = await SpotCheckAnswers.ForDrawAsync(db.SocialOrganizationChecks.AsNoTracking(), db.SpotCheckPicks.AsNoTracking(), db.SpotCheckDraws.AsNoTracking(),
            draw.AuthorityCode, draw.DrawnOn, picks.Select(p => p.OrganizationId).ToList(), ct);
        var rows = picks.Select(p => new SpotCheckPickRow(p.OrganizationId, p.Name, p.CreditCode, p.Inspectors, answers.ContainsKey(p.OrganizationId))).ToList();
        return new SpotCheckDrawDetail(new SpotCheckDrawRow(draw.Id, draw.Title, draw.DrawnOn, draw.Eligible, rows.Count, rows.Count(r => r.Checked), draw.InspectorPool),
            rows);
    }

    /// <summary>The officers' names, trimmed, each once; at least two (every pick needs two), at most <see cref="MaxInspectors"/>.</summary>
    private static List<string> Pool(IReadOnlyList<string?>? names, FieldErrors errors)
    {
        var pool = new List<string>();
        foreach (var name in names ?? [])
        {
            if (TextRules.Field(name, "inspectors", "执法人员姓名", NameMaxLength, errors) is { } n && !pool.Contains(n, StringComparer.Ordinal))
            {
                pool.Add(n);
            }
        }

        if (pool.Count is < 2 or > MaxInspectors && !errors.Any)
        {
            errors.Add("inspectors", $"执法人员名单（inspectors）应列出2到{MaxInspectors}名不同的执法人员，每次检查随机抽取两名");
        }

        return pool;
    }

    /// <summary><paramref name="count"/> distinct indexes below <paramref name="of"/>, uniformly at random (a partial Fisher–Yates shuffle).</summary>
    private static IEnumerable<int> Choose(int of, int count)
    {
        var indexes = Enumerable.Range(0, of).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = RandomNumberGenerator.GetInt32(i, of);
            (indexes[i], indexes[j]) = (indexes[j], indexes[i]);
            yield return indexes[i];
        }
    }
}
