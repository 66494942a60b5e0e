using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <param name="IdType">证件类型: resident (default), passport, hkMacaoPermit, taiwanPermit</param>
/// <param name="Nationality">for a passport: ISO 3166 alpha-3 (CHN for a 华侨)</param>
/// <param name="Gender">male or female, entered for a document other than a resident ID</param>
/// <param name="BirthDate">YYYY-MM-DD, entered for a document other than a resident ID</param>
public sealed record MarriagePartyRequest(string? Name, string? IdNumber, string? IdType = null, string? Nationality = null, string? Gender = null,
    string? BirthDate = null);

public sealed record MarriageDeclarations(bool? NoSpouse, bool? NoProhibitedKinship);

public sealed record RegisterMarriageRequest(string? Kind, string? Date, List<MarriagePartyRequest>? Parties, MarriageDeclarations? Declarations);

/// <param name="Agreement">离婚协议, optional (the contract of DESIGN §5 stays valid without it)</param>
public sealed record DivorceApplicationRequest(string? ReceivedOn, List<MarriagePartyRequest>? Parties, DivorceAgreementRequest? Agreement = null);

/// <param name="IdType">the withdrawing party's document type (resident when absent)</param>
public sealed record WithdrawDivorceRequest(string? Date, string? IdNumber, string? IdType = null);

public sealed record RegisterDivorceRequest(string? Date);

public sealed record RegisteredMarriageRecord(Guid Id, string CertificateNumber);

public sealed record CreatedDivorceApplication(Guid Id, DateOnly CoolingOffEnds, DateOnly CollectBy);

/// <summary>How a step of the register ended: the value when done, else field errors (400) or the outcome's reason.</summary>
public sealed record MarriageResult<T>(Platform.Kernel.Outcome Outcome, T? Value, FieldErrors Errors, string? Message)
{
    public static MarriageResult<T> Done(T value) => new(Platform.Kernel.Outcome.Done, value, new FieldErrors(), null);

    public static MarriageResult<T> Invalid(FieldErrors errors) => new(Platform.Kernel.Outcome.Invalid, default, errors, string.Join("；", errors.Messages));

    public static MarriageResult<T> Refused(Platform.Kernel.Outcome outcome, string message) => new(outcome, default, new FieldErrors(), message);
}

/// <summary>A party as validated: the name and the identity document, with gender and birth date (derived or entered).</summary>
public sealed record ValidParty(string Name, PartyIdentity Id);

/// <summary>Reading the request fields shared by the register's steps; every message names its field in Chinese.</summary>
internal static class MarriageInput
{
    /// <summary>A date of the register: required, YYYY-MM-DD, never after today (a record entered later may lie in the past).</summary>
    public static DateOnly? Date(string? value, string field, string label, DateOnly today, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"请填写{label}（{field}，格式 YYYY-MM-DD）");
            return null;
        }

        if (!InputValues.TryParseDate(value.Trim(), out var date) || !InputValues.IsSaneDate(date))
        {
            errors.Add(field, $"{label}（{field}）应为有效日期 YYYY-MM-DD");
            return null;
        }

        if (date > today)
        {
            errors.Add(field, $"{label}（{field}）不能晚于今天");
            return null;
        }

        return date;
    }

    /// <summary>
    /// Exactly two parties, each with a name and a valid, different identity.
    /// </summary>
    public static List<ValidParty>? Parties(List<MarriagePartyRequest>? parties, DateOnly today, FieldErrors errors)
    {
        if (parties is not { Count: 2 })
        {
            errors.Add("parties", "parties 应为双方当事人两人（姓名与身份证号）");
            return null;
        }

        var valid = new List<ValidParty>();
        for (var i = 0; i < 2; i++)
        {
            var name = TextRules.Field(parties[i]?.Name, $"parties[{i}].name", $"第{i + 1}位当事人姓名", MarriageRecord.NameMaxLength, errors, required: true);
            var id = MarriageIdentityInput.Identity(parties[i], i, today, errors);
            if (id is not null && name is not null)
            {
                valid.Add(new ValidParty(name, id));
            }
        }

        if (valid.Count == 2 && valid[0].Id.IndexInput == valid[1].Id.IndexInput)
        {
            errors.Add("parties[1].idNumber", $"双方当事人的{MarriageIdTypes.NumberName(valid[1].Id.Type)}不能相同");
        }

        return errors.Any ? null : valid;
    }
}
