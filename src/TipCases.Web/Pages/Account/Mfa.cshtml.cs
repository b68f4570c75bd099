using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
using TipCases.Web.Auditing;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Account;

/// <summary>The second sign-in step: a code from the authenticator app, or a recovery code.
/// Reached only with the short-lived cookie a correct password gives.</summary>
[AllowAnonymous]
public sealed class MfaModel(MfaModel.Handler handler, SignInLimits limits, IValidator<MfaModel.Input> validator) : PageModel
{
    public const string ExpiredMessage = "The sign-in took too long or was not started here. Sign in again.";
    public const string LockedOutMessage = "Too many wrong codes: the account is locked for 15 minutes. Then sign in again.";

    [BindProperty] public Input Form { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await handler.PendingUserAsync();
        if (user is null)
        {
            return RedirectToPage("Login", new { ReturnUrl });
        }
        if (!await handler.IsEnrolledAsync(user))
        {
            return RedirectToPage("Enrol", new { ReturnUrl });
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await handler.PendingUserAsync();
        if (user is null)
        {
            Notice = ExpiredMessage;
            return RedirectToPage("Login", new { ReturnUrl });
        }
        if (!await handler.IsEnrolledAsync(user))
        {
            return RedirectToPage("Enrol", new { ReturnUrl });
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
        switch (await handler.HandleAsync(user, Form.Code!, ct))
        {
            case Outcome.SignedIn:
                return LocalRedirect(ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/");
            case Outcome.AlreadyUsed:
                ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.Code)}", Reauthentication.CodeAlreadyUsedMessage);
                return Page();
            case Outcome.Wrong:
                ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.Code)}", Reauthentication.WrongCodeMessage);
                return Page();
            case Outcome.LockedOut:
                Notice = LockedOutMessage;
                return RedirectToPage("Login", new { ReturnUrl });
            default:
                // A disabled account: the same words as any refused sign-in.
                Notice = LoginModel.RefusedMessage;
                return RedirectToPage("Login", new { ReturnUrl });
        }
    }

    public sealed record Input
    {
        public string? Code { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator() =>
            RuleFor(i => i.Code).NotEmpty().WithMessage("Enter the code from your authenticator app.")
                .MaximumLength(64).WithMessage("That is longer than any code.");
    }

    public enum Outcome
    {
        SignedIn,
        Wrong,
        AlreadyUsed,
        LockedOut,
        Refused,
    }

    /// <summary>Checks the code (once only) or the recovery code (used up), with the lockout, and
    /// records every outcome in the audit trail.</summary>
    public sealed class Handler(TipCasesSignInManager signIn, TipCasesUserManager users, AuthenticatorCodes codes, AuditLog audit) : IPageHandler
    {
        public Task<AppUser?> PendingUserAsync() => signIn.GetTwoFactorAuthenticationUserAsync();

        public Task<bool> IsEnrolledAsync(AppUser user) => users.IsEnrolledAsync(user);

        public async Task<Outcome> HandleAsync(AppUser user, string code, CancellationToken ct)
        {
            var recovery = RecoveryCodes.LooksLikeOne(code);
            SignInResult result;
            if (recovery)
            {
                // Identity checks neither lockout nor a disabled account before a recovery code.
                if (!await signIn.CanSignInAsync(user))
                {
                    result = SignInResult.NotAllowed;
                }
                else if (await users.IsLockedOutAsync(user))
                {
                    result = SignInResult.LockedOut;
                }
                else
                {
                    result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
                    if (!result.Succeeded)
                    {
                        await users.AccessFailedAsync(user);
                        result = await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed;
                    }
                }
            }
            else
            {
                result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
            }

            var outcome = result switch
            {
                { Succeeded: true } => Outcome.SignedIn,
                { IsLockedOut: true } => Outcome.LockedOut,
                { IsNotAllowed: true } => Outcome.Refused,
                _ when !recovery && codes.LastRefusal == CodeCheck.AlreadyUsed => Outcome.AlreadyUsed,
                _ => Outcome.Wrong,
            };
            await RecordAsync(user, outcome, recovery, ct);
            if (outcome is Outcome.LockedOut or Outcome.Refused)
            {
                await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            }
            return outcome;
        }

        private async Task RecordAsync(AppUser user, Outcome outcome, bool recovery, CancellationToken ct)
        {
            var method = recovery ? "recovery code" : "authenticator app";
            if (outcome == Outcome.SignedIn && recovery)
            {
                audit.Add(AuditAction.RecoveryCodeUsed, user.Id, user.UserName!, "User", user.Id.ToString(),
                    new { when = "signing in", left = await users.CountRecoveryCodesAsync(user) });
            }
            var (action, details) = outcome switch
            {
                Outcome.SignedIn => (AuditAction.SignedIn, (object)new { method }),
                Outcome.AlreadyUsed => (AuditAction.CodeRefused, new { reason = "code already used" }),
                Outcome.Wrong => (AuditAction.CodeRefused, new { reason = recovery ? "wrong recovery code" : "wrong code" }),
                Outcome.LockedOut => (AuditAction.LockedOut, new { reason = "wrong codes too often" }),
                _ => (AuditAction.SignInRefused, new { reason = "account disabled" }),
            };
            await audit.RecordAsync(action, user.Id, user.UserName!, "User", user.Id.ToString(), details, ct);
        }
    }
}
