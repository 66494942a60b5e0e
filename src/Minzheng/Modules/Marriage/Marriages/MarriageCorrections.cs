using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

public sealed record CorrectionRequest(string? Field, string? NewValue, string? Reason);

public sealed record RecordedCorrection(Guid Id, string Field, string OldValue, string NewValue);

/// <summary>
/// 更正 of a register error by the registry's head: one field of one entry, with the reason. A corrected ID number moves
/// the person's <see cref="MarriageBond"/> with it, so the one-spouse check follows the correction; it changes this
/// entry only (a divorce or reissue entry of the same couple is corrected on its own).
/// </summary>
public sealed partial class MarriageCorrections(MinzhengDbContext db, MarriageRegistry registry, PersonalDataProtector protector, TimeProvider clock)
{
    /// <summary>The fields that may be corrected, by their API code, with the Chinese name shown in the history.</summary>
    public static IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>
    {
        ["partyAName"] = "一方姓名",
        ["partyAIdNumber"] = "一方身份证号",
        ["partyBName"] = "另一方姓名",
        ["partyBIdNumber"] = "另一方身份证号",
        ["date"] = "登记日期",
        ["partyAGender"] = "一方性别",
        ["partyABirthDate"] = "一方出生日期",
        ["partyANationality"] = "一方国籍",
        ["partyBGender"] = "另一方性别",
        ["partyBBirthDate"] = "另一方出生日期",
        ["partyBNationality"] = "另一方国籍",
    };

    /// <summary>
    /// The fields a record's parties allow: gender and birth date only for a document they were entered for (a resident ID
    /// number carries both, so it is the number that is corrected), nationality only for a passport.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> FieldsFor(MarriageIdType partyA, MarriageIdType partyB) =>
        Fields.Where(f => DocumentDetailRefusal(f.Key, f.Key.StartsWith("partyA", StringComparison.Ordinal) ? partyA : partyB) is null);

    public static string FieldName(string code) => Fields.GetValueOrDefault(code, code);

    public async Task<MarriageResult<RecordedCorrection>> CorrectAsync(Guid recordId, CorrectionRequest request, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var field = request.Field?.Trim() ?? "";
        if (!Fields.ContainsKey(field))
        {
            errors.Add("field", $"更正项目（field）应为：{string.Join("、", Fields.Select(f => $"{f.Key}（{f.Value}）"))}");
        }

        var reason = TextRules.Field(request.Reason, "reason", "更正原因", MarriageRecord.ReasonMaxLength, errors, required: true, multiLine: true);
        var record = await db.MarriageRecords.SingleOrDefaultAsync(r => r.Id == recordId, ct);
        if (record is null)
        {
            return MarriageResult<RecordedCorrection>.Refused(Outcome.NotFound, "婚姻登记记录不存在或不在您的管辖范围内");
        }

        if (errors.Any)
        {
            return MarriageResult<RecordedCorrection>.Invalid(errors);
        }

        var partyA = field.StartsWith("partyA", StringComparison.Ordinal);
        var change = field switch
        {
            "date" => await CorrectDateAsync(record, request.NewValue, today, ct),
            _ when field.EndsWith("Name", StringComparison.Ordinal) => CorrectName(record, partyA, request.NewValue),
            _ when field.EndsWith("IdNumber", StringComparison.Ordinal) => await CorrectIdNumberAsync(record, partyA, request.NewValue, today, ct),
            _ => CorrectDocumentDetail(record, partyA, field, request.NewValue, today),
        };
        if (change.Outcome != Outcome.Done)
        {
            return new MarriageResult<RecordedCorrection>(change.Outcome, null, change.Errors, change.Message);
        }

        var (oldValue, newValue) = change.Value;

        if (oldValue == newValue)
        {
            return MarriageResult<RecordedCorrection>.Refused(Outcome.Rejected, $"更正后的{FieldName(field)}与原登记相同，无需更正");
        }

        var correction = new MarriageCorrection
        {
            RecordId = record.Id,
            RegionCode = record.RegionCode,
            CorrectedOn = today,
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
            Reason = reason!,
        };
        db.MarriageCorrections.Add(correction);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return MarriageResult<RecordedCorrection>.Refused(Outcome.Conflict, "更正后与另一登记（同一双方、同一种类、同一日期）重复，或该当事人刚刚在另一结婚登记中登记结婚，未更正");
        }

