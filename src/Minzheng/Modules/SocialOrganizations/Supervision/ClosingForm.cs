using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Supervision;

/// <summary>
/// The two fields that close a supervision record once (整改完成, 投诉办结, 移出名录): a day no later than today and not
/// before the record's own day, and the account of what was done (required, multi-line).
/// </summary>
internal sealed record ClosingForm(string DateField, string DateLabel, string TextField, string TextLabel, string OpenedLabel)
{
    public static readonly ClosingForm Rectification = new("date", "整改完成日期", "note", "整改情况", "检查日期");
    public static readonly ClosingForm ComplaintHandling = new("handledOn", "办结日期", "result", "处理结果", "收到投诉日期");
    public static readonly ClosingForm Removal = new("date", "移出日期", "reason", "移出事由", "列入日期");

    /// <summary>The day and the text, or null with the fields' errors added to <paramref name="errors"/>.</summary>
    public (DateOnly Date, string Text)? Read(string? date, string? text, DateOnly openedOn, DateOnly today, FieldErrors errors)
    {
        var day = OrganizationInput.Date(date, DateField, DateLabel, today, errors);
        var account = TextRules.Field(text, TextField, TextLabel, TextRules.MultiLineMax, errors, required: true, multiLine: true);
        if (day < openedOn)
        {
            errors.Add(DateField, $"{DateLabel}不能早于{OpenedLabel} {openedOn:yyyy-MM-dd}");
        }

        return errors.Any ? null : (day!.Value, account!);
    }
}
