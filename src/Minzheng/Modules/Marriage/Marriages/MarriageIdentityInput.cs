using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>A document as entered to find a person (withdrawal, look-up, reissue): type and normalised number.</summary>
public sealed record PartyDocument(MarriageIdType Type, string Value)
{
    public string Masked => MarriageIdTypes.Mask(Type, Value);

    /// <summary>
    /// The text the blind index is computed from. A resident number alone, as before the other documents existed (the
    /// indexes already stored stay valid); the others prefixed by their type, so a passport and a permit with the same
    /// characters are different persons.
    /// </summary>
    public string IndexInput => MarriageIdTypes.IndexInput(Type, Value);
}

/// <summary>
/// Reading a party's identity from a request: the document type ("resident" when absent, so a request naming only
/// an ID number reads exactly as before), its number, and for the other documents the gender, birth date and nationality
/// the registrar enters. Every message names the party and the field.
/// </summary>
internal static class MarriageIdentityInput
{
    public static PartyIdentity? Identity(MarriagePartyRequest? p, int i, DateOnly today, FieldErrors errors)
    {
        var (who, prefix) = ($"第{i + 1}位当事人", $"parties[{i}]");
        if (Type(p?.IdType, $"{prefix}.idType", who, errors) is not { } type)
        {
            return null;
        }

        if (type == MarriageIdType.Resident)
        {
            if (!IdNumber.TryParse(p?.IdNumber, today, out var id, out var error))
            {
                errors.Add($"{prefix}.idNumber", $"{who}身份证号（{prefix}.idNumber）无效：{error}");
                return null;
            }

            return PartyIdentity.Resident(id);
        }

        var number = Number(type, p?.IdNumber, $"{prefix}.idNumber", who, errors);
        var gender = Gender(p?.Gender, type, $"{prefix}.gender", who, errors);
        var birth = MarriageInput.Date(p?.BirthDate, $"{prefix}.birthDate", $"{who}出生日期", today, errors);
        string? nationality = Nationalities.China;
        if (type == MarriageIdType.Passport)
        {
            nationality = Nationalities.Normalize(p?.Nationality, out var error);
            if (error is not null)
            {
                errors.Add($"{prefix}.nationality", $"{who}国籍（{prefix}.nationality）{(error == "未填写" ? "未填写：持护照的当事人须填写国籍" : error)}");
            }
        }

        return number is null || gender is null || birth is null || nationality is null ? null : new PartyIdentity(type, number, gender.Value, birth.Value, nationality);
    }

    /// <summary>The document of the person acting (fields idType and idNumber); <paramref name="who"/> names them ("撤回人", "补领人").</summary>
    public static PartyDocument? Document(string? idType, string? idNumber, string who, DateOnly today, FieldErrors errors)
    {
        if (Type(idType, "idType", who, errors) is not { } type)
        {
            return null;
        }

        if (type == MarriageIdType.Resident)
        {
            if (!IdNumber.TryParse(idNumber?.Trim(), today, out var id, out var error))
            {
                errors.Add("idNumber", $"{who}身份证号（idNumber）无效：{error}");
                return null;
            }

            return new PartyDocument(type, id.Value);
        }

        return Number(type, idNumber, "idNumber", who, errors) is { } number ? new PartyDocument(type, number) : null;
    }

    private static MarriageIdType? Type(string? value, string field, string who, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return MarriageIdType.Resident;
        }

        if (MarriageIdTypes.Codes.TryGetValue(value.Trim(), out var type))
        {
            return type;
        }

        errors.Add(field, $"{who}证件类型（{field}）应为 resident（居民身份证）、passport（护照）、hkMacaoPermit（港澳居民来往内地通行证）或 taiwanPermit（台湾居民来往大陆通行证）");
        return null;
    }

    private static string? Number(MarriageIdType type, string? value, string field, string who, FieldErrors errors)
    {
        var number = MarriageIdTypes.Normalize(type, value, out var error);
        if (error is not null)
        {
            errors.Add(field, $"{who}{MarriageIdTypes.NumberName(type)}（{field}）无效：{error}");
        }

        return number;
    }

    private static Gender? Gender(string? value, MarriageIdType type, string field, string who, FieldErrors errors)
    {
        switch (value?.Trim())
        {
            case "male":
                return Platform.Privacy.Gender.Male;
            case "female":
                return Platform.Privacy.Gender.Female;
            case null or "":
                errors.Add(field, $"请填写{who}性别（{field}：male 或 female）：{MarriageIdTypes.Name(type)}号码不能推算性别");
                return null;
            default:
                errors.Add(field, $"{who}性别（{field}）应为 male（男）或 female（女）");
                return null;
        }
    }
}
