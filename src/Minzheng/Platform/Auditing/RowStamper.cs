using Minzheng.Platform.Data;

namespace Minzheng.Platform.Auditing;

/// <summary>
/// Sets created/updated by/at on rows written by a bulk path (<see cref="BulkInsert"/>), which bypasses the
/// SaveChanges interceptor; the caller records the batch in the audit log as one entry.
/// </summary>
public sealed class RowStamper(IAuditContext actor, TimeProvider clock)
{
    /// <summary>Who is writing, as the created/updated-by columns hold it.</summary>
    public string Actor => AuditInterceptor.Truncate(actor.UserName);

    public T Stamp<T>(T row)
        where T : AuditableEntity
    {
        var now = clock.GetUtcNow();
        row.CreatedAt = row.UpdatedAt = now;
        row.CreatedBy = row.UpdatedBy = Actor;
        return row;
    }

    public List<T> Stamp<T>(List<T> rows)
        where T : AuditableEntity
    {
        rows.ForEach(r => Stamp(r));
        return rows;
    }
}
