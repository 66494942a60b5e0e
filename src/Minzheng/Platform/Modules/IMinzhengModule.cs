using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.EntityFrameworkCore;

namespace Minzheng.Platform.Modules;

/// <summary>
/// One business line (or the platform's own administration) as the host sees it. A module registers everything it
/// brings here, so adding a line is its own folder plus one entry in the module list — no central file changes.
/// Work lists, deadline boards, statistics and import kinds find a module's contributions through the services it
/// registers in <see cref="AddServices"/> (<c>IDeadlineSource</c>, <c>IStatisticsContributor</c>, <c>IImportKind</c>).
/// </summary>
public interface IMinzhengModule
{
    /// <summary>Chinese name of the line, shown in the permission matrix.</summary>
    string Name { get; }

    /// <summary>The module's C# namespace: its entity configurations are applied from there.</summary>
    string Namespace => GetType().Namespace!;

    /// <summary>The permissions the module's endpoints and pages require, with the roles that hold them.</summary>
    IReadOnlyList<Permission> Permissions { get; }

    /// <summary>The module's entries in the navigation, in the order shown.</summary>
    IReadOnlyList<NavigationSection> Navigation { get; }

    /// <summary>
    /// Start pages by role, for roles whose work is one page of this module (the leader reads the dashboard); the
    /// generic home page otherwise. The first module that names a role wins.
    /// </summary>
    IReadOnlyDictionary<string, string> HomePages => new Dictionary<string, string>();

    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Maps the module's API under the shared, authenticated <c>/api/v1</c> group.</summary>
    void MapApi(RouteGroupBuilder api);

    /// <summary>Page conventions beyond the default (signed-in users only), e.g. the anonymous login page.</summary>
    void ConfigurePages(PageConventionCollection pages)
    {
    }

    /// <summary>Entity types the module stores; by default every configuration class in its namespace.</summary>
    void ConfigureModel(ModelBuilder model) => ApplyConfigurationsOf(this, model);

    /// <summary>Applies every <c>IEntityTypeConfiguration</c> declared in the module's namespace (and below it).</summary>
    static void ApplyConfigurationsOf(IMinzhengModule module, ModelBuilder model) =>
        model.ApplyConfigurationsFromAssembly(module.GetType().Assembly,
            t => t.Namespace is { } ns && (ns == module.Namespace || ns.StartsWith(module.Namespace + ".", StringComparison.Ordinal)));

    /// <summary>Demo data of the line, seeded in demo mode after the modules listed before it.</summary>
    Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>A named permission (an authorization policy) and the roles that hold it.</summary>
public sealed record Permission(string Name, string Title, IReadOnlyList<string> Roles);

/// <summary>A heading of the navigation with its pages; a page lists the roles that may open it.</summary>
public sealed record NavigationSection(string Title, IReadOnlyList<NavigationItem> Items);

public sealed record NavigationItem(string Title, string Href, IReadOnlyList<string> Roles);
