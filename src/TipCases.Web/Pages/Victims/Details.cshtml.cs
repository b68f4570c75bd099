using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;
using TipCases.Web.Infrastructure;

namespace TipCases.Web.Pages.Victims;

/// <summary>
/// A victim's file under their pseudonym. The true identity appears only in the response to an
/// explicit "show identity" request with a reason, by someone the rule allows; each reveal is an
/// audit event. It is never part of a URL, a redirect or a cached page.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class DetailsModel(VictimQueries victims, CaseQueries cases, PeopleDirectory people, TipCasesDbContext db,
    IIdentityProtector protector, AuditLog audit, FluentValidation.IValidator<IdentityInput> identityValidator, TimeProvider clock) : PageModel
{
    public const int ReasonMinLength = 10;
    public const int ReasonMaxLength = 500;
    public const string ConflictMessage = "Someone else changed this victim's record at the same time. The page shows the current record; try again.";

    public Victim Victim { get; private set; } = null!;

    public IReadOnlyList<LinkedCase> Cases { get; private set; } = [];

    public string? LiaisonOfficerName { get; private set; }

    public IReadOnlyList<(Guid UserId, string Name)> LiaisonCandidates { get; private set; } = [];

    public bool CanReveal { get; private set; }

    public bool CanEdit { get; private set; }

    /// <summary>Set only in the response to a successful reveal.</summary>
    public ProtectedIdentity? RevealedIdentity { get; private set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public IdentityInput IdentityForm { get; set; } = new();

    [BindProperty] public uint Version { get; set; }

    public string? Message { get; private set; }

    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await victims.LoadAsync(id, User, VictimOperation.Read, ct, Sections);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        Message = TempData["Message"] as string;
        await ShowAsync(load, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken ct)
    {
        var load = await victims.LoadAsync(id, User, VictimOperation.RevealIdentity, ct, Sections);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        ModelState.Clear();
        var reason = Reason?.Trim() ?? "";
        if (reason.Length < ReasonMinLength || reason.Length > ReasonMaxLength)
        {
            ModelState.AddModelError(nameof(Reason), $"Say why you need to see the identity ({ReasonMinLength} to {ReasonMaxLength} characters). The reason is kept with the record of this access.");
            await ShowAsync(load, ct);
            return Page();
        }
        var victim = load.Victim!;
        RevealedIdentity = protector.Unprotect(victim.IdentityCiphertext, victim.Id);
        IdentityForm = IdentityInput.From<IdentityInput>(RevealedIdentity);
        audit.Add(AuditAction.IdentityRevealed, User, nameof(Victim), victim.Id.ToString(), new { reason }, victimId: victim.Id);
        await db.SaveChangesAsync(ct);
        await ShowAsync(load, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostChangeIdentityAsync(Guid id, CancellationToken ct)
    {
        var load = await victims.LoadAsync(id, User, VictimOperation.RevealIdentity, ct, Sections);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        ModelState.Clear();
        var victim = load.Victim!;
        var validation = await identityValidator.ValidateAsync(IdentityForm, ct);
        if (!validation.IsValid)
        {
            foreach (var error in validation.Errors)
            {
                ModelState.AddModelError($"{nameof(IdentityForm)}.{error.PropertyName}", error.ErrorMessage);
            }
            RevealedIdentity = IdentityForm.ToIdentity(); // the user's own typing, shown back to them only
            await ShowAsync(load, ct);
            return Page();
        }
        try
        {
            db.Entry(victim).Property(v => v.Version).OriginalValue = Version;
            victim.ChangeIdentity(IdentityForm.ToIdentity(), protector, load.LinkedCases, clock.GetUtcNow(), Today);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            RevealedIdentity = IdentityForm.ToIdentity();
            await ShowAsync(load, ct);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(id, ct);
        }
        TempData["Message"] = "The identity is saved (encrypted). Child status: " + victim.ChildStatusReason;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAssignLiaisonAsync(Guid id, Guid? liaisonOfficerId, CancellationToken ct)
    {
        var load = await victims.LoadAsync(id, User, VictimOperation.EditProfile, ct, Sections);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        // A value that is not an id at all must not read as "no liaison officer" and unassign one.
        var unbound = ModelState.ClearKeepingFailures();
        if (unbound.Count > 0)
        {
            ModelState.AddModelError("liaisonOfficerId", BindingFailures.Message);
            await ShowAsync(load, ct);
            return Page();
        }
        try
        {
            db.Entry(load.Victim!).Property(v => v.Version).OriginalValue = Version;
            load.Victim!.AssignLiaisonOfficer(liaisonOfficerId, load.LinkedCases);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError("liaisonOfficerId", ex.Message);
            await ShowAsync(load, ct);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(id, ct);
        }
        TempData["Message"] = "The liaison officer is assigned.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLinkCaseAsync(Guid id, string? reference, CancellationToken ct)
    {
        var load = await victims.LoadAsync(id, User, VictimOperation.EditProfile, ct, Sections);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var wanted = (reference ?? "").Trim().ToUpperInvariant();
        var other = wanted.Length == 0 ? null : await cases.Visible(User).SingleOrDefaultAsync(c => c.Reference == wanted, ct);
        if (other is null)
        {
            ModelState.AddModelError("reference", "No case you can see has that reference.");
            await ShowAsync(load, ct);
            return Page();
        }
        try
        {
            var victim = load.Victim!;
            victim.LinkToCase(other, clock.GetUtcNow());
            // The new case's offence dates may make the victim a child: reassess from the identity.
            var identity = protector.Unprotect(victim.IdentityCiphertext, victim.Id);
            victim.AssessChildStatus(identity.DateOfBirth, [.. load.LinkedCases, other], clock.GetUtcNow(), Today);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError("reference", ex.Message);
            await ShowAsync(load, ct);
            return Page();
        }
        TempData["Message"] = $"Linked to {other.Reference}.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ConflictAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = await victims.LoadAsync(id, User, VictimOperation.Read, ct, Sections);
        if (current.Victim is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, ConflictMessage);
        RevealedIdentity = null;
        await ShowAsync(current, ct);
        return Page();
    }

    private static IQueryable<Victim> Sections(IQueryable<Victim> q) =>
        q.Include(v => v.SupportSteps).Include(v => v.Measures).Include(v => v.Threats).Include(v => v.Residence);

    private async Task ShowAsync(VictimLoad load, CancellationToken ct)
    {
        Victim = load.Victim!;
        Version = Victim.Version;
        var viewer = User.ToCaseViewer();
        CanReveal = VictimAccessRule.Allows(viewer, Victim, load.LinkedCases, VictimOperation.RevealIdentity);
        CanEdit = VictimAccessRule.Allows(viewer, Victim, load.LinkedCases, VictimOperation.EditProfile);
        // Only the cases this user may read are listed: a victim's other cases stay hidden.
        Cases = load.LinkedCases.Where(c => CaseAccessRule.Allows(viewer, c, CaseOperation.Read))
            .Select(c => new LinkedCase(c.Id, c.Reference, c.Title, c.Stage))
            .OrderBy(c => c.Reference, StringComparer.Ordinal).ToList();
        var liaisons = load.LinkedCases.SelectMany(c => c.Team).Where(m => m.Role == TeamRole.VictimLiaisonOfficer).Select(m => m.UserId).Distinct().ToList();
        var names = await people.NamesAsync(liaisons.Concat(Victim.LiaisonOfficerId is { } l ? [l] : []), ct);
        LiaisonOfficerName = Victim.LiaisonOfficerId is { } officer ? names.GetValueOrDefault(officer, "Former colleague") : null;
        LiaisonCandidates = liaisons.Select(u => (u, names.GetValueOrDefault(u, "Former colleague"))).OrderBy(x => x.Item2, StringComparer.CurrentCulture).ToList();
    }

    public sealed record LinkedCase(Guid Id, string Reference, string Title, CaseStage Stage);
}
