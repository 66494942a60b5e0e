using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;

namespace Minzheng.Platform.Documents;

/// <summary>Numbers, prints, voids and verifies issued documents (<see cref="IssuedDocument"/>).</summary>
public sealed class DocumentService(MinzhengDbContext db, IEnumerable<DocumentKind> kinds, RegionService regions, AuditLog audit,
    IAuditContext actor, TimeProvider clock)
{
    public const string Printed = "document.printed";
    public const string Voided = "document.voided";
    // Each round of concurrent issues in one series lets at least one through, so this many clerks at once always succeed.
    private const int Attempts = 20;

    /// <summary>
    /// The document of this kind for the record: the one already issued (and not voided), or a new one with the next
    /// number of the county's series for this year. Concurrent issues in one series each get their own number.
    /// </summary>
    /// <param name="issuedOn">The date the document bears (a decision's date); today when not given. Its year picks the series.</param>
    /// <param name="issuer">
    /// The 12-digit region of the issuing office when it is not the county (a township's 公示, see <see cref="IssuingOffice"/>):
    /// the series is that office's, and its name heads the number. The caller's scope must cover it.
    /// </param>
    /// <param name="number">
    /// The number the office already gave the document in another register (a 行政处罚决定书 numbered when the penalty was
    /// decided): printed as it is, while the document still takes the next place in its kind's series.
    /// </param>
    public async Task<IssuedDocument> IssueAsync(string kindCode, string regionCode, string ownerType, Guid ownerId, CancellationToken ct,
        DateOnly? issuedOn = null, string? issuer = null, string? number = null)
    {
        var kind = kinds.SingleOrDefault(k => k.Code == kindCode) ?? throw new InvalidOperationException($"Unknown document kind '{kindCode}'.");
        if (await CurrentAsync(kindCode, ownerType, ownerId, ct) is { } existing)
        {
            return existing;
        }

        var office = issuer ?? regionCode[..6].PadRight(RegionCode.Length, '0');
        var officeName = await regions.NameOfAsync(office, ct) ?? "";
        var today = issuedOn ?? clock.Today();
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.IssuedDocuments.AcrossRegions("a series counts every number of the issuing office, whoever may see them")
                .Where(d => d.Kind == kindCode && d.RegionCode == office && d.Year == today.Year)
                .MaxAsync(d => (int?)d.Sequence, ct) ?? 0;
            var document = new IssuedDocument
            {
                RegionCode = office,
                Kind = kindCode,
                Year = today.Year,
                Sequence = last + 1,
                Number = number ?? kind.Format(ShortName(officeName), today.Year, last + 1),
                Title = kind.Title,
                OwnerType = ownerType,
                OwnerId = ownerId,
                IssuedOn = today,
                VerificationCode = NewCode(),
            };
            db.IssuedDocuments.Add(document);
            try
            {
                await db.SaveChangesAsync(ct);
                return document;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < Attempts)
            {
                // Another clerk took this number a moment ago: take the next one.
                db.Entry(document).State = EntityState.Detached;
            }
        }
    }

    /// <summary>The valid document of this kind for the record, if one was issued.</summary>
    public Task<IssuedDocument?> CurrentAsync(string kindCode, string ownerType, Guid ownerId, CancellationToken ct) =>
        db.IssuedDocuments.Where(d => d.Kind == kindCode && d.OwnerType == ownerType && d.OwnerId == ownerId && d.VoidedAt == null)
            .OrderByDescending(d => d.Sequence).FirstOrDefaultAsync(ct);

    /// <summary>Every document of a record, voided ones included, newest first.</summary>
    public async Task<List<IssuedDocument>> OfAsync(string ownerType, Guid ownerId, CancellationToken ct) =>
        (await db.IssuedDocuments.AsNoTracking().Where(d => d.OwnerType == ownerType && d.OwnerId == ownerId).ToListAsync(ct))
            .OrderByDescending(d => d.Year).ThenByDescending(d => d.Sequence).ToList();

    /// <summary>Counts a print (the first or a reprint) and writes it to the audit log.</summary>
    public async Task RecordPrintAsync(IssuedDocument document, CancellationToken ct)
    {
        document.PrintCount++;
        document.LastPrintedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(Printed, entityType: "IssuedDocument", entityId: document.Id.ToString(), regionCode: document.RegionCode,
            details: new { document.Number, document.PrintCount, Reprint = document.PrintCount > 1 }, ct: ct);
    }

    /// <summary>Voids a document issued in error; its number stays in the series with the reason. The record may be issued a new one.</summary>
    public async Task<(Outcome Outcome, string? Message)> VoidAsync(Guid id, string? reason, CancellationToken ct)
    {
        var document = await db.IssuedDocuments.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
        {
            return (Outcome.NotFound, "文书不存在或不在您的管辖范围内");
        }

        if (document.IsVoid)
        {
            return (Outcome.Conflict, $"文书 {document.Number} 已作废");
        }

        if (reason?.Trim() is not { Length: >= 2 and <= 200 } text)
        {
            return (Outcome.Invalid, "作废须填写原因（2到200字）");
        }

        (document.VoidedAt, document.VoidedBy, document.VoidReason) = (clock.GetUtcNow(), actor.UserName, text);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(Voided, entityType: "IssuedDocument", entityId: id.ToString(), regionCode: document.RegionCode,
            details: new { document.Number, Reason = text }, ct: ct);
        return (Outcome.Done, null);
    }

    /// <summary>What the public verification page shows for a code: the document, never the person it concerns.</summary>
    public async Task<DocumentVerification?> VerifyAsync(string? code, CancellationToken ct)
    {
        if (code is not { Length: IssuedDocument.VerificationCodeLength } || !code.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var d = await db.IssuedDocuments.AsNoTracking().AcrossRegions("anyone holding the paper may check it, signed in or not")
            .SingleOrDefaultAsync(x => x.VerificationCode == code, ct);
        return d is null ? null : new DocumentVerification(d.Title, d.Number, d.IssuedOn, IssuingOffice.Name(d.RegionCode, await regions.NamesOfAsync(IssuingOffice.CodesOf(d.RegionCode), ct)), d.IsVoid,
            d.VoidReason);
    }

    /// <summary>共青城市 → 共青城; 九江县 → 九江: the short name used in document numbers.</summary>
    public static string ShortName(string countyName) =>
        countyName.Length > 2 && (countyName.EndsWith('市') || countyName.EndsWith('县') || countyName.EndsWith('区')) ? countyName[..^1] : countyName;

    private static string NewCode() => RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", IssuedDocument.VerificationCodeLength);
}

public sealed record DocumentVerification(string Title, string Number, DateOnly IssuedOn, string Issuer, bool Void, string? VoidReason);
