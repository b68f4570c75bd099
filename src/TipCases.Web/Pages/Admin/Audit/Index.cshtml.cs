using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Admin.Audit;

/// <summary>
/// The administrator's search over every audit event. Administrators must not read case content,
/// so the details column is shown only for events about accounts and offices; for case records it
/// shows which record changed, never the values.
/// </summary>
[Authorize(Policy = Policies.ViewAuditTrail)]
public sealed class IndexModel(TipCasesDbContext db) : PageModel
{
    public const int PageSize = 100;

    public const string UnknownCaseMessage = "No case has that reference.";

    private static readonly string[] EntityTypesWithVisibleDetails = ["User", "Office", "Offence"];

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string? FilterError { get; private set; }

    public (DateTimeOffset At, Guid Id)? Next { get; private set; }

    public Dictionary<string, string> NextPageRoute { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear(); // a bad date in the query string is reported below, not as a 400
        if (Filter.From is { } from && Filter.To is { } to && to < from)
        {
            FilterError = "The end date is before the start date.";
            return;
        }
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Filter.User))
        {
            var name = Filter.User.Trim().ToLowerInvariant();
            events = events.Where(e => e.ActorName == name);
        }
        if (!string.IsNullOrWhiteSpace(Filter.Case))
        {
            // By reference, an identifier: the administrator learns no case content from it.
            var reference = Filter.Case.Trim().ToUpperInvariant();
            var caseId = await db.Cases.Where(c => c.Reference == reference).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
            if (caseId is null)
            {
                // Not "every event without a case": an unknown reference matches nothing.
                FilterError = UnknownCaseMessage;
                return;
            }
            events = events.Where(e => e.CaseId == caseId);
        }
        if (Filter.Action is { } action)
        {
            events = events.Where(e => e.Action == action);
        }
        if (Filter.From is { } start)
        {
            var since = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events = events.Where(e => e.OccurredAt >= since);
        }
        // The last day there is has no day after it: up to then means no upper bound.
        if (Filter.To is { } end && end < DateOnly.MaxValue)
        {
            var until = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events = events.Where(e => e.OccurredAt < until);
        }
        if (Filter.BeforeAt is { } at && Filter.BeforeId is { } beforeId)
        {
            // Npgsql writes only UTC offsets to timestamptz: a cursor typed with another offset is the same instant in UTC.
            var beforeAt = at.ToUniversalTime();
            // Keyset paging on (occurred_at, id), newest first: rows strictly older than the last one shown.
            events = events.Where(e => e.OccurredAt < beforeAt || (e.OccurredAt == beforeAt && e.Id.CompareTo(beforeId) < 0));
        }
        var page = await events
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(PageSize + 1)
            .Select(e => new Row(e.Id, e.OccurredAt, e.ActorName, e.Action, e.EntityType, e.EntityId, e.RemoteAddress,
                EntityTypesWithVisibleDetails.Contains(e.EntityType) ? e.Details : null))
            .ToListAsync(ct);
        Rows = page.Take(PageSize).ToList();
        if (page.Count > PageSize)
        {
            var last = Rows[^1];
            Next = (last.OccurredAt, last.Id);
            NextPageRoute = new Dictionary<string, string>
            {
                ["user"] = Filter.User ?? "",
                ["action"] = Filter.Action?.ToString() ?? "",
                ["case"] = Filter.Case ?? "",
                ["from"] = Filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                ["to"] = Filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                ["beforeAt"] = last.OccurredAt.ToString("O", CultureInfo.InvariantCulture),
                ["beforeId"] = last.Id.ToString(),
            };
        }
    }

    public sealed record Query
    {
        [FromQuery(Name = "user")] public string? User { get; init; }

        [FromQuery(Name = "action")] public AuditAction? Action { get; init; }

        [FromQuery(Name = "case")] public string? Case { get; init; }

        [FromQuery(Name = "from")] public DateOnly? From { get; init; }

        [FromQuery(Name = "to")] public DateOnly? To { get; init; }

        [FromQuery(Name = "beforeAt")] public DateTimeOffset? BeforeAt { get; init; }

        [FromQuery(Name = "beforeId")] public Guid? BeforeId { get; init; }
    }

    public sealed record Row(Guid Id, DateTimeOffset OccurredAt, string ActorName, AuditAction Action, string? EntityType,
        string? EntityId, string? RemoteAddress, string? Details);
}
