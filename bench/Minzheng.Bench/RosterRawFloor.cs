using System.Globalization;
using Microsoft.Data.Sqlite;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Imports;
using Npgsql;
using NpgsqlTypes;

namespace Minzheng.Bench;

/// <summary>
/// The independent roster floor: the rows <see cref="RosterFloors.SameRowsAsync"/> writes (the same values, tables,
/// chunks and transaction), written with the drivers alone — Npgsql's binary importer with typed columns, or one
/// prepared Microsoft.Data.Sqlite statement per table — with no EF model and no helper of the app. The other floor
/// shares the import's <c>BulkInsert</c>, so a slow BulkInsert would slow both and hide; this one would show it.
/// Values are written as the app stores them: enums as their names, SQLite keys as upper-case text, SQLite times as
/// UTC ticks, decimals and dates in the driver's own formats.
/// </summary>
public static class RosterRawFloor
{
    private const int Chunk = 10_000;

    private static readonly string[] PersonColumns = ["Id", "Name", "IdNumberCipher", "IdNumberIndex", "IdNumberMasked", "PhoneCipher", "PhoneMasked",
        "Gender", "BirthDate", "RegionCode", "SelfCare", "SeriousIllness", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy"];

    private static readonly string[] HouseholdColumns = ["Id", "RegionCode", "HukouType", "Address", "HeadPersonId", "BankName", "BankAccountCipher",
        "BankAccountMasked", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy"];

    private static readonly string[] MemberColumns = ["Id", "HouseholdId", "PersonId", "Relationship", "RegionCode", "ValidFrom", "MonthlyIncome"];

    private static readonly string[] EnrollmentColumns = ["Id", "RegionCode", "Program", "HouseholdId", "PersonId", "HouseholdSize", "CoveredPersons",
        "MonthlyAmount", "StartMonth", "Status", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy"];

    internal sealed record PersonRow(Guid Id, string Name, string IdNumber, string Region, string Phone, DateOnly BirthDate);

    internal sealed record HouseholdRow(Guid Id, string Region, string Address, Guid Head, string? Bank, string? Account);

    internal sealed record MemberRow(Guid Id, Guid Household, Guid Person, string Region, decimal Income);

    internal sealed record EnrollmentRow(Guid Id, string Region, string Program, Guid Household, Guid Person, int Size, int Covered, decimal Amount, DateOnly Start);

    /// <summary>One chunk's rows, built from the cells as the other floor builds them.</summary>
    internal sealed class Rows
    {
        public readonly List<PersonRow> Persons = [];
        public readonly List<HouseholdRow> Households = [];
        public readonly List<MemberRow> Members = [];
        public readonly List<EnrollmentRow> Enrollments = [];
        private readonly Dictionary<string, string> _programs = [];
        private Guid _household;

        public void Add(string kind, string[] c)
        {
            if (kind == MemberRoster.Kind)
            {
                // 户主身份证号, 区划代码, 户籍类型, 家庭住址, 姓名, 身份证号, 与户主关系, 月收入, 残疾等级, 自理能力, 联系电话
                var member = Person(c[4], c[5], c[1], c[10]);
                if (c[5] == c[0])
                {
                    _household = Guid.CreateVersion7();
                    Households.Add(new HouseholdRow(_household, c[1], c[3], member.Id, null, null));
                }

                Members.Add(new MemberRow(Guid.CreateVersion7(), _household, member.Id, c[1], decimal.Parse(c[7], CultureInfo.InvariantCulture)));
                return;
            }

            var head = Person(c[2], c[3], c[0], c[10]);
            var household = new HouseholdRow(Guid.CreateVersion7(), c[0], c[11], head.Id, c[8], c[9]);
            Households.Add(household);
            Members.Add(new MemberRow(Guid.CreateVersion7(), household.Id, head.Id, c[0], 0m));
            // The programme's name to its code: a look-up in the catalogue, once per name, not part of the write.
            if (!_programs.TryGetValue(c[1], out var program))
            {
                _programs[c[1]] = program = AssistancePrograms.ByName(c[1])!.Code;
            }

            Enrollments.Add(new EnrollmentRow(Guid.CreateVersion7(), c[0], program, household.Id, head.Id, int.Parse(c[4], CultureInfo.InvariantCulture),
                int.Parse(c[5], CultureInfo.InvariantCulture), decimal.Parse(c[6], CultureInfo.InvariantCulture),
                DateOnly.ParseExact(c[7] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        private PersonRow Person(string name, string id, string region, string phone)
        {
            var person = new PersonRow(Guid.CreateVersion7(), name, id, region, phone, DateOnly.ParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture));
            Persons.Add(person);
            return person;
        }

        public void Clear()
        {
            Persons.Clear();
            Households.Clear();
            Members.Clear();
            Enrollments.Clear();
        }
    }

    /// <summary>Reads the file with the same reader and writes its rows into an empty database migrated like the app's.</summary>
    public static async Task RunAsync(string provider, string connectionString, string kind, byte[] file)
    {
        var now = DateTimeOffset.UtcNow;
        var rows = new Rows();
        var chunks = SpreadsheetReader.Read(file, "bench.csv").Skip(1).Chunk(Chunk);
        if (provider == "sqlite")
        {
            await using var sqlite = new SqliteConnection(connectionString);
            await sqlite.OpenAsync();
            await using var tx = (SqliteTransaction)await sqlite.BeginTransactionAsync();
            await using var writer = new SqliteWriter(sqlite, tx);
            foreach (var chunk in chunks)
            {
                Array.ForEach(chunk, r => rows.Add(kind, r.Cells));
                await writer.WriteAsync(rows, now);
                rows.Clear();
            }

            await tx.CommitAsync();
            return;
        }

        await using var pg = new NpgsqlConnection(connectionString);
        await pg.OpenAsync();
        await using var ptx = await pg.BeginTransactionAsync();
        foreach (var chunk in chunks)
        {
            Array.ForEach(chunk, r => rows.Add(kind, r.Cells));
            await CopyAsync(pg, rows, now);
            rows.Clear();
        }

        await ptx.CommitAsync();
    }

    private static string CopyCommand(string table, string[] columns) => $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";

    /// <summary>Four binary COPYs per chunk, in the order foreign keys need (a member's household may be in an earlier chunk).</summary>
    private static async Task CopyAsync(NpgsqlConnection pg, Rows rows, DateTimeOffset now)
    {
        await using (var copy = await pg.BeginBinaryImportAsync(CopyCommand("Persons", PersonColumns)))
        {
            foreach (var p in rows.Persons)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.Name, NpgsqlDbType.Varchar);
                await copy.WriteAsync(p.IdNumber, NpgsqlDbType.Varchar);
                await copy.WriteAsync(p.IdNumber, NpgsqlDbType.Varchar);
                await copy.WriteAsync(p.IdNumber, NpgsqlDbType.Varchar);
                await copy.WriteAsync(p.Phone, NpgsqlDbType.Varchar);
                await copy.WriteAsync(p.Phone, NpgsqlDbType.Varchar);
                await copy.WriteAsync("Male", NpgsqlDbType.Varchar);
                await copy.WriteAsync(p.BirthDate, NpgsqlDbType.Date);
                await copy.WriteAsync(p.Region, NpgsqlDbType.Char);
                await copy.WriteAsync("Full", NpgsqlDbType.Varchar);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await WriteStampsAsync(copy, now);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await pg.BeginBinaryImportAsync(CopyCommand("Households", HouseholdColumns)))
        {
            foreach (var h in rows.Households)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(h.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(h.Region, NpgsqlDbType.Char);
                await copy.WriteAsync("Urban", NpgsqlDbType.Varchar);
                await copy.WriteAsync(h.Address, NpgsqlDbType.Varchar);
                await copy.WriteAsync(h.Head, NpgsqlDbType.Uuid);
                await WriteOrNullAsync(copy, h.Bank);
                await WriteOrNullAsync(copy, h.Account);
                await WriteOrNullAsync(copy, h.Account);
                await WriteStampsAsync(copy, now);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await pg.BeginBinaryImportAsync(CopyCommand("HouseholdMembers", MemberColumns)))
        {
            foreach (var m in rows.Members)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(m.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(m.Household, NpgsqlDbType.Uuid);
                await copy.WriteAsync(m.Person, NpgsqlDbType.Uuid);
                await copy.WriteAsync("Head", NpgsqlDbType.Varchar);
                await copy.WriteAsync(m.Region, NpgsqlDbType.Char);
                await copy.WriteAsync(DateOnly.FromDateTime(now.UtcDateTime), NpgsqlDbType.Date);
                await copy.WriteAsync(m.Income, NpgsqlDbType.Numeric);
            }

            await copy.CompleteAsync();
        }

        if (rows.Enrollments.Count == 0)
        {
            return;
        }

        await using (var copy = await pg.BeginBinaryImportAsync(CopyCommand("Enrollments", EnrollmentColumns)))
        {
            foreach (var e in rows.Enrollments)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(e.Region, NpgsqlDbType.Char);
                await copy.WriteAsync(e.Program, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Household, NpgsqlDbType.Uuid);
                await copy.WriteAsync(e.Person, NpgsqlDbType.Uuid);
                await copy.WriteAsync(e.Size, NpgsqlDbType.Integer);
                await copy.WriteAsync(e.Covered, NpgsqlDbType.Integer);
                await copy.WriteAsync(e.Amount, NpgsqlDbType.Numeric);
                await copy.WriteAsync(e.Start, NpgsqlDbType.Date);
                await copy.WriteAsync("Active", NpgsqlDbType.Varchar);
                await WriteStampsAsync(copy, now);
            }

            await copy.CompleteAsync();
        }
    }

    private static Task WriteOrNullAsync(NpgsqlBinaryImporter copy, string? value) =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value, NpgsqlDbType.Varchar);

    private static async Task WriteStampsAsync(NpgsqlBinaryImporter copy, DateTimeOffset now)
    {
        await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
        await copy.WriteAsync("", NpgsqlDbType.Text);
        await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
        await copy.WriteAsync("", NpgsqlDbType.Text);
    }
}
