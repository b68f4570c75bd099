using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Dashboard;

/// <summary>
/// A dashboard table as CSV: the office's (supervisors only) or the user's own cases' ("My work").
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class ExportModel(DashboardFiguresReader figuresReader, DashboardCsv csv, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public PeriodQuery Filter { get; set; } = new();

    [FromQuery(Name = "table")] public DashboardTable? Table { get; set; }

    [FromQuery(Name = "scope")] public DashboardScope? Scope { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Table is not { } table || !Enum.IsDefined(table) || Filter.ReadErrors(ModelState) is not null)
        {
            return BadRequest();
        }
        var assetTable = table is DashboardTable.Assets or DashboardTable.AssetSteps;
        var scope = assetTable ? DashboardScope.Office : Scope is { } s && Enum.IsDefined(s) ? s : DashboardScope.MyCases;
        if (scope == DashboardScope.Office && !(await authorization.AuthorizeAsync(User, Policies.ViewOfficeDashboard)).Succeeded)
        {
            return Forbid();
        }
        // The same figures the page shows (kept in a summary), so the export agrees with it.
        var period = Filter.Resolve(clock.Today());
        var (figures, _) = await figuresReader.ReadAsync(User, scope, period, ct);
        var assets = assetTable ? (await figuresReader.ReadWatchlistAsync(User, period, ct)).Value.Assets : null;
        return await csv.ResultAsync(figures, table, User, ct, assets);
    }
}
