using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;

namespace Minzheng.Modules.SocialOrganizations.Revocations;

/// <summary>
/// Notified 撤销登记 cases whose party may still state its case (the shared work list and board): the registrar waits for
/// the day, then decides. Past it, the item shows overdue until the decision — the case is then ready to decide.
/// </summary>
public sealed class RevocationDeadlines(MinzhengDbContext db) : IDeadlineSource
{
    public string Kind => "社会组织撤销登记陈述申辩期限";

    public string? Policy => SocialOrganizationsModule.Register;

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct) =>
        (await db.RevocationCases.AsNoTracking().Where(c => c.Status == RevocationStatus.Notified && c.ResponseDueOn != null)
            .Select(c => new { c.Id, c.RegionCode, c.OrganizationName, c.ResponseDueOn, c.NotifiedOn }).ToListAsync(ct))
        .Select(c => new OpenDeadline(c.RegionCode, c.ResponseDueOn!.Value, $"撤销登记陈述申辩期限：{c.OrganizationName}", $"/Organizations/Revocation?id={c.Id}",
            c.NotifiedOn))
        .ToList();
}
