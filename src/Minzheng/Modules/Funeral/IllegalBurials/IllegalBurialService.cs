using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.IllegalBurials;

public sealed record IllegalBurialRequest(string? Kind, string? FoundOn, string? FoundBy, string? RegionCode, string? Location, decimal? Latitude, decimal? Longitude,
    string? Description, string? PartyName, string? RectifyBy, string? PartyIdNumber = null);

/// <summary>The outcome that closes a case: rectified (date), penalised (decision number, amount, date) or relocated (date, destination).</summary>
public sealed record IllegalBurialOutcomeRequest(string? Outcome, string? On, string? DecisionNumber, decimal? Amount, string? Destination);

public sealed record IllegalBurialFilter(string? Region = null, string? Status = null, string? Kind = null, string? From = null, string? To = null);

public sealed record IllegalBurialRow(Guid Id, string RegionCode, string Kind, string KindName, DateOnly FoundOn, string FoundBy, string FoundByName, string Location,
    string? PartyName, DateOnly RectifyBy, string Status, string StatusName, bool Overdue, DateOnly? ClosedOn, decimal? PenaltyAmount,
    string? PartyIdMasked = null, DateOnly? NoticedOn = null, string? NoticeNumber = null);

public sealed record IllegalBurialDetail(IllegalBurialRow Case, decimal? Latitude, decimal? Longitude, string Description, string? DecisionNumber, string? Destination);

/// <summary>Illegal burial cases of the caller's villages: found and recorded with a rectification deadline, closed by one outcome.</summary>
public sealed class IllegalBurialService(MinzhengDbContext db, IRegionScope scope, RegionService regions, PersonalDataProtector protector, TimeProvider clock)
{
    /// <summary>Far above any fine the 殡葬管理条例 allows a county to impose on a household: a typing slip, not a penalty.</summary>
    public const decimal MaxPenalty = 1_000_000m;

    private static readonly SortMap<IllegalBurialCase> Sort = new SortMap<IllegalBurialCase>("found", q => q.ThenByDescending(c => c.Id))
        .Add("found", c => c.FoundOn).Add("due", c => c.RectifyBy).Add("region", c => c.RegionCode).Add("kind", c => c.Kind).Add("status", c => c.Status);

    public async Task<FuneralResult<IllegalBurialRow>> OpenAsync(IllegalBurialRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var kind = InputValues.Parse<IllegalBurialKind>(r.Kind, "kind", "类型（kind）应为 " + Choices<IllegalBurialKind>(IllegalBurialCase.KindName), errors);
        var source = InputValues.Parse<IllegalBurialSource>(r.FoundBy, "foundBy", "发现方式（foundBy）应为 " + Choices<IllegalBurialSource>(IllegalBurialCase.SourceName), errors);
        var foundOn = InputValues.PastDate(r.FoundOn, "foundOn", "发现日期", today, required: true, errors);
        var region = TextRules.Field(r.RegionCode, "regionCode", "所在村（社区）", 12, errors, required: true);
        if (region is not null && (!RegionCode.TryGetLevel(region, out var level, out _) || level != RegionLevel.Village
            || !region.StartsWith(scope.Prefix, StringComparison.Ordinal) || !await regions.ExistsAsync(region, ct)))
        {
            errors.Add("regionCode", "所在村（社区）（regionCode）应为您管辖范围内已登记的村级区划代码");
        }

        var location = TextRules.Field(r.Location, "location", "具体位置", IllegalBurialCase.LocationMaxLength, errors, required: true);
        if ((r.Latitude is null) != (r.Longitude is null))
        {
            errors.Add("latitude", "坐标应同时填写纬度（latitude）和经度（longitude），或都不填");
        }
        else if (r.Latitude is { } lat && r.Longitude is { } lon && (lat is < -90m or > 90m || lon is < -180m or > 180m || decimal.Round(lat, 6) != lat || decimal.Round(lon, 6) != lon))
        {
            errors.Add("latitude", "坐标超出范围：纬度（latitude）应在-90至90之间，经度（longitude）应在-180至180之间，最多6位小数");
        }

        var description = TextRules.Field(r.Description, "description", "情况描述", IllegalBurialCase.DescriptionMaxLength, errors, required: true, multiLine: true);
        var party = TextRules.Field(r.PartyName, "partyName", "当事人", 50, errors);
        var partyId = PartyId(r.PartyIdNumber, today, errors);
        DateOnly? rectifyBy = null;
        if (!InputValues.TryParseDate(r.RectifyBy, out var due))
        {
            errors.Add("rectifyBy", "整改期限（rectifyBy）应为有效日期 YYYY-MM-DD");
        }
        else if (foundOn is { } found && due < found)
        {
            errors.Add("rectifyBy", $"整改期限不能早于发现日期{found:yyyy-MM-dd}");
        }
        else
        {
            rectifyBy = due;
        }

        if (errors.Any)
        {
            return FuneralResult<IllegalBurialRow>.Invalid(errors);
        }

        var c = new IllegalBurialCase
        {
            RegionCode = region!,
            Kind = kind,
            FoundOn = foundOn!.Value,
            FoundBy = source,
            Location = location!,
            Latitude = r.Latitude,
            Longitude = r.Longitude,
            Description = description!,
            PartyName = party,
            RectifyBy = rectifyBy!.Value,
        };
        SetPartyId(c, partyId, protector);
        db.IllegalBurialCases.Add(c);
        await db.SaveChangesAsync(ct);
        return FuneralResult<IllegalBurialRow>.Done(Row(c, today));
    }

