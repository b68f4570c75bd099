using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TipCases.Web.Data;

namespace TipCases.Web.Security;

/// <summary>
/// Server-side sessions behind the sign-in cookie. Each full sign-in starts a row whose id the
/// cookie carries (in its encrypted properties); every request checks, in one query, that the
/// row has not ended, is younger than <see cref="AbsoluteLifetime"/>, and that the account is
/// still active with the security stamp the cookie was issued under. So signing out makes that
/// cookie useless at once (without touching the user's other sessions), and disabling a user or
/// changing their roles, office, password or authenticator (all of which renew the stamp) ends
/// every one of their sessions at their next request.
/// </summary>
public sealed class UserSessions(TipCasesDbContext db, TimeProvider clock, IOptions<IdentityOptions> identityOptions)
{
    public const string PropertyKey = "tipcases.session";

    /// <summary>However active, a session ends this long after the sign-in that started it.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>The session of the current request, once its cookie has been validated.</summary>
    public static Guid? Current(HttpContext context) => context.Items[PropertyKey] as Guid?;

    public async Task<Guid> StartAsync(Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        // The user's rows from long past sessions go as a new one starts, so the table stays small.
        var stale = now - (2 * AbsoluteLifetime);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM user_sessions WHERE user_id = {userId} AND started_at < {stale}", ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO user_sessions (id, user_id, started_at) VALUES ({id}, {userId}, {now})", ct);
        return id;
    }

    public Task EndAsync(Guid sessionId, CancellationToken ct = default) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE user_sessions SET ended_at = {clock.GetUtcNow()} WHERE id = {sessionId} AND ended_at IS NULL", ct);

    /// <summary>True when the cookie's session still stands; remembers it for the request.</summary>
    public async Task<bool> ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal
            || !context.Properties.Items.TryGetValue(PropertyKey, out var raw)
            || !Guid.TryParse(raw, out var sessionId))
        {
            return false;
        }
        var userId = principal.UserId();
        var stamp = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        var now = clock.GetUtcNow();
        var startedAfter = now - AbsoluteLifetime;
        var stands = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null && s.StartedAt > startedAfter)
            .AnyAsync(s => db.Users.Any(u => u.Id == s.UserId && u.IsActive && u.SecurityStamp == stamp));
        if (stands)
        {
            context.HttpContext.Items[PropertyKey] = sessionId;
        }
        return stands;
    }

    /// <summary>The cookie's principal check: the session first, then Identity's periodic
    /// refresh of the claims from the database.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (!await sessions.ValidateAsync(context))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
