using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using TipCases.Domain;
using TipCases.Domain.Cases;
using TipCases.Domain.Jurisdiction;
using TipCases.Domain.Reference;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Jurisdiction;

/// <summary>
/// A case's jurisdiction under Convention Art. 15: the bases that apply and those that do not,
/// each explained, and the facts they rest on. Everyone who reads the case reads it; prosecutors
/// and investigators on the team (and supervisors) record the places of conduct and whether conduct
/// abroad aimed at a serious crime in the territory. Every change checks the facts' row version.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class IndexModel(CaseQueries cases, JurisdictionSection section, TipCasesDbContext db, IValidator<IndexModel.FactsInput> factsValidator,
    IValidator<IndexModel.PlaceInput> placeValidator, TimeProvider clock) : PageModel
{
    public const string ConflictMessage =
        "Someone else changed this case's jurisdiction facts at the same time, so nothing was saved. The page now shows the facts as they are; make your change again.";

    [BindProperty] public FactsInput Facts { get; set; } = new();

    [BindProperty] public PlaceInput Place { get; set; } = new();

    /// <summary>The facts' row version when the page was loaded (0: no facts recorded yet).</summary>
    [BindProperty] public uint Version { get; set; }

    public Guid Id { get; private set; }

    public string Reference { get; private set; } = "";

    public bool CanEdit { get; private set; }

    public bool IsOpen { get; private set; }

    public JurisdictionView Analysis { get; private set; } = null!;

    /// <summary>Which form the errors belong to ("facts" or "place").</summary>
    public string? FailedForm { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.Read, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        Message = TempData["Message"] as string;
        await ShowAsync(load.Case!, fromDatabase: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostFactsAsync(Guid id, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.EditDetails, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var @case = load.Case!;
        FailedForm = "facts";
        var unbound = ModelState.ClearKeepingFailures();
        (await factsValidator.ValidateAsync(Facts, ct)).AddToModelState(ModelState, nameof(Facts));
        ModelState.AddUnreported(unbound);
        if (!ModelState.IsValid)
        {
            await ShowAsync(@case, fromDatabase: false, ct);
            return Page();
        }
        return await SaveAsync(@case, (facts, _) => facts.UpdateFacts(@case, Facts.ConductAbroadAimedAtTerritory, Facts.AimNote, Facts.Notes),
            "The jurisdiction facts are saved.", ct);
    }

    public async Task<IActionResult> OnPostAddPlaceAsync(Guid id, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.EditDetails, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var @case = load.Case!;
        FailedForm = "place";
        var unbound = ModelState.ClearKeepingFailures();
        (await placeValidator.ValidateAsync(Place, ct)).AddToModelState(ModelState, nameof(Place));
        ModelState.AddUnreported(unbound);
        if (!ModelState.IsValid)
        {
            await ShowAsync(@case, fromDatabase: false, ct);
            return Page();
        }
        return await SaveAsync(@case, (facts, now) => facts.AddPlace(@case, Place.Kind!.Value, Place.CountryCode!, Place.Description, now),
            $"Recorded: conduct {new ConductPlace(Place.Kind!.Value, Place.CountryCode!.Trim().ToUpperInvariant()).Describe()}.", ct);
    }

    public async Task<IActionResult> OnPostRemovePlaceAsync(Guid id, Guid placeId, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.EditDetails, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var @case = load.Case!;
        var stored = await LoadFactsAsync(id, ct);
        // Only a place of this very case: an id from another case is "not found".
        if (stored?.Places.FirstOrDefault(p => p.Id == placeId) is not { } place)
        {
            return NotFound();
        }
        ModelState.Clear();
        return await SaveAsync(@case, (facts, _) => facts.RemovePlace(@case, placeId),
            $"Removed: conduct {place.ToConductPlace().Describe()}.", ct, stored);
    }

    /// <summary>Applies a change to the case's facts (starting them if there are none yet) against the
    /// version the page was loaded with, then saves; a conflict shows the current facts.</summary>
    private async Task<IActionResult> SaveAsync(Case @case, Action<CaseJurisdiction, DateTimeOffset> change, string done, CancellationToken ct,
        CaseJurisdiction? loaded = null)
    {
        var now = clock.GetUtcNow();
        try
        {
            var facts = loaded ?? await LoadFactsAsync(@case.Id, ct);
            if (facts is null)
            {
                if (Version != 0)
                {
                    return await ShowConflictAsync(@case, ct);
                }
                facts = CaseJurisdiction.Start(@case, now);
                db.CaseJurisdictions.Add(facts);
            }
            else
            {
                db.Entry(facts).Property(f => f.Version).OriginalValue = Version;
                // Places live in their own rows: writing back a column with the value it has makes EF
                // update the facts' row "WHERE xmin = @version" whatever changed, so the version is
                // always checked (and the audit trail sees no change to that column).
                db.Entry(facts).Property(f => f.CreatedAt).IsModified = true;
            }
            change(facts, now);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            db.ChangeTracker.Clear();
            await ShowAsync(@case, fromDatabase: false, ct);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowConflictAsync(@case, ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two people recorded the first facts of a case, or the same place, at the same moment.
            return await ShowConflictAsync(@case, ct);
        }
        TempData["Message"] = done;
        return RedirectToPage(new { id = @case.Id });
    }

    private Task<CaseJurisdiction?> LoadFactsAsync(Guid caseId, CancellationToken ct) =>
        db.CaseJurisdictions.Include(j => j.Places).SingleOrDefaultAsync(j => j.CaseId == caseId, ct);

    private async Task<IActionResult> ShowConflictAsync(Case @case, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, ConflictMessage);
        FailedForm = null;
        await ShowAsync(@case, fromDatabase: true, ct);
        return Page();
    }

    private async Task ShowAsync(Case @case, bool fromDatabase, CancellationToken ct)
    {
        Id = @case.Id;
        Reference = @case.Reference;
        IsOpen = @case.IsOpen;
        CanEdit = IsOpen && CaseAccessRule.Allows(User.ToCaseViewer(), @case, CaseOperation.EditDetails);
        Analysis = await section.ForCaseAsync(@case, User, ct);
        if (fromDatabase || FailedForm != "facts")
        {
            Facts = new FactsInput
            {
                ConductAbroadAimedAtTerritory = Analysis.Facts?.ConductAbroadAimedAtTerritory ?? false,
                AimNote = Analysis.Facts?.AimNote,
                Notes = Analysis.Facts?.Notes,
            };
        }
        if (fromDatabase || FailedForm != "place")
        {
            Place = new PlaceInput { Kind = ConductPlaceKind.Territory };
        }
        // The version the next change is checked against: after a failed change the one posted, so
        // that a change made meanwhile by someone else is still detected.
        if (fromDatabase)
        {
            Version = Analysis.Facts?.Version ?? 0;
        }
    }

    public sealed record FactsInput
    {
        public bool ConductAbroadAimedAtTerritory { get; init; }

        public string? AimNote { get; init; }

        public string? Notes { get; init; }
    }

    public sealed class FactsValidator : AbstractValidator<FactsInput>
    {
        public FactsValidator()
        {
            RuleFor(i => i.AimNote)
                .Must((i, note) => !i.ConductAbroadAimedAtTerritory || !string.IsNullOrWhiteSpace(note))
                .WithMessage("Say which serious crime in the territory the conduct abroad aimed at, and what shows it.")
                .MaximumLength(CaseJurisdiction.AimNoteMaxLength).WithMessage($"Use at most {CaseJurisdiction.AimNoteMaxLength} characters.");
            RuleFor(i => i.Notes).MaximumLength(CaseJurisdiction.NotesMaxLength).WithMessage($"Use at most {CaseJurisdiction.NotesMaxLength} characters.");
        }
    }

    public sealed record PlaceInput
    {
        public ConductPlaceKind? Kind { get; init; }

        public string? CountryCode { get; init; }

        public string? Description { get; init; }
    }

    public sealed class PlaceValidator : AbstractValidator<PlaceInput>
    {
        public PlaceValidator()
        {
            RuleFor(i => i.Kind).NotNull().WithMessage("Choose where the conduct took place.")
                .IsInEnum().WithMessage("Choose where the conduct took place.");
            RuleFor(i => i.CountryCode).Must(c => c is not null && Countries.IsKnown(c.Trim())).WithMessage("Choose a state from the list.");
            RuleFor(i => i.Description).MaximumLength(PlaceOfConduct.DescriptionMaxLength)
                .WithMessage($"Use at most {PlaceOfConduct.DescriptionMaxLength} characters.");
        }
    }
}
