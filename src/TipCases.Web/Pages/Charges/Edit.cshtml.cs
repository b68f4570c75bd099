using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Charges;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Charges;

/// <summary>Proposes a charge against a defendant of the case, or revises one that is still open:
/// offence, mode of liability, mental element, the victims it concerns and the aggravating
/// circumstances with their evidence. Prosecutors on the team only.</summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class EditModel(ChargeQueries queries, TipCasesDbContext db, IValidator<EditModel.Input> validator, TimeProvider clock) : PageModel
{
    public const string ConflictMessage =
        "Someone else changed this charge while you were editing. The form now shows their version; make your change again and save.";

    [BindProperty] public Input Form { get; set; } = new();

    public Guid CaseId { get; private set; }

    public string Reference { get; private set; } = "";

    public Guid? ChargeId { get; private set; }

    public string? DefendantLabel { get; private set; }

    /// <summary>Why the charge cannot be revised (withdrawn or decided); null when it can.</summary>
    public string? Closed { get; private set; }

    public IReadOnlyList<DefendantView> Defendants { get; private set; } = [];

    public IReadOnlyList<Offence> Offences { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Pseudonym)> Victims { get; private set; } = [];

    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid caseId, Guid? chargeId, Guid? defendant, CancellationToken ct)
    {
        var load = await LoadAsync(caseId, chargeId, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        await ShowAsync(load, ct);
        Form = load.Charge is { } charge
            ? Input.From(charge)
            : new Input
            {
                DefendantId = defendant is { } d && Defendants.Any(x => x.Id == d) ? d : Defendants.Count == 1 ? Defendants[0].Id : null,
                Mode = ModeOfLiability.Principal,
                MentalElement = Domain.Charges.MentalElement.Intention,
                ProposedOn = Today,
                Aggravations = Input.Rows([]),
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid? chargeId, CancellationToken ct)
    {
        var load = await LoadAsync(caseId, chargeId, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        await ShowAsync(load, ct);
        var failed = ModelState.ClearKeepingFailures();
        var context = new ValidationContext<Input>(Form);
        context.RootContextData[Validator.ChoicesKey] = new Validator.Choices(
            load.Charge is null, Defendants.Select(d => d.Id).ToHashSet(), Offences.Select(o => o.Id).ToHashSet(), Victims.Select(v => v.Id).ToHashSet());
        var validation = await validator.ValidateAsync(context, ct);
        if (!validation.IsValid || failed.Count > 0)
        {
            validation.AddToModelState(ModelState, nameof(Form));
            ModelState.AddUnreported(failed);
            return Page();
        }
        var @case = load.Case!;
        var offence = await db.Offences.SingleAsync(o => o.Id == Form.OffenceId, ct);
        var details = Form.ToDetails();
        var caseVictims = Victims.Select(v => v.Id).ToList();
        var now = clock.GetUtcNow();
        Charge charge;
        try
        {
            if (load.Charge is { } existing)
            {
                charge = existing;
                db.Entry(charge).Property(c => c.Version).OriginalValue = Form.Version;
                charge.Revise(@case, offence, details, caseVictims, User.UserId(), now);
            }
            else
            {
                var defendant = await db.Defendants.SingleAsync(d => d.Id == Form.DefendantId && d.CaseId == caseId, ct);
                charge = Charge.Propose(Guid.CreateVersion7(now), @case, defendant, offence, details, caseVictims, Form.ProposedOn!.Value,
                    User.UserId(), now, Today);
                db.Charges.Add(charge);
                // A charge is never added to a case closed meanwhile, nor slipped past a stage change.
                db.CheckCaseVersionOnSave(@case);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException ex)
        {
            db.ChangeTracker.Clear();
            ModelState.Clear();
            if (ex.Entries.Any(e => e.Entity is Charge) && chargeId is { } id)
            {
                var current = await queries.LoadChargeAsync(id, User, ChargeOperation.ManageCharges, ct);
                if (current.Charge is null)
                {
                    return NotFound();
                }
                Form = Input.From(current.Charge);
                ModelState.AddModelError(string.Empty, ConflictMessage);
            }
            else
            {
                ModelState.AddModelError(string.Empty, CaseConcurrency.ConflictMessage);
            }
            return Page();
        }
        TempData["Message"] = load.Charge is null ? $"The charge of {offence.Label} is proposed." : "The charge is saved.";
        return RedirectToPage("Details", new { id = charge.Id });
    }

    private async Task<ChargeLoad> LoadAsync(Guid caseId, Guid? chargeId, CancellationToken ct)
    {
        if (chargeId is not { } id)
        {
            return await queries.LoadCaseAsync(caseId, User, ChargeOperation.ManageCharges, ct);
        }
        var load = await queries.LoadChargeAsync(id, User, ChargeOperation.ManageCharges, ct);
        return load.Charge is { } charge && charge.CaseId != caseId ? ChargeLoad.NotFound : load;
    }

    private async Task ShowAsync(ChargeLoad load, CancellationToken ct)
    {
        var @case = load.Case!;
        CaseId = @case.Id;
        Reference = @case.Reference;
        ChargeId = load.Charge?.Id;
        Defendants = await queries.DefendantsOfCaseAsync(@case, User, ct);
        DefendantLabel = load.Charge is { } c ? Defendants.FirstOrDefault(d => d.Id == c.DefendantId)?.Label : null;
        // Active offences, and the charge's own even if it has since been retired.
        var current = load.Charge?.OffenceId;
        Offences = await db.Offences.AsNoTracking().Where(o => o.IsActive || o.Id == current).OrderBy(o => o.Name).ToListAsync(ct);
        Victims = await queries.VictimsOfCaseAsync(@case.Id, ct);
        Closed = load.Charge is { Status: var status } && !status.IsOpen()
            ? $"This charge is {status.DisplayName().ToLowerInvariant()}: it can no longer be changed."
            : !@case.IsOpen ? "This case is closed or discontinued: its charges can no longer be changed." : null;
    }

    public sealed record AggravationRow
    {
        public AggravatingCircumstance? Circumstance { get; init; }

        public bool Selected { get; init; }

        public string? Evidence { get; init; }
    }

    public sealed record Input
    {
        public Guid? DefendantId { get; init; }

        public Guid? OffenceId { get; init; }

        public ModeOfLiability? Mode { get; init; }

        public MentalElement? MentalElement { get; init; }

        public string? Particulars { get; init; }

        public DateOnly? ProposedOn { get; init; }

        public List<Guid> VictimIds { get; init; } = [];

        public List<AggravationRow> Aggravations { get; init; } = [];

        public uint Version { get; init; }

        /// <summary>One row per circumstance of the list, ticked with its evidence where recorded.</summary>
        public static List<AggravationRow> Rows(IReadOnlyCollection<ChargeAggravation> recorded) =>
            Enum.GetValues<AggravatingCircumstance>().Select(c => recorded.FirstOrDefault(a => a.Circumstance == c) is { } a
                ? new AggravationRow { Circumstance = c, Selected = true, Evidence = a.Evidence }
                : new AggravationRow { Circumstance = c }).ToList();

        public static Input From(Charge charge) => new()
        {
            DefendantId = charge.DefendantId,
            OffenceId = charge.OffenceId,
            Mode = charge.Mode,
            MentalElement = charge.MentalElement,
            Particulars = charge.Particulars,
            VictimIds = charge.VictimIds.ToList(),
            Aggravations = Rows(charge.Aggravations),
            Version = charge.Version,
        };

        public ChargeDetails ToDetails() => new(Mode!.Value, MentalElement!.Value, Particulars, VictimIds.Distinct().ToList(),
            Aggravations.Where(a => a.Selected).Select(a => new Evidenced<AggravatingCircumstance>(a.Circumstance!.Value, a.Evidence!.Trim())).ToList());
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public const string ChoicesKey = "ChargeChoices";

        /// <summary>What the form offers, passed in with the validation context.</summary>
        public sealed record Choices(bool IsNew, IReadOnlySet<Guid> Defendants, IReadOnlySet<Guid> Offences, IReadOnlySet<Guid> Victims);

        public Validator(TimeProvider clock)
        {
            RuleFor(i => i.DefendantId).Must((_, id, context) => id is { } d && Offered(context).Defendants.Contains(d))
                .WithMessage("Choose a defendant of this case.")
                .When((_, context) => Offered(context).IsNew);
            RuleFor(i => i.OffenceId).Must((_, id, context) => id is { } o && Offered(context).Offences.Contains(o))
                .WithMessage("Choose an offence from the catalogue.");
            RuleFor(i => i.Mode).NotNull().WithMessage("Choose the mode of liability.").IsInEnum().WithMessage("Choose the mode of liability.");
            RuleFor(i => i.MentalElement).NotNull().WithMessage("Choose the mental element.").IsInEnum().WithMessage("Choose the mental element.");
            RuleFor(i => i.Particulars).MaximumLength(Charge.ParticularsMaxLength).WithMessage($"Use at most {Charge.ParticularsMaxLength} characters.");
            RuleFor(i => i.VictimIds).Must((_, ids, context) => ids.All(Offered(context).Victims.Contains))
                .WithMessage("Choose the victims from those recorded on this case.");
            RuleForEach(i => i.Aggravations).ChildRules(row =>
            {
                row.RuleFor(r => r.Circumstance).NotNull().WithMessage(Infrastructure.BindingFailures.Message)
                    .IsInEnum().WithMessage(Infrastructure.BindingFailures.Message);
                row.RuleFor(r => r.Evidence).Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("Say what evidence supports this circumstance.")
                    .MaximumLength(ChargeFacts.EvidenceMaxLength).WithMessage($"Use at most {ChargeFacts.EvidenceMaxLength} characters.")
                    .When(r => r.Selected);
                row.RuleFor(r => r.Evidence).Empty().WithMessage("Tick the circumstance, or clear its evidence.").When(r => !r.Selected);
            });
            RuleFor(i => i.Aggravations).Must(rows => rows.Where(r => r.Circumstance is not null).GroupBy(r => r.Circumstance).All(g => g.Count() == 1))
                .WithMessage(Infrastructure.BindingFailures.Message);
            RuleFor(i => i.ProposedOn).NotNull().WithMessage("Enter the date the charge was proposed.")
                .Must(d => d <= clock.Today()).WithMessage("The date cannot be in the future.")
                .When((_, context) => Offered(context).IsNew);
        }

        private static Choices Offered(ValidationContext<Input> context) =>
            context.RootContextData.TryGetValue(ChoicesKey, out var choices) && choices is Choices c
                ? c
                : new Choices(true, new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>());
    }
}
