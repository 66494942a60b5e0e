using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Reviews;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Demo;

/// <summary>
/// Demo casework through the real services, replayed on a clock that starts 30 days ago so every case has a real
/// history: cases in every state of 甘露镇 (just applied, under investigation, in 公示 with an objection, awaiting the
/// county, overdue, refused, approved), 临时救助 and 医疗救助 granted, a 先行救助 from the township reserve, and a 复核 campaign in progress.
/// </summary>
public sealed class DemoCases(IServiceProvider services, MinzhengDbContext db, TimeProvider realClock)
{
    private const string Township = "360482100";

    private static readonly CaseActor Village = new("village", new HashSet<string> { Roles.Village });
    private static readonly CaseActor TownshipWorker = new("township", new HashSet<string> { Roles.Township });
    private static readonly CaseActor TownshipReviewer = new("reviewer", new HashSet<string> { Roles.TownshipReviewer });
    private static readonly CaseActor CountyWorker = new("county", new HashSet<string> { Roles.County });

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Cases.AnyAsync(ct))
        {
            return;
        }

        var clock = new ShiftedClock(realClock, TimeSpan.FromDays(-30));
        var cases = ActivatorUtilities.CreateInstance<CaseService>(services, clock);
        // Households that hold no 低保 or 特困 (either would exclude a rural Dibao application).
        string[] excluding = ["rural-dibao", "urban-dibao", "destitute-concentrated", "destitute-dispersed"];
        var enrolled = db.Enrollments.Where(e => excluding.Contains(e.Program) && e.Status != EnrollmentStatus.Terminated).Select(e => e.HouseholdId);
        var households = await db.Households.Where(h => h.RegionCode.StartsWith(Township) && h.HukouType == Minzheng.Platform.People.HukouType.Rural
            && !enrolled.Contains(h.Id)).OrderBy(h => h.Id).Select(h => h.Id).Take(10).ToListAsync(ct);
        if (households.Count < 8)
        {
            return;
        }

        async Task<Guid> Apply(Guid household, CaseActor by, bool relative = false, string program = "rural-dibao", decimal? emergency = null)
        {
            var (outcome, id, message, _) = await cases.CreateAsync(by, new CreateCaseRequest(program, household, null, null, true, relative, emergency, "演示申请"), ct);
            return outcome == Outcome.Done ? id!.Value : throw new InvalidOperationException($"Demo case refused: {message}");
        }

        async Task Act(Guid id, string action, CaseActor by, CaseActionRequest? request = null)
        {
            var (outcome, message) = await cases.ActAsync(id, action, by, request ?? new CaseActionRequest(null, null, null, null, null, null, null, null, null, null), ct);
            if (outcome != Outcome.Done)
            {
                throw new InvalidOperationException($"Demo step {action} refused: {message}");
            }
        }

        async Task ToPublicity(Guid id, bool approve = true)
        {
            await Act(id, "accept", TownshipWorker);
            await Act(id, "investigate", TownshipWorker, Empty with
            {
                Date = clock.Today().ToString("yyyy-MM-dd", null),
                Investigators = ["王晓梅", "刘强"],
                Findings = "入户查看住房、家庭成员劳动能力和收入情况",
            });
            await Act(id, "check", TownshipWorker, Empty with { Passed = approve, Note = approve ? "未发现车辆、房产、工商登记" : "名下有小型轿车一辆" });
            await Act(id, "township-review", TownshipReviewer, Empty with { Approve = approve, Note = approve ? "符合农村低保条件" : "家庭财产超过规定" });
        }

        // Moves the replay clock past the end of the case's 公示 (holidays can lengthen it) and submits it to the county,
        // unless that would pass the real today: then the case simply stays in 公示.
        async Task<bool> EndPublicity(Guid id)
        {
            var until = await db.Cases.Where(c => c.Id == id).Select(c => c.PublicityUntil).SingleAsync(ct);
            var wait = until!.Value.DayNumber + 1 - clock.Today().DayNumber;
            if (wait > 0 && clock.Today().AddDays(wait) > realClock.Today())
            {
                return false;
            }

            clock.Advance(TimeSpan.FromDays(Math.Max(0, wait)));
            await Act(id, "end-publicity", TownshipWorker);
            return true;
        }

        // Day −30: approved; −28: refused; both complete their 公示 and decisions along the way.
        var approved = await Apply(households[0], Village);
        await ToPublicity(approved);
        await Act(approved, "start-publicity", TownshipWorker);
        var refused = await Apply(households[1], TownshipWorker);
        await ToPublicity(refused, approve: false);
        clock.Advance(TimeSpan.FromDays(2));
        await Act(refused, "decide", CountyWorker, Empty with { Approve = false, Reason = "家庭财产（小型轿车）超过当地规定" });
        await Apply(households[2], Village); // never accepted: overdue by today
        // One-off aid granted along the way: 临时救助 to a household hit by illness, 医疗救助 for its head's hospital bill.
        var oneOffs = new List<(Guid Id, decimal Amount)>();
        foreach (var (household, program, amount) in households.Count < 10 ? [] : new[] { (households[8], "temporary", 3000m), (households[9], "medical", 8000m) })
        {
            var id = await Apply(household, TownshipWorker, program: program);
            await ToPublicity(id);
            await Act(id, "start-publicity", TownshipWorker);
            oneOffs.Add((id, amount));
        }

        if (await EndPublicity(approved))
        {
            await Act(approved, "decide", CountyWorker, Empty with { Approve = true });
            foreach (var (id, amount) in oneOffs)
            {
                if (await EndPublicity(id))
                {
                    await Act(id, "decide", CountyWorker, Empty with { Approve = true, Amount = amount });
                }
            }
        }

        // Then: awaiting the county, with a relative-of-staff flag.
        var awaiting = await Apply(households[3], TownshipWorker, relative: true);
        await ToPublicity(awaiting);
        await Act(awaiting, "start-publicity", TownshipWorker);
        await EndPublicity(awaiting);
        var remaining = realClock.Today().DayNumber - clock.Today().DayNumber;
        clock.Advance(TimeSpan.FromDays(Math.Max(0, remaining - 4)));

        // Four days ago: in 公示 with an objection; two days ago: under investigation; today: just applied.
        var publicity = await Apply(households[4], TownshipWorker);
        await ToPublicity(publicity);
        await Act(publicity, "start-publicity", TownshipWorker);
        await Act(publicity, "object", Village, Empty with { Note = "村民反映该户有外出务工收入" });
        clock.Advance(TimeSpan.FromDays(Math.Min(2, realClock.Today().DayNumber - clock.Today().DayNumber)));
        var investigating = await Apply(households[5], TownshipWorker);
        await Act(investigating, "accept", TownshipWorker);
        clock.Advance(TimeSpan.FromDays(realClock.Today().DayNumber - clock.Today().DayNumber));
        await Apply(households[6], Village);

        // 先行救助 from the township reserve fund, allocated by the county.
        db.ReserveFund.Add(new ReserveFundEntry { RegionCode = $"{Township}000", Date = clock.Today().AddDays(-20), Amount = 20000m, Note = "县级拨付临时救助备用金" });
        await db.SaveChangesAsync(ct);
        await Apply(households[7], TownshipWorker, program: "temporary", emergency: 1500m);

        await SeedReviewAsync(clock, ct);
    }

    /// <summary>The annual review of 甘露镇's rural Dibao, effective next month, a few outcomes already recorded.</summary>
    private async Task SeedReviewAsync(TimeProvider clock, CancellationToken ct)
    {
        var reviews = ActivatorUtilities.CreateInstance<ReviewService>(services, clock);
        var month = clock.Today().AddMonths(1);
        var (id, _) = await reviews.OpenAsync(new OpenCampaignRequest("rural-dibao", Township, $"{month:yyyy年M月}甘露镇农村低保复核",
            clock.Today().AddDays(20).ToString("yyyy-MM-dd", null), month.ToString("yyyy-MM", null)), ct);
        if (id is null)
        {
            return;
        }

        var items = await db.ReviewItems.Where(i => i.CampaignId == id).OrderBy(i => i.Id).Select(i => i.Id).Take(3).ToListAsync(ct);
        OutcomeRequest[] outcomes = [new("continue", null, null, null, "家庭情况无变化"), new("adjust", 420m, null, null, "子女务工收入增加"),
            new("gradual-exit", null, "income-above-standard", 6, "就业后收入超过标准，渐退6个月")];
        foreach (var (item, outcome) in items.Zip(outcomes))
        {
            await reviews.RecordAsync(id.Value, item, outcome, ct);
        }
    }

    private static readonly CaseActionRequest Empty = new(null, null, null, null, null, null, null, null, null, null);

    /// <summary>The real clock moved back by an offset the demo advances as it replays its history.</summary>
    private sealed class ShiftedClock(TimeProvider inner, TimeSpan offset) : TimeProvider
    {
        private TimeSpan _offset = offset;

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + _offset;

        public void Advance(TimeSpan by) => _offset += by;
    }
}
