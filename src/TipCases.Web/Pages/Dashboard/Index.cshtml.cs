using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TipCases.Web.Data.Summaries;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Dashboard;

/// <summary>
/// The supervisors' dashboard: the figures of their office's cases opened in a period, each a
/// link to the cases or victims behind it, with charts beside tables that carry the same numbers.
/// </summary>
[Authorize(Policy = Policies.ViewOfficeDashboard)]
public sealed class IndexModel(DashboardFiguresReader figures, IOptions<SummaryOptions> summaries, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public PeriodQuery Filter { get; set; } = new();

    public DashboardPeriod Period { get; private set; } = DashboardPeriod.All;

    public DashboardFigures Figures { get; private set; } = null!;

    /// <summary>The moment the figures describe ("as of"): an office's figures are counted in the
    /// background (<see cref="DashboardSummary"/>).</summary>
    public DateTimeOffset AsOf { get; private set; }

    public Watchlist Watchlist { get; private set; } = null!;

    /// <summary>
    /// What the rendered figures and watch list are of: the office, the period and the moments of
    /// both snapshots. The page renders them once per snapshot and keeps the HTML (every supervisor
    /// of the office sees the same figures until the next background round): at 100,000 cases the
    /// caseload table alone is hundreds of rows. Null when the figures are counted for each request
    /// (no maximum age, as in the tests), so nothing is kept.
    /// </summary>
    public string? RenderedKey { get; private set; }

    /// <summary>Why the dates were not applied, when they could not be read.</summary>
    public string? PeriodError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PeriodError = Filter.ReadErrors(ModelState);
        ModelState.Clear();
        Period = Filter.Resolve(clock.Today());
        (Figures, AsOf) = await figures.ReadAsync(User, DashboardScope.Office, Period, ct);
        var watchlist = await figures.ReadWatchlistAsync(User, Period, ct);
        Watchlist = watchlist.Value;
        RenderedKey = summaries.Value.MaxAge > TimeSpan.Zero
            ? string.Join('|', DashboardSummary.Key(User.OfficeIdOf(), Period), AsOf.UtcTicks, watchlist.AsOf.UtcTicks)
            : null;
    }
}

/// <summary>The period filter as query parameters: a preset, or dates.</summary>
public sealed record PeriodQuery
{
    [FromQuery(Name = "period")] public PeriodPreset? Preset { get; init; }

    [FromQuery(Name = "from")] public DateOnly? From { get; init; }

    [FromQuery(Name = "to")] public DateOnly? To { get; init; }

    public DashboardPeriod Resolve(DateOnly today) =>
        DashboardPeriod.Resolve(Preset is { } p && Enum.IsDefined(p) ? p : null, From, To, today);

    public string? ReadErrors(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
    {
        bool Refused(string name) => state.TryGetValue(name, out var entry) && entry.Errors.Count > 0;
        if (Refused("from") || Refused("to"))
        {
            return "Enter dates as YYYY-MM-DD; a date that could not be read was left out.";
        }
        return Refused("period") || (Preset is { } p && !Enum.IsDefined(p)) ? "Choose a period from the list." : null;
    }
}
