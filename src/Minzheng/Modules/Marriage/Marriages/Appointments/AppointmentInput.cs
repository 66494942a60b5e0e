using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages.Appointments;

/// <summary>A booking as submitted: the registry (12-digit region code; staff book for their own), kind, day, slot start, both parties, phone.</summary>
public sealed record AppointmentRequest(string? Registry, string? Kind, string? Date, string? Slot, List<MarriagePartyRequest>? Parties, string? Phone,
    string? Channel = null);

/// <summary>A citizen's look-up or cancellation: the reference code and one party's ID number.</summary>
/// <summary>The citizen's proof of a booking: one party's document (a resident ID number when <paramref name="IdType"/> is absent).</summary>
public sealed record AppointmentAccessRequest(string? IdNumber, string? IdType = null);

/// <summary>A booking as shown to the citizen or in the daily list; ID numbers and phone masked.</summary>
public sealed record AppointmentView(Guid Id, string Code, string Registry, string RegistryName, string Kind, string KindName, DateOnly Date, string Slot,
    string Channel, string ChannelName, string Status, string StatusName, string PartyAName, string PartyAIdMasked, string PartyBName, string PartyBIdMasked,
    string PhoneMasked);

/// <summary>How a booking step ended: the value when done, else field errors (400, or 422 for a day that cannot be booked) or the reason.</summary>
public sealed record AppointmentResult<T>(Outcome Outcome, T? Value, FieldErrors Errors, string? Message, bool Repeated = false)
{
    public static AppointmentResult<T> Done(T value, bool repeated = false) => new(Outcome.Done, value, new FieldErrors(), null, repeated);

    public static AppointmentResult<T> Invalid(FieldErrors errors, Outcome outcome = Outcome.Invalid) =>
        new(outcome, default, errors, string.Join("；", errors.Messages));

    public static AppointmentResult<T> Refused(Outcome outcome, string message) => new(outcome, default, new FieldErrors(), message);

    /// <summary>All messages, for a page's error list.</summary>
    public IReadOnlyList<string> Messages => Errors.Any ? Errors.Messages.ToList() : Message is null ? [] : [Message];
}

/// <summary>Reading the booking fields; every message names its field in Chinese.</summary>
public static partial class AppointmentInput
{
    /// <summary>Characters of reference codes: no 0/O, 1/I/L, so a code read out over the phone is not mistaken.</summary>
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string NewCode() => RandomNumberGenerator.GetString(CodeAlphabet, MarriageAppointment.CodeLength);

    /// <summary>A code as typed: trimmed and upper case; null when it cannot be one of ours.</summary>
    public static string? NormalizeCode(string? code) =>
        code?.Trim().ToUpperInvariant() is { Length: MarriageAppointment.CodeLength } c && c.All(CodeAlphabet.Contains) ? c : null;

    public static DateOnly? Date(string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add("date", "请选择预约日期（date，格式 YYYY-MM-DD）");
            return null;
        }

        if (!InputValues.TryParseDate(value.Trim(), out var date) || !InputValues.IsSaneDate(date))
        {
            errors.Add("date", "预约日期（date）应为有效日期 YYYY-MM-DD");
            return null;
        }

        return date;
    }

    public static TimeOnly? Slot(string? value, FieldErrors errors)
    {
        if (TimeOnly.TryParseExact(value?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return start;
        }

        errors.Add("slot", "请选择预约时段（slot，时段开始时间，格式 HH:mm）");
        return null;
    }

    public static string? Phone(string? value, FieldErrors errors)
    {
        var phone = value?.Trim();
        if (phone is not null && MobilePattern().IsMatch(phone))
        {
            return phone;
        }

        errors.Add("phone", "联系电话（phone）应为11位手机号码");
        return null;
    }

    public static AppointmentKind Kind(string? value, FieldErrors errors) =>
        InputValues.Parse<AppointmentKind>(value, "kind",
            "业务种类（kind）应为 marriage（结婚登记）、divorce（离婚登记）、reissue-marriage-certificate（补领结婚证）或 reissue-divorce-certificate（补领离婚证）", errors);

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Text(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();
}
