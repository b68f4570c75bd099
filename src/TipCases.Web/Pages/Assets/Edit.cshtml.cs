using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Assets;
using TipCases.Domain.Cases;
using TipCases.Domain.Cooperation;
using TipCases.Domain.Reference;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Charges;
using TipCases.Web.Pages.Cooperation;
using TipCases.Web.Pages.Victims;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Assets;

/// <summary>Records an asset traced on a case (identified, with its date), or edits one.
/// Prosecutors on the team and supervisors (CooperationAccessRule.RecordAsset).</summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class EditModel(CooperationCases cooperation, ChargeQueries charges, TipCasesDbContext db, IValidator<EditModel.Input> validator, TimeProvider clock) : PageModel
{
    public const string ConflictMessage = "Someone else changed this asset at the same time, so nothing was saved. The form now shows it as it is; make your changes again.";

    [BindProperty] public Input Form { get; set; } = new();

    public Guid CaseId { get; private set; }

    public Guid? AssetId { get; private set; }

    public string Reference { get; private set; } = "";

    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid caseId, Guid? id, CancellationToken ct)
    {
        var load = await cooperation.LoadAsync(caseId, User, CooperationOperation.RecordAsset, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        await ShowAsync(load.Case!, id, ct);
        if (id is { } assetId)
        {
            var asset = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assetId && a.CaseId == caseId, ct);
            if (asset is null)
            {
                return NotFound();
            }
            Form = Input.From(asset);
        }
        else
        {
            Form = new Input { IdentifiedOn = Today, EstimatedCurrency = "EUR" };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid? id, CancellationToken ct)
    {
        var load = await cooperation.LoadAsync(caseId, User, CooperationOperation.RecordAsset, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        if (id is { } existing && !await db.Assets.AnyAsync(a => a.Id == existing && a.CaseId == caseId, ct))
        {
            return NotFound(); // another case's asset: refused before the form is even looked at
        }
        await ShowAsync(load.Case!, id, ct);
        // The validator explains; what could not be read at all (a malformed date) is refused too.
        var unbound = ModelState.ClearKeepingFailures();
        var context = new ValidationContext<Input>(Form);
        context.RootContextData[Validator.EditingKey] = id is not null;
        var validation = await validator.ValidateAsync(context, ct);
        validation.AddToModelState(ModelState, nameof(Form));
        ModelState.AddUnreported(unbound);
        // A holder or charge that is not this case's (a tampered form) saves nothing.
        if (Form.HolderDefendantId is { } holder && Defendants.All(d => d.Id != holder))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.HolderDefendantId)}", "Choose a defendant of this case, or nobody.");
        }
        if (Form.ChargeIds.Any(c => Charges.All(x => x.Id != c)))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.ChargeIds)}", "Choose charges of this case.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var details = Form.ToDetails();
        Asset? asset;
        try
        {
            if (id is { } assetId)
            {
                asset = await db.Assets.SingleOrDefaultAsync(a => a.Id == assetId && a.CaseId == caseId, ct);
                if (asset is null)
                {
                    return NotFound();
                }
                db.Entry(asset).Property(a => a.Version).OriginalValue = Form.Version ?? 0;
                asset.UpdateDetails(details);
            }
            else
            {
                asset = Asset.Identify(caseId, details, Form.IdentifiedOn!.Value, Form.Note, User.UserId(), clock.GetUtcNow(), Today);
                db.Assets.Add(asset);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.CaseId == caseId, ct);
            if (current is null)
            {
                return NotFound();
            }
            Form = Input.From(current);
            ModelState.AddModelError(string.Empty, ConflictMessage);
            return Page();
        }
        TempData["Message"] = id is null ? "The asset is recorded as identified." : "The asset is saved.";
        return RedirectToPage("Details", new { caseId, id = asset.Id });
    }

    /// <summary>The case's defendants, by name for the team and by number for others.</summary>
    public IReadOnlyList<DefendantView> Defendants { get; private set; } = [];

    /// <summary>The case's charges, labelled with their offence, defendant and status.</summary>
    public IReadOnlyList<ChargeChoice> Charges { get; private set; } = [];

    private async Task ShowAsync(Case c, Guid? id, CancellationToken ct)
    {
        (CaseId, AssetId, Reference) = (c.Id, id, c.Reference);
        Defendants = await charges.DefendantsOfCaseAsync(c, User, ct);
        Charges = await charges.ChargeChoicesOfCaseAsync(c, Defendants, ct);
    }

    public sealed record Input
    {
        public string? Description { get; init; }

        public AssetKind? Kind { get; init; }

        public string? Country { get; init; }

        public string? Location { get; init; }

        public Guid? HolderDefendantId { get; init; }

        public List<Guid> ChargeIds { get; init; } = [];

        public bool PredicateOffenceAbroad { get; init; }

        public string? PredicateNote { get; init; }

        public string? EstimatedValue { get; init; }

        public string? EstimatedCurrency { get; init; }

        /// <summary>New assets only.</summary>
        public DateOnly? IdentifiedOn { get; init; }

        public string? Note { get; init; }

        public uint? Version { get; init; }

        public AssetDetails ToDetails() => new(Description, Kind!.Value, string.IsNullOrWhiteSpace(Country) ? null : Country, Location, HolderDefendantId, ChargeIds,
            PredicateOffenceAbroad, PredicateNote, CompensationModel.Amounts.Parse(EstimatedValue), EstimatedCurrency);

        public static Input From(Asset a) => new()
        {
            Description = a.Description,
            Kind = a.Kind,
            Country = a.Country,
            Location = a.Location,
            HolderDefendantId = a.HolderDefendantId,
            ChargeIds = [.. a.ChargeIds],
            PredicateOffenceAbroad = a.PredicateOffenceAbroad,
            PredicateNote = a.PredicateNote,
            EstimatedValue = a.EstimatedValue?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            EstimatedCurrency = a.EstimatedCurrency ?? "EUR",
            Version = a.Version,
        };
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public const string EditingKey = "AssetEditing";

        public Validator(TimeProvider clock)
        {
            RuleFor(i => i.Description).Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage("Describe the asset.")
                .MaximumLength(Asset.DescriptionMaxLength).WithMessage($"Use at most {Asset.DescriptionMaxLength} characters.");
            RuleFor(i => i.Kind).NotNull().WithMessage("Choose the kind of asset.").IsInEnum().WithMessage("Choose the kind of asset.");
            RuleFor(i => i.Country).Must(c => string.IsNullOrWhiteSpace(c) || Countries.IsKnown(c)).WithMessage("Choose the state from the list.");
            RuleFor(i => i.Location).MaximumLength(Asset.LocationMaxLength).WithMessage($"Use at most {Asset.LocationMaxLength} characters.");
            RuleFor(i => i.PredicateNote).MaximumLength(Asset.NoteMaxLength).WithMessage($"Use at most {Asset.NoteMaxLength} characters.");
            RuleFor(i => i.EstimatedValue).Must(CompensationModel.Amounts.IsValid).WithMessage(CompensationModel.Amounts.Message);
            RuleFor(i => i.EstimatedCurrency).Must(Currencies.IsKnown).When(i => !string.IsNullOrWhiteSpace(i.EstimatedValue))
                .WithMessage("Choose the currency of the estimated value.");
            RuleFor(i => i.IdentifiedOn).NotNull().WithMessage("Enter the date the asset was identified.")
                .Must(d => d <= clock.Today()).WithMessage("The date cannot be in the future.")
                .When((_, context) => !(context.RootContextData.TryGetValue(EditingKey, out var editing) && editing is true));
            RuleFor(i => i.Note).MaximumLength(Asset.NoteMaxLength).WithMessage($"Use at most {Asset.NoteMaxLength} characters.");
        }
    }
}
