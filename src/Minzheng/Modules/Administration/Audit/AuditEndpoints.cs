using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Administration.Audit;

/// <param name="CheckpointSequence">The latest checkpoint outside the database the log was compared with; null when none exists yet.</param>
public sealed record AuditVerificationDto(bool Intact, long Entries, long? BrokenSequence, string? Problem, string? HeadHash,
    long? CheckpointSequence, DateTimeOffset? CheckpointAt);

/// <summary>The audit administrator's API: search, verify the chain, export. Nobody else may read the log; business values in it are sealed.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.ReadAudit);
        audit.MapGet("/", Search).WithName("Audit_Search").WithSummary("检索审计日志（审计管理员）");
        audit.MapGet("/verify", Verify).WithName("Audit_Verify").WithSummary("校验审计日志哈希链");
        audit.MapGet("/export", Export).WithName("Audit_Export").WithSummary("导出审计日志（xlsx）");
        // Outside the /audit group on purpose: revealing business values is for business users, not the auditor.
        api.MapPost("/audit-values/{sequence:long}/reveal", AuditValueReveal.Reveal).WithTags("Audit").WithName("AuditValues_Reveal")
            .RequireAuthorization(Policies.RevealPersonalData).WithSummary("查看审计记录中加密的业务数据（须填写事由，记入审计日志）");
        return api;
    }

    public static async Task<Results<Ok<List<AuditEntryDto>>, ValidationProblem>> Search(
        string? user, string? action, string? entity, string? region, string? from, string? to, int? page, int? pageSize,
        AuditQuery query, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var filter = AuditFilter.Parse(user, action, entity, region, from, to, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await query.SearchAsync(filter, page ?? 1, pageSize ?? 50, ct));
    }

    public static async Task<Ok<AuditVerificationDto>> Verify(AuditLog log, CancellationToken ct)
    {
        var (result, _) = await log.VerifyAndRecordAsync("api", ct);
        return TypedResults.Ok(new AuditVerificationDto(result.Intact, result.Entries, result.BrokenSequence, result.Problem, result.HeadHash,
            result.Checkpoint?.Sequence, result.Checkpoint?.At));
    }

    public static async Task<Results<FileStreamHttpResult, ValidationProblem>> Export(
        string? user, string? action, string? entity, string? region, string? from, string? to, AuditExporter exporter, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var filter = AuditFilter.Parse(user, action, entity, region, from, to, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var file = await exporter.ExportAsync(filter, ct);
        return TypedResults.File(file, SpreadsheetFile.XlsxType, "audit-log.xlsx");
    }
}
