using System.Security.Claims;
using TipCases.Domain.Assets;
using TipCases.Domain.Cooperation;
using TipCases.Domain.Hearings;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Pages.Hearings;

namespace TipCases.Web.Pages.Dashboard;

/// <summary>
/// The dashboard's watch list for the supervisor's office: hearings in the next
/// <see cref="HearingDays"/> days with a victim witness who has no trial-stage protection measure
/// (<see cref="HearingQueries"/> with <see cref="WitnessProtectionRule"/>, as "Upcoming hearings"
/// lists them with <c>unprotected=true</c>), overdue cooperation requests
/// (<see cref="CooperationRequest.OverdueOn"/>, the register's overdue filter), and the assets of
/// the counted cases (confiscated, realised, allocated to victims' compensation, per currency, and
/// per step). Every query starts from <see cref="CaseQueries.Visible"/> (a supervisor: their
/// office) and is bounded by date or status on an index: a COUNT and a few rows, or a GROUP BY.
/// </summary>
/// <remarks>
/// Hearings and requests are what is due now, on every case of the office whatever its opening
/// date (their lists have no period); assets belong to the cases opened in the dashboard's period,
/// like the compensation claims they pay.
/// </remarks>
public sealed class DashboardWatchlist(DashboardQueries queries, CaseQueries cases, HearingQueries hearings, TipCasesDbContext db, TimeProvider clock)
{
    public const int HearingDays = 14;

    /// <summary>How many hearings and requests the dashboard names; the count and the link give the rest.</summary>
    public const int Shown = 5;

    public async Task<Watchlist> BuildAsync(ClaimsPrincipal user, DashboardPeriod period, CancellationToken ct)
    {
        var unprotected = await UnprotectedHearingsAsync(user, ct);
        var overdue = await OverdueRequestsAsync(user, ct);
        var assets = await AssetsAsync(user, period, ct);
        return new Watchlist(unprotected, overdue, assets, period);
    }

    /// <summary>The assets section alone (its CSV download).</summary>
    public Task<AssetFigures> AssetsAsync(ClaimsPrincipal user, DashboardPeriod period, CancellationToken ct) =>
        AssetsAsync(queries.Cases(user, DashboardScope.Office, period), ct);

