namespace Minzheng.Infrastructure.Auditing;

/// <summary>
/// Database triggers that refuse UPDATE and DELETE on the audit table, so even SQL outside the application cannot
/// quietly rewrite history (a database owner can still drop the trigger — which the hash chain then exposes).
/// Applied by the migrations of each provider.
/// </summary>
public static class AuditProtection
{
    public const string PostgresUp = """
        CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION 'audit log is append-only: % refused', TG_OP;
        END;
        $$ LANGUAGE plpgsql;
        CREATE TRIGGER audit_entries_no_update BEFORE UPDATE OR DELETE ON "AuditEntries"
            FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "AuditEntries"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
        """;

    public const string PostgresDown = """
        DROP TRIGGER IF EXISTS audit_entries_no_truncate ON "AuditEntries";
        DROP TRIGGER IF EXISTS audit_entries_no_update ON "AuditEntries";
        DROP FUNCTION IF EXISTS audit_entries_append_only();
        """;

    public const string SqliteUp = """
        CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only: UPDATE refused'); END;
        CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only: DELETE refused'); END;
        """;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS audit_entries_no_update;
        DROP TRIGGER IF EXISTS audit_entries_no_delete;
        """;
}
