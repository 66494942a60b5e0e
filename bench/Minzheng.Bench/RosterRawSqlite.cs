using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Minzheng.Bench;

/// <summary>
/// The SQLite side of <see cref="RosterRawFloor"/>: one prepared INSERT per table with typed parameters created once
/// and only their values set per row. Keys are upper-case text and times UTC ticks, as the app stores them.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private readonly (SqliteCommand Command, SqliteParameter[] Values) _persons, _households, _members, _enrollments;

    public SqliteWriter(SqliteConnection connection, SqliteTransaction tx)
    {
        _persons = Prepare(connection, tx, "Persons", ("Id", SqliteType.Text), ("Name", SqliteType.Text), ("IdNumberCipher", SqliteType.Text),
            ("IdNumberIndex", SqliteType.Text), ("IdNumberMasked", SqliteType.Text), ("PhoneCipher", SqliteType.Text), ("PhoneMasked", SqliteType.Text),
            ("Gender", SqliteType.Text), ("BirthDate", SqliteType.Text), ("RegionCode", SqliteType.Text), ("SelfCare", SqliteType.Text),
            ("SeriousIllness", SqliteType.Integer), ("CreatedAt", SqliteType.Integer), ("CreatedBy", SqliteType.Text), ("UpdatedAt", SqliteType.Integer),
            ("UpdatedBy", SqliteType.Text));
        _households = Prepare(connection, tx, "Households", ("Id", SqliteType.Text), ("RegionCode", SqliteType.Text), ("HukouType", SqliteType.Text),
            ("Address", SqliteType.Text), ("HeadPersonId", SqliteType.Text), ("BankName", SqliteType.Text), ("BankAccountCipher", SqliteType.Text),
            ("BankAccountMasked", SqliteType.Text), ("CreatedAt", SqliteType.Integer), ("CreatedBy", SqliteType.Text), ("UpdatedAt", SqliteType.Integer),
            ("UpdatedBy", SqliteType.Text));
        _members = Prepare(connection, tx, "HouseholdMembers", ("Id", SqliteType.Text), ("HouseholdId", SqliteType.Text), ("PersonId", SqliteType.Text),
            ("Relationship", SqliteType.Text), ("RegionCode", SqliteType.Text), ("ValidFrom", SqliteType.Text), ("MonthlyIncome", SqliteType.Text));
        _enrollments = Prepare(connection, tx, "Enrollments", ("Id", SqliteType.Text), ("RegionCode", SqliteType.Text), ("Program", SqliteType.Text),
            ("HouseholdId", SqliteType.Text), ("PersonId", SqliteType.Text), ("HouseholdSize", SqliteType.Integer), ("CoveredPersons", SqliteType.Integer),
            ("MonthlyAmount", SqliteType.Text), ("StartMonth", SqliteType.Text), ("Status", SqliteType.Text), ("CreatedAt", SqliteType.Integer),
            ("CreatedBy", SqliteType.Text), ("UpdatedAt", SqliteType.Integer), ("UpdatedBy", SqliteType.Text));
    }

    private static (SqliteCommand, SqliteParameter[]) Prepare(SqliteConnection connection, SqliteTransaction tx, string table, params (string Name, SqliteType Type)[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var values = columns.Select((c, i) => command.Parameters.Add("$p" + i, c.Type)).ToArray();
        command.Prepare();
        return (command, values);
    }

    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Decimals as EF's SQLite provider writes them (text, at least one decimal place), so the rows compare equal.</summary>
    private static string Money(decimal value) => value.ToString("0.0###########################", CultureInfo.InvariantCulture);

    private static async Task RunAsync((SqliteCommand Command, SqliteParameter[] Values) insert, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            insert.Values[i].Value = values[i] ?? DBNull.Value;
        }

        await insert.Command.ExecuteNonQueryAsync();
    }

    public async Task WriteAsync(RosterRawFloor.Rows rows, DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        var today = Date(DateOnly.FromDateTime(now.UtcDateTime));
        foreach (var p in rows.Persons)
        {
            await RunAsync(_persons, Key(p.Id), p.Name, p.IdNumber, p.IdNumber, p.IdNumber, p.Phone, p.Phone, "Male", Date(p.BirthDate), p.Region, "Full", 0, ticks, "", ticks, "");
        }

        foreach (var h in rows.Households)
        {
            await RunAsync(_households, Key(h.Id), h.Region, "Urban", h.Address, Key(h.Head), h.Bank, h.Account, h.Account, ticks, "", ticks, "");
        }

        foreach (var m in rows.Members)
        {
            await RunAsync(_members, Key(m.Id), Key(m.Household), Key(m.Person), "Head", m.Region, today, Money(m.Income));
        }

        foreach (var e in rows.Enrollments)
        {
            await RunAsync(_enrollments, Key(e.Id), e.Region, e.Program, Key(e.Household), Key(e.Person), e.Size, e.Covered, Money(e.Amount), Date(e.Start), "Active", ticks, "", ticks, "");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (command, _) in new[] { _persons, _households, _members, _enrollments })
        {
            await command.DisposeAsync();
        }
    }
}
