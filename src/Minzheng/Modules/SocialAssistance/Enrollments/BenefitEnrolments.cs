using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Contracts;
using Minzheng.Modules.SocialAssistance.OneOffs;
using Minzheng.Modules.SocialAssistance.Payments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Modules.SocialAssistance.Recalculations;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;

namespace Minzheng.Modules.SocialAssistance.Enrollments;

/// <summary>
/// <see cref="IBenefitEnrolments"/> on assistance's own enrolments: a contracted benefit is an <see cref="Enrollment"/> like
/// any other, its raise the same <c>Adjusted</c> events a 提标 recalculation writes (notes with the same prefix, so the
/// payroll's back-pay lines quote the raise), its funeral aid a <see cref="OneOffPayment"/>.
/// </summary>
public sealed class BenefitEnrolments(MinzhengDbContext db, PersonalDataProtector protector, AuditLog audit, TimeProvider clock) : IBenefitEnrolments
{
    public async Task<Guid> EnrolAsync(BenefitEnrolment request, CancellationToken ct)
    {
        RequireContracted(request.Program);
        RequireTransaction();
        var taken = await db.Enrollments.AcrossRegions("a person is enrolled once per programme, wherever the first enrolment was made")
            .AnyAsync(e => e.Program == request.Program && e.PersonId == request.PersonId && e.Status == EnrollmentStatus.Active, ct);
        if (taken)
        {
            throw new DomainRuleException($"该人员已在享{AssistancePrograms.PayableByCode(request.Program)!.Name}，同一人不重复发放");
        }

        var householdId = await db.Set<HouseholdMember>().AcrossRegions("the person's household may lie in another region than the benefit's")
            .Where(m => m.PersonId == request.PersonId && m.ValidTo == null).Select(m => (Guid?)m.HouseholdId).FirstOrDefaultAsync(ct);
        if (householdId is null)
        {
            var account = request.BankAccount?.Trim();
            var household = new Household
            {
                RegionCode = request.RegionCode,
                HukouType = request.Rural ? HukouType.Rural : HukouType.Urban,
                HeadPersonId = request.PersonId,
                BankName = request.BankName?.Trim() is { Length: > 0 } bank ? bank : null,
                BankAccountCipher = account is { Length: > 0 } ? protector.Encrypt(account, DataPurpose.BankAccount) : null,
                BankAccountMasked = account is { Length: > 0 } ? Mask.BankAccount(account) : null,
            };
            household.Members.Add(new HouseholdMember
            {
                PersonId = request.PersonId,
                Relationship = Relationship.Head,
                RegionCode = request.RegionCode,
                ValidFrom = Platform.Calendar.ChinaTime.Today(clock),
            });
            db.Households.Add(household);
            householdId = household.Id;
        }

        var enrollment = new Enrollment
        {
            RegionCode = request.RegionCode,
            Program = request.Program,
            HouseholdId = householdId.Value,
            PersonId = request.PersonId,
            HouseholdSize = 1,
            CoveredPersons = 1,
            MonthlyAmount = request.MonthlyAmount,
            StartMonth = FirstDay(request.StartMonth),
            CalculationJson = request.Calculation,
        };
        db.Enrollments.Add(enrollment);
        await db.SaveChangesAsync(ct);
        return enrollment.Id;
    }

    public async Task<int> AdjustAsync(IReadOnlyCollection<BenefitAdjustment> changes, DateOnly fromMonth, string headline, string actor, CancellationToken ct)
    {
        RequireTransaction();
        var from = FirstDay(fromMonth);
        var now = clock.GetUtcNow();
        var batch = Guid.CreateVersion7();
        var note = $"{RecalculationService.NotePrefix}：{headline.Replace("。", "；", StringComparison.Ordinal)}。";
        note = note.Length <= 500 ? note : note[..500];
        var events = new List<EnrollmentEvent>();
        var programs = AssistancePrograms.Contracted.Select(p => p.Code).ToList();
        // Large chunks (one array parameter each): a county-wide raise is a handful of round trips.
        foreach (var chunk in changes.Chunk(20_000))
        {
            var ids = chunk.Select(c => c.EnrollmentId).ToList();
            var current = await db.Enrollments.AcrossRegions("the caller chose the enrolments of its own region's entitlements").AsNoTracking()
                .Where(e => ids.Contains(e.Id) && e.Status == EnrollmentStatus.Active && programs.Contains(e.Program))
                .Select(e => new { e.Id, e.RegionCode, e.MonthlyAmount, e.CoveredPersons, e.StartMonth }).ToDictionaryAsync(e => e.Id, ct);
            foreach (var c in chunk)
            {
                if (current.TryGetValue(c.EnrollmentId, out var e) && e.MonthlyAmount != c.NewAmount)
                {
                    // The batch id stands in the campaign column: the single UPDATE below reads the new amounts from these events.
                    events.Add(new EnrollmentEvent
                    {
                        EnrollmentId = e.Id,
                        RegionCode = e.RegionCode,
                        Kind = EnrollmentEventKind.Adjusted,
                        EffectiveMonth = e.StartMonth > from ? e.StartMonth : from,
                        OldAmount = e.MonthlyAmount,
                        NewAmount = c.NewAmount,
                        CoveredPersons = e.CoveredPersons,
                        CampaignId = batch,
                        At = now,
                        Actor = actor,
                        Note = note,
                    });
                }
            }
        }

        await BulkInsert.InsertAsync(db, events, ct);
        var changed = await db.Database.ExecuteSqlRawAsync("""
            UPDATE "Enrollments" SET "MonthlyAmount" = ev."NewAmount", "UpdatedAt" = {1}, "UpdatedBy" = {2}
            FROM "EnrollmentEvents" ev WHERE ev."CampaignId" = {0} AND "Enrollments"."Id" = ev."EnrollmentId"
            """, [db.Database.Key(batch), db.Database.Stamp(now), actor], ct);
        // Enrolments this context already tracks would keep their old amount and version: read them afresh when next needed.
        var adjusted = events.Select(e => e.EnrollmentId).ToHashSet();
        foreach (var entry in db.ChangeTracker.Entries<Enrollment>().Where(x => adjusted.Contains(x.Entity.Id)).ToList())
        {
            entry.State = EntityState.Detached;
        }

        audit.Add("enrollment.contracted-raise", entityType: nameof(Enrollment), entityId: batch.ToString(),
            details: new { from, changed, headline });
        await db.SaveChangesAsync(ct);
        return changed;
    }

