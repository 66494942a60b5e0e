using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Minzheng.Platform.Web;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address, so the per-IP login limit and the audit log
/// would see one client. <c>Security:TrustedProxies</c> (addresses or CIDR networks, e.g. <c>10.0.0.5</c>,
/// <c>10.1.0.0/16</c>) names the proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c> are believed; from anyone else,
/// including loopback, the headers are ignored — a client cannot choose its own address.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Setting = "Security:TrustedProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = TrustedProxies(configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var network in proxies)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, IConfiguration configuration) =>
        TrustedProxies(configuration).Count > 0 ? app.UseForwardedHeaders() : app;

    public static List<System.Net.IPNetwork> TrustedProxies(IConfiguration configuration) => Networks(configuration, Setting);

    /// <summary>The addresses and CIDR networks of a setting; a malformed entry stops the start with the setting named.</summary>
    public static List<System.Net.IPNetwork> Networks(IConfiguration configuration, string setting)
    {
        var section = configuration.GetSection(setting);
        // A list (Security:TrustedProxies:0 …) or one comma-separated value (an environment variable).
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return values.Select(v => System.Net.IPNetwork.TryParse(v, out var network) ? network
                : IPAddress.TryParse(v, out var address) ? new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
                : throw new InvalidOperationException($"{setting}: '{v}' is neither an IP address nor a CIDR network."))
            .ToList();
    }
}
