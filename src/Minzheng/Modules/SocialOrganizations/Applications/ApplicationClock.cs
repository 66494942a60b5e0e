using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Applications;

/// <summary>
/// The statutory clock of a 登记申请 between receipt and decision. 补正 (行政许可法 art. 32): one notice listing every missing
/// or defective item; the clock stops (no due day, so never overdue) until the complete corrections come in, and then runs
/// again in full — art. 32(5) makes the complete corrections the ground of 受理 and art. 42 counts the period from 受理.
/// 延期 (art. 42): once, by ten working days, with a reason, before the period has run out.
/// </summary>
internal static class ApplicationClock
{
    /// <summary>行政许可法 art. 32(4): 补正 is notified within five days of receipt (working days: art. 82 counts such periods in working days).</summary>
    public const int CorrectionNoticeWorkingDays = 5;

    /// <summary>
    /// The once-only rules, answered (422) before the state is looked at, so a second 补正 or 延期 is told why rather than
    /// that the state is wrong. Only for a caller who may take the step: anyone else hears the procedure's role refusal.
    /// </summary>
    public static OrgResult<int>? OnceOnly(RegistrationApplication a, string action, IReadOnlyList<string> roles)
    {
        if (ApplicationProcedure.Steps.Steps.FirstOrDefault(s => s.Action == action) is not { } step || !step.Roles.Any(roles.Contains))
        {
            return null;
        }

        return action switch
        {
            ApplicationProcedure.RequestCorrection when a.CorrectionRequestedOn is { } on => OrgResult<int>.Refused(Outcome.Rejected,
                $"补正只能一次性告知：本申请已于 {on:yyyy-MM-dd} 一次性告知需要补正的全部内容（行政许可法第三十二条），不能再次告知补正"),
            ApplicationProcedure.ReceiveCorrection when a.CorrectionRequestedOn is null => OrgResult<int>.Refused(Outcome.Rejected,
                "本申请未告知补正，不能登记收到补正材料"),
            ApplicationProcedure.Extend when a.ExtendedOn is { } on => OrgResult<int>.Refused(Outcome.Rejected,
                $"决定期限只能延长一次：本申请已于 {on:yyyy-MM-dd} 延长至 {a.DueOn:yyyy-MM-dd}（行政许可法第四十二条）"),
            _ => null,
        };
    }

    /// <summary>
    /// The day an application counts as accepted when 受理 is recorded on <paramref name="day"/>: that day, or the day of
    /// receipt when no 补正 was notified within five working days of it (art. 32(4): 逾期不告知的，自收到申请材料之日起即为受理)
    /// — the decision period then runs from receipt, and a late acceptance cannot lengthen it.
    /// </summary>
    public static DateOnly AcceptedOn(RegistrationApplication a, DateOnly day, WorkingCalendar calendar) =>
        a.CorrectionRequestedOn is null && day > calendar.AddWorkingDays(a.ReceivedOn, CorrectionNoticeWorkingDays) ? a.ReceivedOn : day;

    /// <summary>The latest step's day and its name: no step may be dated before it.</summary>
    public static (DateOnly Day, string Label) LastStep(RegistrationApplication a)
    {
        var steps = new List<(DateOnly? Day, string Label)>
        {
            (a.ReceivedOn, "收件日期"), (a.AcceptedOn, "受理日期"), (a.CorrectionRequestedOn, "补正告知日期"), (a.CorrectionReceivedOn, "收到补正材料日期"),
            (a.ExtendedOn, "延期日期"),
        };
        var last = steps.Where(s => s.Day is not null).MaxBy(s => s.Day!.Value);
        return (last.Day!.Value, last.Label);
    }

    /// <summary>The items of a 补正告知, trimmed and without blanks; an empty list is the caller's 422.</summary>
    public static List<string> Items(IReadOnlyList<string?>? items, FieldErrors errors)
    {
        var list = new List<string>();
        foreach (var item in items ?? [])
        {
            if (TextRules.Field(item, "items", "需要补正的材料", ApplicationProcedure.CorrectionItemMaxLength, errors) is { } text)
            {
                list.Add(text);
            }
        }

        if (list.Count > ApplicationProcedure.CorrectionItemsMax)
        {
            errors.Add("items", $"需要补正的材料最多列 {ApplicationProcedure.CorrectionItemsMax} 项，请合并同类材料");
        }

        return list;
    }

    /// <summary>Applies 补正告知, 收到补正材料 or 延期 to the tracked application; a refusal when the step may not be taken now.</summary>
    public static OrgResult<int>? Apply(RegistrationApplication a, string action, DateOnly day, string? reason, string? note, List<string> items,
        WorkingCalendar calendar, int decisionWorkingDays)
    {
        switch (action)
        {
            case ApplicationProcedure.RequestCorrection:
                if (items.Count == 0)
                {
                    return OrgResult<int>.Refused(Outcome.Rejected, "补正告知须逐项列明需要补正的全部材料（items），至少一项");
                }

                // Art. 32(4): the notice is due within five (working) days of receipt; one not given by then means the
                // application counts as accepted from the day of receipt, so a later notice is refused.
                if (a.AcceptedOn is null && calendar.AddWorkingDays(a.ReceivedOn, CorrectionNoticeWorkingDays) is var last && day > last)
                {
                    return OrgResult<int>.Refused(Outcome.Rejected,
                        $"补正应在收件后五个工作日内（{last:yyyy-MM-dd}前）一次性告知；逾期未告知的，自收到申请材料之日起即为受理（行政许可法第三十二条），请直接受理后审查");
                }

                a.CorrectionRequestedOn = day;
                a.CorrectionItems = string.Join('\n', items);
                a.CorrectionNote = note;
                // The clock stops: no due day while the applicant prepares the materials, so the application is never overdue meanwhile.
                a.DueOn = null;
                return a.CorrectionItems.Length > RegistrationApplication.CorrectionItemsMaxLength
                    ? OrgResult<int>.Refused(Outcome.Rejected, "需要补正的材料清单过长，请合并同类材料（items）")
                    : null;
            case ApplicationProcedure.ReceiveCorrection:
                a.CorrectionReceivedOn = day;
                a.AcceptedOn ??= day;
                a.DueOn = calendar.AddWorkingDays(day, decisionWorkingDays);
                return null;
            default:
                if (day > a.DueOn)
                {
                    return OrgResult<int>.Refused(Outcome.Rejected, $"决定期限已于 {a.DueOn:yyyy-MM-dd} 届满，延期须在期限届满前决定");
                }

                a.ExtendedOn = day;
                a.ExtensionReason = reason;
                a.DueBeforeExtension = a.DueOn;
                a.DueOn = calendar.AddWorkingDays(a.DueOn!.Value, ApplicationProcedure.ExtensionWorkingDays);
                return null;
        }
    }
}
