using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain.Cases;
using TipCases.Domain.Staff;
using TipCases.Web.Data;
using TipCases.Web.Data.ReadModels;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Pages.Victims;
using TipCases.Web.Security;

namespace TipCases.Web.Pages;

/// <summary>"My work": the home page of every signed-in user. People who work on cases see their
/// open tasks and their cases, and liaison officers the victims they support whose follow-up is
/// due or who have had no support step for a while; administrators see links to what they manage.</summary>
public sealed class IndexModel(IndexModel.Handler handler) : PageModel
{
    public bool IsAdministrator { get; private set; }

    public string RoleNames { get; private set; } = "";

    public MyWork Work { get; private set; } = MyWork.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsAdministrator = User.IsInRole(Roles.Administrator);
        RoleNames = string.Join(", ", StaffRoles.All.Where(r => User.IsInRole(r.ToString())).Select(r => r.DisplayName()));
        if (!IsAdministrator)
        {
            Work = await handler.HandleAsync(User, ct);
        }
    }

    public sealed class Handler(CaseQueries cases, VictimQueries victims, TipCasesDbContext db, Dashboard.DashboardFiguresReader figures, TimeProvider clock)
        : IPageHandler
    {
        /// <summary>How many tasks and cases the page lists; the rest are reached from the case list.</summary>
        public const int Limit = 50;

        /// <summary>Follow-ups due within this many days are listed (overdue ones too).</summary>
        public const int FollowUpHorizonDays = 7;

        /// <summary>A victim without a support step for longer than this is listed as needing contact.</summary>
        public const int SupportGapDays = 30;

        public async Task<MyWork> HandleAsync(ClaimsPrincipal user, CancellationToken ct)
        {
            var userId = user.UserId();
            var today = clock.Today();
            // Every query starts from the cases the user may read, so a task or membership on a
            // case they no longer may read (another office's, say) never shows.
            var visible = cases.Visible(user).AsNoTracking();

            // Ordering by due date puts overdue tasks (due before today) first.
            var tasks = await visible
                .SelectMany(c => c.Tasks.Where(t => t.AssigneeId == userId && t.DoneAt == null),
                    (c, t) => new { t.Id, t.Title, t.DueOn, CaseId = c.Id, c.Reference, CaseTitle = c.Title })
                .OrderBy(t => t.DueOn).ThenBy(t => t.Reference).ThenBy(t => t.Id)
                .Take(Limit + 1)
                .Select(t => new TaskRow(t.Id, t.Title, t.DueOn, t.CaseId, t.Reference, t.CaseTitle))
                .ToListAsync(ct);

            // Supervisors read every case of their office; "my cases" are still the ones whose team they are on.
            var myCases = await visible
                .SelectMany(c => c.Team.Where(m => m.UserId == userId),
                    (c, m) => new { c.Id, c.Reference, c.Title, c.Stage, c.StageChangedAt, m.Role, m.IsLead })
                .OrderByDescending(x => x.StageChangedAt).ThenBy(x => x.Reference)
                .Take(Limit + 1)
                .Select(x => new CaseRow(x.Id, x.Reference, x.Title, x.Stage, x.Role, x.IsLead))
                .ToListAsync(ct);

            // A supervisor's office count: the dashboard's, as of its last round (the same figure,
            // and counting half a million open cases on every visit is what a round is for);
            // counted here only when there is none fresh enough.
            int? officeOpenCases = null;
            DateTimeOffset? officeAsOf = null;
            if (user.ToCaseViewer().IsSupervisor)
            {
                if (await figures.KeptForOfficeAsync(user, Dashboard.DashboardPeriod.All, ct) is { } kept)
                {
                    (officeOpenCases, officeAsOf) = (kept.Value.OpenCases, kept.AsOf);
                }
                else
                {
                    officeOpenCases = await visible.CountAsync(c => c.Stage != CaseStage.Closed && c.Stage != CaseStage.Discontinued, ct);
                }
            }

            var (followUps, withoutSupport) = await MyVictimsAsync(user, today, ct);

            return new MyWork(today, tasks.Take(Limit).ToList(), tasks.Count > Limit,
                myCases.Take(Limit).ToList(), myCases.Count > Limit, officeOpenCases, officeAsOf,
                user.IsInRole(Roles.VictimLiaisonOfficer), followUps, withoutSupport);
        }

        /// <summary>
        /// The victims the user is liaison officer of (and may still read): those whose latest
        /// support step set a follow-up due within <see cref="FollowUpHorizonDays"/> days, overdue
        /// first, and those with no step in the last <see cref="SupportGapDays"/> days, those with
        /// none first, then longest first; ties in the order the victims were recorded (their
        /// version 7 ids). The latest step of each victim is read from its support status.
        /// </summary>
        private async Task<(VictimList FollowUps, VictimList WithoutSupport)> MyVictimsAsync(ClaimsPrincipal user, DateOnly today,
            CancellationToken ct)
        {
            var userId = user.UserId();
            var mine = db.VictimSupportStatuses.AsNoTracking().Where(s => s.LiaisonOfficerId == userId);

            var horizon = today.AddDays(FollowUpHorizonDays);
            var followUps = await WalkAsync(user, last =>
            {
                var due = mine.Where(s => s.NextFollowUpOn != null && s.NextFollowUpOn <= horizon);
                if (last is { } after)
                {
                    var (day, id) = after;
                    due = due.Where(s => s.NextFollowUpOn > day || (s.NextFollowUpOn == day && s.VictimId.CompareTo(id) > 0));
                }
                return due.OrderBy(s => s.NextFollowUpOn).ThenBy(s => s.VictimId);
            }, s => s.NextFollowUpOn, ct);

            var since = today.AddDays(-SupportGapDays);
            var never = await WalkAsync(user, last =>
            {
                var none = mine.Where(s => s.LatestStepOn == null);
                if (last is { } after)
                {
                    var id = after.Id;
                    none = none.Where(s => s.VictimId.CompareTo(id) > 0);
                }
                return none.OrderBy(s => s.VictimId);
            }, s => null, ct);
            var withoutSupport = never.Count > Limit
                ? never
                : never.Concat(await WalkAsync(user, last =>
                {
                    var old = mine.Where(s => s.LatestStepOn != null && s.LatestStepOn < since);
                    if (last is { } after)
                    {
                        var (day, id) = after;
                        old = old.Where(s => s.LatestStepOn > day || (s.LatestStepOn == day && s.VictimId.CompareTo(id) > 0));
                    }
                    return old.OrderBy(s => s.LatestStepOn).ThenBy(s => s.VictimId);
                }, s => s.LatestStepOn, ct)).ToList();

            var caseIds = followUps.Concat(withoutSupport)
                .SelectMany(x => new[] { x.StepCaseId, x.FirstCaseId }).OfType<Guid>().Distinct().ToList();
            var references = caseIds.Count == 0
                ? []
                : await cases.Visible(user).AsNoTracking().Where(c => caseIds.Contains(c.Id))
                    .Select(c => new { c.Id, c.Reference })
                    .ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
            // The case of the latest step when the user may read it, else the victim's first readable case.
            VictimRow Row(Guid id, string pseudonym, DateOnly? on, Guid? stepCaseId, Guid? firstCaseId)
            {
                var caseId = stepCaseId is { } s && references.ContainsKey(s) ? s : firstCaseId;
                return new VictimRow(id, pseudonym, on, caseId, caseId is { } c ? references.GetValueOrDefault(c) : null);
            }
            return (
                new VictimList(followUps.Take(Limit).Select(x => Row(x.Id, x.Pseudonym, x.On, x.StepCaseId, x.FirstCaseId)).ToList(), followUps.Count > Limit),
                new VictimList(withoutSupport.Take(Limit).Select(x => Row(x.Id, x.Pseudonym, x.On, x.StepCaseId, x.FirstCaseId)).ToList(), withoutSupport.Count > Limit));
        }

        private sealed record Listed(Guid Id, string Pseudonym, DateOnly? On, Guid? StepCaseId, Guid? FirstCaseId);

        /// <summary>
        /// Walks the officer's support statuses in the list's order, a batch at a time (the batch
        /// query takes the last key seen), and keeps the victims the user may read, until
        /// <see cref="Limit"/> + 1 are found or the statuses run out. Each batch is read from the
        /// index on the officer and checked victim by victim, so the cost follows what is shown,
        /// not how many victims the officer looks after (21,000 for some at a million cases).
        /// </summary>
        private async Task<List<Listed>> WalkAsync(ClaimsPrincipal user,
            Func<(DateOnly? Day, Guid Id)?, IQueryable<VictimSupportStatus>> batch, Func<VictimSupportStatus, DateOnly?> shown,
            CancellationToken ct)
        {
            const int BatchSize = 200;
            var readableCaseIds = cases.Visible(user).Select(c => c.Id);
            var found = new List<Listed>();
            (DateOnly? Day, Guid Id)? last = null;
            while (found.Count <= Limit)
            {
                var statuses = await batch(last).Take(BatchSize).ToListAsync(ct);
                if (statuses.Count == 0)
                {
                    break;
                }
                var ids = statuses.Select(s => s.VictimId).ToList();
                var readable = await victims.Visible(user).AsNoTracking().Where(v => ids.Contains(v.Id))
                    .Select(v => new
                    {
                        v.Id,
                        v.Pseudonym,
                        FirstCaseId = v.Cases.Where(l => readableCaseIds.Contains(l.CaseId))
                            .OrderBy(l => l.LinkedAt).Select(l => (Guid?)l.CaseId).FirstOrDefault(),
                    })
                    .ToDictionaryAsync(v => v.Id, ct);
                found.AddRange(statuses.Where(s => readable.ContainsKey(s.VictimId)).Select(s =>
                    new Listed(s.VictimId, readable[s.VictimId].Pseudonym, shown(s), s.LatestStepCaseId, readable[s.VictimId].FirstCaseId)));
                if (statuses.Count < BatchSize)
                {
                    break;
                }
                last = (shown(statuses[^1]), statuses[^1].VictimId);
            }
            return found.Take(Limit + 1).ToList();
        }
    }

    public sealed record MyWork(DateOnly Today, IReadOnlyList<TaskRow> Tasks, bool MoreTasks,
        IReadOnlyList<CaseRow> Cases, bool MoreCases, int? OfficeOpenCases, DateTimeOffset? OfficeOpenCasesAsOf,
        bool IsLiaisonOfficer, VictimList FollowUps, VictimList WithoutSupport)
    {
        public static MyWork Empty { get; } = new(default, [], false, [], false, null, null, false, VictimList.Empty, VictimList.Empty);
    }

    public sealed record VictimList(IReadOnlyList<VictimRow> Rows, bool More)
    {
        public static VictimList Empty { get; } = new([], false);
    }

    /// <param name="On">For a follow-up, the day it is due; for a victim without recent support,
    /// the day of the latest step (null: none yet).</param>
    public sealed record VictimRow(Guid Id, string Pseudonym, DateOnly? On, Guid? CaseId, string? CaseReference);

    public sealed record TaskRow(Guid Id, string Title, DateOnly DueOn, Guid CaseId, string CaseReference, string CaseTitle);

    public sealed record CaseRow(Guid Id, string Reference, string Title, CaseStage Stage, TeamRole MyRole, bool IsLead);
}
