using System.Net;
using System.Security.Cryptography;
using System.Text;
using Minzheng.Platform.Web;

namespace Minzheng.Platform.Observability;

/// <summary>
/// Who may read <c>/metrics</c>: clients in <c>Observability:Metrics:AllowedNetworks</c> (addresses or CIDR networks;
/// default loopback only), or anyone presenting <c>Authorization: Bearer &lt;Observability:Metrics:Token&gt;</c>.
/// The address is the one left after <c>Security:TrustedProxies</c> were applied, so behind nginx it is the real
/// client's, never the proxy's. Everyone else gets 404 (the endpoint is not advertised); a wrong token gets 403.
/// </summary>
public sealed class MetricsAccess
{
    public const string NetworksSetting = "Observability:Metrics:AllowedNetworks";
    public const string TokenSetting = "Observability:Metrics:Token";
    public const int MinTokenLength = 16;

    private readonly byte[]? _tokenHash;

    public MetricsAccess(IReadOnlyList<System.Net.IPNetwork> networks, string? token)
    {
        Networks = networks;
        if (token is { Length: > 0 })
        {
            // A short token is guessable over the network: refuse to start rather than expose the metrics.
            _tokenHash = token.Length >= MinTokenLength
                ? SHA256.HashData(Encoding.UTF8.GetBytes(token))
                : throw new InvalidOperationException($"{TokenSetting} must be at least {MinTokenLength} characters long.");
        }
    }

    public IReadOnlyList<System.Net.IPNetwork> Networks { get; }

    public static readonly System.Net.IPNetwork[] Loopback = [System.Net.IPNetwork.Parse("127.0.0.0/8"), System.Net.IPNetwork.Parse("::1/128")];

    public static MetricsAccess From(IConfiguration configuration)
    {
        var networks = ForwardedHeadersSetup.Networks(configuration, NetworksSetting);
        return new MetricsAccess(networks.Count > 0 ? networks : Loopback, configuration[TokenSetting]);
    }

    /// <summary>200 (go on), 403 (a token that is not the one) or 404 (neither an allowed address nor a token).</summary>
    public int Decide(HttpContext http)
    {
        if (http.Connection.RemoteIpAddress is { } remote && IsAllowed(remote))
        {
            return StatusCodes.Status200OK;
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return StatusCodes.Status404NotFound;
        }

        // Hashes of equal length compared in constant time: neither the length nor a prefix of the token leaks.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(authorization["Bearer ".Length..].Trim()));
        return _tokenHash is not null && CryptographicOperations.FixedTimeEquals(given, _tokenHash)
            ? StatusCodes.Status200OK
            : StatusCodes.Status403Forbidden;
    }

    public bool IsAllowed(IPAddress remote)
    {
        var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return Networks.Any(n => n.Contains(address));
    }
}
