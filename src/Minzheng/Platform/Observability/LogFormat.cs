using Microsoft.Extensions.Logging.Console;

namespace Minzheng.Platform.Observability;

/// <summary>
/// <c>Logging:Format</c> = <c>json</c> (one JSON object per line, <see cref="JsonLineFormatter"/>) or <c>simple</c>
/// (one readable line per entry). Unset, the format follows who reads the output: a person at a terminal (the README's
/// <c>dotnet run</c>, a developer) gets simple lines; a service manager, container runtime or pipe gets JSON — so a
/// systemd service logs JSON to journald without anyone remembering to ask for it.
/// </summary>
public static class LogFormat
{
    public const string Setting = "Logging:Format";

    public static bool IsJson(IConfiguration configuration, bool outputIsTerminal) =>
        configuration[Setting]?.Trim().ToLowerInvariant() switch
        {
            "json" => true,
            "simple" => false,
            null or "" => !outputIsTerminal,
            var other => throw new InvalidOperationException($"{Setting} must be json or simple, not '{other}'."),
        };

    public static ILoggingBuilder AddMinzhengConsole(this ILoggingBuilder logging, IConfiguration configuration)
    {
        if (IsJson(configuration, outputIsTerminal: !Console.IsOutputRedirected))
        {
            logging.AddConsole(o => o.FormatterName = JsonLineFormatter.Name)
                .AddConsoleFormatter<JsonLineFormatter, ConsoleFormatterOptions>();
            return logging;
        }

        // Scopes (the correlation id among them) stay out of the readable format: it is one short line per entry.
        return logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
    }
}