    public async Task<FuneralResult<IllegalBurialRow>> CloseAsync(Guid id, IllegalBurialOutcomeRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var c = await db.IllegalBurialCases.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return FuneralResult<IllegalBurialRow>.Refused(Outcome.NotFound, "乱埋乱葬案件不存在或不在您的管辖范围内");
        }

        var errors = new FieldErrors();
        var outcome = InputValues.Parse<IllegalBurialStatus>(r.Outcome, "outcome", "处理结果（outcome）应为 rectified（已整改）、penalised（已处罚）或 relocated（已迁移）", errors);
        if (outcome == IllegalBurialStatus.Open)
        {
            errors.Add("outcome", "处理结果（outcome）应为 rectified（已整改）、penalised（已处罚）或 relocated（已迁移）");
        }

        var on = InputValues.PastDate(r.On, "on", "处理日期", today, required: true, errors);
        if (on is { } day && day < c.FoundOn)
        {
            errors.Add("on", $"处理日期不能早于发现日期{c.FoundOn:yyyy-MM-dd}");
        }

        string? decision = null, destination = null;
        decimal? amount = null;
        if (outcome == IllegalBurialStatus.Penalised)
        {
            decision = TextRules.Field(r.DecisionNumber, "decisionNumber", "行政处罚决定书文号", IllegalBurialCase.DecisionMaxLength, errors, required: true);
            if (r.Amount is not { } fine || fine <= 0m || fine > MaxPenalty || decimal.Round(fine, 2) != fine)
            {
                errors.Add("amount", $"罚款金额（amount）应大于0、不超过{MaxPenalty:0}元，最多两位小数");
            }
            else
            {
                amount = fine;
            }
        }
        else if (outcome == IllegalBurialStatus.Relocated)
        {
            destination = TextRules.Field(r.Destination, "destination", "迁入地点", IllegalBurialCase.LocationMaxLength, errors, required: true);
        }

        if (errors.Any)
        {
            return FuneralResult<IllegalBurialRow>.Invalid(errors);
        }

        if (c.Status != IllegalBurialStatus.Open)
        {
            return FuneralResult<IllegalBurialRow>.Refused(Outcome.Conflict, $"该案件已于{c.ClosedOn:yyyy-MM-dd}结案（{IllegalBurialCase.StatusName(c.Status)}），不能再次登记处理结果");
        }

