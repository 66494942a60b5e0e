using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>The corrections field by field: each checks the new value, applies it to the entry and answers the value before and after.</summary>
public sealed partial class MarriageCorrections
{
    private async Task<MarriageResult<(string Old, string New)>> CorrectDateAsync(MarriageRecord record, string? value, DateOnly today, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (MarriageInput.Date(value, "newValue", "更正后的登记日期", today, errors) is not { } date)
        {
            return MarriageResult<(string, string)>.Invalid(errors);
        }

        if (await DateRefusalAsync(record, date, ct) is { } refusal)
        {
            return MarriageResult<(string, string)>.Refused(Outcome.Rejected, refusal);
        }

        var old = Iso(record.Date);
        record.Date = date;
        if (record.Kind is MarriageRecordKind.Divorce or MarriageRecordKind.Revocation && record.MarriageId is { } ended)
        {
            // The marriage's end day follows its ending entry (DissolvedOn is written with it).
            var marriage = await db.MarriageRecords.AcrossRegions("the marriage this entry ended may be at any registry (全国通办)")
                .SingleAsync(m => m.Id == ended, ct);
            marriage.DissolvedOn = date;
        }

        return MarriageResult<(string, string)>.Done((old, Iso(date)));
    }

    private static MarriageResult<(string Old, string New)> CorrectName(MarriageRecord record, bool partyA, string? value)
    {
        var errors = new FieldErrors();
        if (TextRules.Field(value, "newValue", "更正后的姓名", MarriageRecord.NameMaxLength, errors, required: true) is not { } name)
        {
            return MarriageResult<(string, string)>.Invalid(errors);
        }

        var old = partyA ? record.PartyAName : record.PartyBName;
        if (partyA)
        {
            record.PartyAName = name;
        }
        else
        {
            record.PartyBName = name;
        }

        return MarriageResult<(string, string)>.Done((old, name));
    }

    /// <summary>A number is corrected within its document: a passport holder's passport number, keeping the gender and birth date entered.</summary>
    private async Task<MarriageResult<(string Old, string New)>> CorrectIdNumberAsync(MarriageRecord record, bool partyA, string? value, DateOnly today, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (type, gender, birth) = partyA ? (record.PartyAIdType, record.PartyAGender, record.PartyABirthDate) : (record.PartyBIdType, record.PartyBGender, record.PartyBBirthDate);
        PartyIdentity id;
        if (type == MarriageIdType.Resident)
        {
            if (!IdNumber.TryParse(value?.Trim(), today, out var resident, out var idError))
            {
                errors.Add("newValue", $"更正后的身份证号（newValue）无效：{idError}");
                return MarriageResult<(string, string)>.Invalid(errors);
            }

            id = PartyIdentity.Resident(resident);
        }
        else if (MarriageIdTypes.Normalize(type, value, out var documentError) is { } number)
        {
            id = new PartyIdentity(type, number, gender, birth, partyA ? record.PartyANationality : record.PartyBNationality);
        }
        else
        {
            errors.Add("newValue", $"更正后的{MarriageIdTypes.NumberName(type)}（newValue）无效：{documentError}");
            return MarriageResult<(string, string)>.Invalid(errors);
        }

        var oldMasked = partyA ? record.PartyAIdMasked : record.PartyBIdMasked;
        if (registry.Index(id) == (partyA ? record.PartyAIdIndex : record.PartyBIdIndex))
        {
            return MarriageResult<(string, string)>.Done((oldMasked, oldMasked));
        }

        if (await MoveIdNumberAsync(record, partyA, id, ct) is { } refusal)
        {
            return MarriageResult<(string, string)>.Refused(refusal.Outcome, refusal.Message);
        }

        SetParty(record, partyA, id);
        return MarriageResult<(string, string)>.Done((oldMasked, id.Masked));
    }

