using Minzheng.Platform.People;

namespace Minzheng.Modules.SocialAssistance.Registry;

public sealed record MemberRequest(string? Name, string? IdNumber, string? Relationship, decimal? MonthlyIncome, int? DisabilityGrade, string? SelfCare);

public sealed record CreateHouseholdRequest(string? RegionCode, string? HukouType, string? Address, List<MemberRequest>? Members);

public sealed record MemberDto(Guid PersonId, string Name, string IdNumberMasked, string Gender, DateOnly BirthDate, string Relationship,
    decimal MonthlyIncome, int? DisabilityGrade, string SelfCare, DateOnly ValidFrom, DateOnly? DeathDate);

public sealed record HouseholdDto(Guid Id, string RegionCode, string HukouType, string Address, Guid HeadPersonId, string HeadName,
    int MemberCount, decimal HouseholdIncome, List<MemberDto> Members, List<EnrollmentDto> Enrollments, List<MembershipDto> History,
    List<IncomeDto> Incomes, decimal CountedIncome, List<AssetDto> Assets, string? BankName, string? BankAccountMasked, string? BankAccountHolder);

public sealed record AssetDto(Guid Id, Guid PersonId, string Type, string Description, decimal? Value, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>An income record of a member, in force on the day the household is viewed.</summary>
public sealed record IncomeDto(Guid Id, Guid PersonId, string Type, bool CountsUnderPolicy, decimal MonthlyAmount, DateOnly ValidFrom, DateOnly? ValidTo, string? Evidence);

public sealed record IncomeRequest(string? Type, decimal? MonthlyAmount, string? ValidFrom, string? ValidTo, bool? CountsUnderPolicy, string? Evidence);

/// <param name="HouseholdSize">家庭人口 as the enrolment recorded it (a roster import's column, or the members when decided): may differ from the members registered.</param>
public sealed record EnrollmentDto(Guid Id, string Program, string ProgramName, int CoveredPersons, decimal MonthlyAmount, string StartMonth, string Status,
    int HouseholdSize);

/// <summary>Every membership the household ever had: who joined or left, when.</summary>
public sealed record MembershipDto(Guid PersonId, string Name, string Relationship, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>Moves a member to another household (<c>toHouseholdId</c>) or, without one, into a new household of their own (分户).</summary>
public sealed record MoveMemberRequest(Guid? ToHouseholdId, string? Relationship, string? Date);

public sealed record HouseholdListItem(Guid Id, string RegionCode, string HeadName, string HeadIdNumberMasked, string HukouType, string Address, int MemberCount,
    string? RegionName = null);

public sealed record RevealRequest(string? Reason);

public sealed record RevealedIdNumber(Guid PersonId, string IdNumber);
