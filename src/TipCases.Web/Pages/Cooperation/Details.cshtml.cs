using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Cooperation;
using TipCases.Domain.Jurisdiction;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Pages.Charges;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Cooperation;

/// <summary>
/// One cooperation request: what it asks, its status and dates (with the status form), what a
/// refused extradition means for jurisdiction, and the material it concerns, where informal
/// material is linked to the formal request that re-obtains it.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class DetailsModel(CooperationCases cooperation, ChargeQueries charges, PeopleDirectory people, TipCasesDbContext db,
    IValidator<DetailsModel.StatusInput> statusValidator, TimeProvider clock) : PageModel
{
    public const string ConflictMessage = "Someone else changed this request at the same time, so nothing was saved. The page now shows it as it is; try again.";

    [BindProperty] public StatusInput Status { get; set; } = new();

    [BindProperty] public string? NewMaterial { get; set; }

    public Guid CaseId { get; private set; }

    public string Reference { get; private set; } = "";

    public CooperationRequest Item { get; private set; } = null!;

    public bool CanRecord { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public IReadOnlyList<MaterialRow> Material { get; private set; } = [];

    /// <summary>Outgoing MLA requests of the case that can cover informal material.</summary>
    public IReadOnlyList<(Guid Id, string Subject)> FormalRequests { get; private set; } = [];

    public DateOnly Today => clock.Today();

    public string? Message { get; private set; }

    /// <summary>The defendants the request concerns: by name for the team, by number for others.</summary>
    public IReadOnlyList<string> ConcernedDefendants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid caseId, Guid id, CancellationToken ct)
    {
        var load = await cooperation.LoadAsync(caseId, User, CooperationOperation.Read, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        if (!await ShowAsync(load.Case!, id, ct))
        {
            return NotFound();
        }
        Message = TempData["Message"] as string;
        Status = new StatusInput { To = FirstNext(Item), On = Today, DueOn = Item.DueOn, Version = Item.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid caseId, Guid id, CancellationToken ct)
    {
        var unbound = ModelState.ClearKeepingFailures(); // a malformed date is refused, not dropped
        var validation = await statusValidator.ValidateAsync(Status, ct);
        return await ChangeAsync(caseId, id, Status.Version, (request, _) =>
        {
            if (!validation.IsValid || unbound.Count > 0)
            {
                validation.AddToModelState(ModelState, nameof(Status));
                ModelState.AddUnreported(unbound);
                return Task.FromResult<string?>(null);
            }
            request.ChangeStatus(Status.To!.Value, Status.On, Status.DueOn, Status.Grounds, Status.BecauseNational, Today);
            var effect = request.JurisdictionEffect();
            return RecordRefusalOnDefendantsAsync(caseId, request, effect, ct);
        }, ct);
    }

    /// <summary>
    /// A refused incoming extradition marks each natural-person defendant concerned as present in
    /// the territory with the refusal and why, in the same save as the status (and its audit), so
    /// the case's jurisdiction analysis shows Art. 15(3) or 15(4).
    /// </summary>
    private async Task<string?> RecordRefusalOnDefendantsAsync(Guid caseId, CooperationRequest request, JurisdictionEffect effect, CancellationToken ct)
    {
        var message = $"The request is now {request.Status.DisplayName().ToLowerInvariant()}.";
        if (effect.Outcome == ExtraditionRefusal.None)
        {
            return effect.Explanation is null ? message : message + " " + effect.Explanation;
        }
        var @case = await db.Cases.AsNoTracking().Include(c => c.Team).SingleAsync(c => c.Id == caseId, ct);
        // Only who may manage the case's defendants changes them (a supervisor records the refusal, the team its effect).
        if (!ChargeAccessRule.Allows(User.ToCaseViewer(), @case, ChargeOperation.ManageDefendants))
        {
            return message + " " + effect.Explanation + " A prosecutor or investigator on the case team records it on the defendants concerned.";
        }
        var defendants = await db.Defendants
            .Where(d => d.CaseId == caseId && effect.DefendantIds.Contains(d.Id) && d.Kind == DefendantKind.NaturalPerson)
            .ToListAsync(ct);
        var note = $"Extradition requested by {request.CounterpartState} refused on {Dates.Day(request.AnsweredOn ?? Today)}" +
            (string.IsNullOrWhiteSpace(request.RefusalGrounds) ? "." : ": " + request.RefusalGrounds);
        if (note.Length > Defendant.NoteMaxLength)
        {
            note = note[..Defendant.NoteMaxLength];
        }
        foreach (var d in defendants)
        {
            d.Update(@case, new DefendantDetails(d.Kind, d.Name, d.Aliases, d.DateOfBirth, d.Nationality, d.IsStateless, d.HabitualResidence,
                d.Custody, d.LegalForm, d.RegistrationNumber, d.Country, true, effect.Outcome, note), Today);
        }
        return message + " " + effect.Explanation +
            (defendants.Count == 0 ? "" : $" {defendants.Count} defendant(s) are recorded as present in the territory with the refusal.");
    }

    public Task<IActionResult> OnPostDueAsync(Guid caseId, Guid id, DateOnly? dueOn, uint version, CancellationToken ct) =>
        ChangeAsync(caseId, id, version, (request, _) =>
        {
            request.SetDueDate(dueOn);
            return Task.FromResult<string?>(dueOn is { } d ? $"The request is now due on {Dates.Day(d)}." : "The due date is removed.");
        }, ct);

    public Task<IActionResult> OnPostAddMaterialAsync(Guid caseId, Guid id, uint version, CancellationToken ct) =>
        ChangeAsync(caseId, id, version, (request, _) =>
        {
            request.AddMaterial(NewMaterial, clock.GetUtcNow());
            return Task.FromResult<string?>("The item is added.");
        }, ct);

    public Task<IActionResult> OnPostRemoveMaterialAsync(Guid caseId, Guid id, Guid itemId, uint version, CancellationToken ct) =>
        ChangeAsync(caseId, id, version, (request, _) =>
        {
            request.RemoveMaterial(itemId);
            return Task.FromResult<string?>("The item is removed.");
        }, ct);

    public Task<IActionResult> OnPostCoverAsync(Guid caseId, Guid id, Guid itemId, Guid? coveringId, uint version, CancellationToken ct) =>
        ChangeAsync(caseId, id, version, async (request, token) =>
        {
            if (coveringId is null)
            {
                request.UncoverMaterial(itemId);
                return "The item is no longer linked to a formal request.";
            }
            var formal = await db.CooperationRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == coveringId && r.CaseId == caseId, token)
                ?? throw new DomainRuleViolation("Choose a formal request of this case.");
            request.CoverMaterial(itemId, formal);
            return "The item is linked to the formal request that re-obtains it.";
        }, ct);

    public Task<IActionResult> OnPostConfirmAsync(Guid caseId, Guid id, Guid itemId, DateOnly? receivedOn, uint version, CancellationToken ct) =>
        ChangeAsync(caseId, id, version, async (request, token) =>
        {
            var coveringId = request.Material.FirstOrDefault(m => m.Id == itemId)?.CoveredByRequestId;
            var formal = await db.CooperationRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == coveringId && r.CaseId == caseId, token)
                ?? throw new DomainRuleViolation("Link the item to the formal request that covers it first.");
            request.ConfirmFormallyReceived(itemId, formal, receivedOn ?? throw new DomainRuleViolation("Give the date the item arrived."), Today);
            return "The item is recorded as re-obtained formally.";
        }, ct);

    /// <summary>Load for recording, apply one change, save against the version the form was based on.</summary>
    private async Task<IActionResult> ChangeAsync(Guid caseId, Guid id, uint version, Func<CooperationRequest, CancellationToken, Task<string?>> change,
        CancellationToken ct)
    {
        var load = await cooperation.LoadAsync(caseId, User, CooperationOperation.RecordRequest, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var request = await db.CooperationRequests.Include(r => r.Material).SingleOrDefaultAsync(r => r.Id == id && r.CaseId == caseId, ct);
        if (request is null)
        {
            return NotFound();
        }
        // A change to its material alone checks (and bumps) the request's version too.
        var result = await RecordChange.SaveAsync(db, ModelState, request, version, nameof(CooperationRequest.Status), ConflictMessage, change, ct);
        if (result.Message is { } message)
        {
            TempData["Message"] = message;
            return RedirectToPage(new { caseId, id });
        }
        await ShowAsync(load.Case!, id, ct);
        if (result.Conflict)
        {
            Status = new StatusInput { To = FirstNext(Item), On = Today, DueOn = Item.DueOn, Version = Item.Version };
        }
        return Page();
    }

    private async Task<bool> ShowAsync(Case c, Guid id, CancellationToken ct)
    {
        CaseId = c.Id;
        Reference = c.Reference;
        var requests = await db.CooperationRequests.AsNoTracking().Include(r => r.Material).Where(r => r.CaseId == c.Id).ToListAsync(ct);
        var request = requests.FirstOrDefault(r => r.Id == id);
        if (request is null)
        {
            return false;
        }
        Item = request;
        ConcernedDefendants = (await charges.DefendantsOfCaseAsync(c, User, ct)).Where(d => request.DefendantIds.Contains(d.Id)).Select(d => d.Label).ToList();
        CanRecord = CooperationAccessRule.Allows(User.ToCaseViewer(), c, CooperationOperation.RecordRequest);
        var names = await people.NamesAsync([request.CreatedBy], ct);
        CreatedBy = names.GetValueOrDefault(request.CreatedBy, "Former colleague");
        var flags = CooperationCases.Material(requests).ToDictionary(m => m.ItemId);
        var subjects = requests.ToDictionary(r => r.Id, r => r.Subject);
        Material = request.Material.Select(m => flags.GetValueOrDefault(m.Id)
            ?? new MaterialRow(request.Id, m.Id, m.Description, false, "", m.CoveredByRequestId,
                m.CoveredByRequestId is { } cid ? subjects.GetValueOrDefault(cid) : null)).ToList();
        FormalRequests = requests.Where(r => r.Kind == CooperationKind.MutualLegalAssistance && r.Direction == CooperationDirection.Outgoing
                && r.Status is not (CooperationStatus.Refused or CooperationStatus.Withdrawn))
            .Select(r => (r.Id, r.Subject)).ToList();
        if (Status.Version == 0 && !ModelState.ContainsKey("Status.To"))
        {
            Status = Status with { Version = request.Version };
        }
        return true;
    }

    private static CooperationStatus? FirstNext(CooperationRequest request) => request.NextStatuses() is { Count: > 0 } next ? next[0] : null;

    public sealed record StatusInput
    {
        public CooperationStatus? To { get; init; }

        public DateOnly? On { get; init; }

        public DateOnly? DueOn { get; init; }

        public string? Grounds { get; init; }

        public bool BecauseNational { get; init; }

        public uint Version { get; init; }
    }

    /// <summary>The date and grounds rules next to their fields; the order of statuses and dates
    /// against the request's own dates is the domain's (shown in the summary).</summary>
    public sealed class StatusValidator : AbstractValidator<StatusInput>
    {
        public StatusValidator(TimeProvider clock)
        {
            RuleFor(i => i.To).NotNull().WithMessage("Choose the new status.").IsInEnum().WithMessage("Choose the new status.");
            RuleFor(i => i.On).NotNull().WithMessage("Enter the date.")
                .Must(d => d <= clock.Today()).WithMessage("The date cannot be in the future.");
            RuleFor(i => i.DueOn).Must((i, due) => due is null || i.On is null || due >= i.On)
                .When(i => i.To == CooperationStatus.Sent).WithMessage("The due date cannot be before the day the request was sent.");
            RuleFor(i => i.Grounds).Must(g => !string.IsNullOrWhiteSpace(g)).When(i => i.To == CooperationStatus.Refused)
                .WithMessage("Give the grounds the request was refused on.")
                .MaximumLength(CooperationRequest.GroundsMaxLength).WithMessage($"Use at most {CooperationRequest.GroundsMaxLength} characters.");
        }
    }
}
