using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Funeral.FuneralFacilities;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Funeral.Memorials;

/// <summary>A person the family may book for: buried in a plot (<see cref="BurialId"/>) or cremated in the county (<see cref="CremationId"/>, ashes in a 骨灰堂).</summary>
public sealed record RestingPerson(Guid? BurialId, Guid? CremationId, string Name, string IdNumberMasked, string Place, DateOnly Date);

/// <summary>Finds the resting person the family names on the phone, among the burials and cremations the caller may see.</summary>
public sealed class RestingPlaces(MinzhengDbContext db)
{
    public const int MaxResults = 20;

    public async Task<IReadOnlyList<RestingPerson>> FindAsync(string? name, CancellationToken ct)
    {
        if (name?.Trim() is not { Length: > 0 } n)
        {
            return [];
        }

        var buried = await (from b in db.FuneralBurials
                            join p in db.FuneralPlots on b.PlotId equals p.Id
                            join f in db.FuneralFacilities on p.FacilityId equals f.Id
                            where b.DeceasedName.Contains(n) && b.MovedOutOn == null
                            orderby b.BuriedOn descending
                            select new { b.Id, b.DeceasedName, b.IdNumberMasked, f.Name, p.Area, p.Row, p.Number, b.BuriedOn, b.CremationId })
            .AsNoTracking().Take(MaxResults).ToListAsync(ct);
        var buriedCremations = buried.Where(b => b.CremationId is not null).Select(b => b.CremationId).ToHashSet();
        var cremated = await db.Cremations.AsNoTracking().Where(c => c.Name.Contains(n)).OrderByDescending(c => c.CremationDate).Take(MaxResults)
            .Select(c => new { c.Id, c.Name, c.IdNumberMasked, c.CremationDate }).ToListAsync(ct);
        return
        [
            .. buried.Select(b => new RestingPerson(b.Id, null, b.DeceasedName, b.IdNumberMasked, $"{b.Name} {b.Area}区{b.Row}排{b.Number}号", b.BuriedOn)),
            .. cremated.Where(c => !buriedCremations.Contains(c.Id))
                .Select(c => new RestingPerson(null, c.Id, c.Name, c.IdNumberMasked, "本县火化，骨灰存放骨灰堂", c.CremationDate)),
        ];
    }

    public Task<List<FuneralFacility>> HallsAsync(CancellationToken ct) =>
        db.FuneralFacilities.AsNoTracking().Where(f => f.Kind == FacilityKind.Columbarium).OrderBy(f => f.Name).ToListAsync(ct);

    public async Task<RestingPerson?> OneAsync(Guid? burialId, Guid? cremationId, CancellationToken ct)
    {
        if (burialId is { } b)
        {
            return await (from x in db.FuneralBurials
                          join p in db.FuneralPlots on x.PlotId equals p.Id
                          join f in db.FuneralFacilities on p.FacilityId equals f.Id
                          where x.Id == b
                          select new RestingPerson(x.Id, null, x.DeceasedName, x.IdNumberMasked, f.Name + " " + p.Area + "区" + p.Row + "排" + p.Number + "号", x.BuriedOn))
                .AsNoTracking().SingleOrDefaultAsync(ct);
        }

        return cremationId is { } c
            ? await db.Cremations.AsNoTracking().Where(x => x.Id == c)
                .Select(x => new RestingPerson(null, x.Id, x.Name, x.IdNumberMasked, "本县火化，骨灰存放骨灰堂", x.CremationDate)).SingleOrDefaultAsync(ct)
            : null;
    }
}
