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
using TipCases.Web.Security;
using DefendantRecord = TipCases.Domain.Charges.Defendant;
using TipCases.Domain.Jurisdiction;

namespace TipCases.Web.Pages.Charges;

/// <summary>Adds a defendant to a case, or edits one: investigators and prosecutors on the team.</summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class DefendantModel(ChargeQueries queries, TipCasesDbContext db, IValidator<DefendantModel.Input> validator, TimeProvider clock)
    : PageModel
{
    public const string ConflictMessage =
        "Someone else changed this defendant while you were editing. The form now shows their version; make your change again and save.";

    [BindProperty] public Input Form { get; set; } = new();

    public Guid CaseId { get; private set; }

    public string Reference { get; private set; } = "";

    public bool IsNew { get; private set; }

    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid caseId, Guid? defendantId, CancellationToken ct)
    {
        var load = await LoadAsync(caseId, defendantId, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        Show(load);
        Form = load.Defendant is { } d ? Input.From(d) : new Input { Kind = DefendantKind.NaturalPerson, ExtraditionRefusal = ExtraditionRefusal.None };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid? defendantId, CancellationToken ct)
    {
        var load = await LoadAsync(caseId, defendantId, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        Show(load);
        var failed = ModelState.ClearKeepingFailures();
        var validation = await validator.ValidateAsync(Form, ct);
        if (!validation.IsValid || failed.Count > 0)
        {
            validation.AddToModelState(ModelState, nameof(Form));
            ModelState.AddUnreported(failed);
            return Page();
        }
        var @case = load.Case!;
        var details = Form.ToDetails();
        string name;
        try
        {
            if (load.Defendant is { } existing)
            {
                db.Entry(existing).Property(d => d.Version).OriginalValue = Form.Version;
                existing.Update(@case, details, Today);
                name = existing.Name;
            }
            else
            {
                var added = DefendantRecord.Add(Guid.CreateVersion7(clock.GetUtcNow()), @case, details, User.UserId(), clock.GetUtcNow(), Today);
                db.Defendants.Add(added);
                // A defendant is never added to a case closed meanwhile.
                db.CheckCaseVersionOnSave(@case);
                name = added.Name;
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
            if (ex.Entries.Any(e => e.Entity is DefendantRecord) && defendantId is { } id
                && await db.Defendants.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) is { } current)
            {
                Form = Input.From(current);
                ModelState.AddModelError(string.Empty, ConflictMessage);
            }
            else
            {
                ModelState.AddModelError(string.Empty, CaseConcurrency.ConflictMessage);
            }
            return Page();
        }
        TempData["Message"] = IsNew ? $"{name} is added to the case." : $"{name} is saved.";
        return RedirectToPage("Index", new { id = caseId });
    }

    private Task<ChargeLoad> LoadAsync(Guid caseId, Guid? defendantId, CancellationToken ct) => defendantId is { } id
        ? queries.LoadDefendantAsync(caseId, id, User, ChargeOperation.ManageDefendants, ct)
        : queries.LoadCaseAsync(caseId, User, ChargeOperation.ManageDefendants, ct);

    private void Show(ChargeLoad load)
    {
        CaseId = load.Case!.Id;
        Reference = load.Case.Reference;
        IsNew = load.Defendant is null;
    }

    public sealed record Input
    {
        public DefendantKind? Kind { get; init; }

        public string? Name { get; init; }

        public string? Aliases { get; init; }

        public DateOnly? DateOfBirth { get; init; }

        public string? Nationality { get; init; }

        public bool IsStateless { get; init; }

        public string? HabitualResidence { get; init; }

        public CustodyStatus? Custody { get; init; }

        public LegalForm? LegalForm { get; init; }

        public string? RegistrationNumber { get; init; }

        public string? Country { get; init; }

        public bool IsPresentInTerritory { get; init; }

        public ExtraditionRefusal? ExtraditionRefusal { get; init; }

        public string? ExtraditionRefusalNote { get; init; }

        public uint Version { get; init; }

        public bool IsNatural => Kind != DefendantKind.LegalPerson;

        public static Input From(DefendantRecord d) => new()
        {
            Kind = d.Kind,
            Name = d.Name,
            Aliases = d.Aliases,
            DateOfBirth = d.DateOfBirth,
            Nationality = d.Nationality,
            IsStateless = d.IsStateless,
            HabitualResidence = d.HabitualResidence,
            Custody = d.Custody,
            LegalForm = d.LegalForm,
            RegistrationNumber = d.RegistrationNumber,
            Country = d.Country,
            IsPresentInTerritory = d.IsPresentInTerritory,
            ExtraditionRefusal = d.ExtraditionRefusal,
            ExtraditionRefusalNote = d.ExtraditionRefusalNote,
            Version = d.Version,
        };

        public DefendantDetails ToDetails() => new(Kind!.Value, Name ?? "", Aliases, DateOfBirth, Nationality, IsStateless, HabitualResidence,
            Custody, LegalForm, RegistrationNumber, Country, IsPresentInTerritory, ExtraditionRefusal ?? Domain.Jurisdiction.ExtraditionRefusal.None,
            ExtraditionRefusalNote);
    }

    /// <summary>The rules of <see cref="DefendantDetails.Problems"/>, each next to its field; only
    /// the fields of the chosen kind of person are checked.</summary>
    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(i => i.Kind).NotNull().WithMessage("Choose whether the defendant is a natural or a legal person.")
                .IsInEnum().WithMessage("Choose whether the defendant is a natural or a legal person.");
            RuleFor(i => i.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Give the defendant's name.")
                .MaximumLength(DefendantRecord.NameMaxLength).WithMessage($"Use at most {DefendantRecord.NameMaxLength} characters.");
            // What no form of either kind could send (too long, not on a list) is refused whatever
            // the kind chosen: the other kind's fields are hidden, not trusted.
            RuleFor(i => i.Aliases).MaximumLength(DefendantRecord.AliasesMaxLength).WithMessage($"Use at most {DefendantRecord.AliasesMaxLength} characters.");
            RuleFor(i => i.Nationality).Must(Countries.IsKnown).WithMessage("Choose the nationality from the list of states.")
                .When(i => !string.IsNullOrWhiteSpace(i.Nationality));
            RuleFor(i => i.HabitualResidence).Must(Countries.IsKnown).WithMessage("Choose the state of habitual residence from the list.")
                .When(i => !string.IsNullOrWhiteSpace(i.HabitualResidence));
            RuleFor(i => i.ExtraditionRefusalNote).MaximumLength(DefendantRecord.NoteMaxLength).WithMessage($"Use at most {DefendantRecord.NoteMaxLength} characters.");
            RuleFor(i => i.RegistrationNumber).MaximumLength(DefendantRecord.RegistrationMaxLength).WithMessage($"Use at most {DefendantRecord.RegistrationMaxLength} characters.");
            RuleFor(i => i.Country).Must(Countries.IsKnown).WithMessage("Choose the state of registration from the list.")
                .When(i => !string.IsNullOrWhiteSpace(i.Country));
            When(i => i.Kind == DefendantKind.NaturalPerson, () =>
            {
                RuleFor(i => i.DateOfBirth).Must(d => d <= clock.Today()).WithMessage("The date of birth cannot be in the future.")
                    .Must(d => d >= clock.Today().AddYears(-120)).WithMessage("Check the date of birth: it is more than 120 years ago.")
                    .When(i => i.DateOfBirth is not null);
                RuleFor(i => i.Nationality).Empty().WithMessage("A stateless person has no nationality: clear the nationality or untick stateless.")
                    .When(i => i.IsStateless);
                RuleFor(i => i.Custody).NotNull().WithMessage("Choose the defendant's custody status.")
                    .IsInEnum().WithMessage("Choose the defendant's custody status.");
                RuleFor(i => i.ExtraditionRefusal).IsInEnum().WithMessage("Choose whether extradition was refused, and why.");
            });
            When(i => i.Kind == DefendantKind.LegalPerson, () =>
            {
                RuleFor(i => i.LegalForm).NotNull().WithMessage("Choose the legal form: company, charity, association or other.")
                    .IsInEnum().WithMessage("Choose the legal form: company, charity, association or other.");
            });
        }
    }
}
