using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.PublicLookup;

/// <summary>The registration authority a public notice is chosen by: a county's 6-digit region code.</summary>
internal static class PublicAuthority
{
    /// <summary>True when <paramref name="authority"/> is absent or six digits; otherwise the field error is added.</summary>
    public static bool IsWellFormed(string? authority, FieldErrors errors)
    {
        if (authority is { Length: > 0 } && (authority.Length != 6 || !authority.All(char.IsAsciiDigit)))
        {
            errors.Add("authority", "authority 应为登记管理机关所在县（市、区）的6位区划代码");
            return false;
        }

        return true;
    }

    /// <summary>The counties' names by their 6-digit codes (the code itself when the region table does not know it).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(RegionService regions, IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var names = await regions.NamesOfAsync(codes.Select(c => c + "000000"), ct);
        return codes.Distinct().ToDictionary(c => c, c => names.GetValueOrDefault(c + "000000", c));
    }
}
