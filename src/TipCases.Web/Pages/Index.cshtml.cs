using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain.Staff;
using TipCases.Web.Security;

namespace TipCases.Web.Pages;

/// <summary>"My work": the home page of every signed-in user.</summary>
public sealed class IndexModel : PageModel
{
    public bool IsAdministrator { get; private set; }

    public string RoleNames { get; private set; } = "";

    public void OnGet()
    {
        IsAdministrator = User.IsInRole(Roles.Administrator);
        RoleNames = string.Join(", ", StaffRoles.All.Where(r => User.IsInRole(r.ToString())).Select(r => r.DisplayName()));
    }
}
