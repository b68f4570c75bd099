namespace TipCases.Web.Auditing;

/// <summary>What happened. Stored as text so the trail stays readable without this code.</summary>
public enum AuditAction
{
    SignedIn = 1,
    SignInFailed = 2,
    LockedOut = 3,
    SignInRefused = 4,
    SignedOut = 5,
    PasswordChanged = 6,
    /// <summary>The password was right; the second step (a code) is still to come.</summary>
    PasswordAccepted = 7,
    /// <summary>A code from the authenticator app or a recovery code was refused.</summary>
    CodeRefused = 8,
    RecoveryCodeUsed = 9,
    AuthenticatorEnrolled = 50,
    AuthenticatorReplaced = 51,
    RecoveryCodesRenewed = 52,
    AuthenticatorRemoved = 53,
    UserCreated = 10,
    UserUpdated = 11,
    UserDisabled = 12,
    UserEnabled = 13,
    UserPasswordReset = 14,
    OfficeCreated = 20,
    OfficeUpdated = 21,
    OffenceCreated = 22,
    OffenceUpdated = 23,
    RecordCreated = 30,
    RecordUpdated = 31,
    RecordDeleted = 32,
    IdentityRevealed = 40,
    /// <summary>A list, a dashboard table or the statistics were downloaded (CSV).</summary>
    Exported = 60,
}

/// <summary>
/// One row of the append-only audit trail. The table refuses UPDATE and DELETE (a trigger in the
/// migration), so a row, once written, stays as it was. Rows never hold a victim's identity.
/// </summary>
public sealed class AuditEvent
{
    public const int ActorNameMaxLength = 64;
    public const int EntityTypeMaxLength = 64;
    public const int EntityIdMaxLength = 64;
    public const int RemoteAddressMaxLength = 64;

    private AuditEvent() { }

    public AuditEvent(Guid id, DateTimeOffset occurredAt, AuditAction action, Guid? actorId, string actorName,
        string? entityType, string? entityId, string? details, string? remoteAddress, Guid? caseId = null, Guid? victimId = null)
    {
        CaseId = caseId;
        VictimId = victimId;
        Id = id;
        OccurredAt = occurredAt;
        Action = action;
        ActorId = actorId;
        ActorName = Truncate(actorName, ActorNameMaxLength) ?? "";
        EntityType = Truncate(entityType, EntityTypeMaxLength);
        EntityId = Truncate(entityId, EntityIdMaxLength);
        Details = details;
        RemoteAddress = Truncate(remoteAddress, RemoteAddressMaxLength);
    }

    public Guid Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>The signed-in user, or null for an attempt by someone not (yet) known.</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>User name at the time, kept so the trail reads well even after renames.</summary>
    public string ActorName { get; private set; } = "";

    public string? EntityType { get; private set; }

    public string? EntityId { get; private set; }

    /// <summary>The case the record belongs to, so the event shows in that case's history.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>The victim the record belongs to, so the event shows in that victim's history.</summary>
    public Guid? VictimId { get; private set; }

    /// <summary>JSON: which fields changed, old and new values (never protected identity).</summary>
    public string? Details { get; private set; }

    public string? RemoteAddress { get; private set; }

    private static string? Truncate(string? value, int max) =>
        value is null ? null : value.Length <= max ? value : value[..max];
}
