using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;

namespace Minzheng.Modules.SocialOrganizations.AnnualInspections;

/// <summary>Organisations told to rectify after the annual inspection, due on their 整改 deadline (the shared work list and board).</summary>
public sealed class RectificationDeadlines(MinzhengDbContext db) : IDeadlineSource
{
    public string Kind => "社会组织年检整改";

    public string? Policy => SocialOrganizationsModule.Register;

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct) =>
        (await (from e in db.InspectionEntries.AsNoTracking()
                join o in db.SocialOrganizations.AsNoTracking() on e.OrganizationId equals o.Id
                where e.Status == InspectionStatus.Rectifying
                select new { e.RegionCode, e.RectifyBy, e.ReviewedOn, e.Year, e.OrganizationId, o.Name }).ToListAsync(ct))
        .Select(x => new OpenDeadline(x.RegionCode, x.RectifyBy, $"{x.Year}年度年检整改：{x.Name}", $"/Organizations/Detail?id={x.OrganizationId}", x.ReviewedOn))
        .ToList();
}
