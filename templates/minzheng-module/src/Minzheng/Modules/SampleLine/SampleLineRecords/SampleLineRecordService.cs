using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SampleLine.SampleLineRecords;

public sealed record CreateSampleLineRecord(string? RegionCode, string? Subject);

public sealed record SampleLineRecordDto(Guid Id, string RegionCode, string Subject, DateOnly ReceivedOn, DateOnly DueOn, string Status, string StatusName,
    string? ClosingReason, IReadOnlyList<string> AvailableActions);

/// <summary>Registers, lists and moves 示例业务 records through their procedure, within the caller's region.</summary>
public sealed class SampleLineRecordService(MinzhengDbContext db, IRegionScope scope, CalendarService calendars, TimeProvider clock)
{
    public const int DueWorkingDays = 10;

    public async Task<(Outcome Outcome, Guid? Id, FieldErrors Errors)> CreateAsync(CreateSampleLineRecord request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.RegionCode is not { } region || !RegionCode.IsValid(region))
        {
            errors.Add("regionCode", "regionCode 应为12位统计用区划代码");
        }
        else if (!region.StartsWith(scope.Prefix, StringComparison.Ordinal))
        {
            errors.Add("regionCode", "区划不在您的管辖范围内");
        }

        if (request.Subject?.Trim() is not { Length: > 0 and <= SampleLineRecord.SubjectMaxLength })
        {
            errors.Add("subject", $"请填写事项（{SampleLineRecord.SubjectMaxLength}字以内）");
        }

        if (errors.Any)
        {
            return (Outcome.Invalid, null, errors);
        }

        var today = clock.Today();
        var record = new SampleLineRecord
        {
            RegionCode = request.RegionCode!,
            Subject = request.Subject!.Trim(),
            ReceivedOn = today,
            DueOn = (await calendars.GetAsync(ct)).AddWorkingDays(today, DueWorkingDays),
        };
        db.SampleLineRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, record.Id, errors);
    }

    public async Task<List<SampleLineRecordDto>> ListAsync(IEnumerable<string> roles, CancellationToken ct) =>
        (await db.SampleLineRecords.AsNoTracking().OrderBy(r => r.DueOn).Take(500).ToListAsync(ct)).Select(r => Dto(r, roles)).ToList();

    public async Task<(Outcome Outcome, string? Message)> ActAsync(Guid id, string action, string? reason, IEnumerable<string> roles, CancellationToken ct)
    {
        var record = await db.SampleLineRecords.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return (Outcome.NotFound, "记录不存在或不在您的管辖范围内");
        }

        try
        {
            var step = SampleLineRecord.Procedure.Ensure(action, record.Status, roles);
            if (step.NeedsReason && reason?.Trim() is not { Length: >= 2 and <= 500 })
            {
                return (Outcome.Invalid, $"{step.Title}须填写理由（2到500字）");
            }

            (record.Status, record.ClosingReason) = (step.To ?? record.Status, step.NeedsReason ? reason!.Trim() : record.ClosingReason);
            await db.SaveChangesAsync(ct);
            return (Outcome.Done, null);
        }
        catch (DomainRuleException e)
        {
            return (e.Outcome, e.Message);
        }
    }

    private static SampleLineRecordDto Dto(SampleLineRecord r, IEnumerable<string> roles) => new(r.Id, r.RegionCode, r.Subject, r.ReceivedOn, r.DueOn,
        InputValues.Code(r.Status), SampleLineRecord.StatusName(r.Status), r.ClosingReason,
        SampleLineRecord.Procedure.AvailableActions(r.Status, roles).Select(s => s.Action).ToList());
}

/// <summary>Open records on the platform's work list and deadline board.</summary>
public sealed class SampleLineRecordDeadlines(MinzhengDbContext db) : IDeadlineSource
{
    public string Kind => "示例业务";

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct) =>
        (await db.SampleLineRecords.AsNoTracking().Where(r => r.Status != SampleLineStatus.Closed).ToListAsync(ct))
        .Select(r => new OpenDeadline(r.RegionCode, r.DueOn, r.Subject, "/SampleLineRecords")).ToList();
}
