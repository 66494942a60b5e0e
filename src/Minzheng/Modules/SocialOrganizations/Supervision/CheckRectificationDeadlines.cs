using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;

namespace Minzheng.Modules.SocialOrganizations.Supervision;

/// <summary>Organisations ordered to rectify after a 监督检查, due on that day until the rectification is recorded (the shared work list and board).</summary>
public sealed class CheckRectificationDeadlines(MinzhengDbContext db) : IDeadlineSource
{
    public string Kind => "社会组织监督检查整改";

    public string? Policy => SocialOrganizationsModule.Register;

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct) =>
        (await (from c in db.SocialOrganizationChecks.AsNoTracking()
                join o in db.SocialOrganizations.AsNoTracking() on c.OrganizationId equals o.Id
                where c.RectifyBy != null && c.RectifiedOn == null
                select new { c.RegionCode, c.RectifyBy, c.CheckedOn, c.OrganizationId, o.Name }).ToListAsync(ct))
        .Select(x => new OpenDeadline(x.RegionCode, x.RectifyBy, $"监督检查整改：{x.Name}", $"/Organizations/Detail?id={x.OrganizationId}", x.CheckedOn))
        .ToList();
}
