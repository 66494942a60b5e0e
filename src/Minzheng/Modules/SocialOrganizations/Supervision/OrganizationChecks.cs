using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Supervision;

/// <summary>
/// 监督检查 on <c>checkedOn</c> by <c>method</c> on-site (现场检查), documentary (书面检查), random-spot-check (双随机抽查)
/// or special (专项检查); <c>inspectors</c> names at least two officers; <c>rectifyBy</c> when the organisation is ordered to rectify.
/// </summary>
public sealed record CheckRequest(string? CheckedOn, string? Method, string? Inspectors, string? Findings, string? RectifyBy);

/// <summary>The ordered rectification was done on <c>date</c>, as <c>note</c> says.</summary>
public sealed record RectificationRequest(string? Date, string? Note);

public sealed record CheckRow(Guid Id, DateOnly CheckedOn, string Method, string MethodName, string Inspectors, string Findings, DateOnly? RectifyBy,
    DateOnly? RectifiedOn, string? RectificationNote, bool Overdue);

/// <summary>
/// 监督检查 records of an organisation: the check, and the rectification it ordered. A check needs two officers (行政处罚法
/// art. 42: 执法人员不得少于两人); an organisation deregistered or revoked is no longer checked; every refusal writes nothing.
/// </summary>
public sealed partial class OrganizationChecks(MinzhengDbContext db, TimeProvider clock)
{
    public async Task<OrgResult<CreatedRecord>> RecordAsync(Guid id, CheckRequest request, CancellationToken ct)
    {
        if (await db.SocialOrganizations.SingleOrDefaultAsync(o => o.Id == id, ct) is not { } o)
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.NotFound, "社会组织不存在或不在您的管辖范围内");
        }

        var errors = new FieldErrors();
        var method = InputValues.ParseOptional<CheckMethod>(request.Method, "method",
            "检查方式（method）应为 on-site（现场检查）、documentary（书面检查）、random-spot-check（双随机抽查）或 special（专项检查）", errors);
        if (method is null && !errors.Any)
        {
            errors.Add("method", "请选择检查方式（method）");
        }

        var checkedOn = OrganizationInput.Date(request.CheckedOn, "checkedOn", "检查日期", clock.Today(), errors);
        var inspectors = TextRules.Field(request.Inspectors, "inspectors", "检查人员", OrganizationCheck.InspectorsMaxLength, errors, required: true);
        if (inspectors is not null && Names().Split(inspectors).Count(n => n.Length > 0) < 2)
        {
            errors.Add("inspectors", "检查人员须写明至少两名执法人员的姓名，以顿号分隔");
        }

        var findings = TextRules.Field(request.Findings, "findings", "检查情况和发现的问题（未发现问题的写“未发现问题”）", TextRules.MultiLineMax, errors,
            required: true, multiLine: true);
        var rectifyBy = InputValues.ParseDate(request.RectifyBy, "rectifyBy", false, errors);
        if (checkedOn is { } on && rectifyBy is { } by && (by <= on || by > on.AddYears(1)))
        {
            errors.Add("rectifyBy", "整改期限（rectifyBy）应在检查日期之后一年以内");
        }

        if (checkedOn < o.EstablishedOn)
        {
            errors.Add("checkedOn", $"检查日期不能早于成立登记日期 {o.EstablishedOn:yyyy-MM-dd}");
        }

        if (errors.Any)
        {
            return OrgResult<CreatedRecord>.Invalid(errors);
        }

        if (o.Status != SocialOrganizationStatus.Active)
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.Conflict, "该组织已注销或被撤销登记，不再进行监督检查");
        }

        var check = new OrganizationCheck
        {
            OrganizationId = o.Id,
            RegionCode = o.RegionCode,
            CheckedOn = checkedOn!.Value,
            Method = method!.Value,
            Inspectors = inspectors!,
            Findings = findings!,
            RectifyBy = rectifyBy,
        };
        db.SocialOrganizationChecks.Add(check);
        return await OrgResult<CreatedRecord>.SaveAsync(db, new CreatedRecord(check.Id), "该检查记录刚被他人办理，请刷新后查看", ct);
    }

    public async Task<OrgResult<CreatedRecord>> RectifiedAsync(Guid id, Guid checkId, RectificationRequest request, CancellationToken ct)
    {
        if (await db.SocialOrganizationChecks.SingleOrDefaultAsync(c => c.Id == checkId && c.OrganizationId == id, ct) is not { } check)
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.NotFound, "检查记录不存在或不在您的管辖范围内");
        }

        if (check.RectifyBy is null)
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.Conflict, "这次检查没有责令整改，无需登记整改完成");
        }

        if (check.RectifiedOn is { } done)
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.Conflict, $"已于{done:yyyy-MM-dd}登记整改完成，不能重复登记");
        }

        var errors = new FieldErrors();
        if (ClosingForm.Rectification.Read(request.Date, request.Note, check.CheckedOn, clock.Today(), errors) is not (var date, var note))
        {
            return OrgResult<CreatedRecord>.Invalid(errors);
        }

        check.RectifiedOn = date;
        check.RectificationNote = note;
        return await OrgResult<CreatedRecord>.SaveAsync(db, new CreatedRecord(check.Id), "该检查的整改情况刚被他人登记，请刷新后查看", ct);
    }

    /// <summary>An organisation's checks, the latest first; an ordered rectification past its day and not done is overdue.</summary>
    public async Task<IReadOnlyList<CheckRow>> RowsAsync(Guid organizationId, CancellationToken ct)
    {
        var today = clock.Today();
        var checks = await db.SocialOrganizationChecks.AsNoTracking().Where(c => c.OrganizationId == organizationId)
            .OrderByDescending(c => c.CheckedOn).ThenByDescending(c => c.Id).ToListAsync(ct);
        return checks.Select(c => new CheckRow(c.Id, c.CheckedOn, InputValues.Code(c.Method), OrganizationCheck.MethodName(c.Method), c.Inspectors, c.Findings,
            c.RectifyBy, c.RectifiedOn, c.RectificationNote, c.RectifyBy < today && c.RectifiedOn is null)).ToList();
    }

    [GeneratedRegex(@"[、，,；;\s]+")]
    private static partial Regex Names();
}
