using System.Security.Claims;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Victims;

/// <summary>
/// The only ways pages reach victims, so the access rule is applied identically everywhere: a
/// victim is visible to whoever may read one of their cases (<see cref="Visible"/>), and
/// <see cref="LoadAsync"/> loads one victim with their cases for an operation checked by
/// <see cref="VictimAccessRule"/> (unknown and unreadable are both "not found").
/// </summary>
public sealed class VictimQueries(TipCasesDbContext db, CaseQueries cases)
{
    public IQueryable<Victim> Visible(ClaimsPrincipal user)
    {
        var readableCases = cases.Visible(user).Select(c => c.Id);
        return db.Victims.Where(v => v.Cases.Any(l => readableCases.Contains(l.CaseId)));
    }

    /// <param name="include">Extra collections to load (e.g. <c>q => q.Include(v => v.SupportSteps)</c>).</param>
    public async Task<VictimLoad> LoadAsync(Guid id, ClaimsPrincipal user, VictimOperation operation, CancellationToken ct,
        Func<IQueryable<Victim>, IQueryable<Victim>>? include = null)
    {
        IQueryable<Victim> query = Visible(user).Include(v => v.Cases);
        if (include is not null)
        {
            query = include(query);
        }
        var victim = await query.AsSplitQuery().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (victim is null)
        {
            return new VictimLoad(null, [], CaseLoadOutcome.NotFound);
        }
        var caseIds = victim.Cases.Select(l => l.CaseId).ToList();
        var linked = await db.Cases.Include(c => c.Team).Where(c => caseIds.Contains(c.Id)).ToListAsync(ct);
        var allowed = VictimAccessRule.Allows(user.ToCaseViewer(), victim, linked, operation);
        return new VictimLoad(victim, linked, allowed ? CaseLoadOutcome.Allowed : CaseLoadOutcome.Forbidden);
    }
}

/// <param name="LinkedCases">The victim's cases, with their teams (tracked, so a handler may change them).</param>
public sealed record VictimLoad(Victim? Victim, IReadOnlyList<Case> LinkedCases, CaseLoadOutcome Outcome)
{
    public Microsoft.AspNetCore.Mvc.IActionResult? Refusal(Microsoft.AspNetCore.Mvc.RazorPages.PageModel page) => Outcome switch
    {
        CaseLoadOutcome.NotFound => page.NotFound(),
        CaseLoadOutcome.Forbidden => page.Forbid(),
        _ => null,
    };
}
