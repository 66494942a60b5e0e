using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Minzheng.Platform.Data;

/// <summary>Values for raw SQL parameters exactly as EF stores them, for the set-based paths that bypass EF.</summary>
public static class ProviderKeys
{
    /// <summary>A Guid as the provider stores it: uuid on PostgreSQL, upper-case text on SQLite (EF's mapping).</summary>
    public static object Key(this DatabaseFacade database, Guid id) => database.IsNpgsql() ? id : id.ToString().ToUpperInvariant();

    /// <summary>A moment as the provider stores it: timestamptz on PostgreSQL, UTC ticks on SQLite (the context's converter).</summary>
    public static object Stamp(this DatabaseFacade database, DateTimeOffset at) => database.IsNpgsql() ? at.ToUniversalTime() : at.UtcTicks;
}
