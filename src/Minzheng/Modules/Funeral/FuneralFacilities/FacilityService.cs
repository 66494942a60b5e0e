using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.FuneralFacilities;

public sealed record FacilityRequest(string? Name, string? Kind, string? ApprovalDocument, string? ApprovedOn, int? Capacity, string? Address, string? RegionCode = null);

public sealed record FacilityRow(Guid Id, string Name, string Kind, string KindName, string ApprovalDocument, DateOnly? ApprovedOn, int? Capacity, string CapacityUnit,
    string? Address, string RegionCode, int Cremations);

/// <summary>The county's funeral facilities (殡仪馆, 公墓, 骨灰堂): registered with their approval document and capacity, listed with their use.</summary>
public sealed class FacilityService(MinzhengDbContext db, IRegionScope scope, RegionService regions, TimeProvider clock)
{
    public const int MaxCapacity = 1_000_000;

    public async Task<FuneralResult<FacilityRow>> AddAsync(FacilityRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = TextRules.Field(r.Name, "name", "设施名称", FuneralFacility.NameMaxLength, errors, required: true);
        var kind = InputValues.Parse<FacilityKind>(r.Kind, "kind",
            "设施类别（kind）应为 " + string.Join("、", Enum.GetValues<FacilityKind>().Select(k => $"{InputValues.Code(k)}（{FuneralFacility.KindName(k)}）")), errors);
        var approval = TextRules.Field(r.ApprovalDocument, "approvalDocument", "批准文号", FuneralFacility.ApprovalMaxLength, errors, required: true);
        DateOnly? approvedOn = null;
        if (!string.IsNullOrWhiteSpace(r.ApprovedOn))
        {
            if (!InputValues.TryParseDate(r.ApprovedOn, out var d) || d > clock.Today())
            {
                errors.Add("approvedOn", "批准日期（approvedOn）应为不晚于今天的有效日期 YYYY-MM-DD");
            }
            else
            {
                approvedOn = d;
            }
        }

        if (r.Capacity is < 0 or > MaxCapacity)
        {
            errors.Add("capacity", $"设计容量（capacity）应在0至{MaxCapacity}之间");
        }

        var address = TextRules.Field(r.Address, "address", "地址", 200, errors);
        var region = TextRules.Field(r.RegionCode, "regionCode", "所在区划", 12, errors) ?? scope.RegionCode();
        if (!RegionCode.IsValid(region) || !region.StartsWith(scope.Prefix, StringComparison.Ordinal) || !await regions.ExistsAsync(region, ct))
        {
            errors.Add("regionCode", "所在区划（regionCode）不存在或不在您的管辖范围内");
        }

        if (errors.Any)
        {
            return FuneralResult<FacilityRow>.Invalid(errors);
        }

        if (await db.FuneralFacilities.AnyAsync(f => f.RegionCode == region && f.Name == name, ct))
        {
            return FuneralResult<FacilityRow>.Refused(Outcome.Conflict, $"本区划已登记名为“{name}”的殡葬设施");
        }

        var facility = new FuneralFacility
        {
            RegionCode = region,
            Name = name!,
            Kind = kind,
            ApprovalDocument = approval!,
            ApprovedOn = approvedOn,
            Capacity = r.Capacity,
            Address = address,
        };
        db.FuneralFacilities.Add(facility);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return FuneralResult<FacilityRow>.Refused(Outcome.Conflict, $"本区划已登记名为“{name}”的殡葬设施");
        }

        return FuneralResult<FacilityRow>.Done(Row(facility, 0));
    }

    public async Task<List<FacilityRow>> ListAsync(CancellationToken ct)
    {
        var facilities = await db.FuneralFacilities.AsNoTracking().OrderBy(f => f.Kind).ThenBy(f => f.Name).ToListAsync(ct);
        var ids = facilities.Select(f => (Guid?)f.Id).ToList();
        var used = await db.Cremations.AsNoTracking().Where(c => ids.Contains(c.FacilityId)).GroupBy(c => c.FacilityId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
        return [.. facilities.Select(f => Row(f, used.GetValueOrDefault(f.Id)))];
    }

    public async Task<List<string>> FuneralHomeNamesAsync(CancellationToken ct) =>
        await db.FuneralFacilities.AsNoTracking().Where(f => f.Kind == FacilityKind.FuneralHome).OrderBy(f => f.Name).Select(f => f.Name).ToListAsync(ct);

    private static FacilityRow Row(FuneralFacility f, int cremations) => new(f.Id, f.Name, InputValues.Code(f.Kind), FuneralFacility.KindName(f.Kind), f.ApprovalDocument,
        f.ApprovedOn, f.Capacity, FuneralFacility.CapacityUnit(f.Kind), f.Address, f.RegionCode, cremations);
}
