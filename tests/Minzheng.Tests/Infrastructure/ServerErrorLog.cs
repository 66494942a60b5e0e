using Microsoft.Extensions.Logging;

namespace Minzheng.Tests.Infrastructure;

/// <summary>
/// Errors the application logged during a test run, appended to the file named by <c>MINZHENG_TEST_SERVER_ERRORS</c>
/// (scripts/test.sh prints the entries logged while a failed test ran): a test sees only "500", and the exception
/// behind it is otherwise lost with the test host's console. Requests do not carry the test's context into the
/// server, so entries are matched to tests by time.
/// </summary>
public sealed class ServerErrorLog(string file) : ILoggerProvider
{
    private static readonly Lock Writing = new();

    /// <summary>The provider for this run, or null when no file is named (a developer's own test run).</summary>
    public static ServerErrorLog? FromEnvironment() =>
        Environment.GetEnvironmentVariable("MINZHENG_TEST_SERVER_ERRORS") is { Length: > 0 } file ? new ServerErrorLog(file) : null;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Append(string category, string message, Exception? exception)
    {
        var entry = $"@@ {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fff} [{category}] {message}\n{exception}\n";
        lock (Writing)
        {
            File.AppendAllText(file, entry);
        }
    }

    private sealed class Logger(ServerErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Append(category, formatter(state, exception), exception);
            }
        }
    }
}
