using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using TipCases.Domain;
using TipCases.Web.Data;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Cases;

/// <summary>Links a case to a related one by reference. Only a case the user may read can be
/// linked, and an unknown reference and an unreadable one get the same answer.</summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class LinksModel(CaseQueries cases, TipCasesDbContext db, TimeProvider clock) : PageModel
{
    public const string NotLinkedMessage = "These cases are not linked.";

    public Guid Id { get; private set; }

    public IActionResult OnGet(Guid id) => RedirectToPage("Details", new { id });

    public async Task<IActionResult> OnPostAddAsync(Guid id, string? reference, string? note, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.LinkCases, ct, withLinks: true);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        Id = id;
        var wanted = (reference ?? "").Trim().ToUpperInvariant();
        var other = wanted.Length == 0 ? null : await cases.Visible(User).SingleOrDefaultAsync(c => c.Reference == wanted, ct);
        if (other is null)
        {
            ModelState.AddModelError(string.Empty, "No case you can see has that reference. Check it and try again.");
            return Page();
        }
        try
        {
            load.Case!.LinkTo(other, note, User.UserId(), clock.GetUtcNow());
            db.CheckCaseVersionOnSave(load.Case);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            return ShowConflict(id);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            ModelState.AddModelError(string.Empty, $"This case is already linked to {other.Reference}.");
            return Page();
        }
        TempData["Message"] = $"Linked to {other.Reference}.";
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid linkedCaseId, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.LinkCases, ct, withLinks: true);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        Id = id;
        // A link to a case the user cannot read is not theirs to remove, and the answer is the
        // same as for no link at all, so it does not confirm that the other case exists.
        if (!await cases.Visible(User).AnyAsync(c => c.Id == linkedCaseId, ct))
        {
            ModelState.AddModelError(string.Empty, NotLinkedMessage);
            return Page();
        }
        try
        {
            load.Case!.Unlink(linkedCaseId);
            db.CheckCaseVersionOnSave(load.Case);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            return ShowConflict(id);
        }
        TempData["Message"] = "The link is removed.";
        return RedirectToPage("Details", new { id });
    }

    /// <summary>The case's page shows its links as they are now, which is where the user tries again.</summary>
    private RedirectToPageResult ShowConflict(Guid id)
    {
        TempData["Warning"] = CaseConcurrency.ConflictMessage;
        return RedirectToPage("Details", new { id });
    }
}
