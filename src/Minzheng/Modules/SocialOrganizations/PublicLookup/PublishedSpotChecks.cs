using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Modules.SocialOrganizations.Supervision;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.PublicLookup;

/// <summary>A county that drew in the year: its code (6 digits) and name.</summary>
public sealed record DrawingAuthority(string Code, string Name);

/// <summary>One organisation checked: name, USCC, type, the day and the conclusion — not the findings, not the officers.</summary>
public sealed record PublishedSpotCheck(string Name, string CreditCode, string Type, DateOnly CheckedOn, string Result);

/// <summary>One draw as disclosed: what was drawn from and how many, and the results of the picks checked so far.</summary>
public sealed record PublishedDraw(string Title, DateOnly DrawnOn, int Eligible, int Picked, IReadOnlyList<PublishedSpotCheck> Checked);

public sealed record PublicSpotCheckResults(IReadOnlyList<int> Years, int? Year, IReadOnlyList<DrawingAuthority> Authorities,
    DrawingAuthority? Authority, IReadOnlyList<PublishedDraw> Draws);

/// <summary>
/// “一公开”: the results of the 双随机 spot checks, open to anyone as soon as a check is recorded (国办发〔2019〕5号 asks for
/// disclosure within 20 working days of the result [verify]). Only the conclusion is published — no problem found, ordered
/// to rectify by a day, rectified on a day; the findings stay with the authority (they can name people). Picks not yet
/// checked are counted, not named, so a pending check is not announced to the organisation.
/// </summary>
public sealed class PublishedSpotChecks(MinzhengDbContext db, RegionService regions)
{
    private const string Public = "spot-check results are disclosed to the public (双随机、一公开)";

    public async Task<PublicSpotCheckResults?> ReadAsync(int? year, string? authority, FieldErrors errors, CancellationToken ct)
    {
        if (!PublicAuthority.IsWellFormed(authority, errors))
        {
            return null;
        }

        var draws = db.SpotCheckDraws.AcrossRegions(Public).AsNoTracking();
        var years = await draws.Select(d => d.DrawnOn.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var shown = year ?? (years.Count > 0 ? years[0] : null);
        var (from, to) = shown is { } y ? (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)) : (DateOnly.MaxValue, DateOnly.MinValue);
        var codes = await draws.Where(d => d.DrawnOn >= from && d.DrawnOn <= to).Select(d => d.AuthorityCode).Distinct().OrderBy(c => c).ToListAsync(ct);
        var names = await PublicAuthority.NamesAsync(regions, codes, ct);
        var authorities = codes.Select(c => new DrawingAuthority(c, names[c])).ToList();
        var chosen = authorities.FirstOrDefault(a => authority is not { Length: > 0 } || a.Code == authority);
        if (chosen is null)
        {
            return new PublicSpotCheckResults(years, shown, authorities, null, []);
        }

        var ofAuthority = await draws.Where(d => d.AuthorityCode == chosen.Code && d.DrawnOn >= from && d.DrawnOn <= to)
            .OrderByDescending(d => d.DrawnOn).ThenByDescending(d => d.Id).Take(100).ToListAsync(ct);
        var published = new List<PublishedDraw>();
        foreach (var draw in ofAuthority)
        {
            published.Add(await DisclosedAsync(draw, ct));
        }

        return new PublicSpotCheckResults(years, shown, authorities, chosen, published);
    }

    /// <summary>A draw's checked picks, each with the spot check that answers it (<see cref="SpotCheckAnswers"/>).</summary>
    private async Task<PublishedDraw> DisclosedAsync(SpotCheckDraw draw, CancellationToken ct)
    {
        var picks = await (from p in db.SpotCheckPicks.AcrossRegions(Public).AsNoTracking()
                           join o in db.SocialOrganizations.AcrossRegions(Public).AsNoTracking() on p.OrganizationId equals o.Id
                           where p.DrawId == draw.Id
                           select new { o.Id, o.Name, o.CreditCode, o.Kind }).ToListAsync(ct);
        var checks = await SpotCheckAnswers.ForDrawAsync(db.SocialOrganizationChecks.AcrossRegions(Public).AsNoTracking(),
            db.SpotCheckPicks.AcrossRegions(Public).AsNoTracking(), db.SpotCheckDraws.AcrossRegions(Public).AsNoTracking(), draw.AuthorityCode, draw.DrawnOn,
            picks.Select(p => p.Id).ToList(), ct);
        var rows = picks.Where(p => checks.ContainsKey(p.Id)).Select(p => (Pick: p, Check: checks[p.Id]))
            .OrderBy(r => r.Check.CheckedOn).ThenBy(r => r.Pick.Name, StringComparer.Ordinal)
            .Select(r => new PublishedSpotCheck(r.Pick.Name, r.Pick.CreditCode, SocialOrganization.KindName(r.Pick.Kind), r.Check.CheckedOn,
                Conclusion(r.Check.RectifyBy, r.Check.RectifiedOn)))
            .ToList();
        return new PublishedDraw(draw.Title, draw.DrawnOn, draw.Eligible, picks.Count, rows);
    }

    private static string Conclusion(DateOnly? rectifyBy, DateOnly? rectifiedOn) => (rectifyBy, rectifiedOn) switch
    {
        (null, _) => "未发现问题",
        (_, { } done) => $"发现问题，已于{done:yyyy-MM-dd}整改完毕",
        ({ } by, null) => $"发现问题，责令限期整改（期限至{by:yyyy-MM-dd}）",
    };
}
