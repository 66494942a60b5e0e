using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.OneOffs;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Medical;

/// <summary>
/// The 资助参保 list as the 医保 bureau takes it. The bureau enrols people by full ID number, so an approved list may be
/// exported in full — by someone allowed to reveal personal data, with a reason, audited; every other export is masked.
/// </summary>
public static class SubsidyExport
{
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult, ValidationProblem>> ExportAsync(Guid id, bool? full, string? reason,
        HttpContext http, MinzhengDbContext db, RegionService regions, PersonalDataProtector protector, AuditLog audit, IAuthorizationService authorization,
        CancellationToken ct)
    {
        var list = await db.InsuranceSubsidyLists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (list is null)
        {
            return ApiProblems.NotFound("资助参保名单不存在或不在您的管辖范围内");
        }

        var showFull = full == true;
        if (showFull && DisclosureReason.Normalize(reason) is null)
        {
            var errors = new FieldErrors();
            errors.Add("reason", DisclosureReason.Required("导出完整身份证号"));
            return errors.ToProblem();
        }

        if (showFull && list.Status != OneOffBatchStatus.Approved)
        {
            return ApiProblems.Conflict("名单审批后才能导出完整身份证号报送医保部门");
        }

        if (showFull && !(await authorization.AuthorizeAsync(http.User, Policies.RevealPersonalData)).Succeeded)
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, "没有导出完整个人信息的权限");
        }

        // An export streams its rows: the names are those of the list's distinct regions (a county's villages at most).
        var names = await regions.NamesOfAsync(await db.InsuranceSubsidyEntries.AsNoTracking().Where(e => e.ListId == id).Select(e => e.RegionCode).Distinct().ToListAsync(ct), ct);
        var query = from e in db.InsuranceSubsidyEntries.AsNoTracking()
                    where e.ListId == id
                    join p in db.Persons on e.PersonId equals p.Id
                    orderby e.RegionCode, p.Name
                    select new { e.RegionCode, p.Name, p.IdNumberCipher, p.IdNumberMasked, e.Category, e.Subsidy };
        var count = 0;
        var rows = query.AsEnumerable().Select(x => new Dictionary<string, object?>
        {
            ["序号"] = ++count,
            ["区划代码"] = x.RegionCode,
            ["所属区划"] = names.GetValueOrDefault(x.RegionCode, x.RegionCode),
            ["姓名"] = SpreadsheetText.Safe(x.Name),
            ["身份证号"] = showFull ? protector.Decrypt(x.IdNumberCipher, DataPurpose.IdNumber) : x.IdNumberMasked,
            ["资助类别"] = MedicalAidFacts.CategoryName(x.Category),
            ["资助金额（元）"] = x.Subsidy,
        });
        var file = await SpreadsheetFile.XlsxAsync(rows, $"{list.Year}年资助参保", $"insurance-subsidy-{list.Year}-{list.RegionPrefix}.xlsx", ct, totals: true);
        await audit.RecordAsync(showFull ? AuditActions.SensitiveRevealed : AuditActions.Exported, entityType: nameof(InsuranceSubsidyList), entityId: id.ToString(),
            regionCode: list.RegionCode, details: new { kind = "insurance-subsidy", list.Year, full = showFull, reason, rows = count }, ct: ct);
        return file;
    }
}
