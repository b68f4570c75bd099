using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TipCases.Web.Security;

/// <summary>
/// Identity's user manager with authenticator secrets encrypted at rest
/// (<see cref="AuthenticatorKeyProtector"/>) and recovery codes stored as hashes
/// (<see cref="RecoveryCodes"/>); Identity keeps both in plain text.
/// </summary>
public sealed class TipCasesUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    AuthenticatorKeyProtector keyProtector)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private IUserAuthenticatorKeyStore<AppUser> KeyStore => (IUserAuthenticatorKeyStore<AppUser>)Store;

    private IUserTwoFactorRecoveryCodeStore<AppUser> CodeStore => (IUserTwoFactorRecoveryCodeStore<AppUser>)Store;

    /// <summary>The user's authenticator secret in base32, or null when they have none.</summary>
    public override async Task<string?> GetAuthenticatorKeyAsync(AppUser user) =>
        keyProtector.Unprotect(await KeyStore.GetAuthenticatorKeyAsync(user, CancellationToken), user.Id);

    /// <summary>Whether the user has set up an authenticator app (every user must before signing in).</summary>
    public async Task<bool> IsEnrolledAsync(AppUser user) =>
        user.TwoFactorEnabled && await GetAuthenticatorKeyAsync(user) is not null;

    /// <summary>Makes <paramref name="base32Key"/> the user's authenticator secret (already proved
    /// by a code from the app) and turns two-step sign-in on. The new security stamp ends the
    /// user's other sessions.</summary>
    public async Task<IdentityResult> SetAuthenticatorAsync(AppUser user, string base32Key)
    {
        await KeyStore.SetAuthenticatorKeyAsync(user, keyProtector.Protect(base32Key, user.Id), CancellationToken);
        user.TwoFactorEnabled = true;
        return await UpdateSecurityStampAsync(user);
    }

    /// <summary>Removes the authenticator and the recovery codes: the user sets up a new app at
    /// their next sign-in. Their sessions end.</summary>
    public async Task<IdentityResult> RemoveAuthenticatorAsync(AppUser user)
    {
        await RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey");
        await CodeStore.ReplaceCodesAsync(user, [], CancellationToken);
        user.TwoFactorEnabled = false;
        return await UpdateSecurityStampAsync(user);
    }

    /// <summary>Identity would store a plain secret here; TipCases sets secrets only once proved
    /// (<see cref="SetAuthenticatorAsync"/>).</summary>
    public override Task<IdentityResult> ResetAuthenticatorKeyAsync(AppUser user) => SetAuthenticatorAsync(user, Totp.NewKey());

    public override async Task<IEnumerable<string>?> GenerateNewTwoFactorRecoveryCodesAsync(AppUser user, int number)
    {
        var codes = RecoveryCodes.New(number);
        await CodeStore.ReplaceCodesAsync(user, codes.Select(RecoveryCodes.Hash), CancellationToken);
        return (await UpdateAsync(user)).Succeeded ? codes : null;
    }

    /// <summary>Succeeds once per code: the code's hash is removed as it is used. Two requests
    /// using one code at once cannot both succeed: the second save fails on the user's
    /// concurrency stamp.</summary>
    public override Task<IdentityResult> RedeemTwoFactorRecoveryCodeAsync(AppUser user, string code) =>
        base.RedeemTwoFactorRecoveryCodeAsync(user, RecoveryCodes.Hash(code));
}
