using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Applications;

/// <summary>
/// The steps of a 登记申请 after receipt (<see cref="ApplicationProcedure"/>). Each runs in one transaction: the status
/// change is saved first, with the status as concurrency token, so of two clerks deciding at once exactly one goes on;
/// 准予登记 then runs the ordinary registration (<see cref="OrganizationRegistry"/>, <see cref="OrganizationChanges"/>)
/// and, if that refuses, nothing of the step is kept.
/// </summary>
public sealed class ApplicationDecisions(MinzhengDbContext db, OrganizationRegistry registry, OrganizationChanges changes, DocumentService documents,
    CalendarService calendars, PersonalDataProtector protector, IConfiguration configuration, TimeProvider clock)
{
    public async Task<OrgResult<int>> StepAsync(Guid id, string action, ApplicationStepRequest request, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var application = await db.RegistrationApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return OrgResult<int>.Refused(Outcome.NotFound, "登记申请不存在或不在您的管辖范围内");
        }

        if (ApplicationClock.OnceOnly(application, action, roles) is { } once)
        {
            return once;
        }

        if (OrgResult<int>.RefusedStep(ApplicationProcedure.Steps, action, application.Status, roles, out var step) is { } refusal)
        {
            return refusal;
        }

        var errors = new FieldErrors();
        var date = OrganizationInput.Date(request.Date, "date", step.Title + "日期", clock.Today(), errors);
        var reason = TextRules.Field(request.Reason, "reason", step.Title + "的理由", TextRules.MultiLineMax, errors, required: step.NeedsReason, multiLine: true);
        var correcting = action == ApplicationProcedure.RequestCorrection;
        var items = correcting ? ApplicationClock.Items(request.Items, errors) : [];
        var note = correcting ? TextRules.Field(request.Note, "note", "补正告知的其他说明", TextRules.MultiLineMax, errors, multiLine: true) : null;
        var (since, label) = ApplicationClock.LastStep(application);
        if (date < since)
        {
            errors.Add("date", $"{step.Title}日期不能早于{label} {since:yyyy-MM-dd}");
        }

        if (errors.Any)
        {
            return OrgResult<int>.Invalid(errors);
        }

        var day = date!.Value;
        application.Status = step.To!.Value;
        switch (action)
        {
            case ApplicationProcedure.Accept:
                var calendar = await calendars.GetAsync(ct);
                application.AcceptedOn = ApplicationClock.AcceptedOn(application, day, calendar);
                application.DueOn = calendar.AddWorkingDays(application.AcceptedOn.Value, ApplicationProcedure.DecisionWorkingDays(configuration, application.Kind));
                break;
            case ApplicationProcedure.RequestCorrection or ApplicationProcedure.ReceiveCorrection or ApplicationProcedure.Extend:
                if (ApplicationClock.Apply(application, action, day, reason, note, items, await calendars.GetAsync(ct),
                        ApplicationProcedure.DecisionWorkingDays(configuration, application.Kind)) is { } clockRefusal)
                {
                    db.ChangeTracker.Clear();
                    return clockRefusal;
                }

                break;
            default:
                application.ClosedOn = day;
                application.ClosingReason = reason;
                break;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return OrgResult<int>.Refused(Outcome.Conflict, "该申请刚被他人办理（可能是重复提交），本次未保存，请刷新后查看");
        }

        var effect = action == ApplicationProcedure.Approve ? await RegisterAsync(application, day, roles, ct) : null;
        if (effect is not null)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return effect;
        }

        // Complete corrections are the 受理 of an application not yet accepted (art. 32(5)): it gets its 受理通知书 now.
        if ((action == ApplicationProcedure.ReceiveCorrection ? ApplicationProcedure.AcceptanceKind : ApplicationProcedure.NoticeOf(action)) is { } notice)
        {
            await documents.IssueAsync(notice, application.RegionCode, ApplicationProcedure.OwnerType, application.Id, ct, day);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return OrgResult<int>.Done(1);
    }

    /// <summary>准予登记: today's registration, change or deregistration, dated on the decision; null when done, else its refusal.</summary>
    private async Task<OrgResult<int>?> RegisterAsync(RegistrationApplication a, DateOnly day, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var representative = a.RepresentativeIdCipher is null
            ? null
            : new LegalRepresentativeRequest(a.RepresentativeName, protector.Decrypt(a.RepresentativeIdCipher, DataPurpose.IdNumber));
        switch (a.Kind)
        {
            case ApplicationKind.Establish:
                var registered = await registry.RegisterAsync(new RegisterOrganizationRequest(a.OrganizationName, InputValues.Code(a.OrganizationKind!.Value),
                    a.CreditCode, a.CreditCodeNote, a.SupervisingUnit, a.Residence, a.RegisteredCapital, representative, date, a.IndividualMembers, a.UnitMembers,
                    a.CouncilSize), ct);
                if (registered.Value is null)
                {
                    return Refusal(registered);
                }

                a.OrganizationId = registered.Value.Id;
                return null;
            case ApplicationKind.Change:
                return Refusal(await changes.ChangeAsync(a.OrganizationId!.Value, new ChangeOrganizationRequest(date, a.NewName, a.SupervisingUnit, a.Residence,
                    a.RegisteredCapital, representative, a.Matter), roles, ct));
            default:
                return Refusal(await changes.EndAsync(a.OrganizationId!.Value, OrganizationProcedure.Deregister, new EndOrganizationRequest(date, a.Matter, null), roles, ct));
        }
    }

    private static OrgResult<int>? Refusal<T>(OrgResult<T> result) => result.Outcome switch
    {
        Outcome.Done => null,
        // The applicant's contents were checked at receipt; what the register now refuses (a name taken meanwhile, an
        // organisation deregistered meanwhile) is a business rule for the decision, not a malformed request.
        Outcome.Invalid => OrgResult<int>.Refused(Outcome.Rejected, "不能准予登记：" + result.Message),
        _ => OrgResult<int>.Refused(result.Outcome, "不能准予登记：" + result.Message),
    };
}
