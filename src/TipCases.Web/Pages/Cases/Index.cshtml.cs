using System.Globalization;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NpgsqlTypes;
using TipCases.Domain.Cases;
using TipCases.Domain.Offices;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Data.Configurations;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cooperation;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Cases;

/// <summary>
/// The case list: the cases the user may read (never more: every query starts from
/// <see cref="CaseQueries.Visible"/>), searched by reference or title words, filtered, sorted and
/// paged by keyset on (sort key, id). The key of the last row shown travels to the next page in
/// an opaque, encrypted and signed token (Data Protection), never as text: sorted by title, it
/// would put a case's title into URLs, and so into browser histories and proxy logs.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed partial class IndexModel(CaseQueries cases, TipCasesDbContext db, IDataProtectionProvider protection, TimeProvider clock,
    CaseCsvExport export) : PageModel
{
    /// <summary>The value of the "overdue" filter.</summary>
    public const string OverdueTasks = "tasks";

    public const int PageSize = 25;
    public const int SearchMaxLength = 200;

    /// <summary>Far more than a cursor holding a 200-character title needs.</summary>
    private const int CursorMaxLength = 2048;

    private readonly IDataProtector _cursors = protection.CreateProtector("TipCases.CaseListCursor");

    /// <summary>Enough words for any title search; more only make the query longer.</summary>
    private const int MaxSearchWords = 10;

    /// <summary>Stages sort in the prosecution's order (the enum's values), not alphabetically as
    /// stored: CASE stage WHEN 'Intake' THEN 1 ... END.</summary>
    private static readonly Expression<Func<Case, int>> StageOrder = BuildStageOrder();

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>People of the user's office who are on the team of a case the user can see (those
    /// whose account is disabled too, so a supervisor can find the cases they still hold).</summary>
    public IReadOnlyList<Person> People { get; private set; } = [];

    /// <summary>Why a filter was not applied, by query parameter name ("stage", "from"...).</summary>
    public Dictionary<string, string> FilterErrors { get; } = new(StringComparer.Ordinal);

    public CaseSort Sort { get; private set; } = CaseSort.OpenedOn;

    public SortDirection Direction { get; private set; } = SortDirection.Descending;

    /// <summary>Whether any search or filter narrowed the list (to word the empty state).</summary>
    public bool IsFiltered { get; private set; }

    public bool IsLaterPage { get; private set; }

    /// <summary>Route values of the next page (the current filters and the last row's key), or null on the last page.</summary>
    public Dictionary<string, string>? NextPageRoute { get; private set; }

    private CaseStage? _stage;
    private TipCases.Domain.Charges.ChargeStatus? _outcome;
    private TipCases.Domain.Assets.AssetStep? _asset;
    private bool _openOnly;
    private ExploitationForm? _purpose;
    private bool _overdueTasks;
    private Guid? _assignee;
    private InvestigationApproach? _approach;
    private CaseScope? _scope;
    private Guid? _person;
    private DateOnly? _from;
    private DateOnly? _to;
    private string? _search;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = await FilteredAsync(ct);
        var after = ReadCursor(Filter.After);
        query = Sorted(query, after);

        var page = await Project(query.Take(PageSize + 1)).ToListAsync(ct);
        Rows = page.Take(PageSize).ToList();
        if (page.Count > PageSize)
        {
            var last = Rows[^1];
            NextPageRoute = Route();
            NextPageRoute["after"] = WriteCursor(new Cursor(Sort, Direction, Sort switch
            {
                CaseSort.Reference => last.Reference,
                CaseSort.Title => last.Title,
                CaseSort.Stage => last.Stage.ToString(),
                _ => last.OpenedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }, last.Id));
        }
    }

    /// <summary>The whole list with its current search, filters and sort, every page, as CSV
    /// (streamed; recorded in the audit trail first).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var query = Sorted(await FilteredAsync(ct), after: null);
        var filters = Route();
        if (filters.Remove("q"))
        {
            // The words searched for stay out of the trail, which administrators read: only that there were some.
            filters["search"] = "yes";
        }
        return await export.ResultAsync(Project(query), filters, User, ct);
    }

    /// <summary>The cases the user may read, narrowed by the valid filters (invalid ones are reported in <see cref="FilterErrors"/>).</summary>
    private async Task<IQueryable<Case>> FilteredAsync(CancellationToken ct)
    {
        ReadFilters();
        ModelState.Clear(); // bad values were reported above next to their filters, not as a 400

        var visible = cases.Visible(User).AsNoTracking();
        var officeId = User.OfficeIdOf();
        var staff = db.Users.AsNoTracking().Where(u => u.OfficeId == officeId);
        var teams = visible.SelectMany(c => c.Team);
        People = await (User.ToCaseViewer().IsSupervisor
                // A supervisor sees every case of the office, which may be a million: ask once per
                // person whether they are on any visible team (LIMIT 1 keeps the subquery per row,
                // one index probe each) rather than collect every team member of the office.
                ? staff.Where(u => teams.Where(m => m.UserId == u.Id).Select(m => (int?)1).FirstOrDefault() != null)
                // Anyone else sees the cases they are on: collect those cases' teams.
                : staff.Where(u => teams.Select(m => m.UserId).Contains(u.Id)))
            .OrderBy(u => !u.IsActive).ThenBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new Person(u.Id, u.IsActive ? u.DisplayName : u.DisplayName + " (account disabled)"))
            .ToListAsync(ct);
        if (_person is { } person && People.All(p => p.Id != person))
        {
            FilterErrors["person"] = "Choose a person from the list.";
            _person = null;
        }
        if (_assignee is { } assignee && People.All(p => p.Id != assignee))
        {
            FilterErrors["assignee"] = "That person has no tasks on the cases you can see.";
            _assignee = null;
        }

        IsFiltered = _search is not null || _stage is not null || _approach is not null || _scope is not null
            || _person is not null || _from is not null || _to is not null || HasFigureFilter;
        return Narrow(visible);
    }

    private IQueryable<Case> Sorted(IQueryable<Case> query, Cursor? after) => Sort switch
    {
        CaseSort.Reference => Seek(query, c => c.Reference, after?.Key, after?.Id),
        CaseSort.Title => Seek(query, c => c.Title, after?.Key, after?.Id),
        CaseSort.Stage => Seek(query, StageOrder, ParseStageOrder(after?.Key), after?.Id),
        _ => Seek(query, c => c.OpenedOn, ParseDate(after?.Key), after?.Id),
    };

    private IQueryable<Row> Project(IQueryable<Case> query) => query.Select(c => new Row(
        c.Id,
        c.Reference,
        c.Title,
        c.Stage,
        c.Approach,
        c.Scope,
        c.OpenedOn,
        db.Users.Where(u => c.Team.Any(m => m.IsLead && m.UserId == u.Id)).Select(u => u.DisplayName).FirstOrDefault(),
        c.Team.Count));

    /// <summary>Whether a filter a dashboard figure links with (open, purpose, overdue tasks, assignee) is applied.</summary>
    public bool HasFigureFilter => _openOnly || _purpose is not null || _overdueTasks || _assignee is not null || _outcome is not null || _asset is not null;

    /// <summary>The dashboard figure filters applied, as query parameters.</summary>
    public IEnumerable<(string Name, string Value)> FigureFilters()
    {
        if (_openOnly)
        {
            yield return ("open", "true");
        }
        if (_purpose is { } purpose)
        {
            yield return ("purpose", purpose.ToString());
        }
        if (_overdueTasks)
        {
            yield return ("overdue", OverdueTasks);
        }
        if (_assignee is { } assignee)
        {
            yield return ("assignee", assignee.ToString());
        }
        if (_outcome is { } outcome)
        {
            yield return ("outcome", outcome.ToString());
        }
        if (_asset is { } asset)
        {
            yield return ("asset", asset.ToString());
        }
    }

    /// <summary>The figure filters applied, in words, each with the route that removes it.</summary>
    public IReadOnlyList<(string Text, Dictionary<string, string> Without)> FigureFilterDescriptions()
    {
        var list = new List<(string, Dictionary<string, string>)>();
        Dictionary<string, string> Without(string name)
        {
            var route = Route();
            route.Remove(name);
            return route;
        }
        if (_openOnly)
        {
            list.Add(("Open cases only (not closed or discontinued)", Without("open")));
        }
        if (_purpose is { } purpose)
        {
            list.Add(($"With a victim of {purpose.DisplayName().ToLowerInvariant()}", Without("purpose")));
        }
        if (_overdueTasks)
        {
            list.Add(("Open cases with an overdue task", Without("overdue")));
        }
        if (_assignee is { } assignee)
        {
            var name = People.FirstOrDefault(p => p.Id == assignee)?.DisplayName ?? "this person";
            list.Add(((_overdueTasks ? "The overdue task is assigned to " : "With an open task assigned to ") + name, Without("assignee")));
        }
        if (_outcome is { } outcome)
        {
            list.Add((outcome == TipCases.Domain.Charges.ChargeStatus.Convicted ? "With a conviction" : "With an acquittal", Without("outcome")));
        }
        if (_asset is { } asset)
        {
            list.Add(($"With an asset now {asset.DisplayName().ToLowerInvariant()}", Without("asset")));
        }
        return list;
    }

    private string WriteCursor(Cursor cursor) => _cursors.Protect(JsonSerializer.Serialize(cursor));

    /// <summary>The cursor in the token, or null (the first page) when there is none, it was
    /// tampered with or made by another key ring, or it belongs to another sort or direction.</summary>
    private Cursor? ReadCursor(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > CursorMaxLength)
        {
            return null;
        }
        try
        {
            var cursor = JsonSerializer.Deserialize<Cursor>(_cursors.Unprotect(token));
            return cursor is not null && cursor.Sort == Sort && cursor.Direction == Direction && cursor.Key is not null ? cursor : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Route values that keep the applied search, filters and sort (optionally another
    /// sort), starting at the first page. Values that were refused are left out.</summary>
    public Dictionary<string, string> Route(CaseSort? sort = null, SortDirection? direction = null)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                route[name] = value;
            }
        }
        Add("q", _search is null ? null : Filter.Q?.Trim());
        Add("stage", _stage?.ToString());
        Add("approach", _approach?.ToString());
        Add("scope", _scope?.ToString());
        Add("person", _person?.ToString());
        Add("from", _from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", _to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var (name, value) in FigureFilters())
        {
            Add(name, value);
        }
        Add("sort", (sort ?? Sort).ToString());
        Add("dir", (direction ?? Direction).ToString());
        return route;
    }

    /// <summary>The route of a column header's sort link: sorts by that column, or reverses the
    /// order when the list is already sorted by it.</summary>
    public Dictionary<string, string> SortRoute(CaseSort sort) =>
        Route(sort, sort == Sort ? Opposite(Direction) : DefaultDirection(sort));

    public static SortDirection DefaultDirection(CaseSort sort) =>
        sort == CaseSort.OpenedOn ? SortDirection.Descending : SortDirection.Ascending;

    /// <summary>
    /// A PostgreSQL tsquery that matches titles containing every word the user typed, each as a
    /// prefix ("traff port" finds "Trafficking through the port"), or null when nothing searchable
    /// is left. Only letters and digits reach to_tsquery: its operators (&amp; | ! ( ) : * ' and
    /// others) are all punctuation, so user text can never change the query's shape.
    /// </summary>
    public static string? TitleQuery(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch) || IsCombiningMark(ch))
            {
                word.Append(char.ToLowerInvariant(ch));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        // A word that is only combining marks would make an invalid tsquery term on its own.
        var terms = words.Where(w => w.Any(char.IsLetterOrDigit)).Distinct(StringComparer.Ordinal).Take(MaxSearchWords).ToList();
        return terms.Count == 0 ? null : string.Join(" & ", terms.Select(t => t + ":*"));
    }

    /// <summary>Whether the text is a case reference or the start of one (CPO-, CPO-2026, CPO-2026-0001...).</summary>
    public static bool LooksLikeReference(string text) => ReferencePrefix().IsMatch(text);

    private void ReadFilters()
    {
        // MVC has already parsed the query string: a value it could not parse (an unknown stage,
        // a date that is not a date) left an error under the parameter's name and a null value.
        bool Refused(string name) => ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0;

        var text = Filter.Q?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            if (text.Length > SearchMaxLength)
            {
                text = text[..SearchMaxLength];
            }
            if (LooksLikeReference(text.ToUpperInvariant()) || TitleQuery(text) is not null)
            {
                _search = text;
            }
            else
            {
                FilterErrors["q"] = "Type words of the title or a case reference (for example CPO-2026-000012).";
            }
        }

        _stage = Defined(Filter.Stage);
        if (Refused("stage") || (Filter.Stage is not null && _stage is null))
        {
            FilterErrors["stage"] = "Choose a stage from the list.";
        }
        _approach = Defined(Filter.Approach);
        if (Refused("approach") || (Filter.Approach is not null && _approach is null))
        {
            FilterErrors["approach"] = "Choose an approach from the list.";
        }
        _scope = Defined(Filter.Scope);
        if (Refused("scope") || (Filter.Scope is not null && _scope is null))
        {
            FilterErrors["scope"] = "Choose a scope from the list.";
        }
        _person = Filter.Person;
        if (Refused("person"))
        {
            FilterErrors["person"] = "Choose a person from the list.";
        }
        _from = Filter.From;
        if (Refused("from"))
        {
            FilterErrors["from"] = "Enter the date as YYYY-MM-DD.";
        }
        _to = Filter.To;
        if (Refused("to"))
        {
            FilterErrors["to"] = "Enter the date as YYYY-MM-DD.";
        }
        if (_from is { } from && _to is { } to && to < from)
        {
            FilterErrors["to"] = "The end date is before the start date, so the dates were not applied.";
            _from = null;
            _to = null;
        }

        _openOnly = Filter.Open == true;
        _purpose = Defined(Filter.Purpose);
        if (Refused("purpose") || (Filter.Purpose is not null && _purpose is null))
        {
            FilterErrors["purpose"] = "Choose a form of exploitation from the list.";
        }
        _overdueTasks = string.Equals(Filter.Overdue, OverdueTasks, StringComparison.Ordinal);
        if (Filter.Overdue is not null && !_overdueTasks)
        {
            FilterErrors["overdue"] = "Only overdue tasks can be filtered on (overdue=tasks).";
        }
        _outcome = Filter.Outcome is { } outcome && Enum.IsDefined(outcome) && CaseFilters.IsVerdict(outcome) ? outcome : null;
        if (Refused("outcome") || (Filter.Outcome is not null && _outcome is null))
        {
            FilterErrors["outcome"] = "Only convictions and acquittals can be filtered on (outcome=Convicted or outcome=Acquitted).";
        }
        _asset = Defined(Filter.Asset);
        if (Refused("asset") || (Filter.Asset is not null && _asset is null))
        {
            FilterErrors["asset"] = "Choose a step of an asset's life from the list (asset=Frozen, for example).";
        }
        _assignee = Filter.Assignee;
        if (Refused("assignee"))
        {
            FilterErrors["assignee"] = "Choose a person from the list.";
        }

        Sort = Defined(Filter.Sort) ?? CaseSort.OpenedOn;
        Direction = Defined(Filter.Dir) ?? DefaultDirection(Sort);
    }

    private IQueryable<Case> Narrow(IQueryable<Case> query)
    {
        if (_search is { } text)
        {
            var reference = text.ToUpperInvariant();
            if (LooksLikeReference(reference))
            {
                query = query.Where(c => c.Reference.StartsWith(reference));
            }
            else
            {
                var tsQuery = TitleQuery(text)!;
                query = query.Where(c => EF.Property<NpgsqlTsVector>(c, CaseConfiguration.SearchVector)
                    .Matches(EF.Functions.ToTsQuery("simple", tsQuery)));
            }
        }
        if (_stage is { } stage)
        {
            query = query.Where(c => c.Stage == stage);
        }
        if (_approach is { } approach)
        {
            query = query.Where(c => c.Approach == approach);
        }
        if (_scope is { } scope)
        {
            query = query.Where(c => c.Scope == scope);
        }
        if (_person is { } person)
        {
            query = query.Where(c => c.Team.Any(m => m.UserId == person));
        }
        query = query.OpenedBetween(_from, _to);
        if (_openOnly)
        {
            query = query.Where(CaseFilters.IsOpen);
        }
        if (_purpose is { } purpose)
        {
            query = query.WithVictimExploitedFor(db, purpose);
        }
        if (_overdueTasks || _assignee is not null)
        {
            query = query.WithOpenTasks(clock.Today(), _overdueTasks, _assignee);
        }
        if (_outcome is { } verdict)
        {
            query = query.WithVerdict(db, verdict);
        }
        if (_asset is { } step)
        {
            query = query.WithAssetAt(db, step);
        }
        return query;
    }

    /// <summary>Orders by (key, id) in the chosen direction and, on a later page (a parsable
    /// <paramref name="afterKey"/> of the key's type and an id), keeps only the rows after the last one shown, with a row-value comparison PostgreSQL answers from an index
    /// where there is one: <c>WHERE (opened_on, id) &lt; ($1, $2)</c>.</summary>
    private IQueryable<Case> Seek<TKey>(IQueryable<Case> query, Expression<Func<Case, TKey>> key, object? afterKey, Guid? afterId)
    {
        var descending = Direction == SortDirection.Descending;
        if (afterKey is TKey last && afterId is { } id)
        {
            Expression<Func<TKey, Guid, bool>> after = descending
                ? (k, i) => EF.Functions.LessThan(ValueTuple.Create(k, i), ValueTuple.Create(last, id))
                : (k, i) => EF.Functions.GreaterThan(ValueTuple.Create(k, i), ValueTuple.Create(last, id));
            var row = key.Parameters[0];
            var body = new Substitute(new Dictionary<ParameterExpression, Expression>
            {
                [after.Parameters[0]] = key.Body,
                [after.Parameters[1]] = Expression.Property(row, nameof(Case.Id)),
            }).Visit(after.Body);
            query = query.Where(Expression.Lambda<Func<Case, bool>>(body, row));
            IsLaterPage = true;
        }
        return descending
            ? query.OrderByDescending(key).ThenByDescending(c => c.Id)
            : query.OrderBy(key).ThenBy(c => c.Id);
    }

    private static Expression<Func<Case, int>> BuildStageOrder()
    {
        var c = Expression.Parameter(typeof(Case), "c");
        var stage = Expression.Property(c, nameof(Case.Stage));
        Expression order = Expression.Constant(0);
        foreach (var value in Enum.GetValues<CaseStage>().Reverse())
        {
            order = Expression.Condition(Expression.Equal(stage, Expression.Constant(value)), Expression.Constant((int)value), order);
        }
        return Expression.Lambda<Func<Case, int>>(order, c);
    }

    private static int? ParseStageOrder(string? value) =>
        Enum.TryParse<CaseStage>(value, ignoreCase: false, out var stage) && Enum.IsDefined(stage) && !int.TryParse(value, out _)
            ? (int)stage
            : null;

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static T? Defined<T>(T? value) where T : struct, Enum =>
        value is { } v && Enum.IsDefined(v) ? v : null;

    private static SortDirection Opposite(SortDirection direction) =>
        direction == SortDirection.Ascending ? SortDirection.Descending : SortDirection.Ascending;

    private static bool IsCombiningMark(char ch) =>
        char.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    // An office code, then optionally the year and the number, each possibly cut short.
    [GeneratedRegex(@"^[A-Z]{2,6}-(\d{0,3}|\d{4}(-\d{0,6})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePrefix();

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }

    public sealed record Query
    {
        [FromQuery(Name = "q")] public string? Q { get; init; }

        [FromQuery(Name = "stage")] public CaseStage? Stage { get; init; }

        [FromQuery(Name = "approach")] public InvestigationApproach? Approach { get; init; }

        [FromQuery(Name = "scope")] public CaseScope? Scope { get; init; }

        [FromQuery(Name = "person")] public Guid? Person { get; init; }

        [FromQuery(Name = "from")] public DateOnly? From { get; init; }

        [FromQuery(Name = "to")] public DateOnly? To { get; init; }

        [FromQuery(Name = "sort")] public CaseSort? Sort { get; init; }

        [FromQuery(Name = "dir")] public SortDirection? Dir { get; init; }

        /// <summary>Open cases only (not closed or discontinued).</summary>
        [FromQuery(Name = "open")] public bool? Open { get; init; }

        /// <summary>Cases with a victim who suffered this form of exploitation.</summary>
        [FromQuery(Name = "purpose")] public ExploitationForm? Purpose { get; init; }

        /// <summary>"tasks": open cases with an overdue task (of <see cref="Assignee"/> when given).</summary>
        [FromQuery(Name = "overdue")] public string? Overdue { get; init; }

        /// <summary>Open cases with an open task assigned to this person.</summary>
        [FromQuery(Name = "assignee")] public Guid? Assignee { get; init; }

        /// <summary>Cases with a charge decided by this verdict (Convicted or Acquitted).</summary>
        [FromQuery(Name = "outcome")] public TipCases.Domain.Charges.ChargeStatus? Outcome { get; init; }

        /// <summary>Cases with an asset now at this step.</summary>
        [FromQuery(Name = "asset")] public TipCases.Domain.Assets.AssetStep? Asset { get; init; }

        /// <summary>Keyset: an opaque token holding the sort key and id of the last row of the previous page.</summary>
        [FromQuery(Name = "after")] public string? After { get; init; }
    }

    /// <summary>Where the next page starts: after the row with this sort key (as text) and id.</summary>
    private sealed record Cursor(CaseSort Sort, SortDirection Direction, string Key, Guid Id);

    public sealed record Row(Guid Id, string Reference, string Title, CaseStage Stage, InvestigationApproach Approach,
        CaseScope Scope, DateOnly OpenedOn, string? LeadName, int TeamSize)
    {
        public string StageName => Stage.DisplayName();
    }

    public sealed record Person(Guid Id, string DisplayName);
}

public enum CaseSort
{
    OpenedOn = 1,
    Reference = 2,
    Title = 3,
    Stage = 4,
}

public enum SortDirection
{
    Ascending = 1,
    Descending = 2,
}
