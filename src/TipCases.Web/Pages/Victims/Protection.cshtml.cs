using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Victims;

/// <summary>
/// A victim's protection plan in its three stages: plan a measure from the catalogue, record it
/// put in place or ended, and see for each of the victim's cases what its stage still lacks.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class ProtectionModel(VictimQueries victims, TipCasesDbContext db, IValidator<ProtectionModel.PlanInput> planValidator,
    IValidator<ProtectionModel.UpdateInput> updateValidator, TimeProvider clock) : PageModel
{
    public const string ConflictMessage =
        "Someone else changed this measure at the same time. Its current state is shown; make your change again if it is still needed.";

    [BindProperty] public PlanInput Plan { get; set; } = new();

    [BindProperty] public UpdateInput Update { get; set; } = new();

    public VictimNav Nav { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public ChildStatus ChildStatus { get; private set; }

    public string ChildStatusReason { get; private set; } = "";

    public IReadOnlyList<StageSection> Sections { get; private set; } = [];

    public IReadOnlyList<CaseNeeds> Cases { get; private set; } = [];

    /// <summary>Catalogue entries with whether each is already (actively) in the plan.</summary>
    public IReadOnlyList<(CatalogueEntry Entry, bool InPlan)> Catalogue { get; private set; } = [];

    /// <summary>Which form the errors belong to: "plan", or the id of the measure whose update failed.</summary>
    public string? FailedForm { get; private set; }

    /// <summary>True when the failed update form should show what was posted (not the stored values).</summary>
    public bool ShowPostedUpdate { get; private set; }

    public string? Message { get; private set; }

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await LoadAsync(id, VictimOperation.Read, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        Message = TempData["Message"] as string;
        Show(load);
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(Guid id, CancellationToken ct)
    {
        var load = await LoadAsync(id, VictimOperation.ManageProtection, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var victim = load.Victim!;
        ModelState.Clear();
        FailedForm = "plan";
        var validation = await planValidator.ValidateAsync(Plan, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Plan));
            Show(load);
            return Page();
        }
        try
        {
            victim.PlanMeasure(Plan.Kind!.Value, Plan.Notes, Today, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            Show(load);
            return Page();
        }
        TempData["Message"] = $"Planned: {ProtectionCatalogue.Entry(Plan.Kind.Value).Name}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken ct)
    {
        var load = await LoadAsync(id, VictimOperation.ManageProtection, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var victim = load.Victim!;
        var measure = victim.Measures.FirstOrDefault(m => m.Id == Update.MeasureId);
        if (measure is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        FailedForm = measure.Id.ToString();
        ShowPostedUpdate = true;
        var validation = await updateValidator.ValidateAsync(Update, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Update));
            Show(load);
            return Page();
        }
        var name = ProtectionCatalogue.Entry(measure.Kind).Name;
        try
        {
            db.Entry(measure).Property(m => m.Version).OriginalValue = Update.Version!.Value;
            victim.UpdateMeasure(measure.Id, Update.Status!.Value, Update.StartedOn, Update.EndedOn, Update.Notes, Today);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            Show(load);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await LoadAsync(id, VictimOperation.Read, ct);
            if (current.Refusal(this) is { } gone)
            {
                return gone;
            }
            ModelState.AddModelError(string.Empty, ConflictMessage);
            ShowPostedUpdate = false;
            Show(current);
            return Page();
        }
        TempData["Message"] = $"Saved: {name} ({Update.Status.Value.DisplayName().ToLowerInvariant()}).";
        return RedirectToPage(new { id });
    }

    private Task<VictimLoad> LoadAsync(Guid id, VictimOperation operation, CancellationToken ct) =>
        victims.LoadAsync(id, User, operation, ct, include: q => q.Include(v => v.Measures));

    private void Show(VictimLoad load)
    {
        var victim = load.Victim!;
        Nav = new VictimNav(victim.Id, victim.Pseudonym, VictimTab.Protection);
        CanManage = load.Allows(User, VictimOperation.ManageProtection);
        ChildStatus = victim.ChildStatus;
        ChildStatusReason = victim.ChildStatusReason;
        Sections = Enum.GetValues<ProtectionStage>()
            .Select(stage => new StageSection(stage, victim.Measures
                .Where(m => m.Stage == stage)
                .OrderBy(m => m.IsActive ? 0 : 1).ThenBy(m => m.Kind).ThenByDescending(m => m.PlannedOn)
                .Select(m => (Measure: m, Entry: ProtectionCatalogue.Entry(m.Kind)))
                .Select(x => new MeasureRow(x.Measure.Id, x.Entry.Name, x.Entry.ForChildren, x.Measure.Status, x.Measure.PlannedOn,
                    x.Measure.StartedOn, x.Measure.EndedOn, x.Measure.Notes, x.Measure.ProposedAutomatically, x.Measure.Version))
                .ToList()))
            .ToList();
        Cases = load.ReadableCases(User)
            .Select(c => ProtectionCatalogue.StageFor(c.Stage) is { } stage
                ? new CaseNeeds(c.Id, c.Reference, c.Stage, stage, victim.MissingFor(stage))
                : new CaseNeeds(c.Id, c.Reference, c.Stage, null, []))
            .ToList();
        Catalogue = ProtectionCatalogue.All.Select(e => (e, victim.Measures.Any(m => m.Kind == e.Kind && m.IsActive))).ToList();
    }

    public sealed record StageSection(ProtectionStage Stage, IReadOnlyList<MeasureRow> Measures);

    public sealed record MeasureRow(Guid Id, string Name, bool ForChildren, MeasureStatus Status, DateOnly PlannedOn, DateOnly? StartedOn,
        DateOnly? EndedOn, string? Notes, bool ProposedAutomatically, uint Version);

    /// <param name="PlanStage">The plan stage the case's stage calls for; null for a discontinued case.</param>
    public sealed record CaseNeeds(Guid Id, string Reference, CaseStage Stage, ProtectionStage? PlanStage, IReadOnlyList<CatalogueEntry> Missing);

    public sealed record PlanInput
    {
        public ProtectionMeasureKind? Kind { get; init; }

        public string? Notes { get; init; }
    }

    public sealed record UpdateInput
    {
        public Guid? MeasureId { get; init; }

        /// <summary>The measure's row version when the form was loaded (optimistic concurrency).</summary>
        public uint? Version { get; init; }

        public MeasureStatus? Status { get; init; }

        public DateOnly? StartedOn { get; init; }

        public DateOnly? EndedOn { get; init; }

        public string? Notes { get; init; }
    }

    public sealed class PlanValidator : AbstractValidator<PlanInput>
    {
        public PlanValidator()
        {
            RuleFor(i => i.Kind).NotNull().WithMessage("Choose a measure from the catalogue.")
                .IsInEnum().WithMessage("Choose a measure from the catalogue.");
            RuleFor(i => i.Notes).MaximumLength(ProtectionMeasure.NotesMaxLength).WithMessage($"Use at most {ProtectionMeasure.NotesMaxLength} characters.");
        }
    }

    public sealed class UpdateValidator : AbstractValidator<UpdateInput>
    {
        public UpdateValidator(TimeProvider clock)
        {
            RuleFor(i => i.Version).NotNull().WithMessage("Reload the page and try again.");
            RuleFor(i => i.Status).NotNull().WithMessage("Choose the measure's state.")
                .IsInEnum().WithMessage("Choose the measure's state.");
            RuleFor(i => i.StartedOn).NotNull().When(i => i.Status is MeasureStatus.InPlace or MeasureStatus.Ended)
                .WithMessage("Enter the date the measure was put in place.");
            RuleFor(i => i.StartedOn).Must(d => d <= clock.Today()).When(i => i.StartedOn is not null)
                .WithMessage("This date has not come yet: keep the measure planned until then.");
            RuleFor(i => i.EndedOn).NotNull().When(i => i.Status == MeasureStatus.Ended)
                .WithMessage("Enter the date the measure ended.");
            RuleFor(i => i.EndedOn).Must(d => d <= clock.Today()).When(i => i.EndedOn is not null)
                .WithMessage("This date has not come yet.");
            RuleFor(i => i.Notes).MaximumLength(ProtectionMeasure.NotesMaxLength).WithMessage($"Use at most {ProtectionMeasure.NotesMaxLength} characters.");
        }
    }
}
