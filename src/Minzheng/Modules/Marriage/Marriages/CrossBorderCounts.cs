using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// Registrations of a period with a party from outside the mainland, by the 民政事业统计 headings: 涉外 (a foreign passport),
/// 涉港澳台 (a 港澳 or 台湾 permit, or a 港澳台居民居住证: a resident number beginning 81, 82 or 83) and 华侨 (a Chinese
/// passport). A couple counts once, under the first heading that applies in that order.
/// </summary>
public sealed record CrossBorderFigures(int ForeignMarriages, int HongKongMacaoTaiwanMarriages, int OverseasChineseMarriages, int ForeignDivorces,
    int HongKongMacaoTaiwanDivorces, int OverseasChineseDivorces);

/// <summary>Counts <see cref="CrossBorderFigures"/> from the register.</summary>
public sealed class CrossBorderCounts(MinzhengDbContext db)
{
    private enum Heading
    {
        None,
        Foreign,
        HongKongMacaoTaiwan,
        OverseasChinese,
    }

    public async Task<CrossBorderFigures> CountAsync(string prefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Only entries with a document other than a resident ID, or a 居住证 number (its first six characters stay in the mask).
        var rows = await db.MarriageRecords.AsNoTracking()
            .Where(r => r.RegionCode.StartsWith(prefix) && r.Date >= from && r.Date <= to &&
                        (r.Kind == MarriageRecordKind.Marriage || r.Kind == MarriageRecordKind.Divorce))
            .Where(r => r.PartyAIdType != MarriageIdType.Resident || r.PartyBIdType != MarriageIdType.Resident ||
                        r.PartyAIdMasked.StartsWith("81") || r.PartyAIdMasked.StartsWith("82") || r.PartyAIdMasked.StartsWith("83") ||
                        r.PartyBIdMasked.StartsWith("81") || r.PartyBIdMasked.StartsWith("82") || r.PartyBIdMasked.StartsWith("83"))
            .Select(r => new { r.Kind, r.PartyAIdType, r.PartyANationality, r.PartyAIdMasked, r.PartyBIdType, r.PartyBNationality, r.PartyBIdMasked })
            .ToListAsync(ct);
        var headings = rows.Select(r => (r.Kind, Heading: Of([
            HeadingOf(r.PartyAIdType, r.PartyANationality, r.PartyAIdMasked), HeadingOf(r.PartyBIdType, r.PartyBNationality, r.PartyBIdMasked)]))).ToList();
        int Count(MarriageRecordKind kind, Heading heading) => headings.Count(h => h.Kind == kind && h.Heading == heading);
        return new CrossBorderFigures(Count(MarriageRecordKind.Marriage, Heading.Foreign), Count(MarriageRecordKind.Marriage, Heading.HongKongMacaoTaiwan),
            Count(MarriageRecordKind.Marriage, Heading.OverseasChinese), Count(MarriageRecordKind.Divorce, Heading.Foreign),
            Count(MarriageRecordKind.Divorce, Heading.HongKongMacaoTaiwan), Count(MarriageRecordKind.Divorce, Heading.OverseasChinese));
    }

    private static Heading Of(Heading[] parties) =>
        parties.Contains(Heading.Foreign) ? Heading.Foreign
        : parties.Contains(Heading.HongKongMacaoTaiwan) ? Heading.HongKongMacaoTaiwan
        : parties.Contains(Heading.OverseasChinese) ? Heading.OverseasChinese
        : Heading.None;

    private static Heading HeadingOf(MarriageIdType type, string? nationality, string masked) => type switch
    {
        MarriageIdType.Passport => nationality == Nationalities.China ? Heading.OverseasChinese : Heading.Foreign,
        MarriageIdType.HkMacaoPermit or MarriageIdType.TaiwanPermit => Heading.HongKongMacaoTaiwan,
        _ => masked.StartsWith("81", StringComparison.Ordinal) || masked.StartsWith("82", StringComparison.Ordinal) ||
             masked.StartsWith("83", StringComparison.Ordinal) ? Heading.HongKongMacaoTaiwan : Heading.None,
    };
}
