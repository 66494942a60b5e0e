using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Workflow;

namespace Minzheng.Modules.SocialAssistance.Verification;

public enum TipOffStatus
{
    Received,
    Investigating,
    Concluded,
    Closed,
}

public enum TipOffResult
{
    Substantiated,
    PartlySubstantiated,
    Unsubstantiated,
}

/// <summary>
/// 举报: received by phone, letter, the 举报箱, online or in person; investigated within a deadline in working days;
/// concluded with a result; closed once the reporter has had feedback (an anonymous tip-off closes on its conclusion).
/// Transitions refuse illegal moves with a Chinese reason.
/// </summary>
public sealed class TipOff : AuditableEntity, IRegionScoped
{
    public const int TextMaxLength = 2000;

    public static readonly IReadOnlyDictionary<string, string> Channels = new Dictionary<string, string>
    {
        ["phone"] = "电话",
        ["letter"] = "来信",
        ["box"] = "举报箱",
        ["online"] = "网络",
        ["visit"] = "来访",
    };

    public static readonly IReadOnlyDictionary<TipOffResult, string> ResultNames = new Dictionary<TipOffResult, string>
    {
        [TipOffResult.Substantiated] = "属实",
        [TipOffResult.PartlySubstantiated] = "部分属实",
        [TipOffResult.Unsubstantiated] = "不属实",
    };

    private static readonly string[] Handlers = [Roles.County, Roles.CountyApprover, Roles.Township, Roles.TownshipReviewer];

    /// <summary>The procedure, declared once: the transitions below refuse what it does not allow; pages and API list what it offers.</summary>
    public static Procedure<TipOffStatus> Procedure { get; } = new Procedure<TipOffStatus>("举报核查", TipOffService.StatusName)
        .Step("investigate", "开始核查", [TipOffStatus.Received], TipOffStatus.Investigating, Handlers, "只有乡镇或县级经办人员可以核查举报",
            wrongState: "只有已登记的举报可以开始核查")
        .Step("conclude", "作出核查结论", [TipOffStatus.Received, TipOffStatus.Investigating], null, Handlers, "只有乡镇或县级经办人员可以作出核查结论",
            wrongState: "该举报已办结")
        .Step("feedback", "向举报人反馈", [TipOffStatus.Concluded], TipOffStatus.Closed, Handlers, "只有乡镇或县级经办人员可以向举报人反馈",
            wrongState: "须先作出核查结论，再向举报人反馈");

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The subject's region (a household's, or the place named by the reporter).</summary>
    public string RegionCode { get; set; } = "";

    public string Channel { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public Guid? HouseholdId { get; set; }
    public string SubjectName { get; set; } = "";
    public string Content { get; set; } = "";

    /// <summary>The reporter's name and phone, encrypted: protecting the reporter is the condition of people reporting at all.</summary>
    [Sensitive]
    public string? ReporterCipher { get; set; }

    public bool Anonymous => ReporterCipher is null;
    public TipOffStatus Status { get; set; }
    public string? Investigation { get; set; }
    public string? Investigator { get; set; }
    public TipOffResult? Result { get; set; }
    public DateOnly? ConcludedOn { get; set; }
    public string? Feedback { get; set; }
    public DateOnly? FeedbackOn { get; set; }

    public bool IsOverdue(DateOnly today) => Status is TipOffStatus.Received or TipOffStatus.Investigating && DueOn < today;

    public void StartInvestigation(string actor, IEnumerable<string> roles, string? note)
    {
        Procedure.Ensure("investigate", Status, roles);
        (Status, Investigator, Investigation) = (TipOffStatus.Investigating, actor, Text(note, "核查安排"));
    }

    public void Conclude(string actor, IEnumerable<string> roles, DateOnly today, TipOffResult? result, string? findings)
    {
        Procedure.Ensure("conclude", Status, roles);
        Require(result is not null, "请选择核查结论 result：substantiated（属实）、partly-substantiated（部分属实）或 unsubstantiated（不属实）");
        (Investigator, Investigation, Result, ConcludedOn) = (actor, Text(findings, "核查情况"), result, today);
        Status = Anonymous ? TipOffStatus.Closed : TipOffStatus.Concluded;
    }

    public void GiveFeedback(IEnumerable<string> roles, DateOnly today, string? feedback)
    {
        Require(!Anonymous, "匿名举报无须反馈");
        Procedure.Ensure("feedback", Status, roles);
        (Feedback, FeedbackOn, Status) = (Text(feedback, "反馈内容"), today, TipOffStatus.Closed);
    }

    private static string Text(string? value, string what) =>
        value?.Trim() is { Length: > 0 and <= TextMaxLength } text ? text : throw new DomainRuleException($"请填写{what}（{TextMaxLength}字以内）");

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainRuleException(message);
        }
    }
}

internal sealed class TipOffConfiguration : IEntityTypeConfiguration<TipOff>
{
    public void Configure(EntityTypeBuilder<TipOff> b)
    {
        b.Property(x => x.Channel).HasMaxLength(8);
        b.Property(x => x.SubjectName).HasMaxLength(Minzheng.Platform.People.Person.NameMaxLength);
        b.Property(x => x.Content).HasMaxLength(TipOff.TextMaxLength);
        b.Property(x => x.ReporterCipher).HasMaxLength(400);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(14);
        b.Property(x => x.Result).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Investigation).HasMaxLength(TipOff.TextMaxLength);
        b.Property(x => x.Investigator).HasMaxLength(64);
        b.Property(x => x.Feedback).HasMaxLength(TipOff.TextMaxLength);
        b.Ignore(x => x.Anonymous);
        b.HasIndex(x => new { x.Status, x.DueOn });
        b.HasIndex(x => x.HouseholdId);
    }
}
