namespace TipCases.Web.Security;

/// <summary>
/// One signed-in session, server side. The sign-in cookie carries only its id, so a session ends
/// for good when this row says so (sign-out, absolute lifetime), whatever copy of the cookie is
/// still around.
/// </summary>
public sealed class UserSession
{
    private UserSession() { }

    public UserSession(Guid id, Guid userId, DateTimeOffset startedAt)
    {
        Id = id;
        UserId = userId;
        StartedAt = startedAt;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }
}

/// <summary>
/// The last authenticator time step accepted for a user, so each code is accepted once only.
/// Kept out of the users row on purpose: Identity writes a whole user row back from memory,
/// which could put an older step back.
/// </summary>
public sealed class AuthenticatorUse
{
    private AuthenticatorUse() { }

    public AuthenticatorUse(Guid userId, long lastTimeStep)
    {
        UserId = userId;
        LastTimeStep = lastTimeStep;
    }

    public Guid UserId { get; private set; }

    public long LastTimeStep { get; private set; }
}
