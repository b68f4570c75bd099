using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TipCases.Web.Data.Summaries;

/// <summary>
/// Something the app keeps pre-computed: a materialized view, or snapshots written through
/// <see cref="SummaryStore"/>. Register each as a singleton <c>ISummary</c>; <see cref="SummaryRefresher"/>
/// refreshes them all, one after the other, every <see cref="SummaryOptions.RefreshInterval"/>.
/// </summary>
public interface ISummary
{
    /// <summary>A unique name: in logs, and the key of the lock that keeps two app instances from
    /// refreshing the same summary at once.</summary>
    string Name { get; }

    /// <summary>Recomputes the summary. <paramref name="services"/> is a scope of its own (its own
    /// DbContext), disposed afterwards.</summary>
    Task RefreshAsync(IServiceProvider services, CancellationToken ct);
}

public sealed class SummaryOptions
{
    public const string Section = "Summaries";

    /// <summary>How often every summary is recomputed, and so how old a figure can get.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old a kept figure a page may show; an older one (the refresh failing, say) is
    /// computed again when asked for. Zero: always computed when asked for (the tests, which
    /// assert figures right after changing the data).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Off: nothing runs in the background (tests refresh when they choose, through
    /// <see cref="SummaryRefresher.RefreshAllAsync"/>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long one statement of a refresh may run: counting a whole office at a million
    /// cases takes longer than a page's queries may (their timeout is the connection's, 30 s by default).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>A materialized view kept fresh with <c>REFRESH MATERIALIZED VIEW CONCURRENTLY</c>
/// (readers are never blocked; the view needs a unique index). Its refresh time is kept under
/// the view's name in <see cref="SummaryStore"/>, for the page's "as of".</summary>
public sealed partial class MaterializedViewSummary : ISummary
{
    public MaterializedViewSummary(string viewName)
    {
        if (!Identifier().IsMatch(viewName))
        {
            throw new ArgumentException("A materialized view name is lower-case letters, digits and underscores.", nameof(viewName));
        }
        Name = viewName;
    }

    public string Name { get; }

    public async Task RefreshAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<TipCasesDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var started = clock.GetUtcNow();
        var watch = System.Diagnostics.Stopwatch.StartNew();
#pragma warning disable EF1002 // The name is checked against Identifier() above: a plain identifier, never user input.
        await db.Database.ExecuteSqlRawAsync($"REFRESH MATERIALIZED VIEW CONCURRENTLY {Name}", ct);
#pragma warning restore EF1002
        await services.GetRequiredService<SummaryStore>().MarkRefreshedAsync(Name, started, (int)watch.ElapsedMilliseconds, ct);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}

/// <summary>
/// Refreshes every registered <see cref="ISummary"/> at start-up and then every
/// <see cref="SummaryOptions.RefreshInterval"/>. Each refresh holds a PostgreSQL advisory lock
/// named after the summary, so of several app instances only one computes it; a summary that
/// fails is logged and retried at the next round, and never stops the others.
/// </summary>
public sealed partial class SummaryRefresher(
    IServiceScopeFactory scopes,
    IEnumerable<ISummary> summaries,
    IOptions<SummaryOptions> options,
    TimeProvider clock,
    ILogger<SummaryRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !summaries.Any())
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, clock);
        do
        {
            await RefreshAllAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: every summary once. Returns the names of those refreshed by this call
    /// (not those another instance was refreshing, nor those that failed).</summary>
    public async Task<IReadOnlyList<string>> RefreshAllAsync(CancellationToken ct)
    {
        var refreshed = new List<string>();
        foreach (var summary in summaries)
        {
            try
            {
                if (await RefreshAsync(summary, ct))
                {
                    refreshed.Add(summary.Name);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogFailed(logger, ex, summary.Name);
            }
        }
        return refreshed;
    }

    private async Task<bool> RefreshAsync(ISummary summary, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TipCasesDbContext>();
        db.Database.SetCommandTimeout(options.Value.CommandTimeout);
        // The lock belongs to the connection: keep the scope's one open until it is released.
        await db.Database.OpenConnectionAsync(ct);
        var key = "tipcases-summary:" + summary.Name;
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock(hashtextextended({key}, 0)) AS \"Value\"").SingleAsync(ct);
        if (!locked)
        {
            return false;
        }
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await summary.RefreshAsync(scope.ServiceProvider, ct);
            LogRefreshed(logger, summary.Name, watch.ElapsedMilliseconds);
            return true;
        }
        finally
        {
            await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock(hashtextextended({key}, 0)) AS \"Value\"").SingleAsync(CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Summary {Summary} refreshed in {ElapsedMs} ms")]
    private static partial void LogRefreshed(ILogger logger, string summary, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Summary {Summary} could not be refreshed; it is tried again at the next round")]
    private static partial void LogFailed(ILogger logger, Exception exception, string summary);
}

public static class SummarySetup
{
    /// <summary>The summary store and the background refresher. Features register what they keep
    /// pre-computed with <c>services.AddSingleton&lt;ISummary&gt;(...)</c>.</summary>
    public static IServiceCollection AddSummaries(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SummaryOptions>(configuration.GetSection(SummaryOptions.Section));
        services.AddScoped<SummaryStore>();
        services.AddSingleton<SummaryReadCache>();
        services.AddSingleton<SummaryRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<SummaryRefresher>());
        return services;
    }
}
