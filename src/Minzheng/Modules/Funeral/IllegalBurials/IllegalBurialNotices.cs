using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.IllegalBurials;

/// <param name="IssuedOn">The day it is served (default today; not before the case was found).</param>
/// <param name="PartyName">The party, when the case does not name one yet (a grave's owner is often found out later).</param>
/// <param name="PartyIdNumber">The party's ID number, optional; masked on the notice.</param>
/// <param name="RectifyBy">A new rectification deadline for the notice (default the case's); must be after the issue date.</param>
public sealed record IllegalBurialNoticeRequest(string? IssuedOn, string? PartyName, string? PartyIdNumber, string? RectifyBy);

/// <summary>
/// 限期整改通知书: served on the party of an open illegal-burial case, once, numbered from the county's series and printable
/// with QR verification. Issuing records the date and number on the case (its change and the document are audited).
/// </summary>
public sealed class IllegalBurialNotices(MinzhengDbContext db, DocumentService documents, PersonalDataProtector protector, TimeProvider clock)
{
    /// <summary>
    /// The legal basis printed on the notice. POLICY §9 names the 2026 revision of the 殡葬管理条例 but no article number for
    /// the order to rectify (the 1997/2012 text had it in art. 20, renumbered by the revision), so the notice cites the
    /// regulation and the rule broken rather than a number nobody has verified against the new text.
    /// </summary>
    public const string LegalBasis = "《殡葬管理条例》（2026年修订，2026年3月30日起施行）关于遗体、骨灰应当在公墓和农村公益性墓地安葬，"
        + "禁止在公墓和农村公益性墓地以外埋葬遗体、建造坟墓，墓穴占地面积不得超过省级人民政府规定标准的规定，以及本省殡葬管理规定";

    private const string NotFound = "乱埋乱葬案件不存在或不在您的管辖范围内";

    public async Task<FuneralResult<IllegalBurialRow>> IssueAsync(Guid id, IllegalBurialNoticeRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var c = await db.IllegalBurialCases.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return FuneralResult<IllegalBurialRow>.Refused(Outcome.NotFound, NotFound);
        }

        var errors = new FieldErrors();
        var issuedOn = string.IsNullOrWhiteSpace(r.IssuedOn) ? today : InputValues.PastDate(r.IssuedOn, "issuedOn", "通知书发出日期", today, required: true, errors);
        if (issuedOn is { } day && day < c.FoundOn)
        {
            errors.Add("issuedOn", $"通知书发出日期不能早于发现日期{c.FoundOn:yyyy-MM-dd}");
        }

        var party = string.IsNullOrWhiteSpace(r.PartyName) ? c.PartyName : TextRules.Field(r.PartyName, "partyName", "当事人", 50, errors);
        if (party is null && string.IsNullOrWhiteSpace(r.PartyName))
        {
            errors.Add("partyName", "限期整改通知书须写明当事人（partyName）");
        }

        var partyId = IllegalBurialService.PartyId(r.PartyIdNumber, today, errors);
        var rectifyBy = c.RectifyBy;
        if (!string.IsNullOrWhiteSpace(r.RectifyBy) && !InputValues.TryParseDate(r.RectifyBy, out rectifyBy))
        {
            errors.Add("rectifyBy", "整改期限（rectifyBy）应为有效日期 YYYY-MM-DD");
        }
        else if (issuedOn is { } from && rectifyBy <= from)
        {
            errors.Add("rectifyBy", $"整改期限{rectifyBy:yyyy-MM-dd}应晚于通知书发出日期{from:yyyy-MM-dd}，请另定整改期限（rectifyBy）");
        }

        if (errors.Any)
        {
            return FuneralResult<IllegalBurialRow>.Invalid(errors);
        }

        if (c.NoticeNumber is not null || c.NoticedOn is not null)
        {
            return FuneralResult<IllegalBurialRow>.Refused(Outcome.Conflict, $"该案件已于{c.NoticedOn:yyyy-MM-dd}发出限期整改通知书（{c.NoticeNumber}），不能重复发出");
        }

        if (c.Status != IllegalBurialStatus.Open)
        {
            return FuneralResult<IllegalBurialRow>.Refused(Outcome.Conflict, $"该案件已于{c.ClosedOn:yyyy-MM-dd}结案（{IllegalBurialCase.StatusName(c.Status)}），不能再发限期整改通知书");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        (c.NoticedOn, c.PartyName, c.RectifyBy) = (issuedOn, party, rectifyBy);
        IllegalBurialService.SetPartyId(c, partyId, protector);
        try
        {
            // The notice date and the status are concurrency tokens: of two clerks issuing (or one closing) at once, the
            // second writes nothing and takes no number.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return FuneralResult<IllegalBurialRow>.Refused(Outcome.Conflict, "该案件刚刚已由他人发出通知书或登记处理结果，请刷新后查看");
        }

        var document = await documents.IssueAsync(IllegalBurialDocuments.NoticeKind, c.RegionCode, IllegalBurialDocuments.OwnerType, c.Id, ct, issuedOn);
        c.NoticeNumber = document.Number;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return FuneralResult<IllegalBurialRow>.Done(IllegalBurialService.Row(c, today));
    }
}
