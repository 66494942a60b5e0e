using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialAssistance.Demo;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Platform.Data;
using Minzheng.Platform.Demo;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;

namespace Minzheng.Bench;

/// <summary>A synthetic caseload of the demo county's villages for the benchmarks.</summary>
public static class BenchSeed
{
    /// <summary>
    /// Persons, households (with an account) and active rural Dibao enrolments from 2025-01, in chunks, through the same bulk
    /// path as imports; <paramref name="shape"/> may change each enrolment (programme, dates, status) before it is written.
    /// </summary>
    public static async Task<List<Enrollment>> SeedAsync(WebApplication app, int rows, Action<int, Enrollment>? shape = null)
    {
        var protector = app.Services.GetRequiredService<PersonalDataProtector>();
        var villages = DemoSeeder.Regions.Where(r => r.Code[9..] != "000").Select(r => r.Code).ToArray();
        var stamp = DateTimeOffset.UtcNow.AddDays(-30);
        var all = new List<Enrollment>(rows);
        for (var offset = 0; offset < rows; offset += 100_000)
        {
            var n = Math.Min(100_000, rows - offset);
            var random = new Random(offset);
            var people = Enumerable.Range(offset, n).Select(i => (Id: RosterGenerator.IdNumberFor(i, random), Name: RosterGenerator.NameFor(random),
                Region: villages[i % villages.Length], Account: $"62284800{i:D10}", Amount: 100m + (i % 900))).ToArray();
            var persons = new Person[n];
            var households = new Household[n];
            Parallel.For(0, n, i =>
            {
                var p = people[i];
                var id = IdNumber.Parse(p.Id, new DateOnly(2026, 1, 1));
                persons[i] = Stamped(new Person
                {
                    Name = p.Name,
                    IdNumberCipher = protector.Encrypt(p.Id, DataPurpose.IdNumber),
                    IdNumberIndex = protector.BlindIndex(p.Id, DataPurpose.IdNumber),
                    IdNumberMasked = id.Masked,
                    Gender = id.Gender,
                    BirthDate = id.BirthDate,
                    RegionCode = p.Region,
                }, stamp);
                households[i] = Stamped(new Household
                {
                    RegionCode = p.Region,
                    HukouType = HukouType.Rural,
                    Address = "某村1组",
                    HeadPersonId = persons[i].Id,
                    BankName = "中国农业银行",
                    BankAccountCipher = protector.Encrypt(p.Account, DataPurpose.BankAccount),
                    BankAccountMasked = Mask.BankAccount(p.Account),
                }, stamp);
            });
            var enrollments = Enumerable.Range(0, n).Select(i => Stamped(new Enrollment
            {
                RegionCode = people[i].Region,
                Program = "rural-dibao",
                HouseholdId = households[i].Id,
                PersonId = persons[i].Id,
                HouseholdSize = 2,
                CoveredPersons = 2,
                MonthlyAmount = people[i].Amount,
                StartMonth = new DateOnly(2025, 1, 1),
            }, stamp)).ToList();
            if (shape is not null)
            {
                for (var i = 0; i < n; i++)
                {
                    shape(offset + i, enrollments[i]);
                }
            }

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync(db, persons, default);
            await BulkInsert.InsertAsync(db, households, default);
            await BulkInsert.InsertAsync(db, enrollments, default);
            await tx.CommitAsync();
            all.AddRange(enrollments);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        return all;
    }

    public static T Stamped<T>(T row, DateTimeOffset at)
        where T : AuditableEntity
    {
        (row.CreatedAt, row.UpdatedAt, row.CreatedBy, row.UpdatedBy) = (at, at, "bench", "bench");
        return row;
    }
}
