using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Web.Auditing;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Account;

[AllowAnonymous]
public sealed partial class LoginModel(LoginModel.Handler handler, SignInLimits limits, IValidator<LoginModel.Input> validator) : PageModel
{
    /// <summary>One message for every refusal, so the page never tells whether an account exists,
    /// is locked or is disabled.</summary>
    public const string RefusedMessage =
        "Sign-in failed. Check your user name and password. After 5 failed attempts an account is locked for 15 minutes.";

    [BindProperty] public Input Form { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>Why the user is back here, after the second step (e.g. the code page expired).</summary>
    [TempData] public string? Notice { get; set; }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(Form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Form));
            return Page();
        }
        // Counted per typed name whether or not it is an account, so a 429 tells nothing either.
        if (limits.TryAttempt(SignInStep.Password, Form.UserName!.Trim(), HttpContext.Connection.RemoteIpAddress) is { } wait)
        {
            return this.TooManyAttemptsResult(wait);
        }
        if (await handler.HandleAsync(Form, ct))
        {
            // The password was right: the code from the app (or setting the app up) comes next.
            return RedirectToPage("Mfa", new { ReturnUrl = SafeReturnUrl() });
        }
        ModelState.AddModelError(string.Empty, RefusedMessage);
        return Page();
    }

    private string SafeReturnUrl() => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";

    public sealed record Input
    {
        public string? UserName { get; init; }

        public string? Password { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(i => i.UserName).NotEmpty().WithMessage("Enter your user name.")
                .MaximumLength(AppUser.UserNameMaxLength).WithMessage("That is longer than any user name.");
            RuleFor(i => i.Password).NotEmpty().WithMessage("Enter your password.")
                .MaximumLength(CommonPasswordValidator.MaximumLength).WithMessage("That is longer than any password.");
        }
    }

    /// <summary>Checks the password with lockout and records every outcome in the audit trail.
    /// True when the password is right: the second step then follows (no account gets a session
    /// from its password alone).</summary>
    public sealed partial class Handler(SignInManager<AppUser> signInManager, AuditLog audit) : IPageHandler
    {
        /// <summary>What the audit trail shows for a typed name that could not be a user name.</summary>
        public const string InvalidUserName = "(invalid)";

        public async Task<bool> HandleAsync(Input input, CancellationToken ct)
        {
            var userName = input.UserName!.Trim().ToLowerInvariant();
            var user = await signInManager.UserManager.FindByNameAsync(userName);
            if (user is null)
            {
                // Hash anyway so that timing does not tell unknown accounts from known ones.
                HashAnyway(input.Password!);
                // Only what could be a user name is kept: people type passwords, names and other
                // personal data into this field, and the trail is read by administrators.
                var typed = UserNamePattern().IsMatch(userName) ? userName : InvalidUserName;
                await audit.RecordAsync(AuditAction.SignInFailed, null, typed, "User", null, new { reason = "unknown user name" }, ct);
                return false;
            }

            var result = await signInManager.PasswordSignInAsync(user, input.Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.IsLockedOut || result.IsNotAllowed)
            {
                // Identity refuses these before checking the password; hash as for any other
                // attempt, so a quick answer does not give away a locked or disabled account.
                HashAnyway(input.Password!);
            }
            var (action, reason) = result switch
            {
                { RequiresTwoFactor: true } => (AuditAction.PasswordAccepted, null),
                { IsLockedOut: true } => (AuditAction.LockedOut, "account locked after repeated failures"),
                { IsNotAllowed: true } => (AuditAction.SignInRefused, "account disabled"),
                _ => (AuditAction.SignInFailed, "wrong password"),
            };
            await audit.RecordAsync(action, user.Id, user.UserName!, "User", user.Id.ToString(),
                reason is null ? null : new { reason }, ct);
            return result.RequiresTwoFactor;
        }

        private void HashAnyway(string password) => signInManager.UserManager.PasswordHasher.HashPassword(new AppUser(), password);

        [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9._-]{1,64}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
        private static partial System.Text.RegularExpressions.Regex UserNamePattern();
    }
}
