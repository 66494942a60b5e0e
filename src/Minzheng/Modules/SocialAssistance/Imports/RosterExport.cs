using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Imports;

/// <summary>
/// Exports active enrolments as an assistance roster with the import headers, so an export re-imports cleanly. ID
/// numbers and bank accounts are masked unless the caller may reveal personal data, asks for full values and gives a
/// reason — which is audited. Every text cell is neutralised against formula injection.
/// </summary>
public static class RosterExport
{
    public static RouteGroupBuilder MapRosterExport(this RouteGroupBuilder api)
    {
        api.MapGet("/exports/assistance-roster.xlsx", Export).WithTags("Imports").WithName("Exports_AssistanceRoster")
            .RequireAuthorization(Policies.BusinessRead).WithSummary("导出在保花名册（默认脱敏；full=true 须有权限并填写 reason）");
        return api;
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult, ValidationProblem>> Export(
        string? region, string? program, bool? full, string? reason, HttpContext http, MinzhengDbContext db, PersonalDataProtector protector,
        AuditLog audit, IAuthorizationService authorization, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var prefix = string.IsNullOrWhiteSpace(region) ? "" : RegionCode.ToScopePrefix(region);
        if (prefix is null)
        {
            errors.Add("region", "region 应为12位区划代码或其2、4、6、9位前缀");
        }

        if (program is not null && AssistancePrograms.ByCode(program) is null)
        {
            errors.Add("program", "program 应为保障类别代码，如 rural-dibao");
        }

        var showFull = full == true;
        if (showFull && DisclosureReason.Normalize(reason) is null)
        {
            errors.Add("reason", DisclosureReason.Required("导出完整身份证号和银行账号"));
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (showFull && !(await authorization.AuthorizeAsync(http.User, Policies.RevealPersonalData)).Succeeded)
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, "没有导出完整个人信息的权限");
        }

        var query = from e in db.Enrollments.AsNoTracking()
                    where e.Status == EnrollmentStatus.Active && e.RegionCode.StartsWith(prefix!) && (program == null || e.Program == program)
                    join p in db.Persons on e.PersonId equals p.Id
                    join h in db.Households on e.HouseholdId equals h.Id
                    orderby e.RegionCode, p.Name
                    select new { e, p, h };
        var count = 0;
        var rows = query.AsEnumerable().Select(x =>
        {
            count++;
            return new Dictionary<string, object?>
            {
                ["区划代码"] = x.e.RegionCode,
                ["保障类别"] = AssistancePrograms.NameOf(x.e.Program),
                ["户主姓名"] = SpreadsheetText.Safe(x.p.Name),
                ["户主身份证号"] = showFull ? protector.Decrypt(x.p.IdNumberCipher, DataPurpose.IdNumber) : x.p.IdNumberMasked,
                ["家庭人口"] = x.e.HouseholdSize,
                ["保障人数"] = x.e.CoveredPersons,
                ["月保障金额"] = x.e.MonthlyAmount,
                ["起始年月"] = x.e.StartMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                ["开户银行"] = SpreadsheetText.Safe(x.h.BankName),
                ["银行账号"] = x.h.BankAccountCipher is null ? null : showFull ? protector.Decrypt(x.h.BankAccountCipher, DataPurpose.BankAccount) : x.h.BankAccountMasked,
                ["联系电话"] = x.p.PhoneCipher is null ? null : showFull ? protector.Decrypt(x.p.PhoneCipher, DataPurpose.Phone) : x.p.PhoneMasked,
                ["家庭住址"] = SpreadsheetText.Safe(x.h.Address),
            };
        });
        // No 合计 row: the file is an import roster, and a total would be read back as one more household.
        var file = await SpreadsheetFile.XlsxAsync(rows, "花名册", "assistance-roster.xlsx", ct);
        await audit.RecordAsync(showFull ? AuditActions.SensitiveRevealed : AuditActions.Exported, entityType: "AssistanceRoster",
            regionCode: prefix!.Length > 0 ? prefix.PadRight(RegionCode.Length, '0') : null,
            details: new { kind = "assistance-roster", program, full = showFull, reason, rows = count }, ct: ct);
        return file;
    }
}
