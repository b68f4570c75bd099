using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Charges;
using TipCases.Domain.Reference;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Pages.Victims;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Charges;

/// <summary>
/// A charge's life cycle: file, amend, withdraw, record the verdict with the sentence of a
/// conviction (never above the penalty ceiling), correct the sentence later, and record an appeal.
/// Prosecutors on the team only. Every date is checked against the one before it and today.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class StatusModel(ChargeQueries queries, TipCasesDbContext db, IValidator<StatusModel.StatusInput> statusValidator,
    IValidator<StatusModel.SentenceInput> sentenceValidator, IValidator<StatusModel.AppealInput> appealValidator, TimeProvider clock) : PageModel
{
    public const string ConflictMessage = "Someone else changed this charge at the same time, so nothing was saved. The page now shows the charge as it is; try again.";

    [BindProperty] public StatusInput Form { get; set; } = new();

    [BindProperty] public SentenceInput SentenceForm { get; set; } = new();

    [BindProperty] public AppealInput AppealForm { get; set; } = new();

    public Charge Charge { get; private set; } = null!;

    public Guid CaseId { get; private set; }

    public string Reference { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string DefendantLabel { get; private set; } = "";

    public DefendantKind DefendantKind { get; private set; }

    public PenaltyCeiling Ceiling { get; private set; } = null!;

    public bool CaseIsOpen { get; private set; }

    public DateOnly Today => clock.Today();

    public IReadOnlyList<ChargeStatus> Targets =>
        Enum.GetValues<ChargeStatus>().Where(s => Charge.WhyNotMove(Charge.Status, s) is null).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await queries.LoadChargeAsync(id, User, ChargeOperation.ManageCharges, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        await ShowAsync(load, ct);
        ResetForms();
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, CancellationToken ct) =>
        await SaveAsync(id, nameof(Form), statusValidator, Form, (load, now) =>
        {
            load.Charge!.ChangeStatus(load.Case!, Form.To!.Value, Form.On!.Value, Form.Note,
                Form.To == ChargeStatus.Convicted ? Form.Sentence.ToSentence() : null, _offence!, load.Defendant!, User.UserId(), now, Today);
            // The stage rules read the charges' statuses: a stage change made meanwhile is not slipped past.
            db.CheckCaseVersionOnSave(load.Case!);
            return $"The charge is {Form.To!.Value.DisplayName().ToLowerInvariant()} on {Dates.Day(Form.On!.Value)}.";
        }, ct);

    public async Task<IActionResult> OnPostSentenceAsync(Guid id, CancellationToken ct) =>
        await SaveAsync(id, nameof(SentenceForm), sentenceValidator, SentenceForm, (load, now) =>
        {
            load.Charge!.RecordSentence(load.Case!, SentenceForm.Sentence.ToSentence() ?? new Sentence(null, null, false, null, null, null),
                _offence!, load.Defendant!, User.UserId(), now);
            return "The sentence is saved.";
        }, ct);

    public async Task<IActionResult> OnPostAppealAsync(Guid id, CancellationToken ct) =>
        await SaveAsync(id, nameof(AppealForm), appealValidator, AppealForm, (load, now) =>
        {
            load.Charge!.RecordAppeal(load.Case!, new Appeal(AppealForm.LodgedOn!.Value, AppealForm.By!.Value, AppealForm.Outcome!.Value,
                AppealForm.DecidedOn, AppealForm.Note), User.UserId(), now, Today);
            return "The appeal is saved.";
        }, ct);

    /// <summary>The charge's offence, loaded with it (its ceiling bounds the sentence).</summary>
    private Offence? _offence;

    /// <summary>One save: load, validate the posted form with what it is checked against (the
    /// charge's status and date, the ceiling, the kind of defendant), apply, save, redirect.</summary>
    private async Task<IActionResult> SaveAsync<T>(Guid id, string prefix, IValidator<T> validator, T input, Func<ChargeLoad, DateTimeOffset, string> apply,
        CancellationToken ct) where T : IVersioned
    {
        var load = await queries.LoadChargeAsync(id, User, ChargeOperation.ManageCharges, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        await ShowAsync(load, ct);
        var failed = ModelState.ClearKeepingFailures().Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList();
        var context = new ValidationContext<T>(input);
        context.RootContextData[Checks.Key] = new Checks(Charge.Status, Charge.StatusOn, Ceiling, DefendantKind, Today);
        var validation = await validator.ValidateAsync(context, ct);
        if (!validation.IsValid || failed.Count > 0)
        {
            validation.AddToModelState(ModelState, prefix);
            ModelState.AddUnreported(failed);
            return Page();
        }
        string message;
        try
        {
            db.Entry(load.Charge!).Property(c => c.Version).OriginalValue = input.Version;
            message = apply(load, clock.GetUtcNow());
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
            var current = await queries.LoadChargeAsync(id, User, ChargeOperation.ManageCharges, ct);
            if (current.Charge is null)
            {
                return NotFound();
            }
            await ShowAsync(current, ct);
            ResetForms();
            ModelState.AddModelError(string.Empty, ex.Entries.Any(e => e.Entity is Domain.Cases.Case) ? CaseConcurrency.ConflictMessage : ConflictMessage);
            return Page();
        }
        TempData["Message"] = message;
        return RedirectToPage("Details", new { id });
    }

    private async Task ShowAsync(ChargeLoad load, CancellationToken ct)
    {
        Charge = load.Charge!;
        CaseId = load.Case!.Id;
        Reference = load.Case.Reference;
        CaseIsOpen = load.Case.IsOpen;
        _offence = await db.Offences.SingleAsync(o => o.Id == Charge.OffenceId, ct);
        Title = _offence.Label;
        Ceiling = PenaltyRules.Ceiling(_offence, Charge.AggravatingCircumstances);
        DefendantKind = load.Defendant!.Kind;
        var defendants = await queries.DefendantsOfCaseAsync(load.Case, User, ct);
        DefendantLabel = defendants.First(d => d.Id == Charge.DefendantId).Label;
    }

    private void ResetForms()
    {
        // No status is preselected: withdrawing a charge or recording a verdict must be a deliberate choice.
        Form = new StatusInput { On = Today, Version = Charge.Version };
        SentenceForm = new SentenceInput { Sentence = SentenceFields.From(Charge.Sentence), Version = Charge.Version };
        AppealForm = Charge.Appeal is { } a
            ? new AppealInput { LodgedOn = a.LodgedOn, By = a.By, Outcome = a.Outcome, DecidedOn = a.DecidedOn, Note = a.Note, Version = Charge.Version }
            : new AppealInput { LodgedOn = Today, Outcome = AppealOutcome.Pending, Version = Charge.Version };
    }

    public interface IVersioned
    {
        uint Version { get; }
    }

    /// <summary>What the forms are checked against, passed with the validation context.</summary>
    public sealed record Checks(ChargeStatus Status, DateOnly StatusOn, PenaltyCeiling Ceiling, DefendantKind Defendant, DateOnly Today)
    {
        public const string Key = "ChargeChecks";

        public static Checks Of(IValidationContext context) => (Checks)context.RootContextData[Key];
    }

    public sealed record SentenceFields
    {
        public int? CustodialMonths { get; init; }

        public string? Fine { get; init; }

        public string? Currency { get; init; }

        public bool ConfiscationOrdered { get; init; }

        public string? ConfiscationNote { get; init; }

        public string? Compensation { get; init; }

        public bool IsEmpty => CustodialMonths is null && string.IsNullOrWhiteSpace(Fine) && !ConfiscationOrdered && string.IsNullOrWhiteSpace(Compensation);

        public Sentence? ToSentence() => IsEmpty
            ? null
            : new Sentence(CustodialMonths, CompensationModel.Amounts.Parse(Fine), ConfiscationOrdered, ConfiscationNote, CompensationModel.Amounts.Parse(Compensation),
                string.IsNullOrWhiteSpace(Currency) ? null : Currency.Trim().ToUpperInvariant());

        public static SentenceFields From(Sentence? s) => s is null ? new() : new()
        {
            CustodialMonths = s.CustodialMonths,
            Fine = s.FineAmount?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            Currency = s.Currency,
            ConfiscationOrdered = s.ConfiscationOrdered,
            ConfiscationNote = s.ConfiscationNote,
            Compensation = s.CompensationAmount?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public sealed record StatusInput : IVersioned
    {
        public ChargeStatus? To { get; init; }

        public DateOnly? On { get; init; }

        public string? Note { get; init; }

        public SentenceFields Sentence { get; init; } = new();

        public uint Version { get; init; }
    }

    public sealed record SentenceInput : IVersioned
    {
        public SentenceFields Sentence { get; init; } = new();

        public uint Version { get; init; }
    }

    public sealed record AppealInput : IVersioned
    {
        public DateOnly? LodgedOn { get; init; }

        public AppealParty? By { get; init; }

        public AppealOutcome? Outcome { get; init; }

        public DateOnly? DecidedOn { get; init; }

        public string? Note { get; init; }

        public uint Version { get; init; }
    }

    /// <summary>The sentence's rules next to its fields: the ceiling (with its reason), no custodial
    /// term for a legal person, amounts as typed, the currency of the amounts.</summary>
    public sealed class SentenceFieldsValidator : AbstractValidator<SentenceFields>
    {
        public SentenceFieldsValidator()
        {
            RuleFor(s => s.CustodialMonths).Custom((months, context) =>
            {
                if (months is not { } m)
                {
                    return;
                }
                var checks = Checks.Of(context);
                if (checks.Defendant == DefendantKind.LegalPerson)
                {
                    context.AddFailure("A legal person cannot be sentenced to a custodial term: record a fine or another monetary sanction (Convention Art. 10(4)).");
                }
                else if (m < 1)
                {
                    context.AddFailure("The custodial term is a number of months, at least 1.");
                }
                else if (m > checks.Ceiling.Months)
                {
                    context.AddFailure($"The custodial term of {m} months is above the maximum of {checks.Ceiling.Years} years ({checks.Ceiling.Months} months) for this charge. {checks.Ceiling.Reason}");
                }
            });
            RuleFor(s => s.Fine).Must(CompensationModel.Amounts.IsValid).WithMessage(CompensationModel.Amounts.Message)
                .Must(a => CompensationModel.Amounts.Parse(a) is not 0m).WithMessage("Amounts are above zero.");
            RuleFor(s => s.Compensation).Must(CompensationModel.Amounts.IsValid).WithMessage(CompensationModel.Amounts.Message)
                .Must(a => CompensationModel.Amounts.Parse(a) is not 0m).WithMessage("Amounts are above zero.");
            RuleFor(s => s.Currency).Must(Currencies.IsKnown).WithMessage("Give the currency as a three-letter ISO 4217 code, such as EUR.")
                .When(s => !string.IsNullOrWhiteSpace(s.Fine) || !string.IsNullOrWhiteSpace(s.Compensation) || !string.IsNullOrWhiteSpace(s.Currency));
            RuleFor(s => s.ConfiscationNote).MaximumLength(Domain.Charges.Sentence.NoteMaxLength).WithMessage($"Use at most {Domain.Charges.Sentence.NoteMaxLength} characters.");
        }
    }

    public sealed class StatusValidator : AbstractValidator<StatusInput>
    {
        public StatusValidator()
        {
            RuleFor(i => i.To).NotNull().WithMessage("Choose the new status.")
                .Custom((to, context) =>
                {
                    if (Charge.WhyNotMove(Checks.Of(context).Status, to!.Value) is { } why)
                    {
                        context.AddFailure(why);
                    }
                });
            RuleFor(i => i.On).NotNull().WithMessage("Enter the date.")
                .Must((_, on, context) => on <= Checks.Of(context).Today).WithMessage("The date cannot be in the future.")
                .Custom((on, context) =>
                {
                    var checks = Checks.Of(context);
                    if (on < checks.StatusOn)
                    {
                        context.AddFailure($"The date cannot be before the charge was {checks.Status.DisplayName().ToLowerInvariant()} on {Dates.Day(checks.StatusOn)}.");
                    }
                });
            RuleFor(i => i.Note).MaximumLength(Charge.StatusNoteMaxLength).WithMessage($"Use at most {Charge.StatusNoteMaxLength} characters.");
            RuleFor(i => i.Sentence).SetValidator(new SentenceFieldsValidator()).When(i => i.To == ChargeStatus.Convicted);
            RuleFor(i => i.Sentence).Must(s => s.IsEmpty).WithMessage("A sentence is recorded with a conviction only: clear the sentence, or choose convicted.")
                .When(i => i.To is not null && i.To != ChargeStatus.Convicted);
        }
    }

    public sealed class SentenceValidator : AbstractValidator<SentenceInput>
    {
        public SentenceValidator()
        {
            RuleFor(i => i.Sentence).SetValidator(new SentenceFieldsValidator());
        }
    }

    public sealed class AppealValidator : AbstractValidator<AppealInput>
    {
        public AppealValidator()
        {
            RuleFor(i => i.LodgedOn).NotNull().WithMessage("Enter the date the appeal was lodged.")
                .Must((_, on, context) => on <= Checks.Of(context).Today).WithMessage("The date cannot be in the future.")
                .Custom((on, context) =>
                {
                    var checks = Checks.Of(context);
                    if (on < checks.StatusOn)
                    {
                        context.AddFailure($"The appeal cannot be lodged before the verdict of {Dates.Day(checks.StatusOn)}.");
                    }
                });
            RuleFor(i => i.By).NotNull().WithMessage("Choose who appealed.").IsInEnum().WithMessage("Choose who appealed.")
                .Must((_, by, context) => !(by == AppealParty.Defence && Checks.Of(context).Status == ChargeStatus.Acquitted))
                .WithMessage("The defence does not appeal an acquittal.");
            RuleFor(i => i.Outcome).NotNull().WithMessage("Choose the outcome.").IsInEnum().WithMessage("Choose the outcome.");
            RuleFor(i => i.DecidedOn).NotNull().WithMessage("Give the date the appeal was decided.").When(i => i.Outcome is not null and not AppealOutcome.Pending);
            RuleFor(i => i.DecidedOn).Null().WithMessage("A pending appeal has no decision date yet.").When(i => i.Outcome == AppealOutcome.Pending);
            RuleFor(i => i.DecidedOn).Must((i, d, context) => d >= i.LodgedOn && d <= Checks.Of(context).Today)
                .WithMessage("The decision comes after the appeal was lodged, and not in the future.")
                .When(i => i.DecidedOn is not null && i.LodgedOn is not null && i.Outcome is not null and not AppealOutcome.Pending);
            RuleFor(i => i.Note).MaximumLength(Appeal.NoteMaxLength).WithMessage($"Use at most {Appeal.NoteMaxLength} characters.");
        }
    }
}
