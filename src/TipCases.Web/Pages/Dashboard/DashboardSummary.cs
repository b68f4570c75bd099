using System.Security.Claims;
using Microsoft.Extensions.Options;
using TipCases.Web.Data;
using TipCases.Web.Data.Summaries;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Dashboard;

/// <summary>
/// The office dashboard for each period preset, computed in the background by the summary
/// refresher (every <see cref="SummaryOptions.RefreshInterval"/>) and read by the page in one row:
/// at a million cases computing the figures takes far longer than a page may. The figures are
/// exactly what <see cref="DashboardQueries"/> counts, as of the moment shown on the page.
/// </summary>
public sealed class DashboardSummary(TimeProvider clock) : ISummary
{
    public static IReadOnlyList<PeriodPreset> Presets { get; } = [PeriodPreset.All, PeriodPreset.ThisMonth, PeriodPreset.Last90Days, PeriodPreset.ThisYear];

    public string Name => "dashboard";

    /// <summary>The snapshot key of an office's figures for a period.</summary>
    public static string Key(Guid officeId, DashboardPeriod period) => "dashboard:" + officeId.ToString("N") + ":" + PeriodKey(period);

    /// <summary>The snapshot key of an office's watch list (hearings, overdue requests, assets) for a period.</summary>
    public static string WatchKey(Guid officeId, DashboardPeriod period) => "dashboard-watch:" + officeId.ToString("N") + ":" + PeriodKey(period);

    /// <summary>The snapshot key of a user's own cases' figures ("My work") for a period.</summary>
    public static string MyKey(Guid userId, DashboardPeriod period) => "my-figures:" + userId.ToString("N") + ":" + PeriodKey(period);

    private static string PeriodKey(DashboardPeriod period) => period.Preset == PeriodPreset.Custom
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{period.From:yyyy-MM-dd}:{period.To:yyyy-MM-dd}")
        : period.Preset.ToString();

    public async Task RefreshAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<TipCasesDbContext>();
        var queries = services.GetRequiredService<DashboardQueries>();
        var watchlist = services.GetRequiredService<DashboardWatchlist>();
        var store = services.GetRequiredService<SummaryStore>();
        var today = clock.Today();
        foreach (var office in await db.Offices.AsNoTracking().Select(o => o.Id).ToListAsync(ct))
        {
            var supervisor = OfficeSupervisor(office);
            foreach (var preset in Presets)
            {
                var period = DashboardPeriod.Resolve(preset, null, null, today);
                await store.ComputeAsync(Key(office, period), token => queries.FiguresAsync(supervisor, DashboardScope.Office, period, token), ct);
                await store.ComputeAsync(WatchKey(office, period), token => watchlist.BuildAsync(supervisor, period, token), ct);
            }
        }
    }

    /// <summary>Whom the office figures are counted for: any supervisor of the office sees exactly
    /// its cases (<see cref="TipCases.Domain.Cases.CaseAccessRule"/>), so one count serves them all.</summary>
    private static ClaimsPrincipal OfficeSupervisor(Guid officeId) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, Guid.Empty.ToString()),
        new Claim(TipCasesClaims.OfficeId, officeId.ToString()),
        new Claim(ClaimTypes.Role, Roles.Supervisor),
    ], "summary"));
}

