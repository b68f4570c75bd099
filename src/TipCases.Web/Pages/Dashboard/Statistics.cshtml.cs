using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain.Statistics;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Dashboard;

/// <summary>
/// De-identified statistics of the office's victims for national reporting, k-anonymous with
/// k = 11, with the report of what was generalised and suppressed. Supervisors only, for their
/// office: they are accountable for what the office reports. Administrators are refused like
/// everyone else: they manage accounts and never read victim data, not even in aggregate.
/// </summary>
[Authorize(Policy = Policies.ViewOfficeDashboard)]
public sealed class StatisticsModel(StatisticsExport export, TimeProvider clock) : PageModel
{
    /// <summary>How many published groups the page previews (the file has them all).</summary>
    public const int PreviewRows = 20;

    /// <summary>How many calendar years back a report may be asked for.</summary>
    public const int YearsOffered = 10;

    /// <summary>
    /// The reporting year. Reports cover whole calendar years only: two exports whose periods
    /// differed by a day would differ only by the victims of that day's cases, and comparing them
    /// would single those victims out whatever the suppression (a differencing attack).
    /// </summary>
    [FromQuery(Name = "year")] public int? Year { get; set; }

    public DashboardPeriod Period { get; private set; } = DashboardPeriod.All;

    public int ReportYear { get; private set; }

    public IReadOnlyList<int> Years => Enumerable.Range(0, YearsOffered).Select(i => clock.Today().Year - i).ToList();

    /// <summary>The year is still running: its figures will change, so it is not for publication yet.</summary>
    public bool IsProvisional => ReportYear == clock.Today().Year;

    public string? YearError { get; private set; }

    public AnonymisedTable Table { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ReadYear())
        {
            YearError = "Choose a year from the list.";
            ReportYear = clock.Today().Year;
            Period = PeriodOf(ReportYear);
        }
        Table = await export.BuildAsync(User, Period, ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        ReadYear() ? await export.RecordsCsvAsync(User, Period, ct) : BadRequest();

    public async Task<IActionResult> OnGetReportAsync(CancellationToken ct) =>
        ReadYear() ? await export.ReportCsvAsync(User, Period, ct) : BadRequest();

    /// <summary>The year asked for (this year when none), false when it is not one of <see cref="Years"/>.</summary>
    private bool ReadYear()
    {
        var readable = !(ModelState.TryGetValue("year", out var entry) && entry.Errors.Count > 0);
        ModelState.Clear();
        ReportYear = Year ?? clock.Today().Year;
        Period = PeriodOf(ReportYear);
        return readable && Years.Contains(ReportYear);
    }

    private static DashboardPeriod PeriodOf(int year) => new(PeriodPreset.Custom, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public Dictionary<string, string> Route() =>
        new(StringComparer.Ordinal) { ["year"] = ReportYear.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
