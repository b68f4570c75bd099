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
        var figures = CaseAccessRule.TeamRoleFor(viewer.Roles) is null
            ? null
            : (await reader.ReadAsync(UserClaimsPrincipal, DashboardScope.MyCases, DashboardPeriod.All, HttpContext.RequestAborted)).Value;
        return View("/Pages/Dashboard/_MyFigures.cshtml", new MyFigures(figures, viewer.IsSupervisor));
    }
}

/// <param name="Figures">The user's own cases' figures, or null when they sit on no team.</param>
public sealed record MyFigures(DashboardFigures? Figures, bool ShowOfficeDashboard);
