using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Verification;

public sealed record RelativeRequest(string? RegionCode, string? StaffName, string? Position, string? RelativeName, string? RelativeIdNumber, string? Relationship);

public sealed record StaffRelativeDto(Guid Id, string RegionCode, string RegionName, string StaffName, string Position, string RelativeName,
    string RelativeIdNumberMasked, string Relationship, DateOnly? EndedOn, int Hits, int OpenHits);

/// <summary>One township's line of the 近亲属备案 report: entries, hits on beneficiaries or applicants, and how many were reviewed.</summary>
public sealed record RelativeReportRow(string RegionCode, string Name, int Registered, int Hits, int Reviewed, int Open);

/// <summary>近亲属备案: the register (one entry by form, many by import), withdrawal when a cadre leaves, and the report by township.</summary>
public sealed class RelativeRegister(MinzhengDbContext db, CheckListImport lists, RegionService regions, Minzheng.Platform.Auditing.AuditLog audit, TimeProvider clock)
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["所在区划代码"] = "regionCode",
        ["干部姓名"] = "staffName",
        ["职务"] = "position",
        ["亲属姓名"] = "relativeName",
        ["亲属身份证号"] = "relativeIdNumber",
        ["与干部关系"] = "relationship",
    };

    public async Task<(Guid? Id, int Matched, FieldErrors Errors)> AddAsync(RelativeRequest r, CancellationToken ct)
    {
        var problems = new ImportErrorList();
        var row = lists.ValidateRelative(0, [r.RegionCode ?? "", r.StaffName ?? "", r.Position ?? "", r.RelativeName ?? "", r.RelativeIdNumber ?? "", r.Relationship ?? ""],
            clock.Today(), problems);
        var valid = row is null ? [] : await lists.KnownRegionsAsync([row], problems, ct);
        var errors = new FieldErrors();
        // The row-numbered message reads "第0行“列”：…"; over the API the field name says where.
        foreach (var p in problems)
        {
            errors.Add(Fields[p.Column], p.Message[(p.Message.IndexOf('：') + 1)..]);
        }

        if (valid.Count == 0)
        {
            return (null, 0, errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = new List<StaffRelative>();
        var matched = await lists.WriteRelativesAsync(null, valid, ct, created);
        // Written by the lists' bulk path, which the interceptor does not see: the entry is audited here.
        audit.Add(Minzheng.Platform.Auditing.AuditActions.RelativeRegistered, entityType: nameof(StaffRelative), entityId: created.Single().Id.ToString(),
            regionCode: valid[0].RegionCode, details: new { matched },
            sealedDetails: new { valid[0].StaffName, valid[0].Position, relative = valid[0].Id.Masked, valid[0].Relationship });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (created.Single().Id, matched, errors);
    }

    public async Task<bool> EndAsync(Guid id, CancellationToken ct)
    {
        var entry = await db.StaffRelatives.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (entry is null)
        {
            return false;
        }

        entry.EndedOn ??= clock.Today();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Entries in force first, by region and cadre.</summary>
    private static readonly SortMap<StaffRelative> Sort = new SortMap<StaffRelative>("status", q => q.ThenBy(r => r.RegionCode).ThenBy(r => r.StaffName).ThenBy(r => r.Id))
        .Add("status", r => r.EndedOn == null ? 0 : 1).Add("region", r => r.RegionCode).Add("staff", r => r.StaffName).Add("position", r => r.Position)
        .Add("relative", r => r.RelativeName).Add("relationship", r => r.Relationship);

    /// <param name="name">Part of the cadre's or the relative's name.</param>
    /// <param name="status">"active" (in force), "ended" (withdrawn) or null for both.</param>
    public async Task<Paged<StaffRelativeDto>> PageAsync(string? region, string? name, string? status, PageRequest page, CancellationToken ct)
    {
        var prefix = RegionCode.ToScopePrefix(region) ?? "";
        var q = db.StaffRelatives.AsNoTracking().Where(r => r.RegionCode.StartsWith(prefix));
        if (name?.Trim() is { Length: > 0 } text)
        {
            q = q.Where(r => r.StaffName.Contains(text) || r.RelativeName.Contains(text));
        }

        q = status switch
        {
            "active" => q.Where(r => r.EndedOn == null),
            "ended" => q.Where(r => r.EndedOn != null),
            _ => q,
        };
        var entries = await q.PageAsync(page, Sort, ct);
        var ids = entries.Items.Select(e => (Guid?)e.Id).ToList();
        var hits = await db.Findings.AcrossRegions("hits of a registered relative lie in any region").Where(f => f.Type == "relative" && ids.Contains(f.RecordId))
            .GroupBy(f => f.RecordId).Select(g => new { g.Key, Hits = g.Count(), Open = g.Count(f => f.Status == FindingStatus.Open) }).ToDictionaryAsync(x => x.Key!.Value, ct);
        var names = await regions.NamesOfAsync(entries.Items.Select(e => e.RegionCode), ct);
        return entries.Map(e => new StaffRelativeDto(e.Id, e.RegionCode, names.GetValueOrDefault(e.RegionCode, e.RegionCode), e.StaffName, e.Position,
            e.RelativeName, e.RelativeIdNumberMasked, e.Relationship, e.EndedOn, hits.TryGetValue(e.Id, out var h) ? h.Hits : 0, h?.Open ?? 0));
    }

    /// <summary>By township (the 9-digit prefix): entries in force, findings on beneficiaries or applicants, reviewed and open.</summary>
    public async Task<List<RelativeReportRow>> ReportAsync(string? region, CancellationToken ct)
    {
        var prefix = RegionCode.ToScopePrefix(region) ?? "";
        var registered = await db.StaffRelatives.AsNoTracking().Where(r => r.RegionCode.StartsWith(prefix) && r.EndedOn == null)
            .GroupBy(r => r.RegionCode.Substring(0, 9)).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var findings = await db.Findings.AsNoTracking().Where(f => f.Type == "relative" && f.RegionCode.StartsWith(prefix))
            .GroupBy(f => f.RegionCode.Substring(0, 9))
            .Select(g => new { g.Key, Hits = g.Count(), Open = g.Count(f => f.Status == FindingStatus.Open) }).ToDictionaryAsync(x => x.Key, ct);
        var townships = registered.Keys.Union(findings.Keys).Order().ToList();
        var names = await regions.NamesOfAsync(townships.Select(t => t.PadRight(RegionCode.Length, '0')), ct);
        return townships.Select(t =>
        {
            var f = findings.GetValueOrDefault(t);
            return new RelativeReportRow(t.PadRight(RegionCode.Length, '0'), names.GetValueOrDefault(t.PadRight(RegionCode.Length, '0'), t),
                registered.GetValueOrDefault(t), f?.Hits ?? 0, (f?.Hits ?? 0) - (f?.Open ?? 0), f?.Open ?? 0);
        }).ToList();
    }
}
