using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using TipCases.Domain.Cases;
using TipCases.Web.Data;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Cases;

/// <summary>
/// The only ways pages reach cases, so the access rule is applied identically everywhere:
/// <see cref="Visible"/> filters any query to what the user may read, and <see cref="LoadAsync"/>
/// loads one case for an operation (unknown and unreadable cases are both "not found", so a URL
/// with someone else's id reveals nothing; a readable case the user may not change is "forbidden").
/// </summary>
public sealed class CaseQueries(TipCasesDbContext db, IAuthorizationService authorization)
{
    public IQueryable<Case> Visible(ClaimsPrincipal user) =>
        db.Cases.Where(CaseAccessRule.Readable(user.ToCaseViewer()));

    public async Task<CaseLoad> LoadAsync(Guid id, ClaimsPrincipal user, OperationAuthorizationRequirement operation,
        CancellationToken ct, bool withTasks = false, bool withHistory = false, bool withLinks = false)
    {
        IQueryable<Case> query = Visible(user).Include(c => c.Team);
        if (withTasks)
        {
            query = query.Include(c => c.Tasks);
        }
        if (withHistory)
        {
            query = query.Include(c => c.StageHistory);
        }
        if (withLinks)
        {
            query = query.Include(c => c.Links);
        }
        var found = await query.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (found is null)
        {
            return new CaseLoad(null, CaseLoadOutcome.NotFound);
        }
        var allowed = await authorization.AuthorizeAsync(user, found, operation);
        return new CaseLoad(found, allowed.Succeeded ? CaseLoadOutcome.Allowed : CaseLoadOutcome.Forbidden);
    }
}

public enum CaseLoadOutcome
{
    Allowed,
    NotFound,
    Forbidden,
}

public sealed record CaseLoad(Case? Case, CaseLoadOutcome Outcome)
{
    /// <summary>The answer a page gives when the case cannot be used: 404 for unknown or
    /// unreadable (nothing revealed), 403 for readable but not this operation; null when allowed.</summary>
    public Microsoft.AspNetCore.Mvc.IActionResult? Refusal(Microsoft.AspNetCore.Mvc.RazorPages.PageModel page) => Outcome switch
    {
        CaseLoadOutcome.NotFound => page.NotFound(),
        CaseLoadOutcome.Forbidden => page.Forbid(),
        _ => null,
    };
}
