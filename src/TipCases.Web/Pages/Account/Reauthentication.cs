using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Web.Auditing;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Account;

public enum ReauthenticationResult
{
    Confirmed,
    WrongPassword,
    WrongCode,
    CodeAlreadyUsed,
    /// <summary>Too many failures: the account is locked and this session has ended.</summary>
    LockedOut,
}

/// <summary>
/// "Confirm it is you" before changing the password or the second factor: the password and a
/// current code (from the app, or a recovery code) in the same form, so a session left open on
/// a desk is not enough. Failures count towards the lockout like failed sign-ins; the fifth ends
/// the session.
/// </summary>
public sealed class Reauthentication(
    TipCasesUserManager users,
    TipCasesSignInManager signIn,
    AuthenticatorCodes codes,
    AuditLog audit,
    SignInLimits limits,
    IValidator<ConfirmIdentityInput> validator) : IPageHandler
{
    public const string LockedOutMessage =
        "Too many wrong passwords or codes: the account is locked for 15 minutes and you have been signed out.";

    /// <summary>For a page's "confirm it is you" form (prefix "Confirm"): null when confirmed,
    /// otherwise what the page answers (itself with the messages, a 429, or the sign-in page
    /// after a lockout).</summary>
    public async Task<IActionResult?> ConfirmAsync(PageModel page, AppUser user, ConfirmIdentityInput input, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(page.ModelState, "Confirm");
            return page.Page();
        }
        if (limits.TryAttempt(SignInStep.Code, user.UserName!, page.HttpContext.Connection.RemoteIpAddress) is { } wait)
        {
            return page.TooManyAttemptsResult(wait);
        }
        var result = await CheckAsync(user, input.Password!, input.Code!, ct);
        switch (result)
        {
            case ReauthenticationResult.Confirmed:
                return null;
            case ReauthenticationResult.LockedOut:
                page.TempData[nameof(LoginModel.Notice)] = LockedOutMessage;
                return page.RedirectToPage("/Account/Login");
            default:
                var field = result == ReauthenticationResult.WrongPassword ? nameof(ConfirmIdentityInput.Password) : nameof(ConfirmIdentityInput.Code);
                page.ModelState.AddModelError($"Confirm.{field}", MessageFor(result)!);
                return page.Page();
        }
    }

    public const string WrongPasswordMessage = "The current password is not correct.";
    public const string WrongCodeMessage = "That code is not right. Enter the code your authenticator app shows now, or a recovery code.";
    public const string CodeAlreadyUsedMessage = "That code has already been used. Wait for the next code in your app (it changes every 30 seconds).";

    public async Task<ReauthenticationResult> CheckAsync(AppUser user, string password, string code, CancellationToken ct)
    {
        if (!await users.CheckPasswordAsync(user, password))
        {
            return await FailAsync(user, ReauthenticationResult.WrongPassword, null, ct);
        }
        if (RecoveryCodes.LooksLikeOne(code))
        {
            if (!(await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded)
            {
                return await FailAsync(user, ReauthenticationResult.WrongCode, "wrong recovery code", ct);
            }
            await audit.RecordAsync(AuditAction.RecoveryCodeUsed, user.Id, user.UserName!, "User", user.Id.ToString(),
                new { when = "confirming identity", left = await users.CountRecoveryCodesAsync(user) }, ct);
        }
        else
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            var check = key is null ? CodeCheck.NotEnrolled : await codes.CheckAsync(user, key, code, ct);
            if (check == CodeCheck.AlreadyUsed)
            {
                return await FailAsync(user, ReauthenticationResult.CodeAlreadyUsed, "code already used", ct);
            }
            if (check != CodeCheck.Accepted)
            {
                return await FailAsync(user, ReauthenticationResult.WrongCode, "wrong code", ct);
            }
        }
        await users.ResetAccessFailedCountAsync(user);
        return ReauthenticationResult.Confirmed;
    }

    public static string? MessageFor(ReauthenticationResult result) => result switch
    {
        ReauthenticationResult.WrongPassword => WrongPasswordMessage,
        ReauthenticationResult.WrongCode => WrongCodeMessage,
        ReauthenticationResult.CodeAlreadyUsed => CodeAlreadyUsedMessage,
        _ => null,
    };

    private async Task<ReauthenticationResult> FailAsync(AppUser user, ReauthenticationResult result, string? codeReason, CancellationToken ct)
    {
        if (codeReason is not null)
        {
            await audit.RecordAsync(AuditAction.CodeRefused, user.Id, user.UserName!, "User", user.Id.ToString(),
                new { reason = codeReason, when = "confirming identity" }, ct);
        }
        await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user))
        {
            await audit.RecordAsync(AuditAction.LockedOut, user.Id, user.UserName!, "User", user.Id.ToString(),
                new { reason = "wrong password or code too often when confirming identity" }, ct);
            await signIn.SignOutAsync();
            return ReauthenticationResult.LockedOut;
        }
        return result;
    }
}

/// <summary>The password and code of a "confirm it is you" form (field names "Confirm.Password"
/// and "Confirm.Code", rendered by <c>_ConfirmIdentity.cshtml</c>).</summary>
public sealed record ConfirmIdentityInput
{
    public string? Password { get; init; }

    public string? Code { get; init; }

    public sealed class Validator : AbstractValidator<ConfirmIdentityInput>
    {
        public Validator()
        {
            RuleFor(i => i.Password).NotEmpty().WithMessage("Enter your password.")
                .MaximumLength(CommonPasswordValidator.MaximumLength).WithMessage("That is longer than any password.");
            RuleFor(i => i.Code).NotEmpty().WithMessage("Enter the code from your authenticator app.")
                .MaximumLength(64).WithMessage("That is longer than any code.");
        }
    }
}
