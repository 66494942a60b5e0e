using System.Net;
using System.Net.Http.Json;

namespace Minzheng.Tests.Platform.Security;

/// <summary>
/// docs/permissions.md, row by row: every role against every endpoint. "allow" means the role passes authorization
/// (any answer but 401/403); "deny" means 403. Bodies are deliberately invalid where a write would change shared data,
/// so an allowed write answers 400 and the matrix can run in any order.
/// </summary>
public sealed class PermissionMatrixTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] AllRoles = ["admin", "security", "auditor", "county", "finance", "township", "village", "leader", "marriage", "marriagehead", "funeral", "socialorg", "veterans"];

    public static TheoryData<string, string, string, string> Matrix()
    {
        var rows = new (string Method, string Path, string? Body, string[] Allowed)[]
        {
            ("GET", "/api/v1/regions/360482000000/children", null, AllRoles),
            ("POST", "/api/v1/regions", "{\"code\":\"bad\"}", ["admin"]),
            ("GET", "/api/v1/calendar/2026", null, AllRoles),
            ("GET", "/api/v1/calendar/add-working-days?from=2026-09-28&days=5", null, AllRoles),
            ("PUT", "/api/v1/calendar/2026", "{\"holidays\":[\"bad\"]}", ["admin"]),
            ("GET", "/api/v1/id-numbers/11010519491231002X/check", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/uscc/91350100M000100Y43/check", null, ["county", "finance", "township", "village", "leader", "socialorg"]),
            ("GET", "/api/v1/users", null, ["admin", "security"]),
            ("POST", "/api/v1/users", "{}", ["admin"]),
            ("POST", $"/api/v1/users/{Guid.Empty}/reset-password", "{}", ["admin"]),
            ("PUT", $"/api/v1/users/{Guid.Empty}/role", "{}", ["security"]),
            ("GET", "/api/v1/audit", null, ["auditor"]),
            ("GET", "/api/v1/audit/verify", null, ["auditor"]),
            ("GET", "/api/v1/audit/export?from=bad", null, ["auditor"]),
            ("POST", "/api/v1/audit-values/1/reveal", "{}", ["county", "township"]),
            ("GET", "/api/v1/households?region=360482", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", $"/api/v1/households/{Guid.Empty}", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", "/api/v1/households", "{}", ["county", "township", "village"]),
            ("POST", $"/api/v1/households/{Guid.Empty}/members/{Guid.Empty}/move", "{}", ["county", "township", "village"]),
            ("POST", $"/api/v1/persons/{Guid.Empty}/reveal", "{}", ["county", "township"]),
            ("POST", $"/api/v1/persons/{Guid.Empty}/incomes", "{}", ["county", "township", "village"]),
            ("PUT", $"/api/v1/households/{Guid.Empty}", "{}", ["county", "township", "village"]),
            ("POST", $"/api/v1/households/{Guid.Empty}/merge", "{}", ["county", "township", "village"]),
            ("GET", $"/api/v1/persons/{Guid.Empty}", null, ["county", "finance", "township", "village", "leader"]),
            ("PUT", $"/api/v1/persons/{Guid.Empty}", "{}", ["county", "township", "village"]),
            ("POST", $"/api/v1/persons/{Guid.Empty}/assets", "{}", ["county", "township", "village"]),
            // The platform's staged import: open to the holders of any import kind (rosters, the marriage 补录).
            ("POST", "/api/v1/imports?kind=bad", null, ["county", "township", "marriage", "marriagehead", "funeral"]),
            ("GET", $"/api/v1/imports/{Guid.Empty}", null, ["county", "township", "marriage", "marriagehead", "funeral"]),
            ("GET", $"/api/v1/imports/{Guid.Empty}/errors.csv", null, ["county", "township", "marriage", "marriagehead", "funeral"]),
            ("POST", $"/api/v1/imports/{Guid.Empty}/commit", null, ["county", "township", "marriage", "marriagehead", "funeral"]),
            ("GET", "/api/v1/imports/templates/assistance-roster.xlsx", null, ["county", "township"]),
            ("GET", "/api/v1/imports/templates/member-roster.xlsx", null, ["county", "township"]),
            ("PUT", "/api/v1/standards", "{}", ["county"]),
            ("GET", "/api/v1/standards?region=bad", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", $"/api/v1/households/{Guid.Empty}/benefit?program=bad", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", "/api/v1/cases", "{}", ["county", "township", "village"]),
            ("GET", "/api/v1/cases?region=bad", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/cases/deadline-board", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/deadlines?due=soon", null, ["county", "finance", "township", "village", "leader", "marriage", "marriagehead", "veterans", "funeral", "socialorg"]),
            ("GET", "/api/v1/deadlines/board", null, ["county", "finance", "township", "village", "leader", "marriage", "marriagehead", "veterans", "funeral", "socialorg"]),
            ("GET", "/api/v1/permissions", null, ["admin", "security"]),
            ("GET", "/api/v1/statistics/lines?from=bad", null, AllRoles),
            ("GET", $"/api/v1/attachments/case/{Guid.Empty}", null, ["county", "finance", "township", "village", "leader", "marriage", "marriagehead", "veterans", "socialorg", "funeral"]),
            ("GET", $"/api/v1/attachments/{Guid.Empty}/content", null, ["county", "finance", "township", "village", "leader", "marriage", "marriagehead", "veterans", "socialorg", "funeral"]),
            ("POST", $"/api/v1/attachments/household/{Guid.Empty}", null, ["county", "township", "village", "marriage", "marriagehead", "veterans", "socialorg", "funeral"]),
            ("POST", $"/api/v1/attachments/{Guid.Empty}/delete", "{}", ["county", "township", "village", "marriage", "marriagehead", "veterans", "socialorg", "funeral"]),
            ("GET", $"/api/v1/cases/{Guid.Empty}", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", $"/api/v1/cases/{Guid.Empty}/accept", "{}", ["county", "township", "village"]),
            ("GET", "/api/v1/reserve-funds", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", "/api/v1/reserve-funds", "{}", ["county"]),
            ("POST", "/api/v1/cases/batch-approval", "{}", ["county"]),
            ("GET", "/api/v1/enrollments?region=bad", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", $"/api/v1/enrollments/{Guid.Empty}/terminate", "{}", ["county"]),
            ("POST", "/api/v1/reviews", "{}", ["county"]),
            ("GET", "/api/v1/reviews", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", $"/api/v1/reviews/{Guid.Empty}/items/{Guid.Empty}", "{}", ["county", "township"]),
            ("POST", $"/api/v1/reviews/{Guid.Empty}/apply", null, ["county"]),
            ("GET", "/api/v1/exports/assistance-roster.xlsx?region=bad", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", "/api/v1/payrolls", "{}", ["county"]),
            ("GET", "/api/v1/payrolls", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", $"/api/v1/payrolls/{Guid.Empty}", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", $"/api/v1/payrolls/{Guid.Empty}/lines", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", $"/api/v1/payrolls/{Guid.Empty}/townships", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", $"/api/v1/payrolls/{Guid.Empty}/signature-list?village=bad", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", $"/api/v1/payrolls/{Guid.Empty}/comparison", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", $"/api/v1/payrolls/{Guid.Empty}/comparison.xlsx", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/payrolls/comparison-template.xlsx", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/payments/ledger?from=bad", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", $"/api/v1/payrolls/{Guid.Empty}/corrections", "{}", ["county"]),
            ("POST", $"/api/v1/payrolls/{Guid.Empty}/reissue", null, ["county"]),
            ("POST", $"/api/v1/payrolls/{Guid.Empty}/approve", null, ["finance"]),
            ("POST", $"/api/v1/payrolls/{Guid.Empty}/reject", "{}", ["finance"]),
            ("GET", $"/api/v1/payrolls/{Guid.Empty}/bank-file", null, ["finance"]),
            ("POST", $"/api/v1/payrolls/{Guid.Empty}/returns", null, ["finance"]),
            ("GET", "/api/v1/verification/findings?type=death", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/verification/findings/export.xlsx?type=death", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", $"/api/v1/verification/findings/{Guid.Empty}/resolve", "{}", ["county"]),
            ("POST", "/api/v1/verification/scans", "{}", ["county"]),
            ("GET", "/api/v1/verification/relatives", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/verification/relatives/export.xlsx", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/verification/relatives/report", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/verification/overview", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", "/api/v1/verification/relatives", "{}", ["county", "township"]),
            ("POST", $"/api/v1/verification/relatives/{Guid.Empty}/end", "{}", ["county", "township"]),
            ("GET", "/api/v1/verification/tip-offs", null, ["county", "township"]),
            ("GET", "/api/v1/verification/tip-offs/export.xlsx", null, ["county", "township"]),
            ("GET", $"/api/v1/verification/tip-offs/{Guid.Empty}", null, ["county", "township"]),
            ("POST", "/api/v1/verification/tip-offs", "{}", ["county", "township"]),
            ("POST", $"/api/v1/verification/tip-offs/{Guid.Empty}/investigate", "{}", ["county", "township"]),
            ("GET", "/api/v1/monitoring/households", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/monitoring/households/export.xlsx", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/monitoring/warnings/export.xlsx", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/monitoring/warnings", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", "/api/v1/monitoring/households", "{}", ["county", "township", "village"]),
            ("POST", $"/api/v1/monitoring/households/{Guid.Empty}/end", "{}", ["county", "township", "village"]),
            ("POST", "/api/v1/monitoring/scans", "{}", ["county", "township"]),
            ("POST", $"/api/v1/monitoring/warnings/{Guid.Empty}/resolve", "{}", ["county", "township"]),
            ("GET", "/api/v1/welfare-visits?due=bad", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/welfare-visits/export.xlsx?due=bad", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/paired-supports/export.xlsx", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", $"/api/v1/payrolls/{Guid.Empty}/lines.xlsx", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", $"/api/v1/welfare-visits/{Guid.Empty}", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", $"/api/v1/welfare-visits/{Guid.Empty}", "{}", ["county", "township", "village"]),
            ("POST", $"/api/v1/paired-supports/{Guid.Empty}/end", "{}", ["county", "township", "village"]),
            ("POST", "/api/v1/recalculations", "{}", ["county"]),
            ("POST", $"/api/v1/recalculations/{Guid.Empty}/approve", null, ["county"]),
            ("POST", "/api/v1/one-off-batches", "{}", ["county"]),
            ("POST", "/api/v1/medical-settlements", null, ["county"]),
            ("GET", "/api/v1/medical-settlements", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", $"/api/v1/medical-settlements/{Guid.Empty}/approve", null, ["county"]),
            ("POST", $"/api/v1/medical-settlements/{Guid.Empty}/reimburse", "{}", ["finance"]),
            ("POST", "/api/v1/insurance-subsidies", "{}", ["county"]),
            ("GET", "/api/v1/insurance-subsidies", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", $"/api/v1/insurance-subsidies/{Guid.Empty}/approve", null, ["county"]),
            ("GET", "/api/v1/reports/assistance-summary?region=bad", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/reports/assistance-summary.xlsx?region=bad", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/reports/work-summary?region=bad", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", "/api/v1/reports/work-summary.docx", "{}", ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/reports/dashboard?region=bad", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/statistics/table?period=bad", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/statistics/table.xlsx?period=bad", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", "/api/v1/statistics/reports?period=bad", null, ["county", "finance", "township", "village", "leader"]),
            ("GET", $"/api/v1/statistics/reports/{Guid.Empty}", null, ["county", "finance", "township", "village", "leader"]),
            ("POST", "/api/v1/statistics/reports", "{}", ["township"]),
            ("POST", $"/api/v1/statistics/reports/{Guid.Empty}/accept", "{}", ["county"]),
            ("POST", $"/api/v1/statistics/reports/{Guid.Empty}/return", "{}", ["county"]),
            ("POST", "/api/v1/marriage/registrations", "{}", ["marriage", "marriagehead"]),
            ("POST", "/api/v1/marriage/divorce-applications", "{}", ["marriage", "marriagehead"]),
            ("POST", $"/api/v1/marriage/divorce-applications/{Guid.Empty}/withdraw", "{}", ["marriage", "marriagehead"]),
            ("POST", $"/api/v1/marriage/divorce-applications/{Guid.Empty}/register", "{}", ["marriage", "marriagehead"]),
            ("GET", $"/api/v1/marriage/divorce-applications/{Guid.Empty}", null, ["marriage", "marriagehead"]),
            ("POST", "/api/v1/marriage/records/lookup", "{}", ["marriage", "marriagehead"]),
            ("GET", $"/api/v1/marriage/records/{Guid.Empty}", null, ["marriage", "marriagehead"]),
            ("POST", "/api/v1/marriage/reissues", "{}", ["marriage", "marriagehead"]),
            ("POST", "/api/v1/marriage/revocations", "{}", ["marriagehead"]),
            ("GET", "/api/v1/marriage/historical-imports/template.xlsx", null, ["marriage", "marriagehead"]),
            ("POST", $"/api/v1/marriage/records/{Guid.Empty}/corrections", "{}", ["marriagehead"]),
            ("GET", "/api/v1/marriage/statistics?region=bad", null, ["marriage", "marriagehead", "leader"]),
            ("GET", "/api/v1/marriage/appointments?date=bad", null, ["marriage", "marriagehead"]),
            ("POST", "/api/v1/marriage/appointments", "{}", ["marriage", "marriagehead"]),
            ("POST", $"/api/v1/marriage/appointments/{Guid.Empty}/check-in", null, ["marriage", "marriagehead"]),
            ("POST", $"/api/v1/marriage/appointments/{Guid.Empty}/complete", null, ["marriage", "marriagehead"]),
            ("POST", $"/api/v1/marriage/appointments/{Guid.Empty}/cancel", null, ["marriage", "marriagehead"]),
            ("GET", "/api/v1/marriage/appointment-settings", null, ["marriagehead"]),
            ("PUT", "/api/v1/marriage/appointment-settings", "{}", ["marriagehead"]),
            ("GET", "/api/v1/public/marriage/registries", null, AllRoles),
            ("GET", "/api/v1/public/marriage/appointments/slots?registry=bad", null, AllRoles),
            ("POST", "/api/v1/public/marriage/appointments", "{}", AllRoles),
            ("POST", "/api/v1/funeral/cremations", "{}", ["funeral"]),
            ("GET", "/api/v1/funeral/cremations?region=bad", null, ["funeral"]),
            ("GET", $"/api/v1/funeral/cremations/{Guid.Empty}", null, ["funeral"]),
            ("GET", "/api/v1/funeral/cremations/export.xlsx?name=无此人", null, ["funeral"]),
            ("GET", "/api/v1/funeral/facilities", null, ["funeral"]),
            ("POST", "/api/v1/funeral/facilities", "{}", ["funeral"]),
            ("GET", $"/api/v1/funeral/facilities/{Guid.Empty}/plots", null, ["funeral"]),
            ("POST", $"/api/v1/funeral/facilities/{Guid.Empty}/plots", "{}", ["funeral"]),
            ("POST", $"/api/v1/funeral/plots/{Guid.Empty}/sale", "{}", ["funeral"]),
            ("POST", $"/api/v1/funeral/plots/{Guid.Empty}/reservation", "{}", ["funeral"]),
            ("GET", "/api/v1/funeral/graves/template.xlsx", null, ["funeral"]),
            ("POST", $"/api/v1/funeral/plots/{Guid.Empty}/reservation/cancel", null, ["funeral"]),
            ("GET", $"/api/v1/funeral/plots/{Guid.Empty}", null, ["funeral"]),
            ("POST", $"/api/v1/funeral/plots/{Guid.Empty}/burials", "{}", ["funeral"]),
            ("POST", $"/api/v1/funeral/plots/{Guid.Empty}/renewals", "{}", ["funeral"]),
            ("GET", $"/api/v1/funeral/plots/{Guid.Empty}/reclaims", null, ["funeral"]),
            ("POST", $"/api/v1/funeral/plots/{Guid.Empty}/reclaim-notices", "{}", ["funeral"]),
            ("POST", $"/api/v1/funeral/plots/{Guid.Empty}/reclaim", "{}", ["funeral"]),
            ("GET", "/api/v1/funeral/illegal-burials", null, ["funeral"]),
            ("POST", "/api/v1/funeral/illegal-burials", "{}", ["funeral"]),
            ("GET", $"/api/v1/funeral/illegal-burials/{Guid.Empty}", null, ["funeral"]),
            ("POST", $"/api/v1/funeral/illegal-burials/{Guid.Empty}/outcome", "{}", ["funeral"]),
            ("POST", $"/api/v1/funeral/illegal-burials/{Guid.Empty}/notice", "{}", ["funeral"]),
            ("GET", "/api/v1/funeral/illegal-burials/export.xlsx?region=360482100201&from=1990-01-01&to=1990-01-01", null, ["funeral"]),
            ("GET", "/api/v1/funeral/graves", null, ["funeral"]),
            ("POST", "/api/v1/funeral/graves", "{}", ["funeral"]),
            ("GET", "/api/v1/funeral/graves/export.xlsx?name=无此人", null, ["funeral"]),
            ("GET", $"/api/v1/funeral/graves/{Guid.Empty}", null, ["funeral"]),
            ("POST", $"/api/v1/funeral/graves/{Guid.Empty}/certificate", "{}", ["funeral"]),
            ("POST", $"/api/v1/funeral/graves/{Guid.Empty}/relocation", "{}", ["funeral"]),
            ("POST", $"/api/v1/funeral/graves/{Guid.Empty}/removal", "{}", ["funeral"]),
            ("GET", "/api/v1/funeral/officers", null, ["funeral"]),
            ("POST", "/api/v1/funeral/officers", "{}", ["funeral"]),
            ("GET", "/api/v1/funeral/officers/by-township", null, ["funeral"]),
            ("POST", $"/api/v1/funeral/officers/{Guid.Empty}/end", "{}", ["funeral"]),
            ("POST", "/api/v1/funeral/officer-rosters", "{}", ["funeral"]),
            ("GET", "/api/v1/funeral/officer-rosters/1999", null, ["funeral"]),
            ("GET", "/api/v1/funeral/officer-rosters/1999/export.xlsx", null, ["funeral"]),
            ("POST", $"/api/v1/funeral/officer-rosters/lines/{Guid.Empty}/paid", "{}", ["funeral"]),
            ("GET", "/api/v1/funeral/statistics?region=bad", null, ["funeral", "leader"]),
            ("POST", "/api/v1/funeral/memorials", "{}", ["funeral"]),
            ("GET", "/api/v1/funeral/memorials", null, ["funeral"]),
            ("GET", $"/api/v1/funeral/memorials/{Guid.Empty}", null, ["funeral"]),
            ("POST", $"/api/v1/funeral/memorials/{Guid.Empty}/delivery", "{}", ["funeral"]),
            ("POST", $"/api/v1/funeral/memorials/{Guid.Empty}/cancellation", "{}", ["funeral"]),
            ("POST", "/api/v1/funeral/waiver-claims", "{}", ["funeral"]),
            ("GET", "/api/v1/funeral/waiver-claims", null, ["funeral", "finance"]),
            ("GET", $"/api/v1/funeral/waiver-claims/{Guid.Empty}", null, ["funeral", "finance"]),
            ("GET", $"/api/v1/funeral/waiver-claims/{Guid.Empty}/export.xlsx", null, ["funeral", "finance"]),
            ("GET", $"/api/v1/funeral/waiver-claims/{Guid.Empty}/cremations/{Guid.Empty}", null, ["funeral", "finance"]),
            ("POST", $"/api/v1/funeral/waiver-claims/{Guid.Empty}/approve", "{}", ["funeral", "finance"]),
            ("POST", "/api/v1/social-organizations", "{}", ["socialorg"]),
            ("GET", "/api/v1/social-organizations?kind=bad", null, ["socialorg"]),
            ("GET", "/api/v1/social-organizations/export.xlsx?kind=bad", null, ["socialorg"]),
            ("GET", "/api/v1/social-organizations/name-check", null, ["socialorg"]),
            ("GET", $"/api/v1/social-organizations/{Guid.Empty}", null, ["socialorg"]),
            ("POST", $"/api/v1/social-organizations/{Guid.Empty}/changes", "{}", ["socialorg"]),
            ("POST", $"/api/v1/social-organizations/{Guid.Empty}/deregister", "{}", ["socialorg"]),
            ("POST", $"/api/v1/social-organizations/{Guid.Empty}/revocations", "{}", ["socialorg"]),
            ("GET", "/api/v1/social-organizations/revocations?status=bad", null, ["socialorg"]),
            ("GET", $"/api/v1/social-organizations/revocations/{Guid.Empty}", null, ["socialorg"]),
            ("POST", $"/api/v1/social-organizations/revocations/{Guid.Empty}/notify", "{}", ["socialorg"]),
            ("POST", "/api/v1/social-organizations/inspections", "{}", ["socialorg"]),
            ("GET", "/api/v1/social-organizations/inspections/1999/entries?status=bad", null, ["socialorg"]),
            ("POST", $"/api/v1/social-organizations/inspections/1999/entries/{Guid.Empty}/report", "{}", ["socialorg"]),
            ("POST", $"/api/v1/social-organizations/inspections/1999/entries/{Guid.Empty}/review", "{}", ["socialorg"]),
            ("POST", "/api/v1/social-organizations/inspections/1999/publication", "{\"publishedOn\":\"bad\"}", ["socialorg"]),
            ("GET", "/api/v1/public/social-organizations/inspection-results?authority=bad", null, AllRoles),
            ("GET", "/api/v1/public/social-organizations/spot-check-results?authority=bad", null, AllRoles),
            ("GET", "/api/v1/social-organizations/statistics?region=bad", null, ["socialorg", "leader"]),
            ("GET", "/api/v1/social-organizations/decoupling", null, ["socialorg", "leader"]),
            ("PUT", $"/api/v1/social-organizations/{Guid.Empty}/decoupling", "{}", ["socialorg"]),
            ("PUT", $"/api/v1/social-organizations/{Guid.Empty}/evaluation", "{}", ["socialorg"]),
            ("GET", "/api/v1/social-organizations/inspections/1999?region=bad", null, ["socialorg", "leader"]),
            ("GET", "/api/v1/public/social-organizations?q=x", null, AllRoles),
            ("GET", "/api/v1/social-organizations/listings?list=bad", null, ["socialorg"]),
            ("PUT", $"/api/v1/social-organizations/{Guid.Empty}/decoupling/tasks/institution", "{}", ["socialorg"]),
            ("GET", "/api/v1/social-organizations/decoupling/progress?asOf=bad", null, ["socialorg", "leader"]),
            ("POST", $"/api/v1/social-organizations/{Guid.Empty}/complaints", "{}", ["socialorg"]),
            ("POST", $"/api/v1/social-organizations/{Guid.Empty}/checks", "{}", ["socialorg"]),
            ("POST", "/api/v1/social-organizations/spot-checks", "{}", ["socialorg"]),
            ("GET", $"/api/v1/social-organizations/spot-checks/{Guid.Empty}", null, ["socialorg"]),
            ("POST", $"/api/v1/social-organizations/{Guid.Empty}/checks/{Guid.Empty}/rectification", "{}", ["socialorg"]),
            ("POST", $"/api/v1/social-organizations/{Guid.Empty}/complaints/{Guid.Empty}/handling", "{}", ["socialorg"]),
            ("POST", $"/api/v1/social-organizations/{Guid.Empty}/penalties", "{}", ["socialorg"]),
            ("POST", $"/api/v1/social-organizations/{Guid.Empty}/listings", "{}", ["socialorg"]),
            ("POST", $"/api/v1/social-organizations/{Guid.Empty}/listings/{Guid.Empty}/removal", "{}", ["socialorg"]),
            ("POST", "/api/v1/social-organizations/applications", "{}", ["socialorg"]),
            ("GET", "/api/v1/social-organizations/applications?status=bad", null, ["socialorg"]),
            ("GET", $"/api/v1/social-organizations/applications/{Guid.Empty}", null, ["socialorg"]),
            ("POST", $"/api/v1/social-organizations/applications/{Guid.Empty}/accept", "{}", ["socialorg"]),
            ("POST", $"/api/v1/social-organizations/applications/{Guid.Empty}/approve", "{}", ["socialorg"]),
            ("GET", "/api/v1/social-organizations/applications/statistics?region=bad", null, ["socialorg", "leader"]),
            ("POST", "/api/v1/veterans/entitlements", "{}", ["veterans"]),
            ("GET", "/api/v1/veterans/entitlements?category=bad", null, ["veterans"]),
            ("GET", $"/api/v1/veterans/entitlements/{Guid.Empty}", null, ["veterans"]),
            ("POST", $"/api/v1/veterans/entitlements/{Guid.Empty}/death", "{}", ["veterans"]),
            ("GET", "/api/v1/veterans/standards", null, ["veterans"]),
            ("POST", "/api/v1/veterans/standards", "{}", ["veterans"]),
            ("POST", "/api/v1/veterans/discharge-payment", "{}", ["veterans"]),
            ("POST", "/api/v1/veterans/placements", "{}", ["veterans"]),
            ("GET", "/api/v1/veterans/placements", null, ["veterans"]),
            ("POST", $"/api/v1/veterans/placements/{Guid.Empty}/progress", "{}", ["veterans"]),
            ("GET", "/api/v1/veterans/statistics?region=bad", null, ["veterans", "leader"]),
            ("POST", "/api/v1/veterans/visit-campaigns", "{}", ["veterans"]),
            ("GET", "/api/v1/veterans/visit-campaigns", null, ["veterans", "township"]),
            ("GET", $"/api/v1/veterans/visit-campaigns/{Guid.Empty}", null, ["veterans", "township"]),
            ("POST", $"/api/v1/veterans/visit-campaigns/{Guid.Empty}/visits/{Guid.Empty}", "{}", ["veterans", "township"]),
            ("POST", "/api/v1/veterans/confirmations", "{}", ["veterans"]),
            ("GET", "/api/v1/veterans/confirmations", null, ["veterans", "township"]),
            ("GET", $"/api/v1/veterans/confirmations/{Guid.Empty}", null, ["veterans", "township"]),
            ("PUT", $"/api/v1/veterans/confirmations/{Guid.Empty}/items/{Guid.Empty}", "{}", ["veterans", "township"]),
            ("POST", $"/api/v1/veterans/confirmations/{Guid.Empty}/apply", null, ["veterans"]),
        };
        var data = new TheoryData<string, string, string, string>();
        foreach (var (method, path, body, allowed) in rows)
        {
            foreach (var role in AllRoles)
            {
                data.Add(role, method, path + (body is null ? "" : " " + body), allowed.Contains(role) ? "allow" : "deny");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Role_Endpoint_IsAllowedOrDeniedAsDocumented(string role, string method, string pathAndBody, string expected)
    {
        var (path, body) = pathAndBody.Split(' ', 2) is [var p, var b] ? (p, b) : (pathAndBody, null);
        using var client = await app.ClientAsAsync(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        if (expected == "deny")
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        else
        {
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.True((int)response.StatusCode < 500, $"{method} {path} as {role}: {response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("admin", "/Regions", true)]
    [InlineData("finance", "/Payments", true)]
    [InlineData("finance", "/Medical", true)]
    [InlineData("auditor", "/Medical", false)]
    [InlineData("leader", "/Payments/Ledger", true)]
    [InlineData("admin", "/Payments", false)]
    [InlineData("auditor", "/Payments/Ledger", false)]
    [InlineData("township", "/Verification", true)]
    [InlineData("security", "/Verification", false)]
    [InlineData("leader", "/Verification/Relatives", true)]
    [InlineData("leader", "/Verification/Overview", true)]
    [InlineData("township", "/Verification/TipOffs", true)]
    [InlineData("village", "/Verification/TipOffs", false)]
    [InlineData("leader", "/Verification/TipOffs", false)]
    [InlineData("village", "/Monitoring", true)]
    [InlineData("admin", "/Monitoring", false)]
    [InlineData("village", "/Visits", true)]
    [InlineData("leader", "/Visits", true)]
    [InlineData("admin", "/Visits", false)]
    [InlineData("leader", "/Reports/Dashboard", true)]
    [InlineData("village", "/Reports", true)]
    [InlineData("finance", "/Reports/Summary", true)]
    [InlineData("admin", "/Reports/Dashboard", false)]
    [InlineData("auditor", "/Reports", false)]
    [InlineData("village", "/Reports/Tables", true)]
    [InlineData("security", "/Reports/Tables", false)]
    [InlineData("county", "/Regions", false)]
    [InlineData("admin", "/Calendar", true)]
    [InlineData("security", "/Calendar", false)]
    [InlineData("security", "/Users", true)]
    [InlineData("auditor", "/Users", false)]
    [InlineData("auditor", "/Audit", true)]
    [InlineData("admin", "/Audit", false)]
    [InlineData("county", "/Audit", false)]
    [InlineData("admin", "/IdNumbers", false)]
    [InlineData("village", "/IdNumbers", true)]
    [InlineData("leader", "/Registry", true)]
    [InlineData("admin", "/Registry", false)]
    [InlineData("auditor", "/Registry", false)]
    [InlineData("village", "/Registry/New", true)]
    [InlineData("leader", "/Registry/New", false)]
    [InlineData("finance", "/Registry/New", false)]
    [InlineData("township", "/Imports", true)]
    [InlineData("village", "/Imports", false)]
    [InlineData("leader", "/Imports", false)]
    [InlineData("admin", "/Attachments", false)]
    [InlineData("auditor", "/Attachments", false)]
    [InlineData("marriage", "/Marriages", true)]
    [InlineData("marriage", "/Marriages/Register", true)]
    [InlineData("marriage", "/Marriages/Divorces", true)]
    [InlineData("marriage", "/Marriages/Statistics", true)]
    [InlineData("marriage", "/Marriages/Reissue", true)]
    [InlineData("marriagehead", "/Marriages", true)]
    [InlineData("marriagehead", "/Marriages/Reissue", true)]
    [InlineData("marriage", "/Marriages/Import", true)]
    [InlineData("leader", "/Marriages/Import", false)]
    [InlineData("marriagehead", "/Marriages/Statistics", true)]
    [InlineData("leader", "/Marriages/Reissue", false)]
    [InlineData("township", "/Marriages/Reissue", false)]
    [InlineData("marriagehead", "/Cases", false)]
    [InlineData("leader", "/Marriages/Statistics", true)]
    [InlineData("leader", "/Marriages", false)]
    [InlineData("county", "/Marriages/Register", false)]
    [InlineData("township", "/Marriages/Divorces", false)]
    [InlineData("village", "/Marriages/Statistics", false)]
    [InlineData("marriage", "/Registry", false)]
    [InlineData("marriage", "/Deadlines", true)]
    [InlineData("marriagehead", "/Deadlines", true)]
    [InlineData("funeral", "/Deadlines", true)]
    [InlineData("socialorg", "/Deadlines", true)]
    [InlineData("township", "/Marriages/Application", false)]
    [InlineData("township", "/Marriages/Examination", false)]
    [InlineData("leader", "/Marriages/Withdrawal", false)]
    [InlineData("socialorg", "/Organizations", true)]
    [InlineData("socialorg", "/Organizations/Register", true)]
    [InlineData("socialorg", "/Organizations/Receive", true)]
    [InlineData("socialorg", "/Organizations/Applications", true)]
    [InlineData("leader", "/Organizations/Applications", false)]
    [InlineData("county", "/Organizations/Receive", false)]
    [InlineData("socialorg", "/Organizations/Inspections", true)]
    [InlineData("socialorg", "/Organizations/Statistics", true)]
    [InlineData("leader", "/Organizations/Statistics", true)]
    [InlineData("county", "/Organizations/Lookup", true)]
    [InlineData("village", "/Organizations/InspectionResults", true)]
    [InlineData("marriage", "/Organizations/SpotCheckResults", true)]
    [InlineData("socialorg", "/Organizations/Listings", true)]
    [InlineData("socialorg", "/Organizations/SpotChecks", true)]
    [InlineData("leader", "/Organizations/SpotChecks", false)]
    [InlineData("leader", "/Organizations/Listings", false)]
    [InlineData("socialorg", "/Organizations/Revocations", true)]
    [InlineData("leader", "/Organizations/Revocations", false)]
    [InlineData("county", "/Organizations/Revocation", false)]
    [InlineData("marriage", "/Organizations/RevocationNotice", false)]
    [InlineData("leader", "/Organizations/RevocationDecision", false)]
    [InlineData("leader", "/Organizations", false)]
    [InlineData("county", "/Organizations/Register", false)]
    [InlineData("marriage", "/Organizations/Inspections", false)]
    [InlineData("socialorg", "/Registry", false)]
    [InlineData("socialorg", "/Marriages", false)]
    [InlineData("socialorg", "/Cases", false)]
    [InlineData("marriage", "/Cases", false)]
    [InlineData("funeral", "/Cremations", true)]
    [InlineData("funeral", "/Cremations/Register", true)]
    [InlineData("funeral", "/Cremations/Statistics", true)]
    [InlineData("funeral", "/Memorials", true)]
    [InlineData("finance", "/Memorials", false)]
    [InlineData("funeral", "/WaiverClaims", true)]
    [InlineData("finance", "/ExistingGraves/Certificate?id=00000000-0000-0000-0000-000000000000", false)]
    [InlineData("finance", "/FuneralFacilities/ReclaimNotice?id=00000000-0000-0000-0000-000000000000", false)]
    [InlineData("county", "/WaiverClaims/Record?id=00000000-0000-0000-0000-000000000000&cremationId=00000000-0000-0000-0000-000000000000", false)]
    [InlineData("leader", "/WaiverClaims/Record?id=00000000-0000-0000-0000-000000000000&cremationId=00000000-0000-0000-0000-000000000000", false)]
    [InlineData("finance", "/WaiverClaims", true)]
    [InlineData("county", "/WaiverClaims", false)]
    [InlineData("funeral", "/FuneralFacilities", true)]
    [InlineData("funeral", "/IllegalBurials", true)]
    [InlineData("township", "/IllegalBurials", false)]
    [InlineData("leader", "/IllegalBurials", false)]
    [InlineData("township", "/IllegalBurials/Notice?id=00000000-0000-0000-0000-000000000000", false)]
    [InlineData("finance", "/IllegalBurials/Notice?id=00000000-0000-0000-0000-000000000000", false)]
    [InlineData("funeral", "/ExistingGraves", true)]
    [InlineData("funeral", "/ExistingGraves/Import", true)]
    [InlineData("township", "/ExistingGraves/Import", false)]
    [InlineData("township", "/ExistingGraves", false)]
    [InlineData("leader", "/ExistingGraves", false)]
    [InlineData("funeral", "/InformationOfficers", true)]
    [InlineData("funeral", "/InformationOfficers/Roster", true)]
    [InlineData("village", "/InformationOfficers", false)]
    [InlineData("leader", "/InformationOfficers/Roster", false)]
    [InlineData("leader", "/Cremations/Statistics", true)]
    [InlineData("leader", "/Cremations", false)]
    [InlineData("county", "/Cremations/Register", false)]
    [InlineData("township", "/Cremations", false)]
    [InlineData("marriage", "/FuneralFacilities", false)]
    [InlineData("funeral", "/Registry", false)]
    [InlineData("funeral", "/Marriages", false)]
    [InlineData("veterans", "/Veterans", true)]
    [InlineData("veterans", "/Veterans/Register", true)]
    [InlineData("veterans", "/Veterans/Standards", true)]
    [InlineData("veterans", "/Veterans/DischargePayment", true)]
    [InlineData("veterans", "/Veterans/Placements", true)]
    [InlineData("veterans", "/Veterans/Statistics", true)]
    [InlineData("leader", "/Veterans/Statistics", true)]
    [InlineData("leader", "/Veterans", false)]
    [InlineData("veterans", "/Veterans/Visits", true)]
    [InlineData("township", "/Veterans/Visits", true)]
    [InlineData("village", "/Veterans/Visits", false)]
    [InlineData("village", "/Veterans/VisitReceipt?id=00000000-0000-0000-0000-000000000000", false)]
    [InlineData("leader", "/Veterans/VisitReceipt?id=00000000-0000-0000-0000-000000000000", false)]
    [InlineData("veterans", "/Veterans/Confirmations", true)]
    [InlineData("township", "/Veterans/Confirmations", true)]
    [InlineData("village", "/Veterans/Confirmations", false)]
    [InlineData("leader", "/Veterans/Confirmations", false)]
    [InlineData("county", "/Veterans", false)]
    [InlineData("leader", "/Veterans/Register", false)]
    [InlineData("township", "/Veterans/Standards", false)]
    [InlineData("veterans", "/Registry", false)]
    [InlineData("veterans", "/Payments", false)]
    [InlineData("veterans", "/Cremations", false)]
    public async Task Role_Page_IsAllowedOrDenied(string role, string page, bool allowed)
    {
        using var web = new WebSession(app);
        await web.LoginAsync(role, Minzheng.Platform.Demo.DemoSeeder.Password);
        var response = await web.GetAsync(page);
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        }
    }
}
