using System.Security.Claims;
using System.Text.Json;
using TipCases.Web.Data;
using TipCases.Web.Security;

namespace TipCases.Web.Auditing;

/// <summary>
/// Writes audit events through the request's DbContext. <see cref="Add"/> only stages the row, so
/// it commits in the same SaveChanges (and transaction) as the change it describes;
/// <see cref="RecordAsync"/> is for events that stand alone, such as a sign-in.
/// </summary>
public sealed class AuditLog(TipCasesDbContext db, TimeProvider clock, IHttpContextAccessor httpContextAccessor)
{
    public void Add(AuditAction action, ClaimsPrincipal actor, string? entityType = null, string? entityId = null, object? details = null,
        Guid? victimId = null)
    {
        var actorId = actor.UserId();
        Add(action, actorId == Guid.Empty ? null : actorId, actor.Identity?.Name ?? "", entityType, entityId, details, victimId);
    }

    public void Add(AuditAction action, Guid? actorId, string actorName, string? entityType = null, string? entityId = null, object? details = null,
        Guid? victimId = null)
    {
        var remote = httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
        db.AuditEvents.Add(new AuditEvent(
            Guid.CreateVersion7(clock.GetUtcNow()),
            clock.GetUtcNow(),
            action,
            actorId,
            actorName,
            entityType,
            entityId,
            details is null ? null : JsonSerializer.Serialize(details),
            remote,
            victimId: victimId));
    }

    public async Task RecordAsync(AuditAction action, ClaimsPrincipal actor, string? entityType = null,
        string? entityId = null, object? details = null, CancellationToken ct = default)
    {
        Add(action, actor, entityType, entityId, details);
        await db.SaveChangesAsync(ct);
    }

    public async Task RecordAsync(AuditAction action, Guid? actorId, string actorName, string? entityType = null,
        string? entityId = null, object? details = null, CancellationToken ct = default)
    {
        Add(action, actorId, actorName, entityType, entityId, details);
        await db.SaveChangesAsync(ct);
    }
}
