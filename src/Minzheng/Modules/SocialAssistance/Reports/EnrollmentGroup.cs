using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Reports;

/// <summary>
/// The incremental aggregate behind the statistics: enrolments counted by village, programme, first and last month
/// paid, with their persons and monthly amounts (in fen, so SQLite adds integers, not floating point). Maintained by
/// database triggers on <c>Enrollments</c> (statement-level with transition tables on PostgreSQL, row-level on
/// SQLite), so every write path — EF, COPY, ExecuteUpdate — keeps it exact; never written by the application.
/// Stock at a month, new and ended within a period are sums over a few thousand groups instead of a pass over the caseload.
/// </summary>
public sealed class EnrollmentGroup : IRegionScoped
{
    /// <summary>The end month of enrolments still open (no last month paid): later than any real month.</summary>
    public static readonly DateOnly Open = new(9999, 12, 1);

    public string RegionCode { get; set; } = "";
    public string Program { get; set; } = "";
    public DateOnly StartMonth { get; set; }
    public DateOnly EndMonth { get; set; }
    public int Enrollments { get; set; }
    public int Persons { get; set; }
    public long AmountFen { get; set; }
}

internal sealed class EnrollmentGroupConfiguration : IEntityTypeConfiguration<EnrollmentGroup>
{
    public void Configure(EntityTypeBuilder<EnrollmentGroup> b)
    {
        b.HasKey(x => new { x.RegionCode, x.Program, x.StartMonth, x.EndMonth });
        b.Property(x => x.Program).HasMaxLength(32);
    }
}

/// <summary>The trigger SQL of <see cref="EnrollmentGroup"/> for each provider, used by the migrations.</summary>
public static class EnrollmentGroupTriggers
{
    private const string Columns = "\"RegionCode\", \"Program\", \"StartMonth\", \"EndMonth\", \"Enrollments\", \"Persons\", \"AmountFen\"";

    /// <param name="target">How the upsert names the existing row: PostgreSQL's alias, SQLite's table name (SQLite before 3.35 —
    /// Debian 12's sqlite3 is 3.40 — cannot parse an alias in INSERT, and could not even open the database to read it).</param>
    private static string Upsert(string target) => "ON CONFLICT (\"RegionCode\", \"Program\", \"StartMonth\", \"EndMonth\") DO UPDATE SET "
        + $"\"Enrollments\" = {target}.\"Enrollments\" + excluded.\"Enrollments\", \"Persons\" = {target}.\"Persons\" + excluded.\"Persons\", "
        + $"\"AmountFen\" = {target}.\"AmountFen\" + excluded.\"AmountFen\"";

    private static string PostgresFrom(string table, string sign) =>
        $"INSERT INTO \"EnrollmentGroups\" AS g ({Columns}) SELECT \"RegionCode\", \"Program\", \"StartMonth\", COALESCE(\"EndMonth\", DATE '9999-12-01'), "
        + $"{sign}COUNT(*), {sign}SUM(\"CoveredPersons\"), {sign}SUM(ROUND(\"MonthlyAmount\" * 100)::bigint) FROM {table} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4 {Upsert("g")};";

    public static readonly string PostgresBackfill = PostgresFrom("\"Enrollments\"", "");

    public static readonly string[] Postgres =
    [
        $"""
        CREATE FUNCTION enrollment_groups_apply() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            {PostgresFrom("old_rows", "-")}
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            {PostgresFrom("new_rows", "")}
          END IF;
          RETURN NULL;
        END $$;
        """,
        "CREATE TRIGGER enrollment_groups_insert AFTER INSERT ON \"Enrollments\" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_groups_apply();",
        "CREATE TRIGGER enrollment_groups_update AFTER UPDATE ON \"Enrollments\" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_groups_apply();",
        "CREATE TRIGGER enrollment_groups_delete AFTER DELETE ON \"Enrollments\" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_groups_apply();",
        PostgresBackfill,
    ];

    public static readonly string[] PostgresDown =
    [
        "DROP TRIGGER IF EXISTS enrollment_groups_insert ON \"Enrollments\";", "DROP TRIGGER IF EXISTS enrollment_groups_update ON \"Enrollments\";",
        "DROP TRIGGER IF EXISTS enrollment_groups_delete ON \"Enrollments\";", "DROP FUNCTION IF EXISTS enrollment_groups_apply();",
    ];

    private static string SqliteRow(string row, string sign) =>
        $"INSERT INTO \"EnrollmentGroups\" ({Columns}) VALUES ({row}.\"RegionCode\", {row}.\"Program\", {row}.\"StartMonth\", COALESCE({row}.\"EndMonth\", '9999-12-01'), "
        + $"{sign}1, {sign}{row}.\"CoveredPersons\", {sign}CAST(ROUND({row}.\"MonthlyAmount\" * 100) AS INTEGER)) {Upsert("\"EnrollmentGroups\"")};";

    public static readonly string[] SqliteTriggers =
    [
        $"CREATE TRIGGER enrollment_groups_insert AFTER INSERT ON \"Enrollments\" BEGIN {SqliteRow("NEW", "")} END;",
        $"CREATE TRIGGER enrollment_groups_update AFTER UPDATE ON \"Enrollments\" BEGIN {SqliteRow("OLD", "-")} {SqliteRow("NEW", "")} END;",
        $"CREATE TRIGGER enrollment_groups_delete AFTER DELETE ON \"Enrollments\" BEGIN {SqliteRow("OLD", "-")} END;",
    ];

    public static readonly string[] Sqlite =
    [
        .. SqliteTriggers,
        $"INSERT INTO \"EnrollmentGroups\" ({Columns}) SELECT \"RegionCode\", \"Program\", \"StartMonth\", COALESCE(\"EndMonth\", '9999-12-01'), COUNT(*), "
        + "SUM(\"CoveredPersons\"), SUM(CAST(ROUND(\"MonthlyAmount\" * 100) AS INTEGER)) FROM \"Enrollments\" GROUP BY 1, 2, 3, 4;",
    ];

    public static readonly string[] SqliteDown =
    [
        "DROP TRIGGER IF EXISTS enrollment_groups_insert;", "DROP TRIGGER IF EXISTS enrollment_groups_update;", "DROP TRIGGER IF EXISTS enrollment_groups_delete;",
    ];
}
