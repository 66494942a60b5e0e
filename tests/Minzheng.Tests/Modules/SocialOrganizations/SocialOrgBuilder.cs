using System.Globalization;
using Minzheng.Platform.Privacy;
using Minzheng.Tests.Platform.People;

namespace Minzheng.Tests.Modules.SocialOrganizations;

/// <summary>Registration bodies with a unique name, a valid USCC of the kind and region, and a valid legal representative's ID.</summary>
public static class SocialOrgBuilder
{
    private static int _next = Random.Shared.Next(0, 1_000_000);

    public static string UniqueName(string suffix = "协会") =>
        string.Create(CultureInfo.InvariantCulture, $"共青城市测试{Interlocked.Increment(ref _next)}{suffix}");

    public static string IdNumber()
    {
        var n = Interlocked.Increment(ref _next);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"36048219{70 + (n % 25)}0{1 + (n % 9)}1{n % 10}{n / 10 % 1000:D3}");
        return first17 + Minzheng.Platform.Privacy.IdNumber.ComputeCheckCharacter(first17);
    }

    public static Dictionary<string, object?> Body(string? name = null, string kind = "association", string? creditCode = null, decimal capital = 50_000m,
        string establishedOn = "2024-03-01", string region = "360482", string? idNumber = null)
    {
        var type = kind switch { "private-non-enterprise" => '2', "foundation" => '3', _ => '1' };
        return new()
        {
            ["name"] = name ?? UniqueName(),
            ["kind"] = kind,
            ["creditCode"] = creditCode ?? UsccCodes.Make('5', type, region),
            ["supervisingUnit"] = "共青城市民政局",
            ["residence"] = "共青城市茶山街道青年大道1号",
            ["registeredCapital"] = capital,
            ["legalRepresentative"] = new { name = "王建华", idNumber = idNumber ?? IdNumber() },
            ["establishedOn"] = establishedOn,
        };
    }

    public static Dictionary<string, object?> With(this Dictionary<string, object?> body, string key, object? value)
    {
        body[key] = value;
        return body;
    }

    public static string Masked(string id) => Mask.IdNumber(id);
}
