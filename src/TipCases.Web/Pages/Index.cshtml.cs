using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain.Cases;
using TipCases.Domain.Staff;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages;

/// <summary>"My work": the home page of every signed-in user. People who work on cases see their
/// open tasks and their cases; administrators see links to what they manage.</summary>
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

    public sealed class Handler(CaseQueries cases, TimeProvider clock) : IPageHandler
    {
        /// <summary>How many tasks and cases the page lists; the rest are reached from the case list.</summary>
        public const int Limit = 50;

        public async Task<MyWork> HandleAsync(ClaimsPrincipal user, CancellationToken ct)
        {
            var userId = user.UserId();
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
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

            int? officeOpenCases = user.ToCaseViewer().IsSupervisor
                ? await visible.CountAsync(c => c.Stage != CaseStage.Closed && c.Stage != CaseStage.Discontinued, ct)
                : null;

            return new MyWork(today, tasks.Take(Limit).ToList(), tasks.Count > Limit,
                myCases.Take(Limit).ToList(), myCases.Count > Limit, officeOpenCases);
        }
    }

    public sealed record MyWork(DateOnly Today, IReadOnlyList<TaskRow> Tasks, bool MoreTasks,
        IReadOnlyList<CaseRow> Cases, bool MoreCases, int? OfficeOpenCases)
    {
        public static MyWork Empty { get; } = new(default, [], false, [], false, null);
    }

    public sealed record TaskRow(Guid Id, string Title, DateOnly DueOn, Guid CaseId, string CaseReference, string CaseTitle);

    public sealed record CaseRow(Guid Id, string Reference, string Title, CaseStage Stage, TeamRole MyRole, bool IsLead);
}
