using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Victims;

/// <summary>
/// The victims the user may see (those linked to a case they may read), by pseudonym only, with
/// the filters the dashboard's figures link with: the cases' stage, approach, scope, team member
/// and opening dates, and the victim's exploitation, child status, what needs attention and
/// compensation claims. Paged by pseudonym (unique) as a keyset.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class IndexModel(VictimQueries victims, CaseQueries cases, TipCasesDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Why a filter was not applied, by query parameter name.</summary>
    public Dictionary<string, string> FilterErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>The filters applied, in words, each with the route that removes it.</summary>
    public List<(string Text, Dictionary<string, string> Without)> Applied { get; } = [];

    public bool IsLaterPage { get; private set; }

    public Dictionary<string, string>? NextPageRoute { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        var route = ReadFilters();
        ModelState.Clear();

        var caseFilter = cases.Visible(User).AsNoTracking();
        if (Filter.Stage is { } stage)
        {
            caseFilter = caseFilter.Where(c => c.Stage == stage);
        }
        if (Filter.Approach is { } approach)
        {
            caseFilter = caseFilter.Where(c => c.Approach == approach);
        }
        if (Filter.Scope is { } scope)
        {
            caseFilter = caseFilter.Where(c => c.Scope == scope);
        }
        if (Filter.Person is { } person)
        {
            caseFilter = caseFilter.WithMember(person);
        }
        if (Filter.Open == true)
        {
            caseFilter = caseFilter.Where(CaseFilters.IsOpen);
        }
        caseFilter = caseFilter.OpenedBetween(Filter.From, Filter.To);

        var query = victims.Visible(User).AsNoTracking();
        if (CaseFiltered)
        {
            query = query.OnCases(caseFilter);
        }
        if (Filter.Purpose is { } purpose)
        {
            query = query.ExploitedFor(purpose);
        }
        if (Filter.Child is { } child)
        {
            query = query.WithChildStatus(child);
        }
        if (Filter.Attention is { } attention)
        {
            query = query.NeedingAttention(attention, Today);
        }
        if (Filter.Claims is { } currency)
        {
            query = query.WithClaimIn(currency, caseFilter);
        }
        if (Filter.After is { Length: > 0 } after)
        {
            query = query.Where(v => v.Pseudonym.CompareTo(after) > 0);
            IsLaterPage = true;
        }

        var since = Today.AddDays(-VictimFilters.SupportGapDays);
        var page = await query
            .OrderBy(v => v.Pseudonym)
            .Take(PageSize + 1)
            .Select(v => new
            {
                v.Id,
                v.Pseudonym,
                v.Sex,
                v.ChildStatus,
                v.Exploitation,
                Liaison = db.Users.Where(u => u.Id == v.LiaisonOfficerId).Select(u => u.DisplayName).FirstOrDefault(),
                LatestStep = v.SupportSteps.Max(s => (DateOnly?)s.TookPlaceOn),
                CaseIds = v.Cases.Select(l => l.CaseId).ToList(),
            })
            .ToListAsync(ct);
        var caseIds = page.SelectMany(v => v.CaseIds).Distinct().ToList();
        var references = await cases.Visible(User).AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        Rows = page.Take(PageSize)
            .Select(v => new Row(v.Id, v.Pseudonym, v.Sex, v.ChildStatus, v.Exploitation, v.Liaison, v.LatestStep,
                v.CaseIds.Where(references.ContainsKey).Select(id => (id, references[id])).OrderBy(x => x.Item2, StringComparer.Ordinal).ToList()))
            .ToList();
        if (page.Count > PageSize)
        {
            NextPageRoute = new Dictionary<string, string>(route, StringComparer.Ordinal) { ["after"] = Rows[^1].Pseudonym };
        }
        RouteValues = route;
    }

    /// <summary>The applied filters as query parameters, first page.</summary>
    public Dictionary<string, string> RouteValues { get; private set; } = [];

    private bool CaseFiltered => Filter.Stage is not null || Filter.Approach is not null || Filter.Scope is not null
        || Filter.Person is not null || Filter.Open == true || Filter.From is not null || Filter.To is not null;

    /// <summary>Drops values that cannot be applied (each reported in <see cref="FilterErrors"/>) and returns the rest as route values.</summary>
    private Dictionary<string, string> ReadFilters()
    {
        bool Refused(string name) => ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0;
        var f = Filter;
        void Check(string name, bool bad, string message)
        {
            if (Refused(name) || bad)
            {
                FilterErrors[name] = message;
            }
        }
        Check("stage", f.Stage is { } s && !Enum.IsDefined(s), "Choose a stage from the list.");
        Check("approach", f.Approach is { } a && !Enum.IsDefined(a), "Choose an approach from the list.");
        Check("scope", f.Scope is { } sc && !Enum.IsDefined(sc), "Choose a scope from the list.");
        Check("purpose", f.Purpose is { } p && !Enum.IsDefined(p), "Choose a form of exploitation from the list.");
        Check("child", f.Child is { } c && !Enum.IsDefined(c), "Choose child, adult or unknown.");
        Check("attention", f.Attention is { } at && !Enum.IsDefined(at), "Choose what needs attention from the list.");
        Check("claims", f.Claims is { } cur && (cur.Length != 3 || !cur.All(char.IsAsciiLetterUpper)), "Give the currency as a three-letter code such as EUR.");
        Check("person", false, "Choose a person from the list.");
        Check("from", false, "Enter the date as YYYY-MM-DD.");
        Check("to", false, "Enter the date as YYYY-MM-DD.");
        Filter = f with
        {
            Stage = FilterErrors.ContainsKey("stage") ? null : f.Stage,
            Approach = FilterErrors.ContainsKey("approach") ? null : f.Approach,
            Scope = FilterErrors.ContainsKey("scope") ? null : f.Scope,
            Purpose = FilterErrors.ContainsKey("purpose") ? null : f.Purpose,
            Child = FilterErrors.ContainsKey("child") ? null : f.Child,
            Attention = FilterErrors.ContainsKey("attention") ? null : f.Attention,
            Claims = FilterErrors.ContainsKey("claims") ? null : f.Claims,
            After = f.After is { Length: <= 64 } ? f.After : null,
        };
        f = Filter;

        var route = new Dictionary<string, string>(StringComparer.Ordinal);
        var described = new List<(string Name, string Text)>();
        void Add(string name, string? value, string text)
        {
            if (value is not null)
            {
                route[name] = value;
                described.Add((name, text));
            }
        }
        Add("stage", f.Stage?.ToString(), $"On a case at the {f.Stage?.DisplayName().ToLowerInvariant()} stage");
        Add("approach", f.Approach?.ToString(), $"On a {f.Approach?.ToString().ToLowerInvariant()} case");
        Add("scope", f.Scope?.ToString(), $"On a {f.Scope?.ToString().ToLowerInvariant()} case");
        Add("person", f.Person?.ToString(), "On a case of one person's team");
        Add("open", f.Open == true ? "true" : null, "On an open case");
        Add("from", f.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            f.From is { } from ? $"On a case opened from {Dates.Day(from)}" : "");
        Add("to", f.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            f.To is { } to ? $"On a case opened up to {Dates.Day(to)}" : "");
        Add("purpose", f.Purpose?.ToString(), $"Suffered {f.Purpose?.DisplayName().ToLowerInvariant()}");
        Add("child", f.Child?.ToString(), f.Child switch
        {
            ChildStatus.Child => "Children (under 18 at the time)",
            ChildStatus.Adult => "Adults",
            _ => "Child or adult not known yet",
        });
        Add("attention", f.Attention?.ToString(), f.Attention is { } att ? AttentionName(att) : "");
        Add("claims", f.Claims, $"With a compensation claim in {f.Claims}");

        // Each description comes with the route that removes it: every other applied filter.
        foreach (var (name, text) in described)
        {
            var without = new Dictionary<string, string>(route, StringComparer.Ordinal);
            without.Remove(name);
            Applied.Add((text, without));
        }
        return route;
    }

    public static string AttentionName(VictimAttention attention) => attention switch
    {
        VictimAttention.WithoutRecentSupport => $"Without a support step in the last {VictimFilters.SupportGapDays} days",
        VictimAttention.FollowUpOverdue => "Support follow-up overdue",
        VictimAttention.PermitExpiring => $"Stay permit or reflection period expiring within {ResidenceRecord.ExpiryWarningDays} days",
        VictimAttention.PermitExpired => "Stay permit or reflection period expired",
        _ => attention.ToString(),
    };

    public sealed record Query
    {
        [FromQuery(Name = "stage")] public CaseStage? Stage { get; init; }

        [FromQuery(Name = "approach")] public InvestigationApproach? Approach { get; init; }

        [FromQuery(Name = "scope")] public CaseScope? Scope { get; init; }

        [FromQuery(Name = "person")] public Guid? Person { get; init; }

        [FromQuery(Name = "open")] public bool? Open { get; init; }

        [FromQuery(Name = "from")] public DateOnly? From { get; init; }

        [FromQuery(Name = "to")] public DateOnly? To { get; init; }

        [FromQuery(Name = "purpose")] public ExploitationForm? Purpose { get; init; }

        [FromQuery(Name = "child")] public ChildStatus? Child { get; init; }

        [FromQuery(Name = "attention")] public VictimAttention? Attention { get; init; }

        /// <summary>A currency: victims with a compensation claim in it (on the cases the other filters select).</summary>
        [FromQuery(Name = "claims")] public string? Claims { get; init; }

        /// <summary>Keyset: the pseudonym of the last row of the previous page.</summary>
        [FromQuery(Name = "after")] public string? After { get; init; }
    }

    /// <param name="Cases">The victim's cases the user may read (id, reference).</param>
    public sealed record Row(Guid Id, string Pseudonym, Sex Sex, ChildStatus ChildStatus, IReadOnlyList<ExploitationForm> Exploitation,
        string? LiaisonOfficer, DateOnly? LatestSupportStep, IReadOnlyList<(Guid Id, string Reference)> Cases);
}
