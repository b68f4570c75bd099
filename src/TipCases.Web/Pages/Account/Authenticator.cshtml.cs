using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Web.Auditing;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Account;

/// <summary>
/// A new authenticator app for a signed-in user: confirm it is them (password and a current
/// code, or a recovery code for a lost phone), scan the new key, prove it with a code from the
/// new app. Only then is the old key replaced; the user's other sessions end.
/// </summary>
public sealed class AuthenticatorModel(
    TipCasesUserManager users,
    SignInManager<AppUser> signIn,
    Reauthentication reauthentication,
    AuthenticatorOffers offers,
    AuthenticatorCodes codes,
    AuditLog audit,
    TimeProvider clock,
    IValidator<AuthenticatorModel.Input> validator) : PageModel
{
    public const string ReplacedMessage = "Your new authenticator app is set up. The old one no longer works.";
    public const string ExpiredOfferMessage = "This set-up page was open too long. Confirm it is you again to get a new key.";

    [BindProperty] public ConfirmIdentityInput Confirm { get; set; } = new();

    [BindProperty] public Input Form { get; set; } = new();

    /// <summary>Shown once the user has confirmed it is them.</summary>
    public AuthenticatorOffer? Offer { get; private set; }

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
        Offer = offers.New(user, OfferPurpose.Replacement);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Offer = offers.Restore(Form.SetupToken, user, OfferPurpose.Replacement);
        if (Offer is null)
        {
            ModelState.AddModelError(string.Empty, ExpiredOfferMessage);
            return Page();
        }
        var validation = await validator.ValidateAsync(Form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Form));
            return Page();
        }
        if (Totp.MatchingStep(Offer.Key, Form.Code!, clock.GetUtcNow()) is not { } step)
        {
            await audit.RecordAsync(AuditAction.CodeRefused, user.Id, user.UserName!, "User", user.Id.ToString(),
                new { reason = "wrong code while setting up a new authenticator" }, ct);
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.Code)}", EnrolModel.WrongSetupCodeMessage);
            return Page();
        }
        if (!(await users.SetAuthenticatorAsync(user, Offer.Key)).Succeeded)
        {
            ModelState.AddModelError(string.Empty, "The new app could not be saved. Try again.");
            return Page();
        }
        await codes.MarkUsedAsync(user.Id, step, ct);
        // The new security stamp ends the user's other sessions; this one carries on.
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditAction.AuthenticatorReplaced, user.Id, user.UserName!, "User", user.Id.ToString(), ct: ct);
        TempData[nameof(SecurityModel.Message)] = ReplacedMessage;
        return RedirectToPage("Security");
    }

    public sealed record Input
    {
        public string? SetupToken { get; init; }

        public string? Code { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator() =>
            RuleFor(i => i.Code).NotEmpty().WithMessage("Enter the code your new app shows for TipCases.")
                .Must(c => Totp.Normalize(c) is not null).WithMessage("Enter the 6 digits your new app shows.");
    }
}
