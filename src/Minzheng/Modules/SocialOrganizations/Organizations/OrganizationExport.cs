using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>The register as filtered and sorted on screen, as a spreadsheet; ID numbers masked; the export is audited with its filter.</summary>
public static class OrganizationExport
{
    public static async Task<Results<FileStreamHttpResult, ValidationProblem>> ExportAsync(string? name, string? kind, string? status, string? sort, string? dir,
        OrganizationQueries queries, AuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var found = await queries.ListAsync(new OrganizationFilter(name, kind, status), PageRequest.ForExport(sort, dir), errors, ct);
        if (found is null)
        {
            return errors.ToProblem();
        }

        var rows = found.Items.Select((o, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["组织名称"] = SpreadsheetText.Safe(o.Name),
            ["统一社会信用代码"] = o.CreditCode,
            ["类型"] = o.KindName,
            ["业务主管单位"] = SpreadsheetText.Safe(o.SupervisingUnit ?? ""),
            ["住所"] = SpreadsheetText.Safe(o.Residence),
            ["注册资金（元）"] = o.RegisteredCapital,
            ["法定代表人"] = SpreadsheetText.Safe(o.LegalRepresentativeName),
            ["法定代表人身份证号"] = o.LegalRepresentativeIdMasked,
            ["成立登记日期"] = o.EstablishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["登记状态"] = o.StatusName,
            ["登记证号"] = o.CertificateNumber,
        });
        await audit.RecordAsync(AuditActions.Exported, entityType: "SocialOrganization", details: new { kind = "social-organizations", name, status, rows = found.Items.Count }, ct: ct);
        return await SpreadsheetFile.XlsxAsync(rows, "社会组织名录", "social-organizations.xlsx", ct);
    }
}
