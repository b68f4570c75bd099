using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Web.Auditing;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Account;

public sealed class ChangePasswordModel(
    UserManager<AppUser> userManager,
    SignInManager<AppUser> signInManager,
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
        var result = await userManager.ChangePasswordAsync(user, Form.CurrentPassword!, Form.NewPassword!);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            // Guessing the current password from an open session counts like failed sign-ins:
            // the account locks after as many, and this session ends.
            await userManager.AccessFailedAsync(user);
            if (await userManager.IsLockedOutAsync(user))
            {
                await audit.RecordAsync(AuditAction.LockedOut, user.Id, user.UserName!, "User", user.Id.ToString(),
                    new { reason = "current password wrong too often when changing it" }, ct);
                await signInManager.SignOutAsync();
                return RedirectToPage("/Account/Login");
            }
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? nameof(Input.CurrentPassword) : nameof(Input.NewPassword);
                var message = error.Code == "PasswordMismatch" ? "The current password is not correct." : error.Description;
                ModelState.AddModelError($"{nameof(Form)}.{field}", message);
            }
            return Page();
        }
        // Knowing the current password counts as a successful sign-in for the lockout count.
        await userManager.ResetAccessFailedCountAsync(user);
        // The security stamp changed, which ends the user's other sessions; renew this one.
        await signInManager.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditAction.PasswordChanged, user.Id, user.UserName!, "User", user.Id.ToString(), ct: ct);
        return RedirectToPage(new { changed = true });
    }

    public sealed record Input
    {
        public string? CurrentPassword { get; init; }

        public string? NewPassword { get; init; }

        public string? ConfirmPassword { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(i => i.CurrentPassword).NotEmpty().WithMessage("Enter your current password.")
                .MaximumLength(CommonPasswordValidator.MaximumLength).WithMessage("That is longer than any password.");
            RuleFor(i => i.NewPassword).SetValidator(new NewPasswordRule<Input>());
            RuleFor(i => i.ConfirmPassword).Equal(i => i.NewPassword).WithMessage("The two new passwords are not the same.");
        }
    }
}
