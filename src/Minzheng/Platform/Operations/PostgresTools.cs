using System.Diagnostics;
using Npgsql;

namespace Minzheng.Platform.Operations;

/// <summary>
/// Runs the PostgreSQL client tools (<c>pg_dump</c>, <c>pg_restore</c>) against the configured database: the password
/// goes in the environment, never on the command line; the tools are found in <c>Backup:PostgresBin</c>, on the PATH,
/// or in Debian's /usr/lib/postgresql/&lt;version&gt;/bin (newest first).
/// </summary>
public static class PostgresTools
{
    public static async Task RunAsync(string tool, string connectionString, IEnumerable<string> arguments, IConfiguration configuration, CancellationToken ct)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(tool, configuration)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { $"--host={c.Host}", $"--port={c.Port}", $"--username={c.Username}", $"--dbname={c.Database}" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = c.Password ?? "";
        using var process = Process.Start(start) ?? throw new OperationException($"无法启动 {tool}");
        var error = process.StandardError.ReadToEndAsync(ct);
        _ = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new OperationException($"{tool} 失败（退出码 {process.ExitCode}）：{(await error).Trim()}");
        }
    }

    private static string Find(string tool, IConfiguration configuration)
    {
        var folders = new List<string>();
        if (configuration["Backup:PostgresBin"] is { Length: > 0 } configured)
        {
            folders.Add(configured);
        }

        folders.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            folders.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        return folders.Select(f => Path.Combine(f, tool)).FirstOrDefault(File.Exists)
            ?? throw new OperationException($"找不到 {tool}：请安装 postgresql-client，或在配置 Backup:PostgresBin 中指定其所在目录");
    }
}
