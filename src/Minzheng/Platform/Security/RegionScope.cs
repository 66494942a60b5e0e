using System.Security.Claims;
using Minzheng.Platform.Regions;

namespace Minzheng.Platform.Security;

/// <summary>
/// The subtree of regions the current caller may see and change, as a code prefix. Read by the DbContext's query
/// filter and write guard, so every feature gets region scoping without doing anything.
/// </summary>
public interface IRegionScope
{
    /// <summary>"" = everything (system jobs); a 2–12 digit prefix = that subtree; <see cref="Nothing"/> = no rows.</summary>
    string Prefix { get; }

    /// <summary>A prefix no 12-digit code starts with: anonymous callers see no business rows.</summary>
    public const string Nothing = "-";
}

public static class RegionScopeExtensions
{
    /// <summary>The 12-digit code of the scope's own region: where rows that name no region of their own (a staged file, an unmatched list record) are kept.</summary>
    public static string RegionCode(this IRegionScope scope) =>
        scope.Prefix.PadRight(Minzheng.Platform.Regions.RegionCode.Length, '0')[..Minzheng.Platform.Regions.RegionCode.Length];

    private static readonly int[] PrefixLengths = [2, 4, 6, 9];

    /// <summary>
    /// The significant prefixes of the regions strictly above the scope's own (province, city, county, township): work
    /// organised by one of them — a county payroll, a county 复核 — reaches into the scope, which sees its own part of it.
    /// </summary>
    public static IReadOnlyList<string> PrefixesAbove(this IRegionScope scope)
    {
        var own = scope.Prefix;
        return own == IRegionScope.Nothing ? [] : PrefixLengths.Where(n => n < own.Length).Select(n => own[..n]).ToList();
    }
}

/// <summary>For CLI verbs, migrations, seeding and background jobs that act for the whole installation.</summary>
public sealed class SystemRegionScope : IRegionScope
{
    public static SystemRegionScope Instance { get; } = new();

    public string Prefix => "";
}

/// <summary>A fixed prefix, e.g. for a job run on behalf of one county.</summary>
public sealed class FixedRegionScope(string prefix) : IRegionScope
{
    public string Prefix { get; } = prefix;
}

/// <summary>
/// Scope of the signed-in user, from the region claim. Inside a request, no user or no valid claim means no rows;
/// outside any request (start-up, CLI verbs, background jobs) the code acts for the installation.
/// </summary>
public sealed class HttpRegionScope(IHttpContextAccessor http) : IRegionScope
{
    private string? _publicOffice;

    public string Prefix => _publicOffice ?? (http.HttpContext is { } context ? FromPrincipal(context.User) : SystemRegionScope.Instance.Prefix);

    /// <summary>
    /// For the rest of an anonymous request, acts within one public office's region (a citizen booking at a county
    /// marriage registry): the citizen may write rows of that office only, and reads through the usual filter stay
    /// inside it. Signed-in users keep their own scope: staff act for their region, never for an office they pick.
    /// </summary>
    public bool ServePublicOffice(string regionCode)
    {
        if (http.HttpContext?.User.Identity?.IsAuthenticated == true || RegionCode.ToScopePrefix(regionCode) is not { } prefix)
        {
            return false;
        }

        _publicOffice = prefix;
        return true;
    }

    public static string FromPrincipal(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return IRegionScope.Nothing;
        }

        var region = user.FindFirstValue(MinzhengClaims.Region);
        return RegionCode.ToScopePrefix(region) ?? IRegionScope.Nothing;
    }
}
