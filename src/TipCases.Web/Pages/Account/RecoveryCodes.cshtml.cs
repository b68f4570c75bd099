using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Web.Auditing;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Account;

/// <summary>New recovery codes (the old ones stop working), after confirming it is the user.</summary>
public sealed class RecoveryCodesModel(TipCasesUserManager users, Reauthentication reauthentication, AuditLog audit) : PageModel
{
    [BindProperty] public ConfirmIdentityInput Confirm { get; set; } = new();

    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (await reauthentication.ConfirmAsync(this, user, Confirm, ct) is { } refused)
        {
            return refused;
        }
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count))?.ToList()
            ?? throw new InvalidOperationException("The recovery codes could not be saved.");
        await audit.RecordAsync(AuditAction.RecoveryCodesRenewed, user.Id, user.UserName!, "User", user.Id.ToString(), ct: ct);
        return Page();
    }
}
