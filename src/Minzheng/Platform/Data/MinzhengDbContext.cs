using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Modules;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Data;

/// <summary>
/// The one model of Minzheng. Provider-specific subclasses (<see cref="SqliteMinzhengDbContext"/>,
/// <see cref="PostgresMinzhengDbContext"/>) exist only so each provider has its own migrations; register and
/// inject this type.
/// </summary>
public abstract class MinzhengDbContext(DbContextOptions options, IRegionScope scope, ModuleCatalog modules)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public const string RegionFilter = "RegionScope";

    public DbSet<Region> Regions => Set<Region>();

    /// <summary>The installation's cookie and token keys, each sealed with the key-encryption key (<see cref="SessionKeys"/>).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Minzheng.Platform.People.Person> Persons => Set<Minzheng.Platform.People.Person>();
    public DbSet<Minzheng.Platform.People.Household> Households => Set<Minzheng.Platform.People.Household>();
    public DbSet<Minzheng.Platform.People.HouseholdMember> HouseholdMembers => Set<Minzheng.Platform.People.HouseholdMember>();
    public DbSet<Minzheng.Platform.Imports.ImportBatch> ImportBatches => Set<Minzheng.Platform.Imports.ImportBatch>();
    public DbSet<Documents.IssuedDocument> IssuedDocuments => Set<Documents.IssuedDocument>();
    public DbSet<Minzheng.Platform.Attachments.Attachment> Attachments => Set<Minzheng.Platform.Attachments.Attachment>();

    /// <summary>The modules whose entities make up the model; part of the model cache key.</summary>
    public ModuleCatalog Modules => modules;

    private static readonly string PlatformNamespace = typeof(MinzhengDbContext).Namespace![..^".Data".Length] + ".";

    /// <summary>Read by the region filter on every query; EF parameterises it per context instance.</summary>
    public string RegionPrefix => scope.Prefix;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The platform's own tables, then each module's: the platform knows no business entity.
        builder.ApplyConfigurationsFromAssembly(typeof(MinzhengDbContext).Assembly,
            t => t.Namespace?.StartsWith(PlatformNamespace, StringComparison.Ordinal) == true);
        foreach (var module in modules.Modules)
        {
            module.ConfigureModel(builder);
        }

        builder.Entity<AppUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength);
            u.Property(x => x.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
            u.HasIndex(x => x.RegionCode);
        });

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IRegionScoped).IsAssignableFrom(t.ClrType)))
        {
            ApplyRegionFilterMethod.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
        }
    }

    private static readonly System.Reflection.MethodInfo ApplyRegionFilterMethod =
        typeof(MinzhengDbContext).GetMethod(nameof(ApplyRegionFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    // The region scope is a named query filter on every IRegionScoped entity: a row is visible when its region code
    // starts with the caller's prefix ("" for system jobs). Bypass only with RegionScopeBypass.AcrossRegions(reason).
    private void ApplyRegionFilter<TEntity>(ModelBuilder builder)
        where TEntity : class, IRegionScoped
    {
        Expression<Func<TEntity, bool>> filter = e => e.RegionCode.StartsWith(RegionPrefix);
        builder.Entity<TEntity>().HasQueryFilter(RegionFilter, filter);
        builder.Entity<TEntity>().Property(nameof(IRegionScoped.RegionCode)).HasMaxLength(RegionCode.Length).IsFixedLength();
        // A region index of its own unless the rows are read only through their parent, or another index (not a partial
        // one) already starts with the region code and so serves the scope's prefix search: every redundant index is
        // written by every insert and every non-HOT update.
        var covered = builder.Entity<TEntity>().Metadata.GetIndexes()
            .Any(i => i.Properties[0].Name == nameof(IRegionScoped.RegionCode) && i.GetFilter() is null);
        if (!covered && !typeof(TEntity).IsDefined(typeof(ReadThroughParentAttribute), inherit: false))
        {
            builder.Entity<TEntity>().HasIndex(nameof(IRegionScoped.RegionCode));
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money is decimal(18,2) everywhere (DESIGN §6).
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }
}

public sealed class SqliteMinzhengDbContext(DbContextOptions<SqliteMinzhengDbContext> options, IRegionScope scope, ModuleCatalog modules)
    : MinzhengDbContext(options, scope, modules)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no timestamp type and EF cannot compare or sort DateTimeOffset text there: store UTC ticks,
        // which keep full precision and sort correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}

public sealed class PostgresMinzhengDbContext(DbContextOptions<PostgresMinzhengDbContext> options, IRegionScope scope, ModuleCatalog modules)
    : MinzhengDbContext(options, scope, modules);

/// <summary>One EF model per set of modules (a test host may add a module; the model must follow).</summary>
internal sealed class ModuleModelCacheKeyFactory : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as MinzhengDbContext)?.Modules.Key, designTime);
}
