using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.ExistingGraves;

public sealed record GraveRequest(string? RegionCode, string? Location, decimal? Latitude, decimal? Longitude, string? Kind, string? OccupantName,
    string? OccupantIdNumber, string? SecondOccupantName, string? SecondOccupantIdNumber, string? ContactName, string? ContactPhone, string? RegisteredOn);

public sealed record GraveFilter(string? Region = null, string? Status = null, string? Kind = null, string? Name = null, string? From = null, string? To = null);

/// <summary>A grave as lists show it: ID numbers never, the family's phone masked.</summary>
public sealed record GraveRow(Guid Id, string RegionCode, string Location, string Kind, string KindName, string Occupants, string ContactName,
    string? ContactPhoneMasked, DateOnly RegisteredOn, string Status, string StatusName, string? CertificateNumber, DateOnly? ClosedOn);

/// <summary>The grave for the funeral staff who handle it: ID numbers masked, the phone in full (as on a cremation record).</summary>
public sealed record GraveDetail(GraveRow Grave, decimal Latitude, decimal Longitude, string? OccupantIdMasked, string? SecondOccupantIdMasked,
    string? ContactPhone, DateOnly? CertificateIssuedOn, string? Reason, string? ReasonName, string? Note, Guid? BurialId, string? Destination,
    decimal? Compensation);

/// <summary>The register of old graves (已有坟墓登记) of the caller's villages: registration, the list and the record.</summary>
public sealed class GraveService(MinzhengDbContext db, IRegionScope scope, RegionService regions, PersonalDataProtector protector, TimeProvider clock)
{
    // China's mainland and islands lie within these bounds: a coordinate outside them is a typing slip (or swapped axes).
    public const decimal MinLatitude = 3.5m, MaxLatitude = 53.6m, MinLongitude = 73.4m, MaxLongitude = 135.1m;

    private static readonly SortMap<ExistingGrave> Sort = new SortMap<ExistingGrave>("registered", q => q.ThenByDescending(g => g.Id))
        .Add("registered", g => g.RegisteredOn).Add("region", g => g.RegionCode).Add("kind", g => g.Kind).Add("status", g => g.Status)
        .Add("name", g => g.OccupantName);

    public async Task<FuneralResult<GraveRow>> RegisterAsync(GraveRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var region = await VillageAsync(r.RegionCode, "regionCode", "所在村（社区）", scope, regions, errors, ct);
        if (Build(r, region, clock.Today(), protector, errors) is not { } grave)
        {
            return FuneralResult<GraveRow>.Invalid(errors);
        }

        db.ExistingGraves.Add(grave);
        await db.SaveChangesAsync(ct);
        return FuneralResult<GraveRow>.Done(Row(grave));
    }

    /// <summary>
    /// The grave a request describes, ID numbers encrypted, once every field is valid; null after naming each bad field.
    /// The village (<paramref name="region"/>) is checked by the caller: one look-up per form, one set per imported file.
    /// </summary>
    internal static ExistingGrave? Build(GraveRequest r, string? region, DateOnly today, PersonalDataProtector protector, FieldErrors errors)
    {
        var location = TextRules.Field(r.Location, "location", "位置描述", ExistingGrave.LocationMaxLength, errors, required: true);
        if (r.Latitude is not { } lat || lat < MinLatitude || lat > MaxLatitude || decimal.Round(lat, 6) != lat)
        {
            errors.Add("latitude", $"纬度（latitude）应为{MinLatitude}至{MaxLatitude}之间的十进制度数（我国境内），最多6位小数");
        }

        if (r.Longitude is not { } lon || lon < MinLongitude || lon > MaxLongitude || decimal.Round(lon, 6) != lon)
        {
            errors.Add("longitude", $"经度（longitude）应为{MinLongitude}至{MaxLongitude}之间的十进制度数（我国境内），最多6位小数");
        }

        var kind = InputValues.Parse<GraveKind>(r.Kind, "kind", "坟墓类型（kind）应为 " + Choices(), errors);
        var first = TextRules.Field(r.OccupantName, "occupantName", "墓主姓名", ExistingGrave.NameMaxLength, errors, required: true);
        var firstId = OptionalId(r.OccupantIdNumber, "occupantIdNumber", "墓主身份证号", today, errors);
        var second = TextRules.Field(r.SecondOccupantName, "secondOccupantName", "合葬者姓名", ExistingGrave.NameMaxLength, errors);
        var secondId = OptionalId(r.SecondOccupantIdNumber, "secondOccupantIdNumber", "合葬者身份证号", today, errors);
        if (second is null && !string.IsNullOrWhiteSpace(r.SecondOccupantIdNumber))
        {
            errors.Add("secondOccupantName", "填写了合葬者身份证号，请同时填写合葬者姓名");
        }

        if (firstId is { } a && secondId is { } b && a.Value == b.Value)
        {
            errors.Add("secondOccupantIdNumber", "两位墓主的身份证号不能相同");
        }

        var contact = TextRules.Field(r.ContactName, "contactName", "家属联系人", ExistingGrave.NameMaxLength, errors, required: true);
        var phone = Phone(r.ContactPhone, "contactPhone", errors);
        var registeredOn = InputValues.PastDate(r.RegisteredOn, "registeredOn", "登记日期", today, required: true, errors);
        if (errors.Any || region is null)
        {
            return null;
        }

        return new ExistingGrave
        {
            RegionCode = region,
            Location = location!,
            Latitude = r.Latitude!.Value,
            Longitude = r.Longitude!.Value,
            Kind = kind,
            OccupantName = first!,
            OccupantIdCipher = firstId is { } f ? protector.Encrypt(f.Value, DataPurpose.IdNumber) : null,
            OccupantIdIndex = firstId is { } fi ? protector.BlindIndex(fi.Value, DataPurpose.IdNumber) : null,
            OccupantIdMasked = firstId?.Masked,
            SecondOccupantName = second,
            SecondOccupantIdCipher = secondId is { } s ? protector.Encrypt(s.Value, DataPurpose.IdNumber) : null,
            SecondOccupantIdIndex = secondId is { } si ? protector.BlindIndex(si.Value, DataPurpose.IdNumber) : null,
            SecondOccupantIdMasked = secondId?.Masked,
            ContactName = contact!,
            ContactPhone = phone,
            RegisteredOn = registeredOn!.Value,
        };
    }

