using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Web.Auditing;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Account;

/// <summary>
/// First sign-in of an account without an authenticator: after the right password, the user
/// adds TipCases to an authenticator app (QR code or typed key), proves it with a code, and gets
/// ten recovery codes, shown this once. Only then does a session start.
/// </summary>
[AllowAnonymous]
public sealed class EnrolModel(EnrolModel.Handler handler, AuthenticatorOffers offers, SignInLimits limits, IValidator<EnrolModel.Input> validator)
    : PageModel
{
    public const string ExpiredOfferMessage = "This set-up page was open too long. Add the new key below to your app instead (remove the old entry).";

    [BindProperty] public Input Form { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public AuthenticatorOffer? Offer { get; private set; }

    /// <summary>Set once the app is set up: shown on this response only.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public string SafeReturnUrl => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await handler.PendingUserAsync();
        if (user is null)
        {
            return RedirectToPage("Login", new { ReturnUrl });
        }
        if (await handler.IsEnrolledAsync(user))
        {
            return RedirectToPage("Mfa", new { ReturnUrl });
        }
        Offer = offers.New(user, OfferPurpose.FirstSetUp);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await handler.PendingUserAsync();
        if (user is null)
        {
            TempData[nameof(LoginModel.Notice)] = MfaModel.ExpiredMessage;
            return RedirectToPage("Login", new { ReturnUrl });
        }
        if (await handler.IsEnrolledAsync(user))
        {
            return RedirectToPage("Mfa", new { ReturnUrl });
        }
        Offer = offers.Restore(Form.SetupToken, user, OfferPurpose.FirstSetUp);
        if (Offer is null)
        {
            Offer = offers.New(user, OfferPurpose.FirstSetUp);
            ModelState.AddModelError(string.Empty, ExpiredOfferMessage);
            return Page();
        }
        var validation = await validator.ValidateAsync(Form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Form));
            return Page();
        }
        if (limits.TryAttempt(SignInStep.Code, user.UserName!, HttpContext.Connection.RemoteIpAddress) is { } wait)
        {
            return this.TooManyAttemptsResult(wait);
        }
        var result = await handler.HandleAsync(user, Offer.Key, Form.Code!, ct);
        if (result.Refused)
        {
            TempData[nameof(LoginModel.Notice)] = LoginModel.RefusedMessage;
            return RedirectToPage("Login", new { ReturnUrl });
        }
        if (result.RecoveryCodes is null)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.Code)}", WrongSetupCodeMessage);
            return Page();
        }
        NewRecoveryCodes = result.RecoveryCodes;
        return Page();
    }

    public const string WrongSetupCodeMessage =
        "That code does not match this key. Check that the app shows TipCases with the key above, and enter its current code.";

    public sealed record Input
    {
        public string? SetupToken { get; init; }

        public string? Code { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator() =>
            RuleFor(i => i.Code).NotEmpty().WithMessage("Enter the code your authenticator app shows for TipCases.")
                .Must(c => Totp.Normalize(c) is not null).WithMessage("Enter the 6 digits your authenticator app shows.");
    }

    public sealed record Result(bool Refused, IReadOnlyList<string>? RecoveryCodes);

    public sealed class Handler(
        TipCasesSignInManager signIn,
        TipCasesUserManager users,
        AuthenticatorCodes codes,
        AuditLog audit,
        TimeProvider clock) : IPageHandler
    {
        public Task<AppUser?> PendingUserAsync() => signIn.GetTwoFactorAuthenticationUserAsync();

        public Task<bool> IsEnrolledAsync(AppUser user) => users.IsEnrolledAsync(user);

        /// <summary>Sets the app up and signs in when <paramref name="code"/> is the key's current
        /// code; returns the new recovery codes, or none when the code does not match.</summary>
        public async Task<Result> HandleAsync(AppUser user, string key, string code, CancellationToken ct)
        {
            if (!await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                await audit.RecordAsync(AuditAction.SignInRefused, user.Id, user.UserName!, "User", user.Id.ToString(),
                    new { reason = "account disabled or locked while setting up the authenticator" }, ct);
                return new Result(true, null);
            }
            if (Totp.MatchingStep(key, code, clock.GetUtcNow()) is not { } step)
            {
                await audit.RecordAsync(AuditAction.CodeRefused, user.Id, user.UserName!, "User", user.Id.ToString(),
                    new { reason = "wrong code while setting up the authenticator" }, ct);
                return new Result(false, null);
            }
            if (!(await users.SetAuthenticatorAsync(user, key)).Succeeded)
            {
                return new Result(false, null);
            }
            await codes.MarkUsedAsync(user.Id, step, ct);
            var recoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count))?.ToList()
                ?? throw new InvalidOperationException("The recovery codes could not be saved.");
            await audit.RecordAsync(AuditAction.AuthenticatorEnrolled, user.Id, user.UserName!, "User", user.Id.ToString(), ct: ct);

            await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            await signIn.SignInWithClaimsAsync(user, isPersistent: false,
                [new Claim(TipCasesSignInManager.MultiFactorClaim, TipCasesSignInManager.MultiFactorValue)]);
            await audit.RecordAsync(AuditAction.SignedIn, user.Id, user.UserName!, "User", user.Id.ToString(),
                new { method = "authenticator app, just set up" }, ct);
            return new Result(false, recoveryCodes);
        }
    }
}
