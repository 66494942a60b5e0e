using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// Marriage registration (民法典 arts. 1046–1051, 婚姻登记条例): checks every legal condition on the registration day,
/// refuses with the reason in Chinese and writes nothing, or registers and numbers the certificate.
/// </summary>
public sealed class MarriageRegistry(MinzhengDbContext db, IRegionScope scope, PersonalDataProtector protector, DocumentService documents,
    TimeProvider clock)
{
    public async Task<MarriageResult<RegisteredMarriageRecord>> RegisterMarriageAsync(RegisterMarriageRequest request, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        if (!string.Equals(request.Kind?.Trim(), "marriage", StringComparison.Ordinal))
        {
            errors.Add("kind", "登记种类（kind）应为 marriage（结婚登记）");
        }

        var date = MarriageInput.Date(request.Date, "date", "登记日期", today, errors);
        var parties = MarriageInput.Parties(request.Parties, today, errors);
        if (errors.Any)
        {
            return MarriageResult<RegisteredMarriageRecord>.Invalid(errors);
        }

        var (a, b) = (parties![0], parties[1]);
        var (indexA, indexB) = (Index(a.Id), Index(b.Id));
        var couple = MarriageRecord.CoupleKeyOf(indexA, indexB);
        if (await db.MarriageRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Kind == MarriageRecordKind.Marriage && r.CoupleKey == couple && r.Date == date, ct)
            is { } same)
        {
            // Idempotent by parties and date: a repeated submission changes nothing and names the registration already made.
            return MarriageResult<RegisteredMarriageRecord>.Refused(Outcome.Conflict,
                $"双方已于{date:yyyy-MM-dd}办理结婚登记（结婚证字号 {same.CertificateNumber}），请勿重复提交");
        }

        var reasons = await RefusalsAsync(a, b, indexA, indexB, date!.Value, request.Declarations, ct);
        if (reasons.Count > 0)
        {
            return MarriageResult<RegisteredMarriageRecord>.Refused(Outcome.Rejected, "不予登记：" + string.Join("；", reasons));
        }

        var record = NewRecord(MarriageRecordKind.Marriage, date.Value, a, b, indexA, indexB, couple);
        return await SaveNumberedAsync(record, MarriageDocuments.MarriageKind, ct);
    }

    /// <summary>Every reason the law refuses this marriage on <paramref name="date"/> (empty when none).</summary>
    private async Task<List<string>> RefusalsAsync(ValidParty a, ValidParty b, string indexA, string indexB, DateOnly date, MarriageDeclarations? declarations,
        CancellationToken ct)
    {
        var reasons = new List<string>();
        foreach (var p in new[] { a, b })
        {
            if (!MarriageRules.IsOfLegalAge(p.Id.Gender, p.Id.BirthDate, date))
            {
                reasons.Add($"{p.Name}登记之日未满{MarriageRules.LegalAge(p.Id.Gender)}周岁（{p.Id.Gender.ChineseName()}，出生于{p.Id.BirthDate:yyyy-MM-dd}），未达法定婚龄");
            }
        }

        if (a.Id.Gender == b.Id.Gender)
        {
            reasons.Add(a.Id.Type == MarriageIdType.Resident && b.Id.Type == MarriageIdType.Resident
                ? "双方性别相同（依身份证号），不予办理结婚登记"
                : "双方性别相同（依身份证号或录入的性别），不予办理结婚登记");
        }

        var married = await MarriedOnAsync([indexA, indexB], date, ct);
        foreach (var (p, index) in new[] { (a, indexA), (b, indexB) }.Where(x => married.Contains(x.Item2)))
        {
            reasons.Add($"{p.Name}在婚姻登记中有配偶（未登记离婚），不得重婚");
        }

        if (declarations?.NoSpouse != true)
        {
            reasons.Add("双方须签署本人无配偶的声明（declarations.noSpouse）");
        }

        if (declarations?.NoProhibitedKinship != true)
        {
            reasons.Add("双方须签署与对方没有直系血亲和三代以内旁系血亲关系的声明（declarations.noProhibitedKinship）");
        }

        return reasons;
    }

    /// <summary>
    /// Of these blind indexes, those of persons with a marriage in the register not ended by a divorce or revocation on or
    /// before <paramref name="date"/>. The register is read whole: under 全国通办 a marriage may be registered at any registry.
    /// </summary>
    public async Task<HashSet<string>> MarriedOnAsync(IReadOnlyCollection<string> indexes, DateOnly date, CancellationToken ct)
    {
        var records = db.Set<MarriageRecord>();
        var hits = await db.MarriageRecords.AcrossRegions("the one-spouse check reads the whole register: a couple may marry at any registry (全国通办)")
            .Where(m => m.Kind == MarriageRecordKind.Marriage && (indexes.Contains(m.PartyAIdIndex) || indexes.Contains(m.PartyBIdIndex)))
            .Where(m => !records.Any(d => d.MarriageId == m.Id && (d.Kind == MarriageRecordKind.Divorce || d.Kind == MarriageRecordKind.Revocation) && d.Date <= date))
            .Select(m => new { m.PartyAIdIndex, m.PartyBIdIndex }).ToListAsync(ct);
        return hits.SelectMany(h => new[] { h.PartyAIdIndex, h.PartyBIdIndex }).Where(indexes.Contains).ToHashSet();
    }

    /// <summary>The divorce or revocation that ended the marriage, wherever it was registered; null while the marriage is in force.</summary>
    public Task<MarriageRecord?> EndingOfAsync(Guid marriageId, CancellationToken ct) =>
        db.MarriageRecords.AcrossRegions("a divorce or revocation may be registered at any registry (全国通办)").AsNoTracking()
            .Where(d => d.MarriageId == marriageId && (d.Kind == MarriageRecordKind.Divorce || d.Kind == MarriageRecordKind.Revocation))
            .OrderBy(d => d.Date).FirstOrDefaultAsync(ct);

    /// <summary>A marriage binds both parties; the divorce or revocation that ends it frees them (see <see cref="MarriageBond"/>).</summary>
    private async Task UpdateBondsAsync(MarriageRecord record, CancellationToken ct)
    {
        if (record.Kind == MarriageRecordKind.Marriage)
        {
            db.MarriageBonds.AddRange(
                new MarriageBond { PersonIndex = record.PartyAIdIndex, MarriageId = record.Id, RegionCode = record.RegionCode },
                new MarriageBond { PersonIndex = record.PartyBIdIndex, MarriageId = record.Id, RegionCode = record.RegionCode });
        }
        else if (record.Kind is MarriageRecordKind.Divorce or MarriageRecordKind.Revocation && record.MarriageId is { } ended)
        {
            db.MarriageBonds.RemoveRange(await db.MarriageBonds.Where(x => x.MarriageId == ended).ToListAsync(ct));
            // The marriage carries the day it ended, written with the entry that ends it; it may lie at another registry (全国通办).
            var marriage = await db.MarriageRecords.AcrossRegions("the marriage a divorce or revocation ends may have been registered at any registry (全国通办)")
                .SingleAsync(m => m.Id == ended, ct);
            marriage.DissolvedOn = record.Date;
        }
    }

    public string Index(PartyIdentity id) => Index(id.Document);

    public string Index(PartyDocument document) => protector.BlindIndex(document.IndexInput, DataPurpose.IdNumber);

    public MarriageRecord NewRecord(MarriageRecordKind kind, DateOnly date, ValidParty a, ValidParty b, string indexA, string indexB, string couple) => new()
    {
        RegionCode = scope.RegionCode(),
        Kind = kind,
        Date = date,
        PartyAName = a.Name,
        PartyAIdCipher = protector.Encrypt(a.Id.Value, DataPurpose.IdNumber),
        PartyAIdIndex = indexA,
        PartyAIdMasked = a.Id.Masked,
        PartyAGender = a.Id.Gender,
        PartyABirthDate = a.Id.BirthDate,
        PartyAIdType = a.Id.Type,
        PartyANationality = a.Id.Nationality,
        PartyBName = b.Name,
        PartyBIdCipher = protector.Encrypt(b.Id.Value, DataPurpose.IdNumber),
        PartyBIdIndex = indexB,
        PartyBIdMasked = b.Id.Masked,
        PartyBGender = b.Id.Gender,
        PartyBBirthDate = b.Id.BirthDate,
        PartyBIdType = b.Id.Type,
        PartyBNationality = b.Id.Nationality,
        CoupleKey = couple,
    };

    /// <summary>
    /// Stores the record and its certificate number (none when <paramref name="documentKind"/> is null: a revocation
    /// issues no certificate) in one transaction; a concurrent double submission is a conflict.
    /// </summary>
    public async Task<MarriageResult<RegisteredMarriageRecord>> SaveNumberedAsync(MarriageRecord record, string? documentKind, CancellationToken ct,
        Action? alsoChange = null)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.MarriageRecords.Add(record);
        await UpdateBondsAsync(record, ct);
        alsoChange?.Invoke();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var sameRegistration = await db.MarriageRecords.AsNoTracking().AcrossRegions("a double submission may come from any registry")
                .AnyAsync(r => r.Kind == record.Kind && r.CoupleKey == record.CoupleKey && r.Date == record.Date, ct);
            return MarriageResult<RegisteredMarriageRecord>.Refused(Outcome.Conflict, sameRegistration
                ? "同一登记已办理（双方与日期相同），请勿重复提交"
                : "不予登记：一方刚刚在另一结婚登记中登记结婚（同时提交），不能同时与两人结婚");
        }

        if (documentKind is not null)
        {
            var document = await documents.IssueAsync(documentKind, record.RegionCode, MarriageDocuments.OwnerType, record.Id, ct, record.Date);
            record.CertificateNumber = document.Number;
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return MarriageResult<RegisteredMarriageRecord>.Done(new RegisteredMarriageRecord(record.Id, record.CertificateNumber));
    }
}
