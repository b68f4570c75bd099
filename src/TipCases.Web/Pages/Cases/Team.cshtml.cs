using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using TipCases.Domain;
using TipCases.Domain.Cases;
using TipCases.Web.Data;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Cases;

/// <summary>Supervisors assign and reassign the team and its lead; the lead prosecutor can add members.</summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class TeamModel(CaseQueries cases, PeopleDirectory people, TipCasesDbContext db, TimeProvider clock) : PageModel
{
    public const string ConflictMessage = "Someone else changed the team at the same time. The page now shows the current team; try again.";

    public Guid Id { get; private set; }

    public string Reference { get; private set; } = "";

    public bool CanManage { get; private set; }

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public IReadOnlyList<PeopleDirectory.Candidate> Candidates { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.AddMembers, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        Message = TempData["Message"] as string;
        await ShowAsync(load.Case!, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(Guid id, Guid userId, CancellationToken ct) =>
        ChangeAsync(id, CaseOperations.AddMembers, async c =>
        {
            var candidate = (await people.CandidatesAsync(c.OfficeId, ct)).FirstOrDefault(p => p.UserId == userId)
                ?? throw new DomainRuleViolation("Choose a person of this office who works on cases.");
            c.AddMember(candidate.UserId, candidate.Role, clock.GetUtcNow());
            return $"{candidate.DisplayName} joined the team.";
        }, ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid userId, CancellationToken ct) =>
        ChangeAsync(id, CaseOperations.ManageTeam, c =>
        {
            c.RemoveMember(userId);
            return Task.FromResult("The person left the team.");
        }, ct);

    public Task<IActionResult> OnPostMakeLeadAsync(Guid id, Guid userId, CancellationToken ct) =>
        ChangeAsync(id, CaseOperations.ManageTeam, c =>
        {
            c.MakeLead(userId);
            return Task.FromResult("The lead prosecutor has changed.");
        }, ct);

    private async Task<IActionResult> ChangeAsync(Guid id, OperationAuthorizationRequirement operation,
        Func<Case, Task<string>> change, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, operation, ct, withTasks: true);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var @case = load.Case!;
        try
        {
            TempData["Message"] = await change(@case);
            db.CheckCaseVersionOnSave(@case);
            await db.SaveChangesAsync(ct);
            return RedirectToPage(new { id });
        }
        catch (DomainRuleViolation ex)
        {
            TempData.Remove("Message");
            ModelState.AddModelError(string.Empty, ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData.Remove("Message");
            ModelState.AddModelError(string.Empty, CaseConcurrency.ConflictMessage);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation })
        {
            // Two people added the same person, or made two different leads, at the same moment.
            TempData.Remove("Message");
            ModelState.AddModelError(string.Empty, ConflictMessage);
        }
        db.ChangeTracker.Clear();
        var current = (await cases.LoadAsync(id, User, CaseOperations.Read, ct)).Case;
        if (current is null)
        {
            return NotFound();
        }
        await ShowAsync(current, ct);
        return Page();
    }

    private async Task ShowAsync(Case c, CancellationToken ct)
    {
        Id = c.Id;
        Reference = c.Reference;
        CanManage = CaseAccessRule.Allows(User.ToCaseViewer(), c, CaseOperation.ManageTeam);
        var names = await people.NamesAsync(c.Team.Select(m => m.UserId), ct);
        Members = c.Team
            .Select(m => new Member(m.UserId, names.GetValueOrDefault(m.UserId, "Former colleague"), m.Role, m.IsLead))
            .OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.CurrentCulture)
            .ToList();
        var onTeam = c.Team.Select(m => m.UserId).ToHashSet();
        Candidates = (await people.CandidatesAsync(c.OfficeId, ct)).Where(p => !onTeam.Contains(p.UserId)).ToList();
    }

    public sealed record Member(Guid UserId, string Name, TeamRole Role, bool IsLead);
}
