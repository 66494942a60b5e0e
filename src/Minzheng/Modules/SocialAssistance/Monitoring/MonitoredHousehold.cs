using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Monitoring;

/// <summary>The 低收入人口 categories monitored beside those already enrolled (低收入人口动态监测: 低保边缘, 刚性支出困难, 防止返贫监测).</summary>
public static class MonitoringCategories
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["marginal"] = "低保边缘家庭",
        ["expenditure"] = "刚性支出困难家庭",
        ["at-risk"] = "防止返贫监测户",
    };
}

/// <summary>A household registered for 低收入人口动态监测; ended (not deleted) when it leaves the monitoring.</summary>
public sealed class MonitoredHousehold : AuditableEntity, IRegionScoped
{
    public const int ReasonMaxLength = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public Guid HouseholdId { get; set; }
    public string Category { get; set; } = "";
    public string Reason { get; set; } = "";

    /// <summary>Out-of-pocket medical (or other rigid) expenses of the last 12 months, yuan — what 支出型困难 is judged by.</summary>
    public decimal? AnnualMedicalExpense { get; set; }

    public DateOnly RegisteredOn { get; set; }
    public DateOnly? EndedOn { get; set; }
}

public enum WarningStatus
{
    Open,

    /// <summary>Verified and referred: an application was started (or the enrolment recalculated).</summary>
    Referred,
    Dismissed,
}

/// <summary>
/// 主动发现: one early warning raised by a rule on a household (and member), with the programme it may qualify for and
/// a deadline in working days; open until the township refers it to an application or dismisses it with a reason.
/// </summary>
public sealed class EarlyWarning : AuditableEntity, IRegionScoped
{
    public const int NoteMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public Guid HouseholdId { get; set; }

    /// <summary>The member the rule concerns; <see cref="Guid.Empty"/> for rules on the whole household (keeps the unique key simple).</summary>
    public Guid PersonId { get; set; }

    public string Rule { get; set; } = "";
    public string Detail { get; set; } = "";
    public string SuggestedProgram { get; set; } = "";
    public DateOnly RaisedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public WarningStatus Status { get; set; }
    public string? Note { get; set; }
    public Guid? CaseId { get; set; }
    public string? HandledBy { get; set; }
}

internal sealed class MonitoringConfiguration : IEntityTypeConfiguration<MonitoredHousehold>, IEntityTypeConfiguration<EarlyWarning>
{
    public void Configure(EntityTypeBuilder<MonitoredHousehold> b)
    {
        b.Property(x => x.Category).HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(MonitoredHousehold.ReasonMaxLength);
        b.HasOne<Minzheng.Platform.People.Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        // One entry in force per household and category.
        b.HasIndex(x => new { x.HouseholdId, x.Category }).IsUnique().HasFilter("\"EndedOn\" IS NULL");
    }

    public void Configure(EntityTypeBuilder<EarlyWarning> b)
    {
        b.Property(x => x.Rule).HasMaxLength(32);
        b.Property(x => x.Detail).HasMaxLength(300);
        b.Property(x => x.SuggestedProgram).HasMaxLength(32);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Note).HasMaxLength(EarlyWarning.NoteMaxLength);
        b.Property(x => x.HandledBy).HasMaxLength(64);
        b.HasOne<Minzheng.Platform.People.Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        // A rule warns once per household and member until the warning is handled: rescans add nothing.
        b.HasIndex(x => new { x.HouseholdId, x.PersonId, x.Rule }).IsUnique().HasFilter("\"Status\" = 'Open'");
        b.HasIndex(x => new { x.Status, x.DueOn });
    }
}
