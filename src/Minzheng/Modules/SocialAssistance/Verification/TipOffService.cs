using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Verification;

public sealed record TipOffRequest(string? Channel, string? ReceivedOn, string? RegionCode, Guid? HouseholdId, string? SubjectName, string? Content,
    string? ReporterName, string? ReporterPhone);

/// <param name="Overdue">true: only open tip-offs past their deadline.</param>
/// <param name="Subject">Part of the reported person's name.</param>
public sealed record TipOffFilter(string? Region = null, bool? Overdue = null, Guid? HouseholdId = null, string? Status = null, string? Channel = null,
    string? Subject = null);

public sealed record TipOffActionRequest(string? Note, string? Result);

public sealed record TipOffDto(Guid Id, string RegionCode, string RegionName, string Channel, string ChannelName, DateOnly ReceivedOn, DateOnly DueOn,
    Guid? HouseholdId, string SubjectName, string Content, bool Anonymous, string Status, string StatusName, bool Overdue, string? Investigation,
    string? Result, string? ResultName, DateOnly? ConcludedOn, string? Feedback, DateOnly? FeedbackOn, string? Reporter)
{
    /// <summary>The steps the caller may take now (<see cref="TipOff.Procedure"/>); filled in the audited detail.</summary>
    public IReadOnlyList<string> AvailableActions { get; init; } = [];
}

