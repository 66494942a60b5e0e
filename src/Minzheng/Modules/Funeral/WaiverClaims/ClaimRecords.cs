using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Privacy;

namespace Minzheng.Modules.Funeral.WaiverClaims;

public sealed record ClaimRecordWaiver(string Item, string ItemName, int Quantity, decimal Amount, bool InThisClaim);

/// <summary>
/// The cremation record behind a claim's waiver lines, as finance checks it: who died and when, the death certificate, the
/// cremation, the status that makes the person a waiver case (and whether it came from a social-assistance enrolment), and
/// every waiver of the record. The ID number is masked; the family's name and phone are left out: finance has no call to
/// contact the family.
/// </summary>
public sealed record ClaimRecordView(Guid ClaimId, string ClaimTitle, Guid CremationId, string Name, string IdNumberMasked, string Gender, DateOnly BirthDate,
    string RegionCode, bool Agricultural, DateOnly DeathDate, string DeathCauseName, string? DeathCertificateNumber, DateOnly CremationDate, string FuneralHome,
    string ResidentStatus, string ResidentStatusName, bool StatusFromEnrolment, IReadOnlyList<ClaimRecordWaiver> Waivers, decimal WaiverAmount);

/// <summary>
/// Finance approves a claim line by line and needs the record behind each line, but the cremation register itself stays the
/// funeral staff's (finance has no business with the other cremations or the family's contact). So finance opens a record
/// only through a claim it can see and only when the record is on that claim; each opening is audited like other views of
/// personal records.
/// </summary>
public sealed class ClaimRecords(MinzhengDbContext db, AuditLog audit)
{
    public async Task<ClaimRecordView?> GetAsync(Guid claimId, Guid cremationId, CancellationToken ct)
    {
        var claim = await db.WaiverClaims.AsNoTracking().SingleOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null || !await db.WaiverClaimLines.AsNoTracking().AnyAsync(l => l.ClaimId == claimId && l.CremationId == cremationId, ct))
        {
            return null;
        }

        if (await db.Cremations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cremationId, ct) is not { } c)
        {
            return null;
        }

        var inClaim = await db.WaiverClaimLines.AsNoTracking().Where(l => l.ClaimId == claimId && l.CremationId == cremationId).Select(l => l.FeeWaiverLineId)
            .ToListAsync(ct);
        var order = FeeWaiverRules.Items.Select(i => i.Code).ToList();
        var waivers = (await db.FeeWaiverLines.AsNoTracking().Where(l => l.CremationId == cremationId).ToListAsync(ct))
            .OrderBy(l => order.IndexOf(l.Item))
            .Select(l => new ClaimRecordWaiver(l.Item, FeeWaiverRules.ItemName(l.Item), l.Quantity, l.Amount, inClaim.Contains(l.Id))).ToList();
        var facility = await db.FuneralFacilities.AsNoTracking().Where(f => f.Id == claim.FacilityId).Select(f => f.Name).SingleOrDefaultAsync(ct) ?? "";
        await audit.RecordAsync(AuditActions.RecordViewed, entityType: nameof(Cremation), entityId: c.Id.ToString(), regionCode: c.RegionCode, ct: ct);
        return new ClaimRecordView(claim.Id, $"{facility} {claim.Month:yyyy年M月}", c.Id, c.Name, c.IdNumberMasked, c.Gender.ChineseName(),
            c.BirthDate, c.RegionCode, c.Agricultural, c.DeathDate, Cremation.CauseName(c.DeathCause), c.DeathCertificateNumber, c.CremationDate, c.FuneralHome,
            c.ResidentStatus, FeeWaiverRules.StatusName(c.ResidentStatus), c.AssistancePrograms.Length > 0, waivers, c.WaiverAmount);
    }
}
