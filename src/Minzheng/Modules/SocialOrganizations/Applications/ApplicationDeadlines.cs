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

/// <summary>
/// Applications waiting for the applicant's 补正: the clock is stopped, so they are open on the board without a due day —
/// never due soon, never overdue — and show in their own column, 等待补正, until the corrected materials come in.
/// </summary>
public sealed class CorrectionWaits(MinzhengDbContext db) : IDeadlineSource
{
    public const string KindName = "社会组织登记申请等待补正";

    public string Kind => KindName;

    public string? Policy => SocialOrganizationsModule.Register;

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct) =>
        (await db.RegistrationApplications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Correcting)
            .Select(a => new { a.Id, a.RegionCode, a.Kind, a.OrganizationName, a.CorrectionRequestedOn }).ToListAsync(ct))
        .Select(a => new OpenDeadline(a.RegionCode, null, $"{RegistrationApplication.KindName(a.Kind)}等待补正：{a.OrganizationName}",
            $"/Organizations/Application?id={a.Id}", a.CorrectionRequestedOn))
        .ToList();
}
