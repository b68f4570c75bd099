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

    [BindProperty(SupportsGet = true)] public PeriodQuery Filter { get; set; } = new();

    public DashboardPeriod Period { get; private set; } = DashboardPeriod.All;

    public AnonymisedTable Table { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Period = Filter.Resolve(clock.Today());
        Table = await export.BuildAsync(User, Period, ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return await export.RecordsCsvAsync(User, Filter.Resolve(clock.Today()), ct);
    }

    public async Task<IActionResult> OnGetReportAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return await export.ReportCsvAsync(User, Filter.Resolve(clock.Today()), ct);
    }

    public Dictionary<string, string> Route()
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal);
        Period.AddTo(route);
        return route;
    }
}
