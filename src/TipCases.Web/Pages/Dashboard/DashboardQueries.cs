using System.Linq.Expressions;
using System.Security.Claims;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Pages.Victims;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Dashboard;

/// <summary>Whose cases the figures count.</summary>
public enum DashboardScope
{
    /// <summary>Every case of the office the user may read (supervisors: the whole office).</summary>
    Office = 1,

    /// <summary>The cases on whose team the user is ("My work").</summary>
    MyCases = 2,
}

/// <summary>
/// Every figure of the supervisors' dashboard and of "My work", counted in PostgreSQL: each section
/// is one aggregate query (GROUP BY, or one pass with a count per condition), never rows loaded to
/// be counted here. Cases come only from <see cref="CaseQueries.Visible"/>; victims are those linked
/// to one of those cases, which is the victim access rule. Conditions come from
/// <see cref="CaseFilters"/> and <see cref="VictimFilters"/>, which the case and victim lists use
/// too, so a figure and the list its link opens always agree.
/// </summary>
/// <remarks>
/// Sections waiting for features built elsewhere (outcomes from charges and verdicts, hearings
/// without trial measures, overdue cooperation requests, assets confiscated and allocated) add a
/// method here and a section to <c>_Figures.cshtml</c>.
/// </remarks>
public sealed class DashboardQueries(CaseQueries cases, TipCasesDbContext db, TimeProvider clock)
{
    /// <summary>The cases the figures count: readable, opened in the period, and on the user's own team for <see cref="DashboardScope.MyCases"/>.</summary>
    public IQueryable<Case> Cases(ClaimsPrincipal user, DashboardScope scope, DashboardPeriod period)
    {
        var query = cases.Visible(user).AsNoTracking().OpenedBetween(period.From, period.To);
        return scope == DashboardScope.MyCases ? query.WithMember(user.UserId()) : query;
    }

    public async Task<DashboardFigures> FiguresAsync(ClaimsPrincipal user, DashboardScope scope, DashboardPeriod period, CancellationToken ct)
    {
        var today = clock.Today();
        var scoped = Cases(user, scope, period);
        var groups = await CaseGroupsAsync(scoped, ct);
        var people = scope == DashboardScope.Office ? await PeopleAsync(scoped, today, ct) : [];
        var overdue = await OverdueTasksAsync(scoped, today, ct);
        var purposes = await PurposesAsync(scoped, ct);
        var victims = await VictimCountsAsync(scoped, today, ct);
        var compensation = await CompensationAsync(scoped, ct);
        var outcomes = await OutcomesAsync(scoped, ct);
        return new DashboardFigures(today, scope, period, user.UserId(), groups, people, overdue, purposes, victims, compensation)
        {
            Outcomes = outcomes,
        };
    }

    /// <summary>Cases by stage, approach and scope in one GROUP BY (at most 28 rows); the page adds them up as it needs.</summary>
    private static async Task<IReadOnlyList<CaseGroup>> CaseGroupsAsync(IQueryable<Case> scoped, CancellationToken ct) =>
        await scoped
            .GroupBy(c => new { c.Stage, c.Approach, c.Scope })
            .Select(g => new CaseGroup(g.Key.Stage, g.Key.Approach, g.Key.Scope, g.Count()))
            .ToListAsync(ct);

