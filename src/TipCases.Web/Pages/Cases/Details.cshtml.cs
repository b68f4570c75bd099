using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain.Cases;
using TipCases.Web.Data;
using TipCases.Web.Security;
using TipCases.Web.Infrastructure;

namespace TipCases.Web.Pages.Cases;

/// <summary>The case file: overview, team, stage history, tasks, linked cases and recent history.
/// Later features add their sections (victims, charges, cooperation) here.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.WorkOnCases)]
public sealed class DetailsModel(CaseQueries cases, PeopleDirectory people, CaseHistory history, Victims.CaseVictims caseVictims,
    TimeProvider clock) : PageModel
{
    public Case Case { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<LinkedCase> LinkedCases { get; private set; } = [];

    public IReadOnlyList<CaseHistory.Entry> RecentHistory { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public CaseViewerPermissions Can { get; private set; } = null!;

    public string? Message { get; private set; }

    public Victims.CaseVictimsViewModel Victims { get; private set; } = null!;

    /// <summary>Why a change made from this page was not saved (someone else changed the case meanwhile).</summary>
    public string? Warning { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.Read, ct, withTasks: true, withHistory: true, withLinks: true);
        if (load.Case is null)
        {
            return NotFound();
        }
        Case = load.Case;
        Today = clock.Today();
        Can = CaseViewerPermissions.For(User, Case);
        Names = await people.NamesAsync(
            Case.Team.Select(m => m.UserId).Concat(Case.Tasks.Select(t => t.AssigneeId)).Concat(Case.StageHistory.Select(h => h.ByUserId)), ct);
        // Only linked cases this user may read are shown: a link must not reveal another case.
        var linkedIds = Case.Links.Select(l => l.LinkedCaseId).ToList();
        var visibleLinked = await cases.Visible(User).AsNoTracking().Where(c => linkedIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Reference, c.Title, c.Stage }).ToListAsync(ct);
        LinkedCases = Case.Links
            .Join(visibleLinked, l => l.LinkedCaseId, c => c.Id, (l, c) => new LinkedCase(c.Id, c.Reference, c.Title, c.Stage, l.Note))
            .OrderBy(l => l.Reference, StringComparer.Ordinal)
            .ToList();
        RecentHistory = (await history.PageAsync(Case.Id, User, before: null, size: 10, ct)).Entries;
        Message = TempData["Message"] as string;
        Warning = TempData["Warning"] as string;
        Victims = new(Case.Id, Domain.Victims.VictimAccessRule.MayRecordVictimOn(User.ToCaseViewer(), Case) && Case.IsOpen,
            await caseVictims.ForCaseAsync(Case.Id, ct));
        return Page();
    }

    public sealed record LinkedCase(Guid Id, string Reference, string Title, CaseStage Stage, string? Note);
}

/// <summary>What the signed-in user may do on one case, for showing only the actions they can take.
/// The pages that perform the actions check again.</summary>
public sealed record CaseViewerPermissions(bool EditDetails, bool ChangeStage, bool AddMembers, bool ManageTeam, bool AddTask, bool LinkCases)
{
    public static CaseViewerPermissions For(System.Security.Claims.ClaimsPrincipal user, Case c)
    {
        var viewer = user.ToCaseViewer();
        bool Allows(CaseOperation op) => CaseAccessRule.Allows(viewer, c, op);
        return new CaseViewerPermissions(Allows(CaseOperation.EditDetails), Allows(CaseOperation.ChangeStage),
            Allows(CaseOperation.AddMembers), Allows(CaseOperation.ManageTeam), Allows(CaseOperation.AddTask), Allows(CaseOperation.LinkCases));
    }
}
