namespace Minzheng.Modules.SocialOrganizations.AnnualInspections;

/// <summary>Opens the inspection of <c>year</c> for the caller's county; <c>reportBy</c> defaults to 31 May of the next year.</summary>
public sealed record OpenCampaignRequest(int? Year, string? OpenedOn, string? ReportBy);

public sealed record OpenedCampaign(Guid Id, int Year, DateOnly ReportBy, int Notified);

/// <summary>The 年度工作报告 as received: date, the year's income, expenditure and net assets (元), staff, activities.</summary>
public sealed record InspectionReportRequest(string? SubmittedOn, decimal? Income, decimal? Expenditure, decimal? NetAssets, int? Staff, string? Activities);

/// <summary>
/// The review: <c>result</c> qualified (合格), basically-qualified (基本合格), rectify (限期整改, with <c>rectifyBy</c>) or
/// unqualified (不合格); a reason for every result but 合格.
/// </summary>
public sealed record InspectionReviewRequest(string? ReviewedOn, string? Result, string? Reason, string? RectifyBy);

/// <summary>The year's figures as bureaus report them (通知95家、参检21、通过18、整改3); <c>PublishedOn</c> once the results list is published.</summary>
public sealed record InspectionSummary(int Year, int Notified, int Submitted, int Passed, int Rectifying, int Failed, int AwaitingReview, DateOnly? ReportBy,
    DateOnly? PublishedOn);

/// <summary>One organisation of the year's list; <c>EntryId</c> owns the report's attachments (<c>/api/v1/attachments/social-organization-inspection/{entryId}</c>).</summary>
public sealed record InspectionRow(Guid OrganizationId, string OrganizationName, string KindName, string CreditCode, string Status, string StatusName,
    DateOnly? SubmittedOn, DateOnly? ReviewedOn, string? Reason, DateOnly? RectifyBy, bool Overdue, Guid EntryId);
