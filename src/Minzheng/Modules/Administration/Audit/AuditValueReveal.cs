using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Administration.Audit;

public sealed record AuditRevealRequest(string? Reason);

/// <param name="Values">The sealed business values as they were written: a changed row's fields (before/after) or an event's particulars.</param>
public sealed record RevealedAuditValues(long Sequence, string Action, string? EntityType, string? EntityId, string? RegionCode, JsonElement Values);

/// <summary>
/// Opens the sealed business values of one audit entry for a business user who may reveal personal data, within their
/// region scope and with a reason that is itself audited (PIPL art. 51). The audit administrator reads the log but
/// not these values (三员分立): the policy leaves that role out.
/// </summary>
public sealed class AuditValueReveal(MinzhengDbContext db, IRegionScope scope, PersonalDataProtector protector, AuditLog log)
{
    public const string NotFound = "审计记录不存在、没有加密的业务数据，或不在您的管辖范围内";

    public async Task<RevealedAuditValues?> RevealAsync(long sequence, string reason, CancellationToken ct)
    {
        var prefix = scope.Prefix;
        var entry = await db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Sequence == sequence, ct);
        // The audit table has no region filter of its own: the entry's region decides, and an entry without one is
        // nobody's business data to reveal.
        if (entry?.RegionCode is not { } region || prefix == IRegionScope.Nothing || !region.StartsWith(prefix, StringComparison.Ordinal)
            || AuditValues.SealedOf(entry.Details) is not { } cipher)
        {
            return null;
        }

        var values = protector.Decrypt(cipher, DataPurpose.AuditValues);
        await log.RecordAsync(AuditActions.SensitiveRevealed, entityType: nameof(AuditEntry), entityId: entry.Id.ToString(), regionCode: region,
            details: new { field = "auditValues", sequence, reason }, ct: ct);
        using var document = JsonDocument.Parse(values);
        return new RevealedAuditValues(entry.Sequence, entry.Action, entry.EntityType, entry.EntityId, region, document.RootElement.Clone());
    }

    public static async Task<Results<Ok<RevealedAuditValues>, ProblemHttpResult, ValidationProblem>> Reveal(
        long sequence, AuditRevealRequest request, AuditValueReveal reveal, CancellationToken ct)
    {
        if (DisclosureReason.Normalize(request.Reason) is not { } reason)
        {
            return ApiProblems.Validation("reason", DisclosureReason.Required("查看审计记录中的业务数据"));
        }

        return await reveal.RevealAsync(sequence, reason, ct) is { } revealed ? TypedResults.Ok(revealed) : ApiProblems.NotFound(NotFound);
    }
}
