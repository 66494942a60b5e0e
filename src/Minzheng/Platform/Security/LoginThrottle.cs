using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Minzheng.Platform.Security;

/// <summary>
/// Failed sign-ins per client address, in one-minute windows. Only failures count: a township office behind one NAT
/// address opens the login page dozens of times a morning and must never be locked out by that, nor by a colleague's
/// successful logins. The per-account limit is Identity's lockout (<see cref="SecurityOptions.LockoutAttempts"/>),
/// which this does not replace: this one stops a single address from trying many accounts.
/// </summary>
public sealed class LoginThrottle(IOptions<SecurityOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Beyond this many addresses the expired windows are dropped, so a scan from many addresses cannot grow the map forever.
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, AddressWindow> _windows = new(StringComparer.Ordinal);

    /// <summary>How long the address must wait before it may try again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string address)
    {
        var now = clock.GetUtcNow();
        if (!_windows.TryGetValue(address, out var window) || now - window.Start >= Window)
        {
            return null;
        }

        return window.Failures >= options.Value.FailedLoginsPerMinutePerIp ? window.Start + Window - now : null;
    }

    /// <summary>Counts one failed password or authenticator code from the address.</summary>
    public void RecordFailure(string address)
    {
        var now = clock.GetUtcNow();
        _windows.AddOrUpdate(address, _ => new AddressWindow(now, 1),
            (_, w) => now - w.Start >= Window ? new AddressWindow(now, 1) : w with { Failures = w.Failures + 1 });
        if (_windows.Count > PruneAbove)
        {
            foreach (var (key, w) in _windows)
            {
                if (now - w.Start >= Window)
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }
    }

    /// <summary>Whole seconds to tell the user (and the Retry-After header), at least one.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    private sealed record AddressWindow(DateTimeOffset Start, int Failures);
}