    /// <summary>Open cases per person on the team and stage, and their overdue tasks: two GROUP BYs and the names.</summary>
    private async Task<IReadOnlyList<PersonLoad>> PeopleAsync(IQueryable<Case> scoped, DateOnly today, CancellationToken ct)
    {
        var open = scoped.Where(CaseFilters.IsOpen);
        var byStage = await open
            .SelectMany(c => c.Team, (c, m) => new { m.UserId, c.Stage })
            .GroupBy(x => new { x.UserId, x.Stage })
            .Select(g => new { g.Key.UserId, g.Key.Stage, Count = g.Count() })
            .ToListAsync(ct);
        var overdue = await open
            .SelectMany(c => c.Tasks.AsQueryable().Where(CaseFilters.OverdueTask(today)))
            .GroupBy(t => t.AssigneeId)
            .Select(g => new { UserId = g.Key, Tasks = g.Count(), Cases = g.Select(t => t.CaseId).Distinct().Count() })
            .ToListAsync(ct);
        var ids = byStage.Select(x => x.UserId).Concat(overdue.Select(x => x.UserId)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.IsActive })
            .ToDictionaryAsync(u => u.Id, ct);
        return ids
            .Select(id =>
            {
                var stages = OpenStages.ToDictionary(s => s, s => byStage.Where(x => x.UserId == id && x.Stage == s).Sum(x => x.Count));
                var late = overdue.FirstOrDefault(x => x.UserId == id);
                var name = names.TryGetValue(id, out var n) ? n.DisplayName : "Unknown person";
                return new PersonLoad(id, name, names.TryGetValue(id, out var a) && a.IsActive, stages, stages.Values.Sum(),
                    late?.Cases ?? 0, late?.Tasks ?? 0);
            })
            .OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).ThenBy(p => p.UserId)
            .ToList();
    }

    /// <summary>Open cases with an overdue task, and how many such tasks there are, in one pass.</summary>
    private static async Task<OverdueTasks> OverdueTasksAsync(IQueryable<Case> scoped, DateOnly today, CancellationToken ct)
    {
        var row = await scoped.Where(CaseFilters.IsOpen)
            .SelectMany(c => c.Tasks.AsQueryable().Where(CaseFilters.OverdueTask(today)))
            .GroupBy(t => 1)
            .Select(g => new OverdueTasks(g.Select(t => t.CaseId).Distinct().Count(), g.Count()))
            .SingleOrDefaultAsync(ct);
        return row ?? new OverdueTasks(0, 0);
    }

    /// <summary>Cases and victims by the exploitation the victims suffered (unnest of each victim's forms, one GROUP BY).</summary>
    private async Task<IReadOnlyList<PurposeCount>> PurposesAsync(IQueryable<Case> scoped, CancellationToken ct)
    {
        var caseIds = scoped.Select(c => c.Id);
        var rows = await (
                from l in db.CaseVictims
                where caseIds.Contains(l.CaseId)
                join v in db.Victims on l.VictimId equals v.Id
                from form in v.Exploitation
                select new { form, l.CaseId, l.VictimId })
            .GroupBy(x => x.form)
            .Select(g => new { Form = g.Key, Cases = g.Select(x => x.CaseId).Distinct().Count(), Victims = g.Select(x => x.VictimId).Distinct().Count() })
            .ToListAsync(ct);
        return Enum.GetValues<ExploitationForm>()
            .Select(f => rows.FirstOrDefault(r => r.Form == f) is { } r ? new PurposeCount(f, r.Cases, r.Victims) : new PurposeCount(f, 0, 0))
            .ToList();
    }

    /// <summary>
    /// Victims of the counted cases: how many, how many children, and how many need attention, in
    /// one pass over them (each condition from <see cref="VictimFilters"/> becomes a column that
    /// the aggregate counts).
    /// </summary>
    private async Task<VictimCounts> VictimCountsAsync(IQueryable<Case> scoped, DateOnly today, CancellationToken ct)
    {
        var inScope = db.Victims.AsNoTracking().OnCases(scoped);
        var row = await inScope
            .Select(Flags(today))
            .GroupBy(x => 1)
            .Select(g => new VictimCounts(
                g.Count(),
                g.Count(x => x.Child),
                g.Count(x => x.ChildUnknown),
                g.Count(x => x.WithoutRecentSupport),
                g.Count(x => x.FollowUpOverdue),
                g.Count(x => x.PermitExpiring),
                g.Count(x => x.PermitExpired)))
            .SingleOrDefaultAsync(ct);
        return row ?? new VictimCounts(0, 0, 0, 0, 0, 0, 0);
    }

    /// <summary>Claims on the counted cases, per currency (amounts in different currencies are never added up).</summary>
    private async Task<IReadOnlyList<CompensationTotal>> CompensationAsync(IQueryable<Case> scoped, CancellationToken ct)
    {
        var caseIds = scoped.Select(c => c.Id);
        return await db.Set<CompensationClaim>().AsNoTracking()
            .Where(c => caseIds.Contains(c.CaseId))
            .GroupBy(c => c.Currency)
            .OrderBy(g => g.Key)
            .Select(g => new CompensationTotal(
                g.Key,
                g.Count(),
                g.Select(c => c.VictimId).Distinct().Count(),
                g.Sum(c => c.AmountClaimed),
                g.Sum(c => c.AmountAwarded ?? 0m),
                g.Sum(c => c.AmountPaid)))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Outcomes of the counted cases: how many have a conviction, how many an acquittal (conditions
    /// from <see cref="CaseFilters.WithVerdict"/>), and the median days from intake (the case's
    /// opened-on date) to its first verdict. One GROUP BY per case over its decided charges, summed
    /// in SQL; the median reads only the one or two middle rows of that per-case result, ordered in SQL.
    /// </summary>
    private async Task<Outcomes> OutcomesAsync(IQueryable<Case> scoped, CancellationToken ct)
    {
        var perCase =
            from ch in db.Charges
            where ch.Status == ChargeStatus.Convicted || ch.Status == ChargeStatus.Acquitted
            group ch by ch.CaseId into g
            select new
            {
                CaseId = g.Key,
                Convicted = g.Max(x => x.Status == ChargeStatus.Convicted ? 1 : 0),
                Acquitted = g.Max(x => x.Status == ChargeStatus.Acquitted ? 1 : 0),
                VerdictOn = g.Min(x => x.StatusOn),
            };
        var decided =
            from p in perCase
            join c in scoped on p.CaseId equals c.Id
            select new { p.Convicted, p.Acquitted, Days = p.VerdictOn.DayNumber - c.OpenedOn.DayNumber };
        var totals = await decided
            .GroupBy(x => 1)
            .Select(g => new { Convicted = g.Sum(x => x.Convicted), Acquitted = g.Sum(x => x.Acquitted), Cases = g.Count() })
            .SingleOrDefaultAsync(ct);
        if (totals is null || totals.Cases == 0)
        {
            return new Outcomes(0, 0, 0, null);
        }
        // percentile_cont(0.5): the middle value, or the mean of the two middle values.
        var middle = await decided.Select(x => x.Days).OrderBy(d => d)
            .Skip((totals.Cases - 1) / 2).Take(totals.Cases % 2 == 0 ? 2 : 1)
            .ToListAsync(ct);
        return new Outcomes(totals.Convicted, totals.Acquitted, totals.Cases, middle.Average());
    }

    /// <summary><c>v => new VictimFlags { Child = ..., WithoutRecentSupport = (the filter's condition), ... }</c>,
    /// built from the very expressions the victim list filters by.</summary>
    private static Expression<Func<Victim, VictimFlags>> Flags(DateOnly today)
    {
        var v = Expression.Parameter(typeof(Victim), "v");
        Expression Body(Expression<Func<Victim, bool>> condition) => new Rebind(condition.Parameters[0], v).Visit(condition.Body);
        MemberAssignment Bind(string property, Expression<Func<Victim, bool>> condition) =>
            Expression.Bind(typeof(VictimFlags).GetProperty(property)!, Body(condition));
        var init = Expression.MemberInit(Expression.New(typeof(VictimFlags)),
            Bind(nameof(VictimFlags.Child), x => x.ChildStatus == ChildStatus.Child),
            Bind(nameof(VictimFlags.ChildUnknown), x => x.ChildStatus == ChildStatus.Unknown),
            Bind(nameof(VictimFlags.WithoutRecentSupport), VictimFilters.Needs(VictimAttention.WithoutRecentSupport, today)),
            Bind(nameof(VictimFlags.FollowUpOverdue), VictimFilters.Needs(VictimAttention.FollowUpOverdue, today)),
            Bind(nameof(VictimFlags.PermitExpiring), VictimFilters.Needs(VictimAttention.PermitExpiring, today)),
            Bind(nameof(VictimFlags.PermitExpired), VictimFilters.Needs(VictimAttention.PermitExpired, today)));
        return Expression.Lambda<Func<Victim, VictimFlags>>(init, v);
    }

    public static IReadOnlyList<CaseStage> OpenStages { get; } =
        [CaseStage.Intake, CaseStage.Investigation, CaseStage.PreTrial, CaseStage.Trial, CaseStage.PostTrial];

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <summary>One victim's conditions, as columns for the aggregate to count.</summary>
    private sealed class VictimFlags
    {
        public bool Child { get; init; }

        public bool ChildUnknown { get; init; }

        public bool WithoutRecentSupport { get; init; }

        public bool FollowUpOverdue { get; init; }

        public bool PermitExpiring { get; init; }

        public bool PermitExpired { get; init; }
    }
}

public sealed record CaseGroup(CaseStage Stage, InvestigationApproach Approach, CaseScope Scope, int Count);

/// <param name="OpenByStage">Open cases on whose team the person is, per open stage.</param>
/// <param name="OverdueCases">Open cases where the person has an overdue task.</param>
public sealed record PersonLoad(Guid UserId, string DisplayName, bool IsActive, IReadOnlyDictionary<CaseStage, int> OpenByStage, int OpenCases,
    int OverdueCases, int OverdueTasks);

public sealed record OverdueTasks(int Cases, int Tasks);

/// <param name="Decided">Cases with at least one verdict (conviction or acquittal).</param>
/// <param name="MedianDaysToVerdict">Median days from the case's opening to its first verdict; null when none.</param>
public sealed record Outcomes(int Convicted, int Acquitted, int Decided, double? MedianDaysToVerdict);

public sealed record PurposeCount(ExploitationForm Form, int Cases, int Victims);

public sealed record VictimCounts(int Total, int Children, int ChildStatusUnknown, int WithoutRecentSupport, int FollowUpsOverdue,
    int PermitsExpiring, int PermitsExpired)
{
    /// <summary>Every victim is a child, an adult or not known yet (<see cref="ChildStatus"/>).</summary>
    public int Adults => Total - Children - ChildStatusUnknown;
}

public sealed record CompensationTotal(string Currency, int Claims, int Victims, decimal Claimed, decimal Awarded, decimal Paid)
{
    public decimal Outstanding => Awarded - Paid;
}

/// <summary>Everything the dashboard shows, for one user, scope and period.</summary>
public sealed record DashboardFigures(
    DateOnly Today,
    DashboardScope Scope,
    DashboardPeriod Period,
    Guid UserId,
    IReadOnlyList<CaseGroup> Groups,
    IReadOnlyList<PersonLoad> People,
    OverdueTasks Overdue,
    IReadOnlyList<PurposeCount> Purposes,
    VictimCounts Victims,
    IReadOnlyList<CompensationTotal> Compensation)
{
    /// <summary>Convictions, acquittals and time to verdict on the counted cases.</summary>
    public Outcomes Outcomes { get; init; } = new(0, 0, 0, null);

    public int TotalCases => Groups.Sum(g => g.Count);

    public int OpenCases => Groups.Where(g => g.Stage is not (CaseStage.Closed or CaseStage.Discontinued)).Sum(g => g.Count);

    public int CasesAt(CaseStage stage) => Groups.Where(g => g.Stage == stage).Sum(g => g.Count);

    public int CasesWith(InvestigationApproach? approach, CaseScope? scope) =>
        Groups.Where(g => (approach is null || g.Approach == approach) && (scope is null || g.Scope == scope)).Sum(g => g.Count);

    /// <summary>The query parameters of a list link: the period, the user's own cases for
    /// <see cref="DashboardScope.MyCases"/>, and the figure's own condition.</summary>
    public Dictionary<string, string> Link(params (string Name, string Value)[] condition)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal);
        Period.AddTo(route);
        if (Scope == DashboardScope.MyCases)
        {
            route["person"] = UserId.ToString();
        }
        foreach (var (name, value) in condition)
        {
            route[name] = value;
        }
        return route;
    }
}