/// <summary>
/// The dashboard's figures as pages read them: the kept snapshot when it is for the same period
/// (a preset's dates move at midnight) and at most <see cref="SummaryOptions.MaxAge"/> old,
/// otherwise counted now and kept. The office figures are the same for every supervisor of the
/// office; a user's own figures are kept per user.
/// </summary>
public sealed partial class DashboardFiguresReader(DashboardQueries queries, DashboardWatchlist watchlist, SummaryStore store, IOptions<SummaryOptions> options, TimeProvider clock,
    IServiceScopeFactory scopes, ILogger<DashboardFiguresReader> logger)
{
    /// <summary>Keys being counted in the background, so that many requests start one count.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Counting = new(StringComparer.Ordinal);

    /// <summary>
    /// A user's own figures for "My work" without making the page wait: the kept ones when fresh
    /// enough; otherwise the kept ones, however old, or null when there are none yet, while one
    /// count runs in the background and keeps them for the next visit (over the cases of a busy
    /// officer at a million cases it takes seconds). With <see cref="SummaryOptions.MaxAge"/> zero
    /// (the tests) they are counted before the page is answered.
    /// </summary>
    public async Task<Summary<DashboardFigures>?> ReadMineAsync(ClaimsPrincipal user, DashboardPeriod period, CancellationToken ct)
    {
        if (options.Value.MaxAge <= TimeSpan.Zero)
        {
            return await ReadAsync(user, DashboardScope.MyCases, period, ct);
        }
        var key = DashboardSummary.MyKey(user.UserId(), period);
        var kept = await store.ReadAsync<DashboardFigures>(key, ct);
        if (IsFresh(kept, f => f.Period, period))
        {
            return kept;
        }
        if (Counting.TryAdd(key, true))
        {
            var principal = user.Clone();
            _ = Task.Run(async () =>
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<TipCasesDbContext>();
                    db.Database.SetCommandTimeout(options.Value.CommandTimeout);
                    await scope.ServiceProvider.GetRequiredService<SummaryStore>().ComputeAsync(key,
                        token => scope.ServiceProvider.GetRequiredService<DashboardQueries>().FiguresAsync(principal, DashboardScope.MyCases, period, token),
                        CancellationToken.None);
                }
                catch (Exception ex)
                {
                    LogCountFailed(logger, ex);
                }
                finally
                {
                    Counting.TryRemove(key, out _);
                }
            }, CancellationToken.None);
        }
        return kept is not null && kept.Value.Period == period ? kept : null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A user's own dashboard figures could not be counted; the next visit tries again")]
    private static partial void LogCountFailed(ILogger logger, Exception exception);

    /// <summary>The office's kept figures for a period when fresh enough, or null: never counted
    /// here, for a page that shows one office figure among other things and counts it itself when
    /// there are none (a whole office's count at a million cases takes far longer than a page may).</summary>
    public async Task<Summary<DashboardFigures>?> KeptForOfficeAsync(ClaimsPrincipal user, DashboardPeriod period, CancellationToken ct)
    {
        if (options.Value.MaxAge <= TimeSpan.Zero)
        {
            return null;
        }
        var kept = await store.ReadAsync<DashboardFigures>(DashboardSummary.Key(user.OfficeIdOf(), period), ct);
        return IsFresh(kept, f => f.Period, period) ? kept : null;
    }

    public Task<Summary<DashboardFigures>> ReadAsync(ClaimsPrincipal user, DashboardScope scope, DashboardPeriod period, CancellationToken ct) =>
        ReadOrCountAsync(scope == DashboardScope.Office ? DashboardSummary.Key(user.OfficeIdOf(), period) : DashboardSummary.MyKey(user.UserId(), period),
            f => f.Period, period, token => queries.FiguresAsync(user, scope, period, token), ct);

    /// <summary>The office's watch list (hearings without protection, overdue requests, assets), kept like its figures.</summary>
    public Task<Summary<Watchlist>> ReadWatchlistAsync(ClaimsPrincipal user, DashboardPeriod period, CancellationToken ct) =>
        ReadOrCountAsync(DashboardSummary.WatchKey(user.OfficeIdOf(), period), w => w.Period, period, token => watchlist.BuildAsync(user, period, token), ct);

    private async Task<Summary<T>> ReadOrCountAsync<T>(string key, Func<T, DashboardPeriod> periodOf, DashboardPeriod period,
        Func<CancellationToken, Task<T>> count, CancellationToken ct)
    {
        if (options.Value.MaxAge > TimeSpan.Zero && await store.ReadAsync<T>(key, ct) is { } kept && IsFresh(kept, periodOf, period))
        {
            return kept;
        }
        return await store.ComputeAsync(key, count, ct);
    }

    /// <summary>Whether kept figures may be shown: for the same period (a preset's dates move at
    /// midnight) and at most <see cref="SummaryOptions.MaxAge"/> old.</summary>
    private bool IsFresh<T>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] Summary<T>? kept, Func<T, DashboardPeriod> periodOf, DashboardPeriod period) =>
        kept is not null && periodOf(kept.Value) == period && clock.GetUtcNow() - kept.AsOf <= options.Value.MaxAge;
}
