using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Web.Auditing;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Account;

/// <summary>Signing out is a POST with an antiforgery token, so no link or image elsewhere can
/// sign a user out; a GET only shows the button.</summary>
public sealed class LogoutModel(SignInManager<AppUser> signInManager, AuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var userName = User.Identity?.Name ?? "";
        await signInManager.SignOutAsync();
        await audit.RecordAsync(AuditAction.SignedOut, userId, userName, "User", userId.ToString(), ct: ct);
        return RedirectToPage("/Account/Login");
    }
}
