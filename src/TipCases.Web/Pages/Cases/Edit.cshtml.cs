using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Cases;

[Authorize(Policy = Policies.WorkOnCases)]
public sealed class EditModel(CaseQueries cases, TipCasesDbContext db, IValidator<EditModel.Input> validator, Victims.ChildStatusRefresh childStatus,
    TimeProvider clock) : PageModel
{
    public const string ConflictMessage =
        "Someone else saved this case while you were editing it. The form now shows their version; make your changes again and save.";

    [BindProperty] public Input Form { get; set; } = new();

    /// <summary>The case's row version when the form was loaded (optimistic concurrency).</summary>
    [BindProperty] public uint Version { get; set; }

    public Guid Id { get; private set; }

    public string Reference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.EditDetails, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        Show(load.Case!, fromDatabase: true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.EditDetails, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var @case = load.Case!;
        var unbound = ModelState.ClearKeepingFailures(); // the validator explains; what could not be read is refused too
        var validation = await validator.ValidateAsync(Form, ct);
        validation.AddToModelState(ModelState, nameof(Form));
        ModelState.AddUnreported(unbound);
        if (!ModelState.IsValid)
        {
            Show(@case, fromDatabase: false);
            return Page();
        }
        try
        {
            db.Entry(@case).Property(c => c.Version).OriginalValue = Version;
            @case.UpdateDetails(Form.ToDetails(), clock.Today());
            // The offence dates decide whether the case's victims were children.
            await childStatus.StageForCaseAsync(@case.Id, ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            Show(@case, fromDatabase: false);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = (await cases.LoadAsync(id, User, CaseOperations.Read, ct)).Case;
            if (current is null)
            {
                return NotFound();
            }
            ModelState.AddModelError(string.Empty, ConflictMessage);
            Show(current, fromDatabase: true);
            return Page();
        }
        TempData["Message"] = "The case details are saved.";
        return RedirectToPage("Details", new { id });
    }

    private void Show(Domain.Cases.Case c, bool fromDatabase)
    {
        Id = c.Id;
        Reference = c.Reference;
        if (fromDatabase)
        {
            Form = CaseDetailsInput.From<Input>(c);
            Version = c.Version;
        }
    }

    public sealed record Input : CaseDetailsInput;

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider clock) => this.AddCaseDetailsRules(clock);
    }
}
