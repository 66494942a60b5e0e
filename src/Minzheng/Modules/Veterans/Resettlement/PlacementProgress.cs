using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Resettlement;

/// <summary><c>POST /api/v1/veterans/placements/{id}/progress</c>: the day the soldier reported, and for 安排工作 the employer and the day he started.</summary>
public sealed record PlacementProgressRequest(string? ReportedOn = null, string? Employer = null, string? StartedOn = null);

/// <summary>
/// What happens after a soldier is received: he reports (within 30 days of discharge), and an assigned job is found for
/// him within 6 months of reporting (退役士兵安置条例 arts. 31, 33; POLICY §7). Each fact is entered once; entering the
/// same value again is harmless, a different one is refused (a correction is not a progress step).
/// </summary>
public sealed class PlacementProgress(MinzhengDbContext db, TimeProvider clock)
{
    /// <summary>安排工作 is due within 6 months of the soldier reporting (of his discharge while he has not reported).</summary>
    public const int AssignWithinMonths = 6;

    public static DateOnly AssignBy(SoldierPlacement p) => (p.ReportedOn ?? p.DischargedOn).AddMonths(AssignWithinMonths);

    public async Task<VeteranResult<PlacementRow>> RecordAsync(Guid id, PlacementProgressRequest r, CancellationToken ct)
    {
        var placement = await db.VeteranPlacements.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (placement is null)
        {
            return VeteranResult<PlacementRow>.Refused(Outcome.NotFound, "安置记录不存在或不在您的管辖范围内");
        }

        var today = clock.Today();
        var errors = new FieldErrors();
        var reported = EntitlementInput.Date(r.ReportedOn, "reportedOn", "报到日期", today, errors);
        var employer = TextRules.Field(r.Employer, "employer", "接收单位", SoldierPlacement.EmployerMaxLength, errors);
        var started = EntitlementInput.Date(r.StartedOn, "startedOn", "上岗日期", today, errors);
        if (reported is null && employer is null && started is null && !errors.Any)
        {
            errors.Add("reportedOn", "请填写报到日期，或安排工作的接收单位和上岗日期");
        }

        if (reported < placement.DischargedOn)
        {
            errors.Add("reportedOn", "报到日期（reportedOn）不能早于退出现役日期");
        }

        if ((employer is not null || started is not null) && placement.Path != PlacementPath.AssignedJob)
        {
            errors.Add("employer", "只有安置去向为安排工作的，才登记接收单位和上岗日期");
        }
        else if ((employer is null) != (started is null))
        {
            errors.Add(employer is null ? "employer" : "startedOn", "接收单位和上岗日期须一并填写");
        }

        if (started < (reported ?? placement.ReportedOn ?? placement.DischargedOn))
        {
            errors.Add("startedOn", "上岗日期（startedOn）不能早于报到日期");
        }

        if (errors.Any)
        {
            return VeteranResult<PlacementRow>.Invalid(errors);
        }

        if ((reported is not null && placement.ReportedOn is { } was && was != reported)
            || (started is not null && placement.StartedOn is { } begun && (begun != started || placement.Employer != employer)))
        {
            return VeteranResult<PlacementRow>.Refused(Outcome.Conflict, "该项已登记，内容不同；如需更正请联系系统管理员按更正流程办理");
        }

        placement.ReportedOn ??= reported;
        if (started is not null)
        {
            (placement.Employer, placement.StartedOn) = (employer, started);
        }

        await db.SaveChangesAsync(ct);
        return VeteranResult<PlacementRow>.Done(PlacementService.Row(placement));
    }
}

/// <summary>
/// The two deadlines of a received soldier on the shared work list and board: reporting within 30 days of discharge,
/// and an assigned job within 6 months of reporting.
/// </summary>
public sealed class PlacementDeadlines(MinzhengDbContext db) : IDeadlineSource
{
    public string Kind => "退役士兵安置";

    public string? Policy => VeteransModule.Manage;

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct)
    {
        var open = await db.VeteranPlacements.AsNoTracking()
            .Where(p => p.ReportedOn == null || (p.Path == PlacementPath.AssignedJob && p.StartedOn == null)).ToListAsync(ct);
        return open.Select(p => p.ReportedOn is null
                ? new OpenDeadline(p.RegionCode, p.DischargedOn.AddDays(DischargePaymentCalculator.ReportWithinDays), $"退役士兵报到：{p.Name}",
                    "/Veterans/Placements", p.DischargedOn)
                : new OpenDeadline(p.RegionCode, PlacementProgress.AssignBy(p), $"安排工作：{p.Name}", "/Veterans/Placements", p.ReportedOn))
            .ToList();
    }
}
