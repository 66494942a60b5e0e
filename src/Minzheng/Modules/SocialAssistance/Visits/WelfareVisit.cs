using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Platform.Data;
using Minzheng.Platform.People;

namespace Minzheng.Modules.SocialAssistance.Visits;

/// <summary>
/// 探视巡访: one visit (or phone call) to a person in 特困分散供养, recorded by the township or the village. The visits
/// of an enrolment set when the next one is due (<see cref="WelfareVisitRules"/>); a missed one is on the deadline board.
/// </summary>
public sealed class WelfareVisit : AuditableEntity, IRegionScoped
{
    public const int VisitorsMaxLength = 100;
    public const int FindingsMaxLength = 1000;
    public const int FollowUpNoteMaxLength = 500;

    /// <summary>How the person was seen: the codes are public API (<c>way</c>), the names what the page shows.</summary>
    public static readonly IReadOnlyDictionary<string, string> Ways = new Dictionary<string, string>
    {
        ["home-visit"] = "入户探访",
        ["phone-call"] = "电话问候",
        ["group-visit"] = "集中探视",
    };

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EnrollmentId { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>The enrolment's region (the village) when the visit was made.</summary>
    public string RegionCode { get; set; } = "";

    public DateOnly VisitedOn { get; set; }

    /// <summary>Who visited, as written on the visit form (e.g. 王晓梅、刘强).</summary>
    public string Visitors { get; set; } = "";

    public string Way { get; set; } = "";

    /// <summary>What the visitors found: living conditions, health, safety of the house, care given.</summary>
    public string? Findings { get; set; }

    public bool NeedsFollowUp { get; set; }
    public string? FollowUpNote { get; set; }

    /// <summary>The person's self-care level at the visit, which chose the interval.</summary>
    public SelfCare SelfCare { get; set; }

    /// <summary>The next visit as due when this one was recorded: <see cref="VisitedOn"/> plus the interval then in force.</summary>
    public DateOnly NextDueOn { get; set; }
}

internal sealed class WelfareVisitConfiguration : IEntityTypeConfiguration<WelfareVisit>
{
    public void Configure(EntityTypeBuilder<WelfareVisit> b)
    {
        b.Property(v => v.Visitors).HasMaxLength(WelfareVisit.VisitorsMaxLength);
        b.Property(v => v.Way).HasMaxLength(16);
        b.Property(v => v.Findings).HasMaxLength(WelfareVisit.FindingsMaxLength);
        b.Property(v => v.FollowUpNote).HasMaxLength(WelfareVisit.FollowUpNoteMaxLength);
        b.Property(v => v.SelfCare).HasConversion<string>().HasMaxLength(8);
        b.HasOne<Enrollment>().WithMany().HasForeignKey(v => v.EnrollmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Restrict);
        // The last visit of each enrolment is read for every due date; one visit per enrolment, day and way (a form sent twice is refused).
        b.HasIndex(v => new { v.EnrollmentId, v.VisitedOn, v.Way }).IsUnique();
        b.HasIndex(v => v.PersonId);
    }
}
