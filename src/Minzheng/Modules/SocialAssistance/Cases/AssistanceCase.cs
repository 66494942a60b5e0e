using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Cases;

public enum CaseStatus
{
    Applied,
    Accepted,
    Investigated,
    TownshipReviewed,
    InPublicity,
    AwaitingDecision,
    Approved,
    Refused,
    Withdrawn,
}

/// <summary>
/// An application (申请/案件) moving through the statutory procedure. Transitions are the methods below; each refuses
/// an illegal move with a Chinese reason and otherwise returns the event to append, so the state and the event log
/// never disagree. Deadlines are set by the service from the calendar (<see cref="DueOn"/>).
/// </summary>
public sealed partial class AssistanceCase : AuditableEntity, IRegionScoped
{
    public const int TextMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public string Program { get; set; } = "";
    public Guid HouseholdId { get; set; }
    public Guid ApplicantPersonId { get; set; }
    public CaseStatus Status { get; set; } = CaseStatus.Applied;
    public DateOnly AppliedOn { get; set; }

    /// <summary>核对授权: the applicant signed the authorisation to check the family's economic status.</summary>
    public bool AuthorisationSigned { get; set; }

    /// <summary>近亲属备案: a close relative of staff or village cadres; needs a separate recorded review before the decision.</summary>
    public bool RelativeOfStaff { get; set; }

    public string? RelativeReview { get; set; }

    /// <summary>急难型先行救助: paid at once from the township reserve; the paperwork follows within the deadlines.</summary>
    public decimal? EmergencyAmount { get; set; }

    /// <summary>临时救助 only: 支出型 (expenditure) or 急难型 (emergency) hardship (国发〔2014〕47号), counted apart in the statistics.</summary>
    public string? TemporaryCategory { get; set; }

    /// <summary>临时救助 only: granted to one person (个人救助) rather than the household; covers 1 person instead of the members.</summary>
    public bool IndividualAid { get; set; }

    /// <summary>临时救助 only: granted where the applicant's 户籍 is (hukou) or where the emergency happened (incident, 急难发生地).</summary>
    public string? AidPlace { get; set; }

    public DateOnly? AcceptedOn { get; set; }
    public DateOnly? InvestigatedOn { get; set; }
    public string? Investigators { get; set; }
    public string? Findings { get; set; }
    public bool? CheckPassed { get; set; }
    public string? CheckNote { get; set; }
    public string? DemocraticReview { get; set; }
    public bool? TownshipApproves { get; set; }
    public string? TownshipOpinion { get; set; }
    public DateOnly? PublicityFrom { get; set; }
    public DateOnly? PublicityUntil { get; set; }
    public int OpenObjections { get; set; }

    /// <summary>The day the county received the file (publicity ended, or the township review when there is no 公示).</summary>
    public DateOnly? SubmittedOn { get; set; }

    public DateOnly? DecidedOn { get; set; }
    public string? DecisionReason { get; set; }
    public DateOnly? StartMonth { get; set; }
    public int? CoveredPersons { get; set; }
    public decimal? MonthlyAmount { get; set; }

    /// <summary>The calculation snapshot (inputs, steps, standard version) behind the approved amount; never recomputed.</summary>
    public string? CalculationJson { get; set; }

    public Guid? EnrollmentId { get; set; }

    /// <summary>Deadline of the current step; null once the case is closed.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>The whole procedure's limit, counted from acceptance.</summary>
    public DateOnly? FinalDueOn { get; set; }

    public bool IsClosed => Status is CaseStatus.Approved or CaseStatus.Refused or CaseStatus.Withdrawn;
}

/// <summary>One entry of a case's append-only log: who did what, when, why, and the state it moved between.</summary>
public sealed class CaseEvent : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public string RegionCode { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public CaseStatus From { get; set; }
    public CaseStatus To { get; set; }
    public string? Note { get; set; }
}
