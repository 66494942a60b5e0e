using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Installation;

/// <summary>
/// What the installation has been through, read from the audit log: it is append-only and chained, so "this database
/// was initialised for county X" or "demo data was seeded and not removed since" cannot be quietly rewritten.
/// </summary>
public static class InstallationState
{
    public const string Initialized = "installation.initialized";
    public const string DemoSeeded = "demo.seeded";
    public const string DemoRemoved = "demo.removed";

    /// <summary>The 12-digit code of the county <c>init</c> set the installation up for, or null.</summary>
    public static Task<string?> CountyAsync(MinzhengDbContext db, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Where(e => e.Action == Initialized)
            .OrderBy(e => e.Sequence).Select(e => e.RegionCode).FirstOrDefaultAsync(ct);

    /// <summary>Whether demo data was seeded after the last time it was removed.</summary>
    public static async Task<bool> HasDemoDataAsync(MinzhengDbContext db, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == DemoSeeded || e.Action == DemoRemoved)
            .OrderByDescending(e => e.Sequence).Select(e => e.Action).FirstOrDefaultAsync(ct);
        return last == DemoSeeded;
    }

    public static void Record(AuditLog audit, string action, string? regionCode, object details) =>
        audit.Add(action, entityType: "Installation", regionCode: regionCode, details: details, userName: Security.UserDirectory.SystemUser);
}
