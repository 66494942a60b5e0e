using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Minzheng.Modules.Administration;
using Minzheng.Modules.Funeral;
using Minzheng.Modules.Marriage;
using Minzheng.Modules.SocialAssistance;
using Minzheng.Modules.SocialOrganizations;
using Minzheng.Modules.Veterans;
using Minzheng.Platform.Data;
using Minzheng.Platform.Modules;
using Minzheng.Platform.Security;

namespace Minzheng.Modules;

/// <summary>
/// The module list: the one place that names every business line. The order is the order of the navigation and of
/// demo seeding. Adding a line is one entry here plus its own folder under <c>Modules/</c>.
/// </summary>
public static class MinzhengModules
{
    public static IReadOnlyList<IMinzhengModule> All { get; } =
    [
        new SocialAssistanceModule(),
        new MarriageModule(),
        new FuneralModule(),
        new SocialOrganizationsModule(),
        new VeteransModule(),
        new AdministrationModule(),
    ];
}

// Design-time factories for `dotnet ef migrations add … --context SqliteMinzhengDbContext|PostgresMinzhengDbContext`:
// they live beside the module list because the model is the platform's tables plus every module's.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMinzhengDbContext>
{
    public SqliteMinzhengDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteMinzhengDbContext>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design.db");
        return new SqliteMinzhengDbContext(options.Options, SystemRegionScope.Instance, new ModuleCatalog(MinzhengModules.All));
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMinzhengDbContext>
{
    public PostgresMinzhengDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresMinzhengDbContext>();
        DatabaseSetup.ConfigurePostgres(options, "Host=localhost;Database=minzheng_design");
        return new PostgresMinzhengDbContext(options.Options, SystemRegionScope.Instance, new ModuleCatalog(MinzhengModules.All));
    }
}