    public async Task EndAsync(Guid enrollmentId, DateOnly fromMonth, string reason, string note, string actor, CancellationToken ct)
    {
        RequireTransaction();
        var e = await db.Enrollments.AcrossRegions("the caller ends the enrolment of its own record").SingleAsync(x => x.Id == enrollmentId, ct);
        if (e.Status == EnrollmentStatus.Terminated)
        {
            return; // already stopped here, e.g. by a confirmed death finding from a cremation: the earlier end stands
        }

        var ev = e.Terminate(FirstDay(fromMonth) < e.StartMonth ? e.StartMonth : FirstDay(fromMonth), reason, note);
        (ev.At, ev.Actor) = (clock.GetUtcNow(), actor);
        db.EnrollmentEvents.Add(ev);
        await db.SaveChangesAsync(ct);
    }

    public async Task<Guid> PayOnceAsync(string program, Guid sourceEnrollmentId, decimal amount, DateOnly month, string explanation, CancellationToken ct)
    {
        RequireContracted(program);
        RequireTransaction();
        if (!AssistancePrograms.PaidOnce(program))
        {
            throw new ArgumentException($"Programme '{program}' is not paid once.", nameof(program));
        }

        var e = await db.Enrollments.AcrossRegions("the caller pays on the enrolment of its own record").AsNoTracking().SingleAsync(x => x.Id == sourceEnrollmentId, ct);
        // The source enrolment stands as the batch: the unique (batch, household) index refuses a second payment, whatever the races.
        if (await db.OneOffPayments.AcrossRegions("one payment per source enrolment").AnyAsync(o => o.Program == program && o.BatchId == e.Id, ct))
        {
            throw new DomainRuleException($"{AssistancePrograms.PayableByCode(program)!.Name}已发放过，不能重复发放");
        }

        var payment = new OneOffPayment
        {
            RegionCode = e.RegionCode,
            Program = program,
            HouseholdId = e.HouseholdId,
            PersonId = e.PersonId,
            CoveredPersons = 1,
            Month = FirstDay(month),
            Amount = amount,
            BatchId = e.Id,
            Explanation = explanation.Length <= OneOffPayment.ExplanationMaxLength ? explanation : explanation[..OneOffPayment.ExplanationMaxLength],
        };
        db.OneOffPayments.Add(payment);
        await db.SaveChangesAsync(ct);
        return payment.Id;
    }

    public Task<DateOnly?> LastPaidMonthAsync(string program, string regionPrefix, CancellationToken ct) =>
        db.PayrollLines.AcrossRegions("months paid by any payroll of the subtree")
            .Where(l => l.Kind == LineKind.Regular && l.RegionCode.StartsWith(regionPrefix))
            .Join(db.Payrolls.AcrossRegions("the lines' own payrolls"), l => l.PayrollId, p => p.Id, (l, p) => new { l.Month, p.Program, p.Status })
            .Where(x => x.Program == program && x.Status != PayrollStatus.Rejected)
            .MaxAsync(x => (DateOnly?)x.Month, ct);

    private static DateOnly FirstDay(DateOnly d) => new(d.Year, d.Month, 1);

    private static void RequireContracted(string program)
    {
        if (AssistancePrograms.Contracted.All(p => p.Code != program))
        {
            throw new ArgumentException($"Programme '{program}' is not enrolled through the contract.", nameof(program));
        }
    }

    private void RequireTransaction()
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Contracted benefits are written in the caller's transaction.");
        }
    }
}
