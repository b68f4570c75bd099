using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Web.Auditing;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Account;

/// <summary>A new password, after confirming it is the user: the current password and a current
/// code (or a recovery code). Wrong ones count towards the lockout; the fifth ends the session.</summary>
public sealed class ChangePasswordModel(
    TipCasesUserManager userManager,
    SignInManager<AppUser> signInManager,
    Reauthentication reauthentication,
    SignInLimits limits,
    AuditLog audit,
    IValidator<ChangePasswordModel.Input> validator) : PageModel
{
    [BindProperty] public Input Form { get; set; } = new();

    public bool Changed { get; private set; }

    public void OnGet(bool changed = false) => Changed = changed;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(Form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Form));
            return Page();
        }
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        // The new password's own checks first, so a refused one does not use up the code.
        var refusals = new List<string>();
        foreach (var rule in userManager.PasswordValidators)
        {
            refusals.AddRange((await rule.ValidateAsync(userManager, user, Form.NewPassword)).Errors.Select(e => e.Description));
        }
        if (refusals.Count > 0)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.NewPassword)}", string.Join(" ", refusals));
            return Page();
        }
        if (limits.TryAttempt(SignInStep.Code, user.UserName!, HttpContext.Connection.RemoteIpAddress) is { } wait)
        {
            return this.TooManyAttemptsResult(wait);
        }
        var check = await reauthentication.CheckAsync(user, Form.CurrentPassword!, Form.Code!, ct);
        if (check == ReauthenticationResult.LockedOut)
        {
            TempData[nameof(LoginModel.Notice)] = Reauthentication.LockedOutMessage;
            return RedirectToPage("/Account/Login");
        }
        if (check != ReauthenticationResult.Confirmed)
        {
            var field = check == ReauthenticationResult.WrongPassword ? nameof(Input.CurrentPassword) : nameof(Input.Code);
            ModelState.AddModelError($"{nameof(Form)}.{field}", Reauthentication.MessageFor(check)!);
            return Page();
        }
        var result = await userManager.ChangePasswordAsync(user, Form.CurrentPassword!, Form.NewPassword!);
        if (!result.Succeeded)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.NewPassword)}", string.Join(" ", result.Errors.Select(e => e.Description)));
            return Page();
        }
        // The security stamp changed, which ends the user's other sessions; renew this one.
        await signInManager.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditAction.PasswordChanged, user.Id, user.UserName!, "User", user.Id.ToString(), ct: ct);
        return RedirectToPage(new { changed = true });
    }

    public sealed record Input
    {
        public string? CurrentPassword { get; init; }

        public string? Code { get; init; }

        public string? NewPassword { get; init; }

        public string? ConfirmPassword { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(i => i.CurrentPassword).NotEmpty().WithMessage("Enter your current password.")
                .MaximumLength(CommonPasswordValidator.MaximumLength).WithMessage("That is longer than any password.");
            RuleFor(i => i.Code).NotEmpty().WithMessage("Enter the code from your authenticator app.")
                .MaximumLength(64).WithMessage("That is longer than any code.");
            RuleFor(i => i.NewPassword).SetValidator(new NewPasswordRule<Input>());
            RuleFor(i => i.ConfirmPassword).Equal(i => i.NewPassword).WithMessage("The two new passwords are not the same.");
        }
    }
}