    public async Task<Paged<GraveRow>> PageAsync(GraveFilter filter, PageRequest page, CancellationToken ct)
    {
        var q = db.ExistingGraves.AsNoTracking();
        if (RegionCode.ToScopePrefix(filter.Region) is { } prefix)
        {
            q = q.Where(g => g.RegionCode.StartsWith(prefix));
        }

        if (Enum.GetValues<GraveStatus>().Where(s => InputValues.Code(s) == filter.Status).Select(s => (GraveStatus?)s).FirstOrDefault() is { } status)
        {
            q = q.Where(g => g.Status == status);
        }

        if (Enum.GetValues<GraveKind>().Where(k => InputValues.Code(k) == filter.Kind).Select(k => (GraveKind?)k).FirstOrDefault() is { } kind)
        {
            q = q.Where(g => g.Kind == kind);
        }

        if (filter.Name?.Trim() is { Length: > 0 } name)
        {
            q = q.Where(g => g.OccupantName.Contains(name) || (g.SecondOccupantName != null && g.SecondOccupantName.Contains(name)));
        }

        if (InputValues.TryParseDate(filter.From, out var from))
        {
            q = q.Where(g => g.RegisteredOn >= from);
        }

        if (InputValues.TryParseDate(filter.To, out var to))
        {
            q = q.Where(g => g.RegisteredOn <= to);
        }

        return (await q.PageAsync(page, Sort, ct)).Map(Row);
    }

    public async Task<GraveDetail?> DetailAsync(Guid id, CancellationToken ct) =>
        await db.ExistingGraves.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct) is { } g
            ? new GraveDetail(Row(g), g.Latitude, g.Longitude, g.OccupantIdMasked, g.SecondOccupantIdMasked, g.ContactPhone, g.CertificateIssuedOn,
                g.Reason is { } reason ? InputValues.Code(reason) : null, g.Reason is { } r ? ExistingGrave.ReasonName(r) : null, g.Note, g.BurialId,
                g.Destination, g.Compensation)
            : null;

    public static GraveRow Row(ExistingGrave g) => new(g.Id, g.RegionCode, g.Location, InputValues.Code(g.Kind), ExistingGrave.KindName(g.Kind),
        g.SecondOccupantName is null ? g.OccupantName : $"{g.OccupantName}、{g.SecondOccupantName}", g.ContactName,
        g.ContactPhone is null ? null : Mask.Phone(g.ContactPhone), g.RegisteredOn, InputValues.Code(g.Status), ExistingGrave.StatusName(g.Status),
        g.CertificateNumber, g.ClosedOn);

    public static string Choices() => string.Join("、", Enum.GetValues<GraveKind>().Select(k => $"{InputValues.Code(k)}（{ExistingGrave.KindName(k)}）"));

    /// <summary>A registered village (12 digits, village level) inside the caller's subtree, else the field error.</summary>
    public static async Task<string?> VillageAsync(string? value, string field, string label, IRegionScope scope, RegionService regions, FieldErrors errors,
        CancellationToken ct)
    {
        var region = TextRules.Field(value, field, label, 12, errors, required: true);
        if (region is not null && (!RegionCode.TryGetLevel(region, out var level, out _) || level != RegionLevel.Village
            || !region.StartsWith(scope.Prefix, StringComparison.Ordinal) || !await regions.ExistsAsync(region, ct)))
        {
            errors.Add(field, $"{label}（{field}）应为您管辖范围内已登记的村级区划代码");
            return null;
        }

        return region;
    }

    /// <summary>A phone number as families give it: digits, spaces, + and -; empty is allowed.</summary>
    public static string? Phone(string? value, string field, FieldErrors errors)
    {
        var phone = TextRules.Field(value, field, "联系电话", ExistingGrave.PhoneMaxLength, errors);
        if (phone is not null && !phone.All(ch => char.IsAsciiDigit(ch) || ch is '-' or '+' or ' '))
        {
            errors.Add(field, $"联系电话（{field}）只能包含数字、空格、+ 和 -");
            return null;
        }

        return phone;
    }

    // Old graves often have no ID number on record: it is optional, but one given must be a valid GB 11643 number.
    private static IdNumber? OptionalId(string? value, string field, string label, DateOnly today, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!IdNumber.TryParse(value, today, out var id, out var error))
        {
            errors.Add(field, $"{label}（{field}）无效：{error}");
            return null;
        }

        return id;
    }
}