    private async Task<UnprotectedHearings> UnprotectedHearingsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var count = await hearings.UnprotectedCountAsync(user, HearingDays, ct);
        if (count == 0)
        {
            return new UnprotectedHearings(0, []);
        }
        var (rows, _) = await hearings.UpcomingAsync(user, HearingDays, Shown, ct, unprotectedOnly: true);
        return new UnprotectedHearings(count, rows);
    }

    /// <summary>The office's overdue requests: one COUNT and the <see cref="Shown"/> most overdue (on the index of status and due date).</summary>
    private async Task<OverdueRequests> OverdueRequestsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = clock.Today();
        var visible = cases.Visible(user);
        var overdue = db.CooperationRequests.AsNoTracking()
            .Where(CooperationRequest.OverdueOn(today))
            .Where(r => visible.Any(c => c.Id == r.CaseId));
        var count = await overdue.CountAsync(ct);
        if (count == 0)
        {
            return new OverdueRequests(0, []);
        }
        var oldest = await overdue
            .OrderBy(r => r.DueOn).ThenBy(r => r.SentOn).ThenBy(r => r.Id)
            .Take(Shown)
            .Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => new { r.Id, r.CaseId, c.Reference, r.Kind, r.Direction, r.CounterpartState, r.SentOn, r.DueOn })
            .ToListAsync(ct);
        return new OverdueRequests(count, oldest
            .Select(r => new OverdueRequest(r.Id, r.CaseId, r.Reference, r.Kind, r.Direction, r.CounterpartState, r.SentOn, r.DueOn!.Value,
                today.DayNumber - r.DueOn!.Value.DayNumber))
            .OrderBy(r => r.DueOn).ThenBy(r => r.SentOn).ThenBy(r => r.Id)
            .ToList());
    }

    /// <summary>
    /// Assets of the counted cases: confiscated (a confiscation basis is recorded only when an asset
    /// is confiscated, so later returned or disposed assets still count) with their estimated value,
    /// realised value, and what was allocated to victims' compensation, each per currency (amounts in
    /// different currencies are never added up); and how many assets are at each step. Four GROUP BYs.
    /// </summary>
    private async Task<AssetFigures> AssetsAsync(IQueryable<Domain.Cases.Case> scoped, CancellationToken ct)
    {
        var caseIds = scoped.Select(c => c.Id);
        var assets = db.Assets.AsNoTracking().Where(a => caseIds.Contains(a.CaseId));
        var steps = await assets.GroupBy(a => a.CurrentStep).Select(g => new { Step = g.Key, Count = g.Count() }).ToListAsync(ct);
        var confiscated = await assets.Where(a => a.Basis != null && a.EstimatedValue != null)
            .GroupBy(a => a.EstimatedCurrency!)
            .Select(g => new { Currency = g.Key, Count = g.Count(), Value = g.Sum(a => a.EstimatedValue!.Value) })
            .ToListAsync(ct);
        var realised = await assets.Where(a => a.RealisedValue != null)
            .GroupBy(a => a.RealisedCurrency!)
            .Select(g => new { Currency = g.Key, Count = g.Count(), Value = g.Sum(a => a.RealisedValue!.Value) })
            .ToListAsync(ct);
        var allocated = await assets
            .Join(db.Set<AssetAllocation>(), a => a.Id, x => x.AssetId, (a, x) => new { Currency = a.RealisedCurrency!, x.Amount, x.VictimId })
            .GroupBy(x => x.Currency)
            .Select(g => new { Currency = g.Key, Amount = g.Sum(x => x.Amount), Victims = g.Select(x => x.VictimId).Distinct().Count() })
            .ToListAsync(ct);
        var currencies = confiscated.Select(c => c.Currency).Concat(realised.Select(r => r.Currency)).Concat(allocated.Select(a => a.Currency))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var totals = currencies.Select(cur =>
        {
            var c = confiscated.FirstOrDefault(x => x.Currency == cur);
            var r = realised.FirstOrDefault(x => x.Currency == cur);
            var a = allocated.FirstOrDefault(x => x.Currency == cur);
            return new AssetCurrencyTotal(cur, c?.Count ?? 0, c?.Value ?? 0m, r?.Count ?? 0, r?.Value ?? 0m, a?.Amount ?? 0m, a?.Victims ?? 0);
        }).ToList();
        var perStep = Enum.GetValues<AssetStep>().Select(s => new AssetStepCount(s, steps.FirstOrDefault(x => x.Step == s)?.Count ?? 0)).ToList();
        return new AssetFigures(totals, perStep);
    }
}

/// <summary>The watch list of the office dashboard.</summary>
/// <param name="Period">The dashboard's period (which the assets are counted for).</param>
public sealed record Watchlist(UnprotectedHearings Hearings, OverdueRequests Requests, AssetFigures Assets, DashboardPeriod Period);

/// <param name="Count">Scheduled hearings in the next <see cref="DashboardWatchlist.HearingDays"/> days with a victim witness without trial-stage protection.</param>
/// <param name="Soonest">The soonest of them, with their witnesses (pseudonyms only).</param>
public sealed record UnprotectedHearings(int Count, IReadOnlyList<HearingRow> Soonest);

public sealed record OverdueRequests(int Count, IReadOnlyList<OverdueRequest> Oldest);

public sealed record OverdueRequest(Guid Id, Guid CaseId, string CaseReference, CooperationKind Kind, CooperationDirection Direction, string State,
    DateOnly? SentOn, DateOnly DueOn, int DaysOverdue);

/// <param name="ConfiscatedAssets">Confiscated assets with an estimated value in this currency.</param>
/// <param name="RealisedAssets">Assets that realised a value in this currency.</param>
/// <param name="AllocatedVictims">Victims whose compensation claims received part of it.</param>
public sealed record AssetCurrencyTotal(string Currency, int ConfiscatedAssets, decimal EstimatedConfiscated, int RealisedAssets, decimal Realised,
    decimal Allocated, int AllocatedVictims);

public sealed record AssetStepCount(AssetStep Step, int Count);

public sealed record AssetFigures(IReadOnlyList<AssetCurrencyTotal> PerCurrency, IReadOnlyList<AssetStepCount> PerStep)
{
    public int Total => PerStep.Sum(s => s.Count);
}
