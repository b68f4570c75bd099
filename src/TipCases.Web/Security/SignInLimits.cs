using System.Net;
using Microsoft.Extensions.Options;

namespace TipCases.Web.Security;

/// <summary>How many sign-in attempts are allowed, per account and per address, within a window.</summary>
public sealed class SignInLimitOptions
{
    public const string Section = "Security:SignInLimits";

    /// <summary>Password attempts, and separately code attempts, for one user name.</summary>
    public int PerAccount { get; set; } = 10;

    /// <summary>Password attempts, and separately code attempts, from one network address (an
    /// office behind one router shares its address, hence more than per account).</summary>
    public int PerAddress { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

public enum SignInStep
{
    Password,
    Code,
}

/// <summary>
/// Sliding-window limits on sign-in attempts (passwords, and codes from the app or recovery
/// codes), per account and per address. Both limits count only attempts let through; an
/// attempt over either limit is answered 429 with the time to wait. The counts live in this
/// instance's memory: with several instances each counts on its own, so the limits multiply by
/// the number of instances (the lockout after failed attempts, in the database, does not).
/// </summary>
public sealed class SignInLimits(TimeProvider clock, IOptions<SignInLimitOptions> options)
{
    private const int SweepAbove = 10_000;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _attempts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public SignInLimitOptions Options => options.Value;

    /// <summary>Null when the attempt may go ahead (and is counted); otherwise how long to wait.</summary>
    public TimeSpan? TryAttempt(SignInStep step, string account, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        var accountKey = $"{step}|account|{account.ToLowerInvariant()}";
        var addressKey = $"{step}|address|{address?.ToString() ?? "unknown"}";
        // Attempts are rare next to page views: one lock keeps the check and the count one step.
        lock (_lock)
        {
            if (_attempts.Count > SweepAbove)
            {
                Sweep(now);
            }
            var accountLog = Log(accountKey);
            var addressLog = Log(addressKey);
            var wait = Wait(accountLog, Options.PerAccount, now);
            var addressWait = Wait(addressLog, Options.PerAddress, now);
            if (wait is not null || addressWait is not null)
            {
                return Max(wait, addressWait);
            }
            accountLog.Enqueue(now);
            addressLog.Enqueue(now);
            return null;
        }
    }

    /// <summary>Forgets every count (tests start each from none).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _attempts.Clear();
        }
    }

    private Queue<DateTimeOffset> Log(string key)
    {
        if (!_attempts.TryGetValue(key, out var log))
        {
            log = new Queue<DateTimeOffset>();
            _attempts[key] = log;
        }
        return log;
    }

    private TimeSpan? Wait(Queue<DateTimeOffset> log, int limit, DateTimeOffset now)
    {
        while (log.Count > 0 && log.Peek() <= now - Options.Window)
        {
            log.Dequeue();
        }
        return log.Count < limit ? null : log.Peek() + Options.Window - now;
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private void Sweep(DateTimeOffset now)
    {
        foreach (var key in _attempts.Where(e => e.Value.Count == 0 || e.Value.Last() <= now - Options.Window).Select(e => e.Key).ToList())
        {
            _attempts.Remove(key);
        }
    }
}
