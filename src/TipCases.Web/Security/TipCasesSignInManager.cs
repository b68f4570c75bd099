using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TipCases.Web.Security;

/// <summary>
/// Identity's sign-in with TipCases' rules: disabled accounts are refused; every account needs
/// the second step (a code from an authenticator app, set up at the first sign-in); and every
/// full sign-in starts a new server-side session (<see cref="UserSessions"/>) that sign-out ends.
/// </summary>
public sealed class TipCasesSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    UserSessions sessions)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>The claim Identity adds after a second factor; every session must carry it.</summary>
    public const string MultiFactorClaim = "amr";
    public const string MultiFactorValue = "mfa";

    public override async Task<bool> CanSignInAsync(AppUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    /// <summary>For every account, enrolled or not: a correct password only ever leads to the
    /// code page (or, for an account without an authenticator yet, to setting one up).</summary>
    public override Task<bool> IsTwoFactorEnabledAsync(AppUser user) => Task.FromResult(true);

    /// <summary>No "remember this device": a shared or stolen computer must not skip the code.</summary>
    public override Task<bool> IsTwoFactorClientRememberedAsync(AppUser user) => Task.FromResult(false);

    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties,
        IEnumerable<Claim> additionalClaims)
    {
        authenticationProperties ??= new AuthenticationProperties();
        var claims = additionalClaims.ToList();
        if (!authenticationProperties.Items.ContainsKey(UserSessions.PropertyKey))
        {
            // A new sign-in, not the renewal of a session: only ever after the second step.
            if (!claims.Any(c => c.Type == MultiFactorClaim && c.Value == MultiFactorValue))
            {
                throw new InvalidOperationException("A session can only start after the second sign-in step.");
            }
            if (UserSessions.Current(Context) is { } previous)
            {
                await sessions.EndAsync(previous);
            }
            authenticationProperties.Items[UserSessions.PropertyKey] = (await sessions.StartAsync(user.Id)).ToString();
        }
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    public override async Task SignOutAsync()
    {
        if (UserSessions.Current(Context) is { } session)
        {
            await sessions.EndAsync(session);
        }
        await base.SignOutAsync();
    }
}
