using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minzheng.Modules.Funeral.FuneralFacilities;
using Minzheng.Modules.Funeral.Memorials;
using Minzheng.Modules.Funeral.WaiverClaims;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.Funeral;

/// <summary>
/// Demo 祭扫 bookings and waiver claims, made through the services as the staff would have on the day: each step runs
/// with a clock set to its own date, so the rules (no booking in the past, no service before the booked day, only ended
/// months claimed) hold as in real use and the rows carry realistic dates.
/// </summary>
internal static class FuneralDemoMemorials
{
    private static readonly string[] Families = ["王建国", "李秀兰", "张伟", "刘芳", "陈明", "杨丽", "黄强", "赵敏"];
    private static readonly string[] Staff = ["李师傅", "周师傅", "吴师傅"];

    /// <summary>Bookings around today: the last weeks mostly served (a few left unserved, overdue, or cancelled), the coming weeks booked.</summary>
    public static async Task<int> SeedBookingsAsync(MinzhengDbContext db, IOptions<MemorialOptions> options, PersonalDataProtector protector, DateOnly today,
        CancellationToken ct)
    {
        var buried = await db.FuneralBurials.AsNoTracking().OrderBy(b => b.BuriedOn).Select(b => b.Id).ToListAsync(ct);
        var hall = await db.FuneralFacilities.AsNoTracking().Where(f => f.Kind == FacilityKind.Columbarium).Select(f => (Guid?)f.Id).FirstOrDefaultAsync(ct);
        var ashes = await db.Cremations.AsNoTracking().OrderBy(c => c.CremationDate).Take(12).Select(c => c.Id).ToListAsync(ct);
        var made = 0;
        for (var i = 0; i < 48; i++)
        {
            var day = today.AddDays(-36 + (i * 3 % 60));
            var proxy = i % 3 != 0;
            var useBurial = buried.Count > 0 && (i % 2 == 0 || ashes.Count == 0 || hall is null);
            var request = new MemorialRequest(proxy ? "proxy" : "cloud", useBurial ? buried[i % buried.Count] : null, useBurial ? null : ashes[i % Math.Max(1, ashes.Count)],
                useBurial ? null : hall, useBurial ? null : $"A区{1 + (i % 6)}排{10 + i}号", proxy ? i % 4 == 0 ? ["sweep", "flowers", "read-message"] : ["sweep", "flowers"] : null,
                day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Families[i % Families.Length], $"139{7920000 + (i * 7919 % 10000):D8}",
                i % 4 == 0 ? "清明又至，家中一切安好，请您放心。" : null);
            var booked = await new MemorialService(db, options, On(day.AddDays(-(1 + (i % 5))) < today ? day.AddDays(-(1 + (i % 5))) : today)).BookAsync(request, ct);
            if (booked.Value is not { } row)
            {
                continue;
            }

            made++;
            if (i % 7 == 3)
            {
                await new MemorialService(db, options, On(day <= today ? day : today)).CancelAsync(row.Id, new MemorialCancelRequest("家属改为亲自祭扫"), [Roles.FuneralClerk], ct);
            }
            else if (day <= today && i % 5 != 1)
            {
                if (proxy)
                {
                    await PhotoAsync(db, protector, row, Staff[i % Staff.Length], day, ct);
                }

                await new MemorialService(db, options, On(day)).DeliverAsync(row.Id, new MemorialDeliveryRequest(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Staff[i % Staff.Length]), [Roles.FuneralClerk], ct);
            }
        }

        return made;
    }

    /// <summary>The funeral home's claims of the last four months: two paid, one returned, the last one awaiting finance.</summary>
    public static async Task<int> SeedClaimsAsync(MinzhengDbContext db, IAuditContext actor, DateOnly today, CancellationToken ct)
    {
        var home = await db.FuneralFacilities.AsNoTracking().Where(f => f.Name == FuneralDemo.FuneralHome).Select(f => (Guid?)f.Id).FirstOrDefaultAsync(ct);
        if (home is null)
        {
            return 0;
        }

        var made = 0;
        for (var back = 4; back >= 1; back--)
        {
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-back);
            DateOnly Day(int d) => month.AddMonths(1).AddDays(d - 1) < today ? month.AddMonths(1).AddDays(d - 1) : today;
            var opened = await new ClaimService(db, actor, On(Day(3))).OpenAsync(new ClaimRequest(home, month.ToString("yyyy-MM", CultureInfo.InvariantCulture)), ct);
            if (opened.Value is not { } claim)
            {
                continue;
            }

            made++;
            await new ClaimService(db, actor, On(Day(4))).ActAsync(claim.Id, "submit", new ClaimStepRequest(null, null, null), [Roles.FuneralClerk], ct);
            if (back >= 3)
            {
                await new ClaimService(db, actor, On(Day(10))).ActAsync(claim.Id, "approve", new ClaimStepRequest(null, null, null), [Roles.Finance], ct);
                await new ClaimService(db, actor, On(Day(18))).ActAsync(claim.Id, "pay",
                    new ClaimStepRequest(null, Day(18).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"共财社〔{month.Year}〕{month.Month:D2}号"), [Roles.Finance], ct);
            }
            else if (back == 2)
            {
                await new ClaimService(db, actor, On(Day(9))).ActAsync(claim.Id, "return", new ClaimStepRequest("暂存天数与火化证明不一致，请核对后重新提交", null, null),
                    [Roles.Finance], ct);
            }
        }

        return made;
    }

    /// <summary>
    /// The photo a proxy sweep is delivered with. Written as the attachments service stores one (sealed, hashed, region of
    /// the booking): that service asks the signed-in user's rights, and the demo seeds with nobody signed in.
    /// </summary>
    private static async Task PhotoAsync(MinzhengDbContext db, PersonalDataProtector protector, MemorialRow booking, string by, DateOnly day, CancellationToken ct)
    {
        db.Attachments.Add(new Attachment
        {
            RegionCode = booking.RegionCode,
            OwnerType = MemorialAttachmentOwner.Type,
            OwnerId = booking.Id,
            FileName = $"墓前照片{day:yyyyMMdd}.png",
            ContentType = "image/png",
            Size = DemoPhoto.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(DemoPhoto)),
            Content = protector.EncryptBytes(DemoPhoto, DataPurpose.Attachment),
            UploadedBy = by,
            UploadedAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero),
        });
        await db.SaveChangesAsync(ct);
    }

    // A one-pixel PNG: the demo has no real photos, but a delivered proxy sweep must have one to show.
    private static readonly byte[] DemoPhoto = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static TimeProvider On(DateOnly day) => new DayClock(day);

    /// <summary>A clock standing at ten in the morning (China time) of one day.</summary>
    private sealed class DayClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
    }
}
