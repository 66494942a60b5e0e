namespace Minzheng.Modules.SocialAssistance.Cases;

/// <param name="TemporaryCategory">临时救助: expenditure (支出型) or emergency (急难型); emergency when 先行救助 is paid, else expenditure.</param>
/// <param name="IndividualAid">临时救助: to the applicant alone (个人救助) instead of the household.</param>
/// <param name="AidPlace">临时救助: hukou (户籍地, default) or incident (急难发生地).</param>
public sealed record CreateCaseRequest(string? Program, Guid? HouseholdId, Guid? PersonId, string? AppliedOn, bool? AuthorisationSigned,
    bool? RelativeOfStaff, decimal? EmergencyAmount, string? Note, string? TemporaryCategory = null, bool? IndividualAid = null, string? AidPlace = null);

/// <summary>The fields an action may use; each action reads only its own (see <see cref="CaseProcedure"/>).</summary>
public sealed record CaseActionRequest(string? Date, List<string>? Investigators, string? Findings, bool? Passed, bool? Approve, bool? Upheld,
    string? Note, string? Reason, string? StartMonth, decimal? Amount);

public sealed record CaseEventDto(DateTimeOffset At, string Actor, string Action, string From, string To, string? Note);

public sealed record CaseListItem(Guid Id, string Program, string ProgramName, string RegionCode, string ApplicantName, string ApplicantIdNumberMasked,
    string Status, string StatusName, DateOnly AppliedOn, DateOnly? DueOn, string Urgency, bool RelativeOfStaff, string? RegionName = null);

public sealed record CaseDto(Guid Id, string Program, string ProgramName, string RegionCode, Guid HouseholdId, Guid ApplicantPersonId, string ApplicantName,
    string ApplicantIdNumberMasked, string Status, string StatusName, DateOnly AppliedOn, bool AuthorisationSigned, bool RelativeOfStaff,
    string? RelativeReview, decimal? EmergencyAmount, DateOnly? AcceptedOn, DateOnly? InvestigatedOn, string? Investigators, string? Findings,
    bool? CheckPassed, string? CheckNote, string? DemocraticReview, bool? TownshipApproves, string? TownshipOpinion, DateOnly? PublicityFrom,
    DateOnly? PublicityUntil, int OpenObjections, DateOnly? SubmittedOn, DateOnly? DecidedOn, string? DecisionReason, string? StartMonth,
    int? CoveredPersons, decimal? Amount, Guid? EnrollmentId, DateOnly? DueOn, DateOnly? FinalDueOn, string Urgency, string Citation,
    string? CalculationJson, List<CaseEventDto> Events)
{
    /// <summary>The steps the caller may take now (<see cref="CaseProcedure"/>); empty for a closed case.</summary>
    public IReadOnlyList<string> AvailableActions { get; init; } = [];

    /// <summary>An open case of a monthly programme: the amount as calculated now, its steps, and the warnings for the approver.</summary>
    public CaseEstimate? Estimate { get; init; }
}

/// <summary>Open cases of one township on the deadline board.</summary>
/// <param name="Open">Applications in progress (DueSoon, Overdue: of them); tip-offs and early warnings past their deadline are counted beside.</param>
public sealed record DeadlineRow(string RegionCode, string Name, int Open, int DueSoon, int Overdue, int TipOffsOverdue = 0, int WarningsOverdue = 0);

public sealed record BatchResult(Guid Id, bool Approved, string? Message);

public sealed record BatchRequest(List<Guid>? Ids);

/// <summary>The statistical categories of 临时救助 (国发〔2014〕47号; 民发〔2018〕23号 急难型/支出型 and 户籍地/急难发生地).</summary>
public static class TemporaryAid
{
    public static IReadOnlyDictionary<string, string> Categories { get; } = new Dictionary<string, string>
    {
        ["expenditure"] = "支出型",
        ["emergency"] = "急难型",
    };

    public static IReadOnlyDictionary<string, string> Places { get; } = new Dictionary<string, string>
    {
        ["hukou"] = "户籍地",
        ["incident"] = "急难发生地",
    };
}
