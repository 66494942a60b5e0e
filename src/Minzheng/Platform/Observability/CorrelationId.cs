using System.Buffers;
using System.Diagnostics;

namespace Minzheng.Platform.Observability;

/// <summary>
/// One id per request that a user can quote to support and an operator can find in every log line of that request:
/// the caller's <c>X-Correlation-Id</c> when it is short and plain (a gateway or another system may already have
/// given the request an id), else the request's trace id, so logs and traces meet. The id goes back in the response
/// header, into the log scope of everything the request does, and onto the Chinese error pages.
/// </summary>
public static class CorrelationId
{
    public const string Header = "X-Correlation-Id";

    /// <summary>The log scope key; the JSON log lines lift it to a top-level <c>correlationId</c>.</summary>
    public const string ScopeKey = "CorrelationId";

    public const int MaxLength = 64;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");

    private static readonly object ItemKey = new();

    /// <summary>The id of the current request (null outside a request that went through the middleware).</summary>
    public static string? Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var id) ? id as string : null;

    /// <summary>
    /// A caller's id is taken only when it cannot forge or break a log line: 1–64 letters, digits and <c>-_.:</c>.
    /// Anything else is ignored (not refused: a bad header must never fail a request).
    /// </summary>
    public static bool IsAcceptable(string? value) =>
        value is { Length: > 0 and <= MaxLength } && !value.AsSpan().ContainsAnyExcept(Allowed);

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var supplied = http.Request.Headers[Header];
        var id = supplied.Count == 1 && IsAcceptable(supplied[0]) ? supplied[0]! : TraceIdOrNew();
        http.Items[ItemKey] = id;
        if (supplied.Count > 0)
        {
            Activity.Current?.SetTag("minzheng.correlation_id", id);
        }

        // Set when the answer starts, not now: the exception handler clears the headers before the error page.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CorrelationId));
        using (logger.BeginScope(new Scope(id)))
        {
            await next();
        }
    });

    // ASP.NET Core starts an activity for every request while logging is on, so there is nearly always a trace id.
    private static string TraceIdOrNew() =>
        (Activity.Current?.TraceId is { } trace && trace != default ? trace : ActivityTraceId.CreateRandom()).ToHexString();

    /// <summary>A log scope of one key (a list of pairs, which every logger provider understands as structured data).</summary>
    private sealed class Scope(string id) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new(ScopeKey, id) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"{ScopeKey}:{id}";
    }
}
