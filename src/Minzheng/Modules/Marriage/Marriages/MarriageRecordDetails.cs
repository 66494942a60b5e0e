using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <param name="IdType">the document's API code (resident, passport, hkMacaoPermit, taiwanPermit)</param>
/// <param name="Nationality">ISO 3166 alpha-3 for a passport or permit holder; null for a resident ID</param>
public sealed record MarriagePartyView(string Name, string IdMasked, string Gender, DateOnly BirthDate, string IdType = "resident", string? Nationality = null)
{
    public string IdTypeName => MarriageIdTypes.Name(MarriageIdTypes.Codes[IdType]);
}

public sealed record MarriageHistoryEntry(Guid Id, string Kind, string KindName, DateOnly Date, string CertificateNumber, string RegionCode);

public sealed record MarriageCorrectionView(Guid Id, DateOnly CorrectedOn, string Field, string FieldName, string OldValue, string NewValue, string Reason,
    string CorrectedBy);

/// <summary>
/// One entry of the register with its history: the entries referring to it or referred to, and its corrections. ID numbers
/// masked. For a marriage no longer in force, <c>DissolvedOn</c> is the day it ended and <c>EndedBy</c> the kind of entry
/// that ended it (divorce or revocation).
/// </summary>
public sealed record MarriageRecordDetail(Guid Id, string Kind, string KindName, DateOnly Date, string CertificateNumber, string RegionCode,
    IReadOnlyList<MarriagePartyView> Parties, Guid? RelatedId, string? Reason, string? Court, string? CaseNumber, DateOnly? JudgmentDate, string? AnnulmentKind,
    bool InForce, IReadOnlyList<MarriageHistoryEntry> History, IReadOnlyList<MarriageCorrectionView> Corrections, DateOnly? DissolvedOn = null,
    string? EndedBy = null)
{

    public static string AnnulmentName(string? kind) => kind == "void" ? MarriageRecord.AnnulmentName(MarriageAnnulmentKind.Void)
        : kind == "voidable" ? MarriageRecord.AnnulmentName(MarriageAnnulmentKind.Voidable) : "";
}

/// <summary>A register entry as the registry's own staff see it on its page; every view is audited.</summary>
public sealed class MarriageRecordDetails(MinzhengDbContext db, AuditLog audit)
{
    public async Task<MarriageRecordDetail?> GetAsync(Guid id, CancellationToken ct)
    {
        var r = await db.MarriageRecords.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return null;
        }

        var related = await db.MarriageRecords.AcrossRegions("a divorce, revocation or reissue of this entry may be registered at any registry (全国通办)")
            .AsNoTracking().Where(x => x.MarriageId == r.Id || x.Id == r.MarriageId).OrderBy(x => x.Date).ThenBy(x => x.Id).ToListAsync(ct);
        var corrections = await db.MarriageCorrections.AsNoTracking().Where(c => c.RecordId == r.Id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(ct);
        await audit.RecordAsync(AuditActions.RecordViewed, entityType: nameof(MarriageRecord), entityId: r.Id.ToString(), regionCode: r.RegionCode, ct: ct);
        var ending = r.Kind == MarriageRecordKind.Marriage
            ? related.FirstOrDefault(x => x.MarriageId == r.Id && x.Kind is MarriageRecordKind.Divorce or MarriageRecordKind.Revocation)
            : null;
        var inForce = r.Kind == MarriageRecordKind.Marriage && ending is null;
        return new MarriageRecordDetail(r.Id, InputValues.Code(r.Kind), MarriageRecord.KindName(r.Kind), r.Date, r.CertificateNumber, r.RegionCode,
            [Party(r.PartyAName, r.PartyAIdMasked, r.PartyAGender, r.PartyABirthDate, r.PartyAIdType, r.PartyANationality),
                Party(r.PartyBName, r.PartyBIdMasked, r.PartyBGender, r.PartyBBirthDate, r.PartyBIdType, r.PartyBNationality)],
            r.MarriageId, r.Reason, r.Court, r.CaseNumber, r.JudgmentDate, r.AnnulmentKind is { } k ? InputValues.Code(k) : null, inForce,
            related.Select(x => new MarriageHistoryEntry(x.Id, InputValues.Code(x.Kind), MarriageRecord.KindName(x.Kind), x.Date, x.CertificateNumber, x.RegionCode))
                .ToList(),
            corrections.Select(c => new MarriageCorrectionView(c.Id, c.CorrectedOn, c.Field, MarriageCorrections.FieldName(c.Field), c.OldValue, c.NewValue, c.Reason,
                c.CreatedBy)).ToList(), r.DissolvedOn, ending is null ? null : InputValues.Code(ending.Kind));
    }

    private static MarriagePartyView Party(string name, string masked, Gender gender, DateOnly birth, MarriageIdType type, string? nationality) =>
        new(name, masked, gender == Gender.Male ? "male" : "female", birth, MarriageIdTypes.Code(type), nationality);
}