        c.Status = outcome;
        c.ClosedOn = on;
        c.DecisionNumber = decision;
        c.PenaltyAmount = amount;
        c.Destination = destination;
        try
        {
            // The status is the concurrency token: an outcome entered meanwhile by a colleague wins, this one writes nothing.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FuneralResult<IllegalBurialRow>.Refused(Outcome.Conflict, "该案件刚刚已由他人登记处理结果，请刷新后查看");
        }

        return FuneralResult<IllegalBurialRow>.Done(Row(c, today));
    }

    public async Task<Paged<IllegalBurialRow>> PageAsync(IllegalBurialFilter filter, PageRequest page, CancellationToken ct)
    {
        var today = clock.Today();
        var q = db.IllegalBurialCases.AsNoTracking();
        if (RegionCode.ToScopePrefix(filter.Region) is { } prefix)
        {
            q = q.Where(c => c.RegionCode.StartsWith(prefix));
        }

        q = filter.Status switch
        {
            "open" => q.Where(c => c.Status == IllegalBurialStatus.Open),
            "overdue" => q.Where(c => c.Status == IllegalBurialStatus.Open && c.RectifyBy < today),
            "closed" => q.Where(c => c.Status != IllegalBurialStatus.Open),
            _ => q,
        };
        if (Enum.GetValues<IllegalBurialKind>().Where(k => InputValues.Code(k) == filter.Kind).Select(k => (IllegalBurialKind?)k).FirstOrDefault() is { } kind)
        {
            q = q.Where(c => c.Kind == kind);
        }

        if (InputValues.TryParseDate(filter.From, out var from))
        {
            q = q.Where(c => c.FoundOn >= from);
        }

        if (InputValues.TryParseDate(filter.To, out var to))
        {
            q = q.Where(c => c.FoundOn <= to);
        }

        return (await q.PageAsync(page, Sort, ct)).Map(c => Row(c, today));
    }

    public async Task<IllegalBurialDetail?> DetailAsync(Guid id, CancellationToken ct) =>
        await db.IllegalBurialCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } c
            ? new IllegalBurialDetail(Row(c, clock.Today()), c.Latitude, c.Longitude, c.Description, c.DecisionNumber, c.Destination)
            : null;

    public static IllegalBurialRow Row(IllegalBurialCase c, DateOnly today) => new(c.Id, c.RegionCode, InputValues.Code(c.Kind), IllegalBurialCase.KindName(c.Kind),
        c.FoundOn, InputValues.Code(c.FoundBy), IllegalBurialCase.SourceName(c.FoundBy), c.Location, c.PartyName, c.RectifyBy, InputValues.Code(c.Status),
        IllegalBurialCase.StatusName(c.Status), c.Status == IllegalBurialStatus.Open && c.RectifyBy < today, c.ClosedOn, c.PenaltyAmount, c.PartyIdMasked,
        c.NoticedOn, c.NoticeNumber);

    /// <summary>The party's ID number when one is given (it is optional: a grave's owner is often unknown when it is found).</summary>
    internal static IdNumber? PartyId(string? value, DateOnly today, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!IdNumber.TryParse(value, today, out var id, out var error))
        {
            errors.Add("partyIdNumber", $"当事人身份证号（partyIdNumber）无效：{error}");
            return null;
        }

        return id;
    }

    internal static void SetPartyId(IllegalBurialCase c, IdNumber? id, PersonalDataProtector protector)
    {
        if (id is { } given)
        {
            (c.PartyIdCipher, c.PartyIdIndex, c.PartyIdMasked) =
                (protector.Encrypt(given.Value, DataPurpose.IdNumber), protector.BlindIndex(given.Value, DataPurpose.IdNumber), given.Masked);
        }
    }

    private static string Choices<T>(Func<T, string> name) where T : struct, Enum =>
        string.Join("、", Enum.GetValues<T>().Select(v => $"{InputValues.Code(v)}（{name(v)}）"));
}
