using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Modules.SocialOrganizations.Supervision;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Revocations;

/// <summary>
/// 立案 and the later steps of a 撤销登记 case (<see cref="RevocationProcedure"/>). Each step runs in one transaction: the
/// status change is saved first, with the status as concurrency token, so of two clerks at once exactly one goes on;
/// 决定撤销 then runs the register's revoke step (<see cref="OrganizationChanges.EndAsync"/>: status, history, penalty) and,
/// if that refuses, nothing of the step is kept.
/// </summary>
public sealed class RevocationSteps(MinzhengDbContext db, OrganizationChanges changes, DocumentService documents, CalendarService calendars,
    IConfiguration configuration, TimeProvider clock)
{
    private const string NotFound = "撤销登记案件不存在或不在您的管辖范围内";

    public async Task<OrgResult<OpenedRevocation>> OpenAsync(Guid organizationId, OpenRevocationRequest request, IReadOnlyList<string> roles, CancellationToken ct)
    {
        if (!roles.Contains(Platform.Security.Roles.SocialOrgRegistrar))
        {
            return OrgResult<OpenedRevocation>.Refused(Outcome.Conflict, "只有社会组织登记管理员可以办理撤销登记案件");
        }

        if (await db.SocialOrganizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct) is not { } o)
        {
            return OrgResult<OpenedRevocation>.Refused(Outcome.NotFound, "社会组织不存在或不在您的管辖范围内");
        }

        var errors = new FieldErrors();
        var opened = OrganizationInput.Date(request.OpenedOn, "openedOn", "立案日期", clock.Today(), errors);
        var ground = InputValues.ParseOptional<RevocationGround>(request.Ground, "ground",
            "撤销登记的依据（ground）应为 fraud（弄虚作假骗取登记）、inactive（一年未开展活动）、serious-violation（违法情节严重）或 other（其他法定情形）", errors);
        if (string.IsNullOrWhiteSpace(request.Ground))
        {
            errors.Add("ground", "请选择撤销登记的依据（ground）：没有法定依据不能立案");
        }

        var facts = TextRules.Field(request.Facts, "facts", "违法事实和证据", RevocationCase.FactsMaxLength, errors, required: true, multiLine: true);
        if (opened < o.EstablishedOn)
        {
            errors.Add("openedOn", $"立案日期不能早于成立登记日期 {o.EstablishedOn:yyyy-MM-dd}");
        }

        if (errors.Any)
        {
            return OrgResult<OpenedRevocation>.Invalid(errors);
        }

        if (o.Status != SocialOrganizationStatus.Active)
        {
            return OrgResult<OpenedRevocation>.Refused(Outcome.Conflict, "该组织已注销或被撤销登记，不能再立案撤销登记");
        }

        if (await db.RevocationCases.AnyAsync(c => c.OrganizationId == o.Id
                && (c.Status == RevocationStatus.Opened || c.Status == RevocationStatus.Notified || c.Status == RevocationStatus.Heard), ct))
        {
            return OrgResult<OpenedRevocation>.Refused(Outcome.Conflict, "该组织已有正在办理的撤销登记案件，请在该案件中办理");
        }

        var entry = new RevocationCase
        {
            RegionCode = o.RegionCode,
            AuthorityCode = o.AuthorityCode,
            OrganizationId = o.Id,
            OrganizationName = o.Name,
            Status = RevocationStatus.Opened,
            Ground = ground!.Value,
            Facts = facts!,
            OpenedOn = opened!.Value,
        };
        db.RevocationCases.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return OrgResult<OpenedRevocation>.Refused(Outcome.Conflict, "该组织刚被他人立案撤销登记（可能是重复提交），本次未保存");
        }

        return OrgResult<OpenedRevocation>.Done(new OpenedRevocation(entry.Id));
    }

    public async Task<OrgResult<int>> StepAsync(Guid id, string action, RevocationStepRequest request, IReadOnlyList<string> roles, CancellationToken ct)
    {
        if (await db.RevocationCases.SingleOrDefaultAsync(c => c.Id == id, ct) is not { } c)
        {
            return OrgResult<int>.Refused(Outcome.NotFound, NotFound);
        }

        if (OrgResult<int>.RefusedStep(RevocationProcedure.Steps, action, c.Status, roles, out var step) is { } stepRefused)
        {
            return stepRefused;
        }

        var errors = new FieldErrors();
        var date = OrganizationInput.Date(request.Date, "date", step.Title + "日期", clock.Today(), errors);
        var since = c.RespondedOn ?? c.NotifiedOn ?? c.OpenedOn;
        if (date < since)
        {
            errors.Add("date", $"{step.Title}日期不能早于上一步骤的日期 {since:yyyy-MM-dd}");
        }

        var refusal = action switch
        {
            RevocationProcedure.Notify => await NotifyAsync(c, date, errors, ct),
            RevocationProcedure.Respond => Respond(c, date, request, errors),
            RevocationProcedure.Revoke => await DecideRevokeAsync(c, date, request, errors, ct),
            _ => Dismiss(c, date, request, errors),
        };
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return OrgResult<int>.Invalid(errors);
        }

        if (refusal is not null)
        {
            db.ChangeTracker.Clear();
            return refusal;
        }

        c.Status = step.To!.Value;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return OrgResult<int>.Refused(Outcome.Conflict, "该案件刚被他人办理（可能是重复提交），本次未保存，请刷新后查看");
        }

        if (action == RevocationProcedure.Revoke)
        {
            var ended = await changes.EndAsync(c.OrganizationId, Organizations.OrganizationProcedure.Revoke,
                new EndOrganizationRequest(request.Date, c.DecisionReason, c.DecisionNumber), roles, ct);
            if (ended.Outcome != Outcome.Done)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                // The case's own input was checked above; what the register now refuses (deregistered meanwhile, the number
                // just taken) is a conflict of state, not a malformed request.
                return OrgResult<int>.Refused(ended.Outcome == Outcome.Invalid ? Outcome.Rejected : ended.Outcome, "不能决定撤销登记：" + ended.Message);
            }
        }

        if (action == RevocationProcedure.Notify)
        {
            await documents.IssueAsync(RevocationProcedure.NoticeKind, c.RegionCode, RevocationProcedure.OwnerType, c.Id, ct, date);
        }
        else if (action == RevocationProcedure.Revoke)
        {
            await documents.IssueAsync(RevocationProcedure.DecisionKind, c.RegionCode, RevocationProcedure.OwnerType, c.Id, ct, date, number: c.DecisionNumber);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return OrgResult<int>.Done(1);
    }

    private async Task<OrgResult<int>?> NotifyAsync(RevocationCase c, DateOnly? date, FieldErrors errors, CancellationToken ct)
    {
        if (date is { } day && !errors.Any)
        {
            c.NotifiedOn = day;
            c.ResponseDueOn = (await calendars.GetAsync(ct)).AddWorkingDays(day, RevocationProcedure.ResponseWorkingDays(configuration));
        }

        return null;
    }

    private static OrgResult<int>? Respond(RevocationCase c, DateOnly? date, RevocationStepRequest request, FieldErrors errors)
    {
        var response = InputValues.ParseOptional<RevocationResponse>(request.Response, "response",
            "答复方式（response）应为 statement（陈述申辩）、hearing（听证）或 waived（放弃陈述申辩和听证）", errors);
        if (string.IsNullOrWhiteSpace(request.Response))
        {
            errors.Add("response", "请选择答复方式（response）");
        }

        var text = TextRules.Field(request.Text, "text", "陈述申辩或听证意见", RevocationCase.FactsMaxLength, errors,
            required: response is RevocationResponse.Statement or RevocationResponse.Hearing, multiLine: true);
        if (!errors.Any)
        {
            c.Response = response;
            c.RespondedOn = date;
            c.ResponseText = response == RevocationResponse.Waived ? null : text;
        }

        return null;
    }

    private async Task<OrgResult<int>?> DecideRevokeAsync(RevocationCase c, DateOnly? date, RevocationStepRequest request, FieldErrors errors, CancellationToken ct)
    {
        var number = TextRules.Field(request.DecisionNumber, "decisionNumber", "行政处罚决定书文号", OrganizationPenalty.DecisionNumberMaxLength, errors);
        var reason = TextRules.Field(request.Reason, "reason", "撤销登记的理由", RevocationCase.FactsMaxLength, errors, multiLine: true);
        if (errors.Any)
        {
            return null;
        }

        if (number is null)
        {
            return OrgResult<int>.Refused(Outcome.Rejected, "决定撤销登记须写明行政处罚决定书文号（decisionNumber）");
        }

        // 行政处罚法 art. 44–45: the decision waits for the party's statement unless the party has answered, waived, or let the period run out.
        if (c.Status == RevocationStatus.Notified && date <= c.ResponseDueOn)
        {
            return OrgResult<int>.Refused(Outcome.Rejected,
                $"陈述申辩期限至 {c.ResponseDueOn:yyyy-MM-dd} 尚未届满，当事人也未陈述申辩或放弃，期限届满前不能作出撤销登记决定");
        }

        if (await OrganizationPenalty.DecisionTakenAsync(db, c.AuthorityCode, number, ct) is { } taken)
        {
            return OrgResult<int>.Refused(Outcome.Conflict, taken);
        }

        c.DecidedOn = date;
        c.DecisionNumber = number;
        c.DecisionReason = reason ?? $"{RevocationCase.GroundName(c.Ground)}：{c.Facts}";
        if (c.DecisionReason.Length > RevocationCase.FactsMaxLength)
        {
            c.DecisionReason = c.DecisionReason[..RevocationCase.FactsMaxLength];
        }

        return null;
    }

    private static OrgResult<int>? Dismiss(RevocationCase c, DateOnly? date, RevocationStepRequest request, FieldErrors errors)
    {
        var reason = TextRules.Field(request.Reason, "reason", "不予撤销的理由", RevocationCase.FactsMaxLength, errors, required: true, multiLine: true);
        if (!errors.Any)
        {
            c.DecidedOn = date;
            c.DecisionReason = reason;
        }

        return null;
    }
}
