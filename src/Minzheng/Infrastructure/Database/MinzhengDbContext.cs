using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Minzheng.Features.Regions;
using Minzheng.Infrastructure.Auditing;
using Minzheng.Infrastructure.Calendar;
using Minzheng.Infrastructure.Security;

namespace Minzheng.Infrastructure.Database;

/// <summary>
/// The one model of Minzheng. Provider-specific subclasses (<see cref="SqliteMinzhengDbContext"/>,
/// <see cref="PostgresMinzhengDbContext"/>) exist only so each provider has its own migrations; register and
/// inject this type.
/// </summary>
public abstract class MinzhengDbContext(DbContextOptions options, IRegionScope scope)
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
    public DbSet<Features.Registry.Person> Persons => Set<Features.Registry.Person>();
    public DbSet<Features.Registry.Household> Households => Set<Features.Registry.Household>();
    public DbSet<Features.Registry.HouseholdMember> HouseholdMembers => Set<Features.Registry.HouseholdMember>();
    public DbSet<Features.Registry.MemberIncome> MemberIncomes => Set<Features.Registry.MemberIncome>();
    public DbSet<Features.Registry.MemberAsset> MemberAssets => Set<Features.Registry.MemberAsset>();
    public DbSet<Features.Enrollments.Enrollment> Enrollments => Set<Features.Enrollments.Enrollment>();
    public DbSet<Features.Enrollments.EnrollmentEvent> EnrollmentEvents => Set<Features.Enrollments.EnrollmentEvent>();
    public DbSet<Features.Imports.ImportBatch> ImportBatches => Set<Features.Imports.ImportBatch>();
    public DbSet<Features.Standards.Standard> Standards => Set<Features.Standards.Standard>();
    public DbSet<Features.Cases.AssistanceCase> Cases => Set<Features.Cases.AssistanceCase>();
    public DbSet<Features.Cases.CaseEvent> CaseEvents => Set<Features.Cases.CaseEvent>();
    public DbSet<Features.Cases.ReserveFundEntry> ReserveFund => Set<Features.Cases.ReserveFundEntry>();
    public DbSet<Features.Reviews.ReviewCampaign> ReviewCampaigns => Set<Features.Reviews.ReviewCampaign>();
    public DbSet<Features.Reviews.ReviewItem> ReviewItems => Set<Features.Reviews.ReviewItem>();
    public DbSet<Features.Payments.Payroll> Payrolls => Set<Features.Payments.Payroll>();
    public DbSet<Features.Payments.PayrollLine> PayrollLines => Set<Features.Payments.PayrollLine>();
    public DbSet<Features.Payments.BankFileExport> BankFileExports => Set<Features.Payments.BankFileExport>();
    public DbSet<Features.Verification.DeathRecord> DeathRecords => Set<Features.Verification.DeathRecord>();
    public DbSet<Features.Verification.Finding> Findings => Set<Features.Verification.Finding>();
    public DbSet<Features.Verification.EconomicRecord> EconomicRecords => Set<Features.Verification.EconomicRecord>();
    public DbSet<Features.Verification.StaffRelative> StaffRelatives => Set<Features.Verification.StaffRelative>();
    public DbSet<Features.Reports.StatisticalReport> StatisticalReports => Set<Features.Reports.StatisticalReport>();
    public DbSet<Features.Reports.EnrollmentGroup> EnrollmentGroups => Set<Features.Reports.EnrollmentGroup>();
    public DbSet<Features.Verification.TipOff> TipOffs => Set<Features.Verification.TipOff>();
    public DbSet<Features.Monitoring.MonitoredHousehold> MonitoredHouseholds => Set<Features.Monitoring.MonitoredHousehold>();
    public DbSet<Features.Monitoring.EarlyWarning> EarlyWarnings => Set<Features.Monitoring.EarlyWarning>();

    /// <summary>Read by the region filter on every query; EF parameterises it per context instance.</summary>
    public string RegionPrefix => scope.Prefix;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MinzhengDbContext).Assembly);
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
    // starts with the caller's prefix ("" for system jobs). Bypass only with IgnoreQueryFilters([RegionFilter]).
    private void ApplyRegionFilter<TEntity>(ModelBuilder builder)
        where TEntity : class, IRegionScoped
    {
        Expression<Func<TEntity, bool>> filter = e => e.RegionCode.StartsWith(RegionPrefix);
        builder.Entity<TEntity>().HasQueryFilter(RegionFilter, filter);
        builder.Entity<TEntity>().Property(nameof(IRegionScoped.RegionCode)).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Entity<TEntity>().HasIndex(nameof(IRegionScoped.RegionCode));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money is decimal(18,2) everywhere (DESIGN §6).
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }
}

public sealed class SqliteMinzhengDbContext(DbContextOptions<SqliteMinzhengDbContext> options, IRegionScope scope)
    : MinzhengDbContext(options, scope)
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

public sealed class PostgresMinzhengDbContext(DbContextOptions<PostgresMinzhengDbContext> options, IRegionScope scope)
    : MinzhengDbContext(options, scope);
