using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Supervision;

/// <summary>The fields only some penalties have: a fine's amount, a suspension's period.</summary>
internal static class PenaltyInput
{
    /// <summary>罚款 in yuan: positive, at most two decimals, not absurd; other kinds carry no amount.</summary>
    public static decimal? Amount(PenaltyKind? kind, decimal? value, FieldErrors errors)
    {
        if (kind != PenaltyKind.Fine)
        {
            if (value is not null)
            {
                errors.Add("amount", "只有罚款填写罚款金额（amount）");
            }

            return null;
        }

        if (value is not { } v)
        {
            errors.Add("amount", "请填写罚款金额（元）");
            return null;
        }

        if (v <= 0 || v > OrganizationInput.MaxCapital || decimal.Round(v, 2) != v)
        {
            errors.Add("amount", "罚款金额应为大于0、最多两位小数的金额（元）");
            return null;
        }

        return v;
    }

    /// <summary>没收违法所得 in yuan, with any kind of penalty: absent, or positive with at most two decimals and not absurd.</summary>
    public static decimal? Confiscated(decimal? value, FieldErrors errors)
    {
        if (value is { } v && (v <= 0 || v > OrganizationInput.MaxCapital || decimal.Round(v, 2) != v))
        {
            errors.Add("confiscated", "没收违法所得金额（confiscated）应为大于0、最多两位小数的金额（元）；没有没收的不填");
            return null;
        }

        return value;
    }

    /// <summary>限期停止活动: the first and last day, the first not before the decision, the last after the first; other kinds carry no period.</summary>
    public static (DateOnly? From, DateOnly? Until) Suspension(PenaltyKind? kind, string? from, string? until, DateOnly? decided, FieldErrors errors)
    {
        if (kind != PenaltyKind.Suspension)
        {
            if (!string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(until))
            {
                errors.Add("suspendedFrom", "只有限期停止活动填写停止活动期限");
            }

            return (null, null);
        }

        var start = InputValues.ParseDate(from, "suspendedFrom", true, errors);
        var end = InputValues.ParseDate(until, "suspendedUntil", true, errors);
        if (start < decided)
        {
            errors.Add("suspendedFrom", $"停止活动起始日期不能早于处罚决定日期 {decided:yyyy-MM-dd}");
        }

        if (end <= start)
        {
            errors.Add("suspendedUntil", "停止活动截止日期应晚于起始日期");
        }

        return (start, end);
    }
}
