using Microsoft.AspNetCore.Mvc.ModelBinding;
using TipCases.Domain;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;

namespace TipCases.Web.Pages.Cooperation;

/// <summary>
/// One change to a cooperation request or an asset from one of the small forms on its page, saved
/// against the version the form was based on. A value the handler could not read (a malformed
/// date, a broken id) refuses the change rather than counting as "none"; a record changed since the
/// form was loaded is a conflict; a domain rule's refusal is shown. A change to the record's parts
/// alone (material, steps, allocations) still checks and bumps its version, by marking
/// <c>touch</c> modified.
/// </summary>
public static class RecordChange
{
    private const string VersionProperty = "Version";

    /// <param name="change">Applies the change and returns what to tell the user, or null when it
    /// put its own messages into the model state and nothing is to be saved.</param>
    public static async Task<RecordChangeResult> SaveAsync<T>(TipCasesDbContext db, ModelStateDictionary modelState, T record, uint version,
        string touch, string conflictMessage, Func<T, CancellationToken, Task<string?>> change, CancellationToken ct)
        where T : class
    {
        if (modelState.ClearKeepingFailures().Count > 0)
        {
            modelState.AddModelError(string.Empty, BindingFailures.Unreadable);
            return RecordChangeResult.Refused;
        }
        var entry = db.Entry(record);
        try
        {
            // Changed since the form was loaded: the user decided on a state that is gone.
            if ((uint)entry.Property(VersionProperty).CurrentValue! != version)
            {
                throw new DbUpdateConcurrencyException();
            }
            entry.Property(VersionProperty).OriginalValue = version;
            var message = await change(record, ct);
            if (message is null)
            {
                db.ChangeTracker.Clear();
                return RecordChangeResult.Refused;
            }
            entry.Property(touch).IsModified = true;
            await db.SaveChangesAsync(ct);
            return new RecordChangeResult(message, Conflict: false);
        }
        catch (DomainRuleViolation ex)
        {
            db.ChangeTracker.Clear();
            modelState.AddModelError(string.Empty, ex.Message);
            return RecordChangeResult.Refused;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            modelState.Clear();
            modelState.AddModelError(string.Empty, conflictMessage);
            return new RecordChangeResult(null, Conflict: true);
        }
    }
}

/// <param name="Message">What to tell the user after a saved change; null when nothing was saved.</param>
public sealed record RecordChangeResult(string? Message, bool Conflict)
{
    public static RecordChangeResult Refused { get; } = new(null, false);
}