/// <summary>举报 handling: record, investigate, conclude, feed back; the deadline in working days (<c>Verification:TipOffWorkingDays</c>, default 15).</summary>
public sealed class TipOffService(MinzhengDbContext db, CalendarService calendars, RegionService regions, PersonalDataProtector protector, AuditLog audit,
    IRegionScope scope, IConfiguration configuration, TimeProvider clock)
{

    private int WorkingDays => configuration.GetValue("Verification:TipOffWorkingDays", 15);

    public async Task<(TipOff? Created, FieldErrors Errors)> CreateAsync(TipOffRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var today = clock.Today();
        if (r.Channel is null || !TipOff.Channels.ContainsKey(r.Channel))
        {
            errors.Add("channel", $"举报渠道 channel 应为 {string.Join("、", TipOff.Channels.Select(c => $"{c.Key}（{c.Value}）"))} 之一");
        }

        var received = InputValues.ParseDate(r.ReceivedOn, "receivedOn", required: false, errors) ?? today;
        if (received > today)
        {
            errors.Add("receivedOn", "受理日期不能晚于今天");
        }

        var region = r.RegionCode?.Trim() ?? "";
        string? householdRegion = null;
        if (r.HouseholdId is { } householdId)
        {
            householdRegion = await db.Households.Where(h => h.Id == householdId).Select(h => h.RegionCode).SingleOrDefaultAsync(ct);
            if (householdRegion is null)
            {
                errors.Add("householdId", "被举报家庭不存在或不在您的管辖范围内");
            }
        }
        else if (!RegionCode.IsValid(region) || !region.StartsWith(scope.Prefix, StringComparison.Ordinal) || !await db.Regions.AnyAsync(x => x.Code == region, ct))
        {
            errors.Add("regionCode", "请填写被举报对象所在的区划（您管辖范围内的12位区划代码），或选择被举报家庭");
        }

        if (r.SubjectName?.Trim() is not { Length: > 0 and <= Minzheng.Platform.People.Person.NameMaxLength })
        {
            errors.Add("subjectName", $"被举报人姓名应为1到{Minzheng.Platform.People.Person.NameMaxLength}个字");
        }

        if (r.Content?.Trim() is not { Length: > 0 and <= TipOff.TextMaxLength })
        {
            errors.Add("content", $"举报内容应为1到{TipOff.TextMaxLength}个字");
        }

        var reporter = string.Join(" ", new[] { r.ReporterName?.Trim(), r.ReporterPhone?.Trim() }.Where(x => !string.IsNullOrEmpty(x)));
        if (reporter.Length > 100)
        {
            errors.Add("reporterName", "举报人姓名和联系电话合计不能超过100个字");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var calendar = await calendars.GetAsync(ct);
        var tipOff = new TipOff
        {
            RegionCode = householdRegion ?? region,
            Channel = r.Channel!,
            ReceivedOn = received,
            DueOn = calendar.AddWorkingDays(received, WorkingDays),
            HouseholdId = r.HouseholdId,
            SubjectName = r.SubjectName!.Trim(),
            Content = r.Content!.Trim(),
            ReporterCipher = reporter.Length > 0 ? protector.Encrypt(reporter, DataPurpose.Phone) : null,
        };
        db.TipOffs.Add(tipOff);
        await db.SaveChangesAsync(ct);
        return (tipOff, errors);
    }

    /// <summary>Open steps first in the order they are worked (registered, investigating, to feed back), then closed; soonest due first.</summary>
    private static readonly SortMap<TipOff> Sort = new SortMap<TipOff>("status", q => q.ThenBy(t => t.DueOn).ThenBy(t => t.Id))
        .Add("status", t => t.Status == TipOffStatus.Received ? 0 : t.Status == TipOffStatus.Investigating ? 1 : t.Status == TipOffStatus.Concluded ? 2 : 3)
        .Add("received", t => t.ReceivedOn).Add("due", t => t.DueOn).Add("region", t => t.RegionCode).Add("subject", t => t.SubjectName).Add("channel", t => t.Channel);

    /// <summary>One page of the tip-offs the filter keeps, without the reporter (only the audited detail shows who reported).</summary>
    public async Task<Paged<TipOffDto>> PageAsync(TipOffFilter filter, PageRequest page, CancellationToken ct)
    {
        var prefix = RegionCode.ToScopePrefix(filter.Region) ?? "";
        var today = clock.Today();
        var q = db.TipOffs.AsNoTracking().Where(t => t.RegionCode.StartsWith(prefix));
        if (filter.Overdue == true)
        {
            q = q.Where(t => (t.Status == TipOffStatus.Received || t.Status == TipOffStatus.Investigating) && t.DueOn < today);
        }

        if (filter.HouseholdId is { } h)
        {
            q = q.Where(t => t.HouseholdId == h);
        }

        if (Enum.TryParse<TipOffStatus>(filter.Status, true, out var status))
        {
            q = q.Where(t => t.Status == status);
        }

        if (filter.Channel is { } channel && TipOff.Channels.ContainsKey(channel))
        {
            q = q.Where(t => t.Channel == channel);
        }

        if (filter.Subject?.Trim() is { Length: > 0 } subject)
        {
            q = q.Where(t => t.SubjectName.Contains(subject));
        }

        var rows = await q.PageAsync(page, Sort, ct);
        var names = await regions.NamesOfAsync(rows.Items.Select(t => t.RegionCode), ct);
        return rows.Map(t => Dto(t, names, today, reporter: null));
    }

    /// <summary>One tip-off with the reporter's name and phone, which only handlers see: the view is audited.</summary>
    /// <param name="roles">The caller's roles, for the steps they may take now.</param>
    public async Task<TipOffDto?> GetAsync(Guid id, CancellationToken ct, IEnumerable<string>? roles = null)
    {
        var t = await db.TipOffs.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
        {
            return null;
        }

        await audit.RecordAsync(AuditActions.RecordViewed, entityType: nameof(TipOff), entityId: id.ToString(), regionCode: t.RegionCode, ct: ct);
        return Dto(t, await regions.NamesOfAsync([t.RegionCode], ct), clock.Today(), t.ReporterCipher is { } c ? protector.Decrypt(c, DataPurpose.Phone) : null) with
        {
            AvailableActions = TipOff.Procedure.AvailableActions(t.Status, roles ?? []).Where(s => s.Action != "feedback" || !t.Anonymous).Select(s => s.Action).ToList(),
        };
    }

    public async Task<(Outcome Outcome, string? Message)> ActAsync(Guid id, string action, TipOffActionRequest request, string actor, IEnumerable<string> roles,
        CancellationToken ct)
    {
        var t = await db.TipOffs.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
        {
            return (Outcome.NotFound, "举报不存在或不在您的管辖范围内");
        }

        var today = clock.Today();
        try
        {
            switch (action)
            {
                case "investigate": t.StartInvestigation(actor, roles, request.Note); break;
                case "conclude": t.Conclude(actor, roles, today, ParseResult(request.Result), request.Note); break;
                case "feedback": t.GiveFeedback(roles, today, request.Note); break;
                default: TipOff.Procedure.Ensure(action, t.Status, roles); break; // refuses the unknown step, naming the known ones
            }
        }
        catch (DomainRuleException ex)
        {
            return (ex.Outcome, ex.Message);
        }

        await db.SaveChangesAsync(ct);
        return (Outcome.Done, null);
    }

    private static TipOffResult? ParseResult(string? code) =>
        TipOff.ResultNames.Keys.Cast<TipOffResult?>().FirstOrDefault(r => InputValues.Code(r!.Value) == code);

    private static TipOffDto Dto(TipOff t, IReadOnlyDictionary<string, string> names, DateOnly today, string? reporter) => new(t.Id, t.RegionCode,
        names.GetValueOrDefault(t.RegionCode, t.RegionCode), t.Channel, TipOff.Channels[t.Channel], t.ReceivedOn, t.DueOn, t.HouseholdId, t.SubjectName,
        t.Content, t.Anonymous, InputValues.Code(t.Status), StatusName(t.Status), t.IsOverdue(today), t.Investigation,
        t.Result is { } r ? InputValues.Code(r) : null, t.Result is { } n ? TipOff.ResultNames[n] : null, t.ConcludedOn, t.Feedback, t.FeedbackOn, reporter);

    public static string StatusName(TipOffStatus s) => s switch
    {
        TipOffStatus.Received => "已登记",
        TipOffStatus.Investigating => "核查中",
        TipOffStatus.Concluded => "待反馈",
        _ => "已办结",
    };
}
