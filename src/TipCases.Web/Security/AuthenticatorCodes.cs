using Microsoft.AspNetCore.Identity;
using TipCases.Web.Data;

namespace TipCases.Web.Security;

public enum CodeCheck
{
    Accepted,
    Wrong,
    AlreadyUsed,
    NotEnrolled,
}

/// <summary>
/// Checks codes from authenticator apps and accepts each once only: the time step a code matched
/// must be later than the last one accepted for the user, and is claimed with one conditional
/// statement, so two requests (or two app instances) racing with one code cannot both win.
/// </summary>
public sealed class AuthenticatorCodes(TipCasesDbContext db, TimeProvider clock)
{
    /// <summary>Why the last code checked in this request was refused, for the page to say.</summary>
    public CodeCheck? LastRefusal { get; private set; }

    public async Task<CodeCheck> CheckAsync(AppUser user, string base32Key, string code, CancellationToken ct = default)
    {
        var result = await CheckCoreAsync(user, base32Key, code, ct);
        LastRefusal = result == CodeCheck.Accepted ? null : result;
        return result;
    }

    private async Task<CodeCheck> CheckCoreAsync(AppUser user, string base32Key, string code, CancellationToken ct)
    {
        var step = Totp.MatchingStep(base32Key, code, clock.GetUtcNow());
        if (step is null)
        {
            return CodeCheck.Wrong;
        }
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO authenticator_uses (user_id, last_time_step) VALUES ({user.Id}, {step.Value})
            ON CONFLICT (user_id) DO UPDATE SET last_time_step = excluded.last_time_step
            WHERE authenticator_uses.last_time_step < excluded.last_time_step
            """, ct);
        return claimed == 1 ? CodeCheck.Accepted : CodeCheck.AlreadyUsed;
    }

    /// <summary>Records that <paramref name="step"/> is used without checking a code (a code
    /// proved while setting up an app), keeping the later of it and what is stored.</summary>
    public Task MarkUsedAsync(Guid userId, long step, CancellationToken ct = default) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO authenticator_uses (user_id, last_time_step) VALUES ({userId}, {step})
            ON CONFLICT (user_id) DO UPDATE SET last_time_step = GREATEST(authenticator_uses.last_time_step, excluded.last_time_step)
            """, ct);
}

/// <summary>
/// Identity's authenticator token provider replaced by one that reads the encrypted secret,
/// uses the app's clock and accepts a code once only (<see cref="AuthenticatorCodes"/>), so
/// <c>VerifyTwoFactorTokenAsync</c> and <c>TwoFactorAuthenticatorSignInAsync</c> apply the rule.
/// </summary>
public sealed class OnceOnlyAuthenticatorTokenProvider(AuthenticatorCodes codes) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string ProviderName = "TipCasesAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        await manager.GetAuthenticatorKeyAsync(user) is not null;

    /// <summary>The app makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (key is null)
        {
            return false;
        }
        return await codes.CheckAsync(user, key, token) == CodeCheck.Accepted;
    }
}
