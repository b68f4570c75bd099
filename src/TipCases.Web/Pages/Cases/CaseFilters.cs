using System.Linq.Expressions;
using TipCases.Domain.Assets;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Victims;
using TipCases.Web.Data;

namespace TipCases.Web.Pages.Cases;

/// <summary>
/// The conditions the dashboard counts by and the case list filters by, written once so that a
/// figure and the list its link opens can never disagree (the dashboard tests hold them to it).
/// Each narrows a query that already went through <see cref="CaseQueries.Visible"/>.
/// </summary>
public static class CaseFilters
{
    /// <summary>Cases still being worked on (not closed, not discontinued).</summary>
    public static Expression<Func<Case, bool>> IsOpen { get; } =
        c => c.Stage != CaseStage.Closed && c.Stage != CaseStage.Discontinued;

    /// <summary>Cases opened within the dates (either may be open-ended).</summary>
    public static IQueryable<Case> OpenedBetween(this IQueryable<Case> query, DateOnly? from, DateOnly? to)
    {
        if (from is { } f)
        {
            query = query.Where(c => c.OpenedOn >= f);
        }
        if (to is { } t)
        {
            query = query.Where(c => c.OpenedOn <= t);
        }
        return query;
    }

    /// <summary>Cases on whose team the person is.</summary>
    public static IQueryable<Case> WithMember(this IQueryable<Case> query, Guid userId) =>
        query.Where(c => c.Team.Any(m => m.UserId == userId));

    /// <summary>A task that is still open and was due before today.</summary>
    public static Expression<Func<CaseTask, bool>> OverdueTask(DateOnly today) => t => t.DoneAt == null && t.DueOn < today;

    /// <summary>
    /// Open cases with an open task (overdue ones only when <paramref name="overdueOnly"/>), assigned
    /// to <paramref name="assignee"/> when one is given: the same task must meet every condition.
    /// A closed or discontinued case takes no changes, so its forgotten tasks are not "overdue work".
    /// </summary>
    public static IQueryable<Case> WithOpenTasks(this IQueryable<Case> query, DateOnly today, bool overdueOnly, Guid? assignee)
    {
        query = query.Where(IsOpen);
        return (overdueOnly, assignee) switch
        {
            (true, { } who) => query.Where(c => c.Tasks.Any(t => t.DoneAt == null && t.DueOn < today && t.AssigneeId == who)),
            (true, null) => query.Where(c => c.Tasks.Any(t => t.DoneAt == null && t.DueOn < today)),
            (false, { } who) => query.Where(c => c.Tasks.Any(t => t.DoneAt == null && t.AssigneeId == who)),
            _ => query.Where(c => c.Tasks.Any(t => t.DoneAt == null)),
        };
    }

    /// <summary>Cases with a victim who suffered this form of exploitation.</summary>
    public static IQueryable<Case> WithVictimExploitedFor(this IQueryable<Case> query, TipCasesDbContext db, ExploitationForm form) =>
        query.Where(c => db.CaseVictims.Any(l => l.CaseId == c.Id && db.Victims.Any(v => v.Id == l.VictimId && v.Exploitation.Contains(form))));

    /// <summary>The verdicts a case's outcome can be filtered on (<c>outcome=Convicted</c> or <c>outcome=Acquitted</c>).</summary>
    public static bool IsVerdict(ChargeStatus status) => status is ChargeStatus.Convicted or ChargeStatus.Acquitted;

    /// <summary>Cases with at least one charge decided by this verdict (a conviction or an acquittal).</summary>
    public static IQueryable<Case> WithVerdict(this IQueryable<Case> query, TipCasesDbContext db, ChargeStatus verdict) =>
        query.Where(c => db.Charges.Any(ch => ch.CaseId == c.Id && ch.Status == verdict));

    /// <summary>Cases with an asset now at this step of its life (identified, frozen, ... disposed).</summary>
    public static IQueryable<Case> WithAssetAt(this IQueryable<Case> query, TipCasesDbContext db, AssetStep step) =>
        query.Where(c => db.Assets.Any(a => a.CaseId == c.Id && a.CurrentStep == step));
}
