using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Account;

/// <summary>The user's own sign-in settings: password, authenticator app, recovery codes.</summary>
public sealed class SecurityModel(TipCasesUserManager users) : PageModel
{
    /// <summary>Below this many recovery codes left, the page suggests new ones.</summary>
    public const int FewRecoveryCodes = 3;

    public int RecoveryCodesLeft { get; private set; }

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        return Page();
    }
}
