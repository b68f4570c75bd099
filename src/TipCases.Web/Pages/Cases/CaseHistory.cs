using System.Text.Json;
using TipCases.Web.Auditing;
using TipCases.Web.Data;

namespace TipCases.Web.Pages.Cases;

/// <summary>
/// A case's history, read from the audit trail: every change to the case file, newest first,
/// with the fields that changed. Only case pages (behind the access rule) show it.
/// </summary>
public sealed partial class CaseHistory(TipCasesDbContext db, PeopleDirectory people)
{
    public async Task<HistoryPage> PageAsync(Guid caseId, (DateTimeOffset At, Guid Id)? before, int size, CancellationToken ct)
    {
        var query = db.AuditEvents.AsNoTracking().Where(e => e.CaseId == caseId);
        if (before is { } b)
        {
            query = query.Where(e => e.OccurredAt < b.At || (e.OccurredAt == b.At && e.Id.CompareTo(b.Id) < 0));
        }
        var rows = await query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(size + 1)
            .Select(e => new { e.Id, e.OccurredAt, e.ActorId, e.ActorName, e.Action, e.EntityType, e.Details })
            .ToListAsync(ct);
        // People named in the changes (assignees, members) are shown by name, not by id.
        var mentioned = rows.SelectMany(r => GuidPattern().Matches(r.Details ?? "").Select(m => Guid.Parse(m.Value)));
        var names = await people.NamesAsync(rows.Where(r => r.ActorId is not null).Select(r => r.ActorId!.Value).Concat(mentioned), ct);
        var entries = rows.Take(size).Select(r => new Entry(
            r.Id,
            r.OccurredAt,
            r.ActorId is { } id && names.TryGetValue(id, out var name) ? name : r.ActorName,
            Describe(r.Action, r.EntityType),
            Changes(r.Details, names))).ToList();
        return new HistoryPage(entries, rows.Count > size ? (entries[^1].At, entries[^1].Id) : null);
    }

    private static string Describe(AuditAction action, string? entityType)
    {
        var what = entityType switch
        {
            "Case" => "case",
            "TeamMember" => "team member",
            "StageChange" => "stage change",
            "CaseTask" => "task",
            "CaseLink" => "link to another case",
            _ => entityType?.ToLowerInvariant() ?? "record",
        };
        return action switch
        {
            AuditAction.RecordCreated => $"Added {what}",
            AuditAction.RecordDeleted => $"Removed {what}",
            AuditAction.RecordUpdated => $"Changed {what}",
            _ => action.ToString(),
        };
    }

    /// <summary>"Field: old → new" lines from the event's JSON.</summary>
    private static List<string> Changes(string? details, IReadOnlyDictionary<Guid, string> names)
    {
        if (string.IsNullOrEmpty(details))
        {
            return [];
        }
        using var json = JsonDocument.Parse(details);
        if (json.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        var lines = new List<string>();
        foreach (var field in json.RootElement.EnumerateObject())
        {
            if (field.Name is "CaseId" or "CreatedAt" or "CreatedBy" or "OfficeId" or "StageChangedAt" or "AddedAt" or "At")
            {
                continue; // bookkeeping: the entry's own time and author already say it
            }
            var hasOld = field.Value.TryGetProperty("old", out var old);
            var hasNew = field.Value.TryGetProperty("new", out var @new);
            var label = Label(field.Name);
            lines.Add((hasOld, hasNew) switch
            {
                (true, true) => $"{label}: {Show(old, names)} → {Show(@new, names)}",
                (false, true) => $"{label}: {Show(@new, names)}",
                (true, false) => $"{label}: was {Show(old, names)}",
                _ => label,
            });
        }
        return lines;
    }

    /// <summary>"InvolvesTaskForce" → "Involves task force"; "UserId" → "User".</summary>
    private static string Label(string field)
    {
        var words = CamelCaseBoundary().Replace(field.EndsWith("Id", StringComparison.Ordinal) ? field[..^2] : field, " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial System.Text.RegularExpressions.Regex CamelCaseBoundary();

    private static string Show(JsonElement value, IReadOnlyDictionary<Guid, string> names) => value.ValueKind switch
    {
        JsonValueKind.Null => "(empty)",
        JsonValueKind.String when Guid.TryParse(value.GetString(), out var id) && names.TryGetValue(id, out var name) => name,
        JsonValueKind.String => value.GetString() is { Length: > 120 } s ? s[..120] + "…" : value.GetString() ?? "",
        _ => value.GetRawText(),
    };

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial System.Text.RegularExpressions.Regex GuidPattern();

    public sealed record Entry(Guid Id, DateTimeOffset At, string Actor, string What, IReadOnlyList<string> Changes);

    public sealed record HistoryPage(IReadOnlyList<Entry> Entries, (DateTimeOffset At, Guid Id)? Next);
}
