using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.People;
using Npgsql;
using NpgsqlTypes;

namespace Minzheng.Bench;

/// <summary>
/// The floors the roster imports are measured against: the same file read with the same reader, and the rows the
/// import writes built straight from the cells (no validation, no look-ups, no encryption) and bulk-inserted into the
/// same tables of an empty database, in chunks of the import's size inside one transaction.
/// </summary>
public static class RosterFloors
{
    private const int Chunk = 10_000;

    /// <summary>Assistance roster: persons, households, members and enrolments; member roster: persons, households and members.</summary>
    public static async Task SameRowsAsync(Microsoft.AspNetCore.Builder.WebApplication app, string kind, byte[] file)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var rows = new Rows();
        foreach (var chunk in SpreadsheetReader.Read(file, "bench.csv").Skip(1).Chunk(Chunk))
        {
            foreach (var (_, cells) in chunk)
            {
                if (kind == MemberRoster.Kind)
                {
                    rows.AddMember(cells);
                }
                else
                {
                    rows.AddAssistance(cells);
                }
            }

            await rows.InsertAsync(db);
        }

        await tx.CommitAsync();
    }

    private sealed class Rows
    {
        private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
        private readonly (List<Person> Persons, List<Household> Households, List<HouseholdMember> Members, List<Enrollment> Enrollments) _lists = ([], [], [], []);
        private Household? _current;

        private DateOnly Today => DateOnly.FromDateTime(_now.UtcDateTime);

        private Person Person(string name, string id, string region, string phone) => new()
        {
            Name = name,
            IdNumberCipher = id,
            IdNumberIndex = id,
            IdNumberMasked = id,
            RegionCode = region,
            PhoneCipher = phone,
            PhoneMasked = phone,
            BirthDate = DateOnly.ParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture),
            CreatedAt = _now,
            UpdatedAt = _now,
        };

        private Household Household(string region, string address, Guid head) =>
            new() { RegionCode = region, Address = address, HeadPersonId = head, CreatedAt = _now, UpdatedAt = _now };

        /// <summary>户主身份证号, 区划代码, 户籍类型, 家庭住址, 姓名, 身份证号, 与户主关系, 月收入, 残疾等级, 自理能力, 联系电话 (households contiguous, head first).</summary>
        public void AddMember(string[] c)
        {
            var person = Person(c[4], c[5], c[1], c[10]);
            if (c[5] == c[0])
            {
                _current = Household(c[1], c[3], person.Id);
                _lists.Households.Add(_current);
            }

            _lists.Persons.Add(person);
            _lists.Members.Add(new HouseholdMember
            {
                HouseholdId = _current!.Id,
                PersonId = person.Id,
                RegionCode = c[1],
                ValidFrom = Today,
                MonthlyIncome = decimal.Parse(c[7], CultureInfo.InvariantCulture),
            });
        }

        /// <summary>One row per household: the head, the household with its bank account, the membership and the enrolment.</summary>
        public void AddAssistance(string[] c)
        {
            var person = Person(c[2], c[3], c[0], c[10]);
            var household = Household(c[0], c[11], person.Id);
            (household.BankName, household.BankAccountCipher, household.BankAccountMasked) = (c[8], c[9], c[9]);
            _lists.Persons.Add(person);
            _lists.Households.Add(household);
            _lists.Members.Add(new HouseholdMember { HouseholdId = household.Id, PersonId = person.Id, RegionCode = c[0], ValidFrom = Today });
            _lists.Enrollments.Add(new Enrollment
            {
                RegionCode = c[0],
                Program = AssistancePrograms.ByName(c[1])!.Code,
                HouseholdId = household.Id,
                PersonId = person.Id,
                HouseholdSize = int.Parse(c[4], CultureInfo.InvariantCulture),
                CoveredPersons = int.Parse(c[5], CultureInfo.InvariantCulture),
                MonthlyAmount = decimal.Parse(c[6], CultureInfo.InvariantCulture),
                StartMonth = DateOnly.ParseExact(c[7] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
                CreatedAt = _now,
                UpdatedAt = _now,
            });
        }

        public async Task InsertAsync(MinzhengDbContext db)
        {
            await BulkInsert.InsertAsync(db, _lists.Persons, default);
            await BulkInsert.InsertAsync(db, _lists.Households, default);
            // A household's head may be in this chunk and members in the next: memberships go in once their household has.
            await BulkInsert.InsertAsync(db, _lists.Members, default);
            await BulkInsert.InsertAsync(db, _lists.Enrollments, default);
            _lists.Persons.Clear();
            _lists.Households.Clear();
            _lists.Members.Clear();
            _lists.Enrollments.Clear();
        }
    }

    /// <summary>The earlier floor: every row of the same file read with the same reader, its cells inserted as text in bulk.</summary>
    public static async Task TextTableAsync(string provider, string connectionString, byte[] file, int columns)
    {
        var rows = SpreadsheetReader.Read(file, "bench.csv").Skip(1);
        var names = Enumerable.Range(0, columns).Select(i => $"c{i}").ToArray();
        if (provider == "sqlite")
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using (var create = connection.CreateCommand())
            {
                create.CommandText = $"CREATE TABLE floor_rows ({string.Join(", ", names.Select(n => n + " TEXT"))})";
                await create.ExecuteNonQueryAsync();
            }

            await using var tx = connection.BeginTransaction();
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO floor_rows VALUES ({string.Join(",", names.Select(n => "$" + n))})";
            var parameters = names.Select(n => insert.Parameters.Add("$" + n, SqliteType.Text)).ToArray();
            insert.Prepare();
            foreach (var (_, cells) in rows)
            {
                for (var i = 0; i < columns; i++)
                {
                    parameters[i].Value = cells[i];
                }

                await insert.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
            return;
        }

        await using var pg = new NpgsqlConnection(connectionString);
        await pg.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE TABLE floor_rows ({string.Join(", ", names.Select(n => n + " text"))})", pg))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var copy = await pg.BeginBinaryImportAsync("COPY floor_rows FROM STDIN (FORMAT BINARY)");
        foreach (var (_, cells) in rows)
        {
            await copy.StartRowAsync();
            for (var i = 0; i < columns; i++)
            {
                await copy.WriteAsync(cells[i], NpgsqlDbType.Text);
            }
        }

        await copy.CompleteAsync();
    }
}
