using Microsoft.AspNetCore.Mvc;
using TipCases.Domain.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Dashboard;

/// <summary>
/// "My work"'s figures: the dashboard's figures over the cases on whose team the user is, for
/// investigators, prosecutors and liaison officers; supervisors (who sit on no team) get the way
/// to their office's dashboard instead. Rendered by one line of <c>Pages/Index.cshtml</c>.
/// </summary>
public sealed class MyFiguresViewComponent(DashboardFiguresReader reader) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var viewer = UserClaimsPrincipal.ToCaseViewer();
        if (!viewer.WorksOnCases)
        {
            return Content("");
        }
        if (CaseAccessRule.TeamRoleFor(viewer.Roles) is null)
        {
            return View("/Pages/Dashboard/_MyFigures.cshtml", new MyFigures(null, viewer.IsSupervisor));
        }
        var kept = await reader.ReadMineAsync(UserClaimsPrincipal, DashboardPeriod.All, HttpContext.RequestAborted);
        return View("/Pages/Dashboard/_MyFigures.cshtml", new MyFigures(kept?.Value, viewer.IsSupervisor) { BeingCounted = kept is null, AsOf = kept?.AsOf });
    }
}

/// <param name="Figures">The user's own cases' figures, or null when they sit on no team.</param>
public sealed record MyFigures(DashboardFigures? Figures, bool ShowOfficeDashboard)
{
    /// <summary>The figures are being counted in the background and appear at the next visit.</summary>
    public bool BeingCounted { get; init; }

    /// <summary>The moment the figures describe.</summary>
    public DateTimeOffset? AsOf { get; init; }
}
