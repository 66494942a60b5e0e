using System.Security.Claims;

namespace Minzheng.Platform.Modules;

/// <summary>The modules of this installation, in the order of the module list, and what they bring together.</summary>
public sealed class ModuleCatalog(IReadOnlyList<IMinzhengModule> modules)
{
    public IReadOnlyList<IMinzhengModule> Modules { get; } = modules;

    /// <summary>Every permission of every module, with the module that declares it.</summary>
    public IEnumerable<(IMinzhengModule Module, Permission Permission)> Permissions =>
        Modules.SelectMany(m => m.Permissions.Select(p => (m, p)));

    /// <summary>Identifies the set of modules: the EF model depends on it (<see cref="Data.ModuleModelCacheKeyFactory"/>).</summary>
    public string Key { get; } = string.Join(',', modules.Select(m => m.GetType().FullName));

    /// <summary>The platform's own pages: the work list and deadline board across every module.</summary>
    private static readonly NavigationSection[] PlatformNavigation =
        [new("工作台", [new("待办与期限", "/Deadlines", Security.Roles.DeadlineReaders)])];

    /// <summary>The start page a module declares for one of the user's roles, or null for the generic home page.</summary>
    public string? HomePageFor(ClaimsPrincipal user) =>
        Modules.SelectMany(m => m.HomePages).Where(p => user.IsInRole(p.Key)).Select(p => p.Value).FirstOrDefault();

    /// <summary>The navigation sections with the pages this user may open; sections left empty are dropped.</summary>
    public IEnumerable<NavigationSection> NavigationFor(ClaimsPrincipal user) =>
        PlatformNavigation.Concat(Modules.SelectMany(m => m.Navigation))
            .Select(s => s with { Items = s.Items.Where(i => i.Roles.Any(user.IsInRole)).ToList() })
            .Where(s => s.Items.Count > 0);
}
