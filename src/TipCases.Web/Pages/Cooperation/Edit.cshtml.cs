using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Cases;
using TipCases.Domain.Cooperation;
using TipCases.Domain.Reference;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Pages.Charges;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Cooperation;

/// <summary>Records a cooperation request on a case as a draft, or edits one that is not closed.
/// Investigators and prosecutors on the team and supervisors of the office (CooperationAccessRule).</summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class EditModel(CooperationCases cooperation, ChargeQueries charges, TipCasesDbContext db, IValidator<EditModel.Input> validator, TimeProvider clock) : PageModel
{
    public const string ConflictMessage = "Someone else changed this request at the same time, so nothing was saved. The form now shows it as it is; make your changes again.";

    [BindProperty] public Input Form { get; set; } = new();

    public Guid CaseId { get; private set; }

    public Guid? RequestId { get; private set; }

    public string Reference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid caseId, Guid? id, CancellationToken ct)
    {
        var load = await cooperation.LoadAsync(caseId, User, CooperationOperation.RecordRequest, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        await ShowAsync(load.Case!, id, ct);
        if (id is { } requestId)
        {
            var request = await db.CooperationRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId && r.CaseId == caseId, ct);
            if (request is null || request.IsClosed)
            {
                return NotFound();
            }
            Form = Input.From(request);
        }
        else
        {
            Form = new Input { Direction = CooperationDirection.Outgoing, LegalBasis = LegalBasis.Convention };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid? id, CancellationToken ct)
    {
        var load = await cooperation.LoadAsync(caseId, User, CooperationOperation.RecordRequest, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var @case = load.Case!;
        if (id is { } existing && !await db.CooperationRequests.AnyAsync(r => r.Id == existing && r.CaseId == caseId, ct))
        {
            return NotFound(); // another case's request: refused before the form is even looked at
        }
        await ShowAsync(@case, id, ct);
        // The validator explains; what could not be read at all (a malformed date) is refused too.
        var unbound = ModelState.ClearKeepingFailures();
        var validation = await validator.ValidateAsync(Form, ct);
        validation.AddToModelState(ModelState, nameof(Form));
        ModelState.AddUnreported(unbound);
        // A defendant id that is not one of this case's (a tampered form) saves nothing.
        if (Form.DefendantIds.Any(d => Defendants.All(x => x.Id != d)))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.DefendantIds)}", "Choose defendants of this case.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var details = Form.ToDetails();
        CooperationRequest request;
        try
        {
            if (id is { } requestId)
            {
                request = await db.CooperationRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.CaseId == caseId, ct)
                    ?? throw new InvalidOperationException();
                db.Entry(request).Property(r => r.Version).OriginalValue = Form.Version ?? 0;
                request.UpdateDetails(details);
            }
            else
            {
                request = CooperationRequest.Draft(caseId, details, User.UserId(), clock.GetUtcNow());
                foreach (var line in (Form.Material ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
                {
                    request.AddMaterial(line, clock.GetUtcNow());
                }
                db.CooperationRequests.Add(request);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (InvalidOperationException)
        {
            return NotFound();
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.CooperationRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.CaseId == caseId, ct);
            if (current is null)
            {
                return NotFound();
            }
            Form = Input.From(current);
            ModelState.AddModelError(string.Empty, ConflictMessage);
            return Page();
        }
        TempData["Message"] = id is null ? "The request is recorded as a draft. Mark it sent when it goes out." : "The request is saved.";
        return RedirectToPage("Details", new { caseId, id = request.Id });
    }

    /// <summary>The case's defendants to choose from: by name for the team, by number for others.</summary>
    public IReadOnlyList<DefendantView> Defendants { get; private set; } = [];

    private async Task ShowAsync(Case c, Guid? id, CancellationToken ct)
    {
        Defendants = await charges.DefendantsOfCaseAsync(c, User, ct);
        CaseId = c.Id;
        Reference = c.Reference;
        RequestId = id;
    }

    public sealed record Input
    {
        public CooperationKind? Kind { get; init; }

        public CooperationDirection? Direction { get; init; }

        public string? CounterpartState { get; init; }

        public string? Authority { get; init; }

        public LegalBasis? LegalBasis { get; init; }

        public string? TreatyName { get; init; }

        public string? Subject { get; init; }

        public List<AssistanceKind> Assistance { get; init; } = [];

        public List<Guid> DefendantIds { get; init; } = [];

        public bool Confidential { get; init; }

        public bool UseLimitedToStatedPurpose { get; init; }

        public string? Conditions { get; init; }

        /// <summary>New requests only: the evidence or material concerned, one item a line.</summary>
        public string? Material { get; init; }

        public uint? Version { get; init; }

        public CooperationDetails ToDetails() => new(Kind!.Value, Direction!.Value, CounterpartState, Authority, LegalBasis!.Value, TreatyName, Subject,
            Assistance, DefendantIds, Confidential, UseLimitedToStatedPurpose, Conditions);

        public static Input From(CooperationRequest r) => new()
        {
            Kind = r.Kind,
            Direction = r.Direction,
            CounterpartState = r.CounterpartState,
            Authority = r.Authority,
            LegalBasis = r.LegalBasis,
            TreatyName = r.TreatyName,
            Subject = r.Subject,
            Assistance = [.. r.Assistance],
            DefendantIds = [.. r.DefendantIds],
            Confidential = r.Confidential,
            UseLimitedToStatedPurpose = r.UseLimitedToStatedPurpose,
            Conditions = r.Conditions,
            Version = r.Version,
        };
    }

    /// <summary>The rules of <see cref="CooperationRequest.Problems"/>, each next to its field.</summary>
    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(i => i.Kind).NotNull().WithMessage("Choose the kind of request.").IsInEnum().WithMessage("Choose the kind of request.");
            RuleFor(i => i.Direction).NotNull().WithMessage("Choose outgoing or incoming.").IsInEnum().WithMessage("Choose outgoing or incoming.");
            RuleFor(i => i.CounterpartState).Must(Countries.IsKnown).WithMessage("Choose the counterpart state from the list.");
            RuleFor(i => i.LegalBasis).NotNull().WithMessage("Choose the legal basis.").IsInEnum().WithMessage("Choose the legal basis.");
            RuleFor(i => i.TreatyName).Must(t => !string.IsNullOrWhiteSpace(t)).When(i => i.LegalBasis == Domain.Cooperation.LegalBasis.BilateralTreaty)
                .WithMessage("Name the bilateral treaty the request rests on.")
                .MaximumLength(CooperationRequest.TreatyNameMaxLength).WithMessage($"Use at most {CooperationRequest.TreatyNameMaxLength} characters.");
            RuleFor(i => i.Subject).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Say in a line what the request asks for.")
                .MaximumLength(CooperationRequest.SubjectMaxLength).WithMessage($"Use at most {CooperationRequest.SubjectMaxLength} characters.");
            RuleFor(i => i.Authority).MaximumLength(CooperationRequest.AuthorityMaxLength).WithMessage($"Use at most {CooperationRequest.AuthorityMaxLength} characters.");
            RuleFor(i => i.Assistance).NotEmpty().When(i => i.Kind == CooperationKind.MutualLegalAssistance)
                .WithMessage("Choose at least one kind of assistance asked for.");
            RuleFor(i => i.Assistance).Empty().When(i => i.Kind is not null && i.Kind != CooperationKind.MutualLegalAssistance)
                .WithMessage("Kinds of assistance belong to mutual legal assistance requests only.");
            RuleForEach(i => i.Assistance).IsInEnum().WithMessage("Choose the kinds of assistance from the list.");
            RuleFor(i => i.Conditions).MaximumLength(CooperationRequest.ConditionsMaxLength).WithMessage($"Use at most {CooperationRequest.ConditionsMaxLength} characters.");
            RuleFor(i => i.Material).Must(m => (m ?? "").Split('\n').All(l => l.Trim().Length <= RequestMaterial.DescriptionMaxLength))
                .WithMessage($"Keep each item to at most {RequestMaterial.DescriptionMaxLength} characters.")
                .Must(m => (m ?? "").Split('\n').Count(l => l.Trim().Length > 0) <= CooperationRequest.MaterialMaxItems)
                .WithMessage($"List at most {CooperationRequest.MaterialMaxItems} items.");
        }
    }
}
