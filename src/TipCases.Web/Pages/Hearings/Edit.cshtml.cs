using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Cases;
using TipCases.Domain.Hearings;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Hearings;

/// <summary>Changes a hearing: its date, court, kind, status and outcome, and who is expected to
/// testify. Two people saving one hearing never overwrite each other (row version).</summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class EditModel(CaseQueries cases, HearingQueries hearings, TipCasesDbContext db, IValidator<HearingInput> validator,
    OfficeTime time) : PageModel
{
    public const string ConflictMessage =
        "Someone else changed this hearing while you were editing it, so nothing was saved. The form now shows the hearing as it is; make your changes again.";

    [BindProperty] public HearingInput Form { get; set; } = new();

    /// <summary>The hearing's row version when the form was loaded.</summary>
    [BindProperty] public uint Version { get; set; }

    public Guid Id { get; private set; }

    public Guid HearingId { get; private set; }

    public string Reference { get; private set; } = "";

    public bool IsOpen { get; private set; }

    public HearingFields Fields { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid hearingId, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.EditDetails, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var hearing = await FindAsync(id, hearingId, ct);
        if (hearing is null)
        {
            return NotFound();
        }
        await ShowStoredAsync(load.Case!, hearing, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid hearingId, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.EditDetails, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var @case = load.Case!;
        // Only a hearing of this very case: an id from another case is "not found".
        var hearing = await FindAsync(id, hearingId, ct);
        if (hearing is null)
        {
            return NotFound();
        }
        var choices = await hearings.WitnessChoicesAsync(id, ct);
        var victimIds = choices.Select(c => c.VictimId).ToHashSet();
        var unbound = ModelState.ClearKeepingFailures();
        var context = new ValidationContext<HearingInput>(Form);
        context.RootContextData[HearingInputValidator.WitnessChoicesKey] = victimIds;
        (await validator.ValidateAsync(context, ct)).AddToModelState(ModelState, nameof(Form));
        ModelState.AddUnreported(unbound);
        if (!ModelState.IsValid)
        {
            await ShowAsync(@case, hearing, choices, ct);
            return Page();
        }
        try
        {
            db.Entry(hearing).Property(h => h.Version).OriginalValue = Version;
            hearing.Change(@case, Form.ToDetails(time), victimIds, time.Now, time.Zone);
            // Witnesses live in their own rows: saving only them would not touch the hearing's row,
            // so its version would go unchecked. Writing back a column with the value it has makes
            // EF update the row "WHERE xmin = @version" (and the audit trail sees no change to it).
            db.Entry(hearing).Property(h => h.CreatedAt).IsModified = true;
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await ShowAsync(@case, hearing, choices, ct);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await FindAsync(id, hearingId, ct);
            if (current is null)
            {
                return NotFound();
            }
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, ConflictMessage);
            await ShowStoredAsync(@case, current, ct);
            return Page();
        }
        TempData["Message"] = $"The hearing of {time.Show(hearing.StartsAt)} at {hearing.Court} is saved.";
        return RedirectToPage("Index", new { id });
    }

    private Task<Hearing?> FindAsync(Guid caseId, Guid hearingId, CancellationToken ct) =>
        db.Hearings.Include(h => h.Witnesses).SingleOrDefaultAsync(h => h.Id == hearingId && h.CaseId == caseId, ct);

    private async Task ShowStoredAsync(Case @case, Hearing hearing, CancellationToken ct)
    {
        Form = HearingInput.From(hearing, time);
        Version = hearing.Version;
        await ShowAsync(@case, hearing, await hearings.WitnessChoicesAsync(@case.Id, ct), ct);
    }

    private async Task ShowAsync(Case @case, Hearing hearing, IReadOnlyList<WitnessChoice> choices, CancellationToken ct)
    {
        Id = @case.Id;
        HearingId = hearing.Id;
        Reference = @case.Reference;
        IsOpen = @case.IsOpen;
        Fields = new HearingFields(Form, choices, await hearings.KnownCourtsAsync(User, ct), time.ZoneId);
    }
}
