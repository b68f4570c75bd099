using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Victims;

[Authorize(Policy = Policies.WorkOnCases)]
public sealed class EditModel(VictimQueries victims, TipCasesDbContext db, IValidator<ProfileInput> validator, TimeProvider clock) : PageModel
{
    public const string ConflictMessage = "Someone else saved this victim's profile while you were editing it. The form now shows their version; make your changes again.";

    [BindProperty] public ProfileInput Form { get; set; } = new();

    [BindProperty] public uint Version { get; set; }

    public Guid Id { get; private set; }

    public string Pseudonym { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await victims.LoadAsync(id, User, VictimOperation.EditProfile, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        Show(load.Victim!, fromDatabase: true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var load = await victims.LoadAsync(id, User, VictimOperation.EditProfile, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var victim = load.Victim!;
        var unbound = ModelState.ClearKeepingFailures();
        var validation = await validator.ValidateAsync(Form, ct);
        validation.AddToModelState(ModelState, nameof(Form));
        ModelState.AddUnreported(unbound);
        if (!ModelState.IsValid)
        {
            Show(victim, fromDatabase: false);
            return Page();
        }
        try
        {
            db.Entry(victim).Property(v => v.Version).OriginalValue = Version;
            victim.UpdateProfile(Form.ToProfile(), clock.Today());
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            Show(victim, fromDatabase: false);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = (await victims.LoadAsync(id, User, VictimOperation.Read, ct)).Victim;
            if (current is null)
            {
                return NotFound();
            }
            ModelState.AddModelError(string.Empty, ConflictMessage);
            Show(current, fromDatabase: true);
            return Page();
        }
        TempData["Message"] = "The profile is saved.";
        return RedirectToPage("Details", new { id });
    }

    private void Show(Victim v, bool fromDatabase)
    {
        Id = v.Id;
        Pseudonym = v.Pseudonym;
        if (fromDatabase)
        {
            Form = ProfileInput.From<ProfileInput>(v);
            Version = v.Version;
        }
    }
}
