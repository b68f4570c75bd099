using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Charges;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Charges;

/// <summary>
/// The facts of a charge's elements, each value with the evidence that supports it: acts, means,
/// purposes, the exploitation that took place; the facts of migrant smuggling; a note of any "consent"; age evidence for victims
/// whose date of birth is unknown. Investigators and prosecutors on the team.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class FactsModel(ChargeQueries queries, ChargeAnalyses analyses, TipCasesDbContext db, IValidator<FactsModel.Input> validator,
    TimeProvider clock) : PageModel
{
    public const string ConflictMessage =
        "Someone else changed this charge while you were recording its facts. The form now shows the facts as they are; make your change again and save.";

    [BindProperty] public Input Form { get; set; } = new();

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public string Reference { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string? Closed { get; private set; }

    /// <summary>The victims the charge concerns, with whether their date of birth is unknown.</summary>
    public IReadOnlyList<ChildFinding> Victims { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await queries.LoadChargeAsync(id, User, ChargeOperation.RecordFacts, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        await ShowAsync(load, ct);
        Form = Input.From(load.Charge!, Victims);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var load = await queries.LoadChargeAsync(id, User, ChargeOperation.RecordFacts, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var charge = load.Charge!;
        await ShowAsync(load, ct);
        var failed = ModelState.ClearKeepingFailures();
        var context = new ValidationContext<Input>(Form);
        context.RootContextData[Validator.VictimsKey] = charge.VictimIds.ToHashSet();
        var validation = await validator.ValidateAsync(context, ct);
        if (!validation.IsValid || failed.Count > 0)
        {
            validation.AddToModelState(ModelState, nameof(Form));
            ModelState.AddUnreported(failed);
            return Page();
        }
        try
        {
            db.Entry(charge).Property(c => c.Version).OriginalValue = Form.Version;
            charge.RecordFacts(load.Case!, Form.ToFacts(), User.UserId(), clock.GetUtcNow());
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
            ModelState.Clear();
            var current = await queries.LoadChargeAsync(id, User, ChargeOperation.RecordFacts, ct);
            if (current.Charge is null)
            {
                return NotFound();
            }
            await ShowAsync(current, ct);
            Form = Input.From(current.Charge, Victims);
            ModelState.AddModelError(string.Empty, ConflictMessage);
            return Page();
        }
        TempData["Message"] = "The facts are saved.";
        return RedirectToPage("Details", new { id });
    }

    private async Task ShowAsync(ChargeLoad load, CancellationToken ct)
    {
        var charge = load.Charge!;
        Id = charge.Id;
        CaseId = load.Case!.Id;
        Reference = load.Case.Reference;
        var analysis = (await analyses.ForAsync(load.Case, [charge], User, ct))[charge.Id];
        Title = analysis.Offence.Label;
        Victims = analysis.Victims;
        Closed = !charge.Status.IsOpen()
            ? $"This charge is {charge.Status.DisplayName().ToLowerInvariant()}: its facts can no longer be changed."
            : !load.Case.IsOpen ? "This case is closed or discontinued: its charges can no longer be changed." : null;
    }

    public sealed record FactRow
    {
        public ChargeElement? Element { get; init; }

        public string? Value { get; init; }

        public bool Selected { get; init; }

        public string? Evidence { get; init; }

        /// <summary>The value's words, or null when it is not one of the element's values.</summary>
        public string? Words => (Element, Value) switch
        {
            (ChargeElement.Act, { } v) when Enum.TryParse<TraffickingAct>(v, out var a) && Enum.IsDefined(a) => a.DisplayName(),
            (ChargeElement.Means, { } v) when Enum.TryParse<TraffickingMeans>(v, out var m) && Enum.IsDefined(m) => m.DisplayName(),
            (ChargeElement.Purpose or ChargeElement.Exploitation, { } v) when Enum.TryParse<ExploitationForm>(v, out var p) && Enum.IsDefined(p) => p.DisplayName(),
            _ => null,
        };
    }

    public sealed record AgeRow
    {
        public Guid? VictimId { get; init; }

        public string? Evidence { get; init; }

        public bool? IndicatesChild { get; init; }
    }

    public sealed record Input
    {
        public List<FactRow> Facts { get; init; } = [];

        public string? IllegalEntryEvidence { get; init; }

        public string? BenefitEvidence { get; init; }

        public string? ConsentNote { get; init; }

        public List<AgeRow> Ages { get; init; } = [];

        public uint Version { get; init; }

        /// <summary>Every act, means and purpose of the lists, ticked with its evidence where recorded;
        /// an age row for each victim whose date of birth is unknown or who has age evidence.</summary>
        public static Input From(Charge charge, IReadOnlyList<ChildFinding> victims)
        {
            FactRow Row<T>(ChargeElement element, T value, IReadOnlyList<Evidenced<T>> recorded) where T : struct, Enum =>
                recorded.FirstOrDefault(r => EqualityComparer<T>.Default.Equals(r.Value, value)) is { } r
                    ? new FactRow { Element = element, Value = value.ToString(), Selected = true, Evidence = r.Evidence }
                    : new FactRow { Element = element, Value = value.ToString() };
            var ages = charge.Victims.ToDictionary(v => v.VictimId);
            return new Input
            {
                Facts =
                [
                    .. Enum.GetValues<TraffickingAct>().Select(a => Row(ChargeElement.Act, a, charge.Acts)),
                    .. Enum.GetValues<TraffickingMeans>().Select(m => Row(ChargeElement.Means, m, charge.Means)),
                    .. Enum.GetValues<ExploitationForm>().Select(p => Row(ChargeElement.Purpose, p, charge.Purposes)),
                    .. Enum.GetValues<ExploitationForm>().Select(e => Row(ChargeElement.Exploitation, e, charge.Exploitation)),
                ],
                IllegalEntryEvidence = charge.IllegalEntryEvidence,
                BenefitEvidence = charge.BenefitEvidence,
                ConsentNote = charge.ConsentNote,
                Ages = victims.Where(v => v.Flagged || ages[v.VictimId].AgeEvidence is not null)
                    .Select(v => new AgeRow { VictimId = v.VictimId, Evidence = ages[v.VictimId].AgeEvidence, IndicatesChild = ages[v.VictimId].AgeEvidenceIndicatesChild })
                    .ToList(),
                Version = charge.Version,
            };
        }

        public ChargeFacts ToFacts()
        {
            List<Evidenced<T>> Ticked<T>(ChargeElement element) where T : struct, Enum =>
                Facts.Where(f => f.Selected && f.Element == element).Select(f => new Evidenced<T>(Enum.Parse<T>(f.Value!), f.Evidence!.Trim())).ToList();
            return new ChargeFacts(Ticked<TraffickingAct>(ChargeElement.Act), Ticked<TraffickingMeans>(ChargeElement.Means),
                Ticked<ExploitationForm>(ChargeElement.Purpose), IllegalEntryEvidence, BenefitEvidence, ConsentNote,
                Ages.Where(a => !string.IsNullOrWhiteSpace(a.Evidence)).Select(a => new AgeEvidence(a.VictimId!.Value, a.Evidence!.Trim(), a.IndicatesChild!.Value)).ToList())
            {
                Exploitation = Ticked<ExploitationForm>(ChargeElement.Exploitation),
            };
        }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public const string VictimsKey = "ChargeVictims";

        public Validator()
        {
            RuleForEach(i => i.Facts).ChildRules(row =>
            {
                row.RuleFor(r => r.Words).NotNull().WithMessage(BindingFailures.Message).OverridePropertyName("Value");
                row.RuleFor(r => r.Evidence).Must(e => !string.IsNullOrWhiteSpace(e))
                    .WithMessage(r => r.Element == ChargeElement.Exploitation
                        ? $"Say what evidence shows that {r.Words?.ToLowerInvariant()} took place."
                        : $"Say what evidence supports \"{r.Words?.ToLowerInvariant()}\".")
                    .MaximumLength(ChargeFacts.EvidenceMaxLength).WithMessage($"Use at most {ChargeFacts.EvidenceMaxLength} characters.")
                    .When(r => r.Selected && r.Words is not null);
                row.RuleFor(r => r.Evidence).Empty().WithMessage("Tick it, or clear its evidence.").When(r => !r.Selected);
            });
            RuleFor(i => i.Facts).Must(rows => rows.GroupBy(r => (r.Element, r.Value)).All(g => g.Count() == 1)).WithMessage(BindingFailures.Message);
            RuleFor(i => i.IllegalEntryEvidence).MaximumLength(ChargeFacts.EvidenceMaxLength).WithMessage($"Use at most {ChargeFacts.EvidenceMaxLength} characters.");
            RuleFor(i => i.BenefitEvidence).MaximumLength(ChargeFacts.EvidenceMaxLength).WithMessage($"Use at most {ChargeFacts.EvidenceMaxLength} characters.");
            RuleFor(i => i.ConsentNote).MaximumLength(ChargeFacts.EvidenceMaxLength).WithMessage($"Use at most {ChargeFacts.EvidenceMaxLength} characters.");
            RuleForEach(i => i.Ages).ChildRules(row =>
            {
                row.RuleFor(r => r.Evidence).MaximumLength(ChargeFacts.EvidenceMaxLength).WithMessage($"Use at most {ChargeFacts.EvidenceMaxLength} characters.");
                row.RuleFor(r => r.IndicatesChild).NotNull().WithMessage("Say whether the evidence indicates a child (under 18) or an adult.")
                    .When(r => !string.IsNullOrWhiteSpace(r.Evidence));
                row.RuleFor(r => r.Evidence).NotEmpty().WithMessage("Describe the age evidence.").When(r => r.IndicatesChild is not null);
            });
            RuleFor(i => i.Ages).Must((_, rows, context) => rows.All(r => r.VictimId is { } v
                    && context.RootContextData.TryGetValue(VictimsKey, out var ids) && ids is IReadOnlySet<Guid> set && set.Contains(v)))
                .WithMessage("Age evidence can only be recorded for a victim this charge concerns.");
        }
    }
}
