using System.Security.Claims;
using System.Text.Json;
using TipCases.Web.Auditing;
using TipCases.Web.Data;

namespace TipCases.Web.Pages.Cases;

/// <summary>
/// A case's history, read from the audit trail: every change to the case file, newest first,
/// with the fields that changed. Only case pages (behind the access rule) show it. A link to
/// another case names that case only when the user may read it, and never shows the note of a
/// link to a case they cannot see.
/// </summary>
public sealed partial class CaseHistory(TipCasesDbContext db, PeopleDirectory people, CaseQueries cases)
{
    public const string HiddenCase = "a case you cannot see";

    private const string LinkEntity = "CaseLink";

    public async Task<HistoryPage> PageAsync(Guid caseId, ClaimsPrincipal user, (DateTimeOffset At, Guid Id)? before, int size,
        CancellationToken ct)
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
        var mentionedIds = mentioned.ToHashSet();
        var names = await people.NamesAsync(rows.Where(r => r.ActorId is not null).Select(r => r.ActorId!.Value).Concat(mentionedIds), ct);
        // Victims of this case are named by their pseudonym, never by id (and never by identity).
        var pseudonyms = await db.Victims.AsNoTracking()
            .Where(v => mentionedIds.Contains(v.Id) && v.Cases.Any(l => l.CaseId == caseId))
            .Select(v => new { v.Id, v.Pseudonym }).ToListAsync(ct);
        foreach (var victim in pseudonyms)
        {
            names[victim.Id] = victim.Pseudonym;
        }
        var seesDefendants = await Charges.ChargeHistory.AddNamesAsync(db, cases, caseId, user, mentionedIds, names, ct);
        // Linked cases by reference, for those the user may read; the rest stay unnamed.
        var linkedIds = rows.Where(r => r.EntityType == LinkEntity).Select(r => LinkedCaseId(r.Details)).OfType<Guid>().Distinct().ToList();
        var readableLinked = linkedIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await cases.Visible(user).AsNoTracking().Where(c => linkedIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        var entries = rows.Take(size).Select(r => new Entry(
            r.Id,
            r.OccurredAt,
            r.ActorId is { } id && names.TryGetValue(id, out var name) ? name : r.ActorName,
            Describe(r.Action, r.EntityType),
            r.EntityType == LinkEntity ? LinkChanges(r.Details, readableLinked)
                : Changes(r.Details, names, r.EntityType == Charges.ChargeHistory.DefendantEntity && !seesDefendants ? Charges.ChargeHistory.IdentityFields : null)))
            .ToList();
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
            "VictimCase" => "victim",
            null => "record",
            _ => CamelCaseBoundary().Replace(entityType, " $1").ToLowerInvariant(),
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
    /// <param name="withheld">Fields whose values this user may not see (a defendant's identity outside the case team).</param>
    private static List<string> Changes(string? details, IReadOnlyDictionary<Guid, string> names, IReadOnlySet<string>? withheld = null)
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
            if (field.Name is "CaseId" or "CreatedAt" or "CreatedBy" or "OfficeId" or "StageChangedAt" or "AddedAt" or "At" or "ChangedAt" or "ChangedBy")
            {
                continue; // bookkeeping: the entry's own time and author already say it
            }
            var hasOld = field.Value.TryGetProperty("old", out var old);
            var hasNew = field.Value.TryGetProperty("new", out var @new);
            var label = Label(field.Name);
            if (withheld?.Contains(field.Name) == true)
            {
                lines.Add($"{label}: {Charges.ChargeHistory.Withheld}");
                continue;
            }
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

    /// <summary>The linked case's id in a link event ("LinkedCaseId": { "new" | "old": id }).</summary>
    private static Guid? LinkedCaseId(string? details)
    {
        if (string.IsNullOrEmpty(details))
        {
            return null;
        }
        using var json = JsonDocument.Parse(details);
        if (json.RootElement.ValueKind == JsonValueKind.Object
            && json.RootElement.TryGetProperty("LinkedCaseId", out var change) && change.ValueKind == JsonValueKind.Object)
        {
            foreach (var side in new[] { "new", "old" })
            {
                if (change.TryGetProperty(side, out var value) && value.ValueKind == JsonValueKind.String
                    && Guid.TryParse(value.GetString(), out var id))
                {
                    return id;
                }
            }
        }
        return null;
    }

    /// <summary>A link event: the linked case by reference if the user may read it, else only that
    /// there was one; the note only for a readable case (it may say what the other case is about).</summary>
    private static List<string> LinkChanges(string? details, Dictionary<Guid, string> readableLinked)
    {
        var reference = LinkedCaseId(details) is { } id && readableLinked.TryGetValue(id, out var found) ? found : null;
        var lines = new List<string> { "Linked case: " + (reference ?? HiddenCase) };
        if (reference is not null && !string.IsNullOrEmpty(details))
        {
            using var json = JsonDocument.Parse(details);
            if (json.RootElement.TryGetProperty("Note", out var note) && note.ValueKind == JsonValueKind.Object)
            {
                var text = note.TryGetProperty("new", out var @new) ? @new : note.TryGetProperty("old", out var old) ? old : default;
                if (text.ValueKind == JsonValueKind.String)
                {
                    lines.Add("Note: " + Show(text, new Dictionary<Guid, string>()));
                }
            }
        }
        return lines;
    }

    /// <summary>"InvolvesTaskForce" → "Involves task force"; "UserId" → "User"; "ChargeIds" → "Charges".</summary>
    private static string Label(string field)
    {
        var name = field.EndsWith("Ids", StringComparison.Ordinal) ? field[..^3] + "s"
            : field.EndsWith("Id", StringComparison.Ordinal) ? field[..^2] : field;
        var words = CamelCaseBoundary().Replace(name, " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial System.Text.RegularExpressions.Regex CamelCaseBoundary();

    private static string Show(JsonElement value, IReadOnlyDictionary<Guid, string> names) => value.ValueKind switch
    {
        JsonValueKind.Null => "(empty)",
        JsonValueKind.String when Guid.TryParse(value.GetString(), out var id) && names.TryGetValue(id, out var name) => name,
        JsonValueKind.String => value.GetString() is { Length: > 120 } s ? s[..120] + "…" : value.GetString() ?? "",
        // A list (kinds of assistance, charges concerned): each item shown as above, an id by its name.
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "(none)" : string.Join("; ", value.EnumerateArray().Select(v => Show(v, names))),
        _ => value.GetRawText(),
    };

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial System.Text.RegularExpressions.Regex GuidPattern();

    public sealed record Entry(Guid Id, DateTimeOffset At, string Actor, string What, IReadOnlyList<string> Changes);

    public sealed record HistoryPage(IReadOnlyList<Entry> Entries, (DateTimeOffset At, Guid Id)? Next);
}
