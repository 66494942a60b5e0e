using System.Diagnostics;
using System.Text.RegularExpressions;
using Minzheng.Platform.Hosting;
using Minzheng.Platform.Observability;

namespace Minzheng.Tests.Platform.Observability;

/// <summary>
/// The samples in deploy/ and docs/operations.md name settings the application reads, verbs it has, and agree with
/// each other (the port nginx proxies to is the one the application listens on, the proxy it trusts is nginx's
/// address …); deploy/check.sh runs systemd-analyze, nginx -t and logrotate -d on them where installed.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Minzheng.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    /// <summary>The environment file's settings, examples behind # included: KEY → value.</summary>
    private static Dictionary<string, string> Environment() =>
        EnvLine().Matches(Read("deploy/minzheng.env.example")).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());

    private static readonly string SourceText = string.Join("\n",
        Directory.EnumerateFiles(Path.Combine(Root, "src/Minzheng"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Select(File.ReadAllText));

    [Fact]
    public void EnvironmentFile_NamesOnlySettingsTheApplicationReads()
    {
        string[] framework = ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS"];
        var unknown = Environment().Keys.Where(k => !framework.Contains(k)).Where(key =>
        {
            // Privacy__Keys__k1: the key id is the operator's choice, the section is the application's.
            var setting = Regex.Replace(key.Replace("__", ":", StringComparison.Ordinal), @":k\d+$", "");
            string[] spellings = setting.StartsWith("ConnectionStrings:", StringComparison.Ordinal)
                ? [$"GetConnectionString(\"{setting["ConnectionStrings:".Length..]}\")"]
                : [$"\"{setting}\"", $"\"{setting}:", $"<c>{setting}"];
            return !spellings.Any(s => SourceText.Contains(s, StringComparison.Ordinal));
        }).ToList();
        Assert.True(unknown.Count == 0, $"the application never reads: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void ServiceUnit_RunsUnprivileged_WritesOnlyItsFolders()
    {
        var unit = Read("deploy/minzheng.service");
        var environment = Environment();
        Assert.Contains("User=minzheng\n", unit);
        Assert.Contains("ProtectSystem=strict\n", unit);
        Assert.Contains("NoNewPrivileges=yes\n", unit);
        Assert.Contains("PrivateTmp=yes\n", unit);
        Assert.Contains("UMask=0077\n", unit);
        Assert.Contains("StateDirectoryMode=0700\n", unit);
        Assert.Contains("EnvironmentFile=/etc/minzheng/minzheng.env\n", unit);
        // StateDirectory=minzheng is /var/lib/minzheng: the data folder; the backup folder is the other writable one.
        Assert.Equal("/var/lib/minzheng", environment["Data__Path"]);
        Assert.Contains("StateDirectory=minzheng minzheng-audit\n", unit);
        Assert.StartsWith("/var/lib/minzheng-audit/", environment["Audit__CheckpointFile"]);
        Assert.Contains($"ReadWritePaths=-{environment["Backup__Folder"]}\n", unit);
        Assert.Contains($"ReadWritePaths=-{environment["Backup__Folder"]}", Read("deploy/minzheng-cli"));
        Assert.Contains($"Environment={LogFormat.Setting.Replace(":", "__", StringComparison.Ordinal)}=json\n", unit);
    }

    [Fact]
    public void Nginx_ProxiesToTheApplicationAsATrustedProxy()
    {
        var nginx = Read("deploy/nginx-minzheng.conf");
        var environment = Environment();
        var listen = new Uri(environment["ASPNETCORE_URLS"]);
        Assert.Contains($"server {listen.Host}:{listen.Port};", nginx);
        Assert.Contains(listen.Host, environment["Security__TrustedProxies"].Split(','));
        Assert.Contains("proxy_set_header X-Forwarded-For $remote_addr;", nginx);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", nginx);
        Assert.Contains($"proxy_set_header {CorrelationId.Header} $request_id;", nginx);
        // What nginx lets through to /metrics, the application allows too.
        var metricsBlock = nginx[nginx.IndexOf("location = /metrics", StringComparison.Ordinal)..];
        var allowed = AllowLine().Match(metricsBlock).Groups[1].Value;
        var networks = environment[MetricsAccess.NetworksSetting.Replace(":", "__", StringComparison.Ordinal)];
        Assert.Contains(allowed, networks.Split(','));
    }

    [Fact]
    public void VerbsInDocsAndScripts_AreVerbsOfTheExecutable()
    {
        var texts = new[] { "docs/operations.md", "deploy/upgrade.sh", "deploy/minzheng-cli" }.Select(Read);
        var verbs = texts.SelectMany(t => VerbUse().Matches(t)).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("migrate", verbs);
        Assert.Contains("backup", verbs);
        Assert.All(verbs, verb => Assert.True(CommandLine.Parse([verb]).Verb == verb, $"'{verb}' is not a verb of Minzheng"));
    }

    [Fact]
    public void CheckScript_PassesWithTheToolsInstalledHere()
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Root, "deploy/check.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
        if (File.Exists("/usr/bin/systemd-analyze") || File.Exists("/bin/systemd-analyze"))
        {
            Assert.Contains("ok: systemd-analyze verify minzheng.service", output);
        }
    }

    [GeneratedRegex(@"^#?([A-Za-z][A-Za-z0-9_]*)=(.*)$", RegexOptions.Multiline)]
    private static partial Regex EnvLine();

    [GeneratedRegex(@"allow (\d[^;]*);")]
    private static partial Regex AllowLine();

    // `minzheng-cli migrate`, `"$cli" backup`, `dotnet run --project src/Minzheng -- audit verify`
    [GeneratedRegex(@"(?:minzheng-cli|""\$cli""|src/Minzheng --) ([a-z][a-z-]+)")]
    private static partial Regex VerbUse();
}
