using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;

namespace Minzheng.Modules.SocialOrganizations.Applications;

/// <summary>Accepted 登记申请 awaiting the decision, due on their statutory day (the shared work list and board).</summary>
public sealed class ApplicationDeadlines(MinzhengDbContext db) : IDeadlineSource
{
    public string Kind => "社会组织登记申请";

    public string? Policy => SocialOrganizationsModule.Register;

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct) =>
        (await db.RegistrationApplications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Accepted && a.DueOn != null)
            .Select(a => new { a.Id, a.RegionCode, a.Kind, a.OrganizationName, a.DueOn, a.AcceptedOn }).ToListAsync(ct))
        .Select(a => new OpenDeadline(a.RegionCode, a.DueOn!.Value, $"{RegistrationApplication.KindName(a.Kind)}决定：{a.OrganizationName}",
            $"/Organizations/Application?id={a.Id}", a.AcceptedOn))
        .ToList();
}
