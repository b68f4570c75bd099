using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Security;

namespace TipCases.Web.Auditing;

/// <summary>
/// Writes an audit event for every created, changed or deleted record of a case file, in the
/// same SaveChanges and so the same transaction as the change: who, when, which record, which
/// fields, old and new values. Properties marked <see cref="AuditAnnotations.NotAudited"/> (a
/// victim's protected identity, say) are named but their values never written.
/// </summary>
public sealed class AuditingInterceptor(IHttpContextAccessor httpContextAccessor, TimeProvider clock) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditEvents(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditEvents(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void AddAuditEvents(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.Entity is IBelongsToCase or IBelongsToVictim && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (entries.Count == 0)
        {
            return;
        }
        var http = httpContextAccessor.HttpContext;
        var actor = http?.User;
        var actorId = actor?.UserId() is { } id && id != Guid.Empty ? id : (Guid?)null;
        var actorName = actor?.Identity?.Name ?? "system";
        var remote = http?.Connection.RemoteIpAddress?.ToString();
        var now = clock.GetUtcNow();

        foreach (var entry in entries)
        {
            var (action, changes) = Describe(entry);
            if (action == AuditAction.RecordUpdated && changes.Count == 0)
            {
                continue;
            }
            var key = entry.Properties.First(p => p.Metadata.IsPrimaryKey()).CurrentValue?.ToString();
            var (caseId, victimId) = Owners(entry);
            context.Add(new AuditEvent(Guid.CreateVersion7(now), now, action, actorId, actorName,
                entry.Metadata.ClrType.Name, key, JsonSerializer.Serialize(changes), remote, caseId, victimId));
        }
    }

    /// <summary>The case and victim files the record belongs to (a victim's support step on a
    /// case shows in both histories).</summary>
    private static (Guid? CaseId, Guid? VictimId) Owners(EntityEntry entry) => entry.Entity switch
    {
        IBelongsToCase c => (c.CaseId, null),
        Victim v => (null, v.Id),
        IBelongsToVictim v => (entry.Metadata.FindProperty("CaseId") is { } p ? entry.Property(p.Name).CurrentValue as Guid? : null, v.VictimId),
        _ => (null, null),
    };

    private static (AuditAction Action, SortedDictionary<string, object?> Changes) Describe(EntityEntry entry)
    {
        var changes = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        var action = entry.State switch
        {
            EntityState.Added => AuditAction.RecordCreated,
            EntityState.Deleted => AuditAction.RecordDeleted,
            _ => AuditAction.RecordUpdated,
        };
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            if (metadata.IsPrimaryKey() || metadata.IsConcurrencyToken || metadata.IsShadowProperty() || metadata.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAddOrUpdate)
            {
                continue;
            }
            var hidden = metadata.FindAnnotation(AuditAnnotations.NotAudited) is not null;
            switch (action)
            {
                case AuditAction.RecordCreated when property.CurrentValue is not null:
                    changes[metadata.Name] = new { @new = hidden ? AuditAnnotations.Withheld : Format(property.CurrentValue) };
                    break;
                case AuditAction.RecordDeleted when property.OriginalValue is not null:
                    changes[metadata.Name] = new { old = hidden ? AuditAnnotations.Withheld : Format(property.OriginalValue) };
                    break;
                case AuditAction.RecordUpdated when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[metadata.Name] = hidden
                        ? new { old = AuditAnnotations.Withheld, @new = AuditAnnotations.Withheld }
                        : new { old = Format(property.OriginalValue), @new = Format(property.CurrentValue) };
                    break;
            }
        }
        return (action, changes);
    }

    /// <summary>Enums as their names (one, or a list of them such as the kinds of assistance asked
    /// for), so the trail reads the same as the stored values.</summary>
    private static object? Format(object? value) => value switch
    {
        Enum e => e.ToString(),
        System.Collections.IEnumerable list when value.GetType() is { IsArray: true } t && t.GetElementType()!.IsEnum
            => list.Cast<Enum>().Select(e => e.ToString()).ToArray(),
        System.Collections.IEnumerable list when value.GetType() is { IsGenericType: true } t && t.GetGenericArguments() is [{ IsEnum: true }]
            => list.Cast<Enum>().Select(e => e.ToString()).ToArray(),
        _ => value,
    };
}

public static class AuditAnnotations
{
    /// <summary>EF annotation on a property whose values must never reach the audit trail.</summary>
    public const string NotAudited = "TipCases:NotAudited";

    public const string Withheld = "(withheld)";
}
