using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Administration.Audit;

/// <param name="Details">What the audit administrator may read: field names and plain particulars, never business values.</param>
/// <param name="Fields">Names of the fields whose values are sealed or withheld.</param>
/// <param name="Sealed">Whether an authorised business user can reveal the values (with a reason, itself audited).</param>
public sealed record AuditEntryDto(long Sequence, DateTimeOffset OccurredAt, string UserName, string? Ip, string Action, string Outcome,
    string? EntityType, string? EntityId, string? RegionCode, string? Details, IReadOnlyList<string> Fields, bool Sealed)
{
    public static AuditEntryDto From(AuditEntry e)
    {
        var summary = AuditValues.Summarize(e.Action, e.EntityType, e.Details);
        return new AuditEntryDto(e.Sequence, e.OccurredAt, e.UserName, e.Ip, e.Action, e.Outcome, e.EntityType, e.EntityId, e.RegionCode,
            summary.Text, summary.Fields, summary.Sealed);
    }
}

/// <summary>Search filters of the auditor's page and API; dates are Beijing dates, both ends inclusive.</summary>
public sealed record AuditFilter(string? User, string? Action, string? Entity, string? Region, DateOnly? From, DateOnly? To)
{
    public const int MaxPageSize = 200;

    public static AuditFilter Parse(string? user, string? action, string? entity, string? region, string? from, string? to, FieldErrors errors)
    {
        DateOnly? ParseDate(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (Minzheng.Platform.Web.InputValues.TryParseDate(value, out var d))
            {
                return d;
            }

            errors.Add(field, $"{field} 应为日期 YYYY-MM-DD");
            return null;
        }

        var regionPrefix = string.IsNullOrWhiteSpace(region) ? null : Minzheng.Platform.Regions.RegionCode.ToScopePrefix(region);
        if (!string.IsNullOrWhiteSpace(region) && regionPrefix is null)
        {
            errors.Add("region", "region 应为12位区划代码或其2、4、6、9位前缀");
        }

        return new AuditFilter(Trim(user), Trim(action), Trim(entity), regionPrefix, ParseDate(from, "from"), ParseDate(to, "to"));
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim()[..Math.Min(s.Trim().Length, AuditEntry.ShortText)];

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query)
    {
        if (User is not null)
        {
            query = query.Where(e => e.UserName == User);
        }

        if (Action is not null)
        {
            query = query.Where(e => e.Action.StartsWith(Action));
        }

        if (Entity is not null)
        {
            query = query.Where(e => e.EntityType == Entity);
        }

        if (Region is not null)
        {
            query = query.Where(e => e.RegionCode != null && e.RegionCode.StartsWith(Region));
        }

        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
            query = query.Where(e => e.OccurredAt < end);
        }

        return query;
    }
}

public sealed class AuditQuery(MinzhengDbContext db)
{
    public async Task<List<AuditEntryDto>> SearchAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct) =>
        (await SearchEntriesAsync(filter, page, pageSize, ct)).Select(AuditEntryDto.From).ToList();

    /// <summary>The stored entries, newest first; the page lays them out itself (<see cref="AuditPresenter"/>).</summary>
    public Task<List<AuditEntry>> SearchEntriesAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct) =>
        filter.Apply(db.AuditEntries.AsNoTracking()).OrderByDescending(e => e.Sequence)
            .Skip(Math.Max(0, page - 1) * pageSize).Take(Math.Clamp(pageSize, 1, AuditFilter.MaxPageSize))
            .ToListAsync(ct);

    public IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter) =>
        filter.Apply(db.AuditEntries.AsNoTracking()).OrderBy(e => e.Sequence).AsAsyncEnumerable();
}
