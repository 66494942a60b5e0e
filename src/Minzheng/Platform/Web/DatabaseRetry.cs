using Minzheng.Platform.Data;
using Npgsql;

namespace Minzheng.Platform.Web;

/// <summary>
/// Runs a request again when the database failed under it for a reason that passes (<see cref="DatabaseOutage"/>: a
/// failover, a restart) — but only a request that is safe to run twice: a read (GET/HEAD), or a write carrying an
/// <c>Idempotency-Key</c> to an endpoint marked <see cref="HonoursIdempotencyKey"/>, which answers with its first
/// result when it did commit. Each attempt gets a fresh service scope (no half-tracked entities, no broken connection) and the pools are cleared, so connections to
/// the old primary are not reused. Other writes get 503 with Retry-After: whether they committed is unknown, and only
/// the caller can tell whether sending them again is right.
/// </summary>
public sealed class DatabaseRetry(RequestDelegate next, IServiceScopeFactory scopes, ILogger<DatabaseRetry> log, IConfiguration configuration)
{
    /// <summary>Long enough for Patroni to promote a standby (a lost leader key expires after its TTL, 10–30 s).</summary>
    private readonly TimeSpan _budget = TimeSpan.FromSeconds(configuration.GetValue("Database:Retry:Seconds", 30));

    public async Task InvokeAsync(HttpContext http)
    {
        if (!IsSafeToRepeat(http))
        {
            await next(http);
            return;
        }

        http.Request.EnableBuffering();
        // Wall-clock time on purpose, not the injected TimeProvider: a test's fake clock must not stretch the budget forever.
        var started = TimeProvider.System.GetTimestamp();
        var original = http.RequestServices;
        // Headers set before this point (correlation id, security headers) survive the reset between attempts.
        var headersBefore = http.Response.Headers.ToArray();
        for (var attempt = 1; ; attempt++)
        {
            var fresh = attempt == 1 ? (AsyncServiceScope?)null : scopes.CreateAsyncScope();
            http.RequestServices = fresh?.ServiceProvider ?? original;
            try
            {
                await next(http);
                return;
            }
            catch (Exception e) when (DatabaseOutage.IsTransient(e) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested
                                      && TimeProvider.System.GetElapsedTime(started) < _budget)
            {
                log.LogWarning("Database unavailable on {Method} {Path} (attempt {Attempt}): {Reason}; retrying", http.Request.Method, http.Request.Path,
                    attempt, e.GetBaseException().Message);
                NpgsqlConnection.ClearAllPools();
                http.Response.Clear();
                foreach (var (name, value) in headersBefore)
                {
                    http.Response.Headers[name] = value;
                }

                http.Request.Body.Position = 0;
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(250 * attempt, 2000)), http.RequestAborted);
            }
            finally
            {
                http.RequestServices = original;
                if (fresh is { } scope)
                {
                    await scope.DisposeAsync();
                }
            }
        }
    }

    /// <summary>
    /// A write is repeated only where its endpoint says it answers a repeated key with its first result: a client that
    /// adds the header to any other write must not get that write done twice.
    /// </summary>
    private static bool IsSafeToRepeat(HttpContext http) =>
        HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
        || (http.Request.Headers.ContainsKey("Idempotency-Key") && http.GetEndpoint()?.Metadata.GetMetadata<HonoursIdempotencyKey>() is not null);
}

/// <summary>Endpoint metadata: the endpoint answers a repeated <c>Idempotency-Key</c> with the result of its first request.</summary>
public sealed class HonoursIdempotencyKey
{
    public static readonly HonoursIdempotencyKey Instance = new();

    private HonoursIdempotencyKey()
    {
    }
}

public static class IdempotencyEndpoints
{
    public static TBuilder HonoursIdempotencyKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Web.HonoursIdempotencyKey.Instance);
}