    /// <summary>
    /// Gender, birth date or nationality of a party identified by a passport or permit: entered by hand from the document,
    /// so open to a typing error. A corrected marriage entry must still have met the conditions on its day (two genders,
    /// the legal age): a correction cannot make the register say a marriage was unlawful — that is for a court (婚姻无效).
    /// </summary>
    private static MarriageResult<(string Old, string New)> CorrectDocumentDetail(MarriageRecord record, bool partyA, string field, string? value, DateOnly today)
    {
        var type = partyA ? record.PartyAIdType : record.PartyBIdType;
        if (DocumentDetailRefusal(field, type) is { } refusal)
        {
            return MarriageResult<(string, string)>.Refused(Outcome.Rejected, refusal);
        }

        var errors = new FieldErrors();
        var (gender, birth, nationality) = partyA
            ? (record.PartyAGender, record.PartyABirthDate, record.PartyANationality)
            : (record.PartyBGender, record.PartyBBirthDate, record.PartyBNationality);
        string old, updated;
        if (field.EndsWith("Gender", StringComparison.Ordinal))
        {
            if (ParseGender(value) is not { } newGender)
            {
                errors.Add("newValue", "更正后的性别（newValue）应为“男”或“女”");
                return MarriageResult<(string, string)>.Invalid(errors);
            }

            (old, updated, gender) = (gender.ChineseName(), newGender.ChineseName(), newGender);
        }
        else if (field.EndsWith("BirthDate", StringComparison.Ordinal))
        {
            if (MarriageInput.Date(value, "newValue", "更正后的出生日期", today, errors) is not { } newBirth)
            {
                return MarriageResult<(string, string)>.Invalid(errors);
            }

            if (newBirth > record.Date)
            {
                return MarriageResult<(string, string)>.Refused(Outcome.Rejected, $"更正后的出生日期晚于登记日期{Iso(record.Date)}");
            }

            (old, updated, birth) = (Iso(birth), Iso(newBirth), newBirth);
        }
        else
        {
            if (Nationalities.Normalize(value, out var error) is not { } code)
            {
                errors.Add("newValue", $"更正后的国籍（newValue）{error}");
                return MarriageResult<(string, string)>.Invalid(errors);
            }

            (old, updated, nationality) = (Nationalities.Name(nationality), Nationalities.Name(code), code);
        }

        if (record.Kind == MarriageRecordKind.Marriage && MarriageConditionRefusal(record, partyA, gender, birth) is { } condition)
        {
            return MarriageResult<(string, string)>.Refused(Outcome.Rejected, condition);
        }

        if (partyA)
        {
            (record.PartyAGender, record.PartyABirthDate, record.PartyANationality) = (gender, birth, nationality);
        }
        else
        {
            (record.PartyBGender, record.PartyBBirthDate, record.PartyBNationality) = (gender, birth, nationality);
        }

        return MarriageResult<(string, string)>.Done((old, updated));
    }

    /// <summary>Why a field may not be corrected for a party with this document; null when it may.</summary>
    private static string? DocumentDetailRefusal(string field, MarriageIdType type) => field switch
    {
        _ when field.EndsWith("Gender", StringComparison.Ordinal) || field.EndsWith("BirthDate", StringComparison.Ordinal) =>
            type == MarriageIdType.Resident ? "该方持居民身份证，性别和出生日期由身份证号确定：请更正身份证号" : null,
        _ when field.EndsWith("Nationality", StringComparison.Ordinal) =>
            type == MarriageIdType.Passport ? null : "只有持护照的当事人登记了国籍",
        _ => null,
    };

    private static string? MarriageConditionRefusal(MarriageRecord record, bool partyA, Gender gender, DateOnly birth)
    {
        if (gender == (partyA ? record.PartyBGender : record.PartyAGender))
        {
            return "更正后双方性别相同，与结婚登记条件不符；登记确有错误的，应由人民法院处理";
        }

        return MarriageRules.IsOfLegalAge(gender, birth, record.Date) ? null
            : $"按更正后的内容，该方在登记日{Iso(record.Date)}未满{MarriageRules.LegalAge(gender)}周岁，与结婚登记条件不符；登记时确未达法定婚龄的，应由人民法院宣告婚姻无效";
    }

    private static Gender? ParseGender(string? value) => value?.Trim() switch
    {
        "男" or "male" => Gender.Male,
        "女" or "female" => Gender.Female,
        _ => null,
    };

}