        return MarriageResult<RecordedCorrection>.Done(new RecordedCorrection(correction.Id, field, oldValue, newValue));
    }

    /// <summary>A corrected date keeps the register in order: a marriage before what ended it, any other entry after the one it refers to.</summary>
    private async Task<string?> DateRefusalAsync(MarriageRecord record, DateOnly date, CancellationToken ct)
    {
        if (record.Kind == MarriageRecordKind.Marriage)
        {
            return await registry.EndingOfAsync(record.Id, ct) is { } ending && ending.Date < date
                ? $"更正后的登记日期晚于该婚姻的{MarriageRecord.KindName(ending.Kind)}日期{ending.Date:yyyy-MM-dd}"
                : null;
        }

        var original = record.MarriageId is { } id
            ? await db.MarriageRecords.AcrossRegions("the entry referred to may be at any registry (全国通办)").AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct)
            : null;
        return original is not null && date < original.Date ? $"更正后的登记日期早于所涉{MarriageRecord.KindName(original.Kind)}日期{original.Date:yyyy-MM-dd}" : null;
    }

    /// <summary>Checks a corrected ID number against the register and moves the party's bond; the reason when it may not be corrected.</summary>
    private async Task<(Outcome Outcome, string Message)?> MoveIdNumberAsync(MarriageRecord record, bool partyA, PartyIdentity id, CancellationToken ct)
    {
        var index = registry.Index(id);
        var (oldIndex, otherIndex) = partyA ? (record.PartyAIdIndex, record.PartyBIdIndex) : (record.PartyBIdIndex, record.PartyAIdIndex);
        if (index == otherIndex)
        {
            return (Outcome.Rejected, $"更正后的{MarriageIdTypes.NumberName(id.Type)}与另一方相同");
        }

        if (record.Kind != MarriageRecordKind.Marriage)
        {
            return null;
        }

        if (id.Gender == (partyA ? record.PartyBGender : record.PartyAGender))
        {
            return (Outcome.Rejected, "更正后双方性别相同（依身份证号），不符合结婚登记条件");
        }

        var bond = await db.MarriageBonds.SingleOrDefaultAsync(b => b.PersonIndex == oldIndex && b.MarriageId == record.Id, ct);
        if (bond is null)
        {
            return null;
        }

        if (await db.MarriageBonds.AnyAsync(b => b.PersonIndex == index, ct))
        {
            return (Outcome.Conflict, "更正后的身份证号的当事人在婚姻登记中另有配偶，不能更正为该身份证号");
        }

        db.MarriageBonds.Remove(bond);
        db.MarriageBonds.Add(new MarriageBond { PersonIndex = index, MarriageId = record.Id, RegionCode = bond.RegionCode });
        return null;
    }

    private void SetParty(MarriageRecord record, bool partyA, PartyIdentity id)
    {
        var (cipher, index) = (protector.Encrypt(id.Value, DataPurpose.IdNumber), registry.Index(id));
        if (partyA)
        {
            (record.PartyAIdCipher, record.PartyAIdIndex, record.PartyAIdMasked, record.PartyAGender, record.PartyABirthDate) =
                (cipher, index, id.Masked, id.Gender, id.BirthDate);
        }
        else
        {
            (record.PartyBIdCipher, record.PartyBIdIndex, record.PartyBIdMasked, record.PartyBGender, record.PartyBBirthDate) =
                (cipher, index, id.Masked, id.Gender, id.BirthDate);
        }

        record.CoupleKey = MarriageRecord.CoupleKeyOf(record.PartyAIdIndex, record.PartyBIdIndex);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
