using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;

namespace Minzheng.Modules.SocialAssistance.Enrollments;

public enum EnrollmentEventKind
{
    Adjusted,
    Suspended,
    Resumed,
    Terminated,
    GradualExit,
    Reviewed,
}

/// <summary>The maintained list of reasons an enrolment ends (statistics count cancellations by them).</summary>
public static class TerminationReasons
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["income-above-standard"] = "家庭收入超过保障标准",
        ["land-compensation"] = "获得失地补偿",
        ["improper"] = "查实关系保、人情保",
        ["death"] = "保障对象死亡",
        ["moved-away"] = "迁出本地",
        ["refused-review"] = "拒不配合复核",
        ["duplicate"] = "重复享受或与其他救助互斥",
        ["concealed-assets"] = "核对发现隐瞒收入或财产",
        ["other"] = "其他",
    };

    public static string Name(string? code) => code is not null && All.TryGetValue(code, out var name) ? name : code ?? "";
}

/// <summary>One change of an enrolment, effective from a month: who, when, why, amounts before and after. Append-only.</summary>
public sealed class EnrollmentEvent : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EnrollmentId { get; set; }
    public string RegionCode { get; set; } = "";
    public EnrollmentEventKind Kind { get; set; }
    public DateOnly EffectiveMonth { get; set; }
    public string? Reason { get; set; }
    public decimal OldAmount { get; set; }
    public decimal NewAmount { get; set; }
    public int CoveredPersons { get; set; }
    public Guid? CampaignId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string? Note { get; set; }
}

internal sealed class EnrollmentEventConfiguration : IEntityTypeConfiguration<EnrollmentEvent>
{
    public void Configure(EntityTypeBuilder<EnrollmentEvent> b)
    {
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Reason).HasMaxLength(32);
        b.Property(e => e.Actor).HasMaxLength(64);
        b.Property(e => e.Note).HasMaxLength(500);
        // No foreign key to the enrolment, as on the payroll lines: events are written only by the enrolment's own moves
        // and by set-based adjustments of enrolments read in the same transaction, and enrolments are never deleted. A
        // county-wide raise copies one event per enrolment, and the per-row check cost more than half of that copy.
        b.HasIndex(e => new { e.EnrollmentId, e.At });
        b.HasIndex(e => new { e.RegionCode, e.Kind, e.EffectiveMonth });
    }
}

/// <summary>The lifecycle moves of an enrolment; each refuses an illegal move and returns the event to append.</summary>
public sealed partial class Enrollment
{
    public const int MaxGradualExitMonths = 36;

    /// <summary>Whether the enrolment pays for the month (active, started, not past its end month).</summary>
    public bool PaysFor(DateOnly month) => Status == EnrollmentStatus.Active && StartMonth <= month && (EndMonth is null || EndMonth >= month);

    /// <summary>
    /// Whether the month is due as the enrolment stands now: started, not past its end month (a termination sets it), and
    /// not within a current suspension. Payroll generation applies the same rule in SQL.
    /// </summary>
    public bool DueFor(DateOnly month) => StartMonth <= month && (EndMonth is null || EndMonth >= month)
        && !(Status == EnrollmentStatus.Suspended && (SuspendedFrom is null || SuspendedFrom <= month));

    public EnrollmentEvent Adjust(DateOnly from, decimal amount, int? covered, string? note)
    {
        Require(Status == EnrollmentStatus.Active, "只有在保状态的对象可以调整金额");
        Require(from >= StartMonth, $"调整起始月份不能早于保障起始月份 {StartMonth:yyyy-MM}");
        Require(amount >= 0 && decimal.Round(amount, 2) == amount, "新的月保障金额应为不小于0、最多两位小数的金额");
        Require(covered is null || (covered > 0 && covered <= HouseholdSize), $"保障人数应在1到家庭人口（{HouseholdSize}）之间");
        var e = Event(EnrollmentEventKind.Adjusted, from, null, amount, note);
        (MonthlyAmount, CoveredPersons) = (amount, covered ?? CoveredPersons);
        e.CoveredPersons = CoveredPersons;
        return e;
    }

    public EnrollmentEvent Suspend(DateOnly from, string? note)
    {
        Require(Status == EnrollmentStatus.Active, "只有在保状态的对象可以暂停");
        Require(!string.IsNullOrWhiteSpace(note), "暂停发放须填写原因");
        (Status, SuspendedFrom) = (EnrollmentStatus.Suspended, from);
        StatusReason = note!.Trim()[..Math.Min(note.Trim().Length, 200)];
        return Event(EnrollmentEventKind.Suspended, from, null, MonthlyAmount, note);
    }

    public EnrollmentEvent Resume(DateOnly from, string? note)
    {
        Require(Status == EnrollmentStatus.Suspended, "只有暂停状态的对象可以恢复");
        (Status, StatusReason, SuspendedFrom) = (EnrollmentStatus.Active, null, null);
        return Event(EnrollmentEventKind.Resumed, from, null, MonthlyAmount, note);
    }

    /// <summary>Stops payment from <paramref name="from"/>: the last month paid is the month before.</summary>
    public EnrollmentEvent Terminate(DateOnly from, string? reason, string? note)
    {
        Require(Status != EnrollmentStatus.Terminated, "该对象已停保");
        Require(reason is not null && TerminationReasons.All.ContainsKey(reason), $"停保原因应为 {string.Join("、", TerminationReasons.All.Keys)} 之一");
        Require(from >= StartMonth, $"停保月份不能早于保障起始月份 {StartMonth:yyyy-MM}");
        (Status, StatusReason, EndMonth) = (EnrollmentStatus.Terminated, reason, from.AddMonths(-1));
        return Event(EnrollmentEventKind.Terminated, from, reason, 0, note);
    }

    /// <summary>渐退: payment continues unchanged for <paramref name="months"/> months from <paramref name="from"/>, then ends.</summary>
    public EnrollmentEvent GradualExit(DateOnly from, int? months, string? reason, string? note)
    {
        Require(Status == EnrollmentStatus.Active, "只有在保状态的对象可以进入渐退期");
        Require(months is > 0 and <= MaxGradualExitMonths, $"渐退期应为1到{MaxGradualExitMonths}个月");
        Require(reason is not null && TerminationReasons.All.ContainsKey(reason), $"退出原因应为 {string.Join("、", TerminationReasons.All.Keys)} 之一");
        (EndMonth, StatusReason) = (from.AddMonths(months!.Value - 1), reason);
        return Event(EnrollmentEventKind.GradualExit, from, reason, MonthlyAmount, $"渐退期 {months} 个月，至 {EndMonth:yyyy-MM} 止。{note}".Trim());
    }

    public EnrollmentEvent Reviewed(DateOnly from, string? note) => Event(EnrollmentEventKind.Reviewed, from, null, MonthlyAmount, note ?? "复核：维持不变");

    private EnrollmentEvent Event(EnrollmentEventKind kind, DateOnly from, string? reason, decimal newAmount, string? note) => new()
    {
        EnrollmentId = Id,
        RegionCode = RegionCode,
        Kind = kind,
        EffectiveMonth = from,
        Reason = reason,
        OldAmount = MonthlyAmount,
        NewAmount = newAmount,
        CoveredPersons = CoveredPersons,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 500)],
    };

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainRuleException(message);
        }
    }
}
