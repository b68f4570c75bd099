using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Victims;

/// <summary>
/// Threats and intimidation against a victim: anyone who may read the victim logs one against one
/// of the victim's cases, and the domain opens a safety review task on that case in the same save.
/// The list shows each incident with the state of its safety review. Pseudonym only.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class ThreatsModel(VictimQueries victims, PeopleDirectory people, TipCasesDbContext db,
    IValidator<ThreatsModel.Input> validator, TimeProvider clock, Charges.ObstructionProposals obstruction) : PageModel
{
    [BindProperty] public Input Form { get; set; } = new();

    public Guid Id { get; private set; }

    public string Pseudonym { get; private set; } = "";

    public bool CanRecord { get; private set; }

    public IReadOnlyList<VictimCaseChoice> Cases { get; private set; } = [];

    public IReadOnlyList<Row> Incidents { get; private set; } = [];

    public DateOnly Today => clock.Today();

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await LoadAsync(id, VictimOperation.Read, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        Message = TempData["Message"] as string;
        await ShowAsync(load, ct);
        // A safety review is a task on the case, and only an open case takes new tasks.
        Form = new Input { CaseId = (Cases.FirstOrDefault(c => c.IsOpen) ?? (Cases.Count > 0 ? Cases[0] : null))?.Id, OccurredOn = Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var load = await LoadAsync(id, VictimOperation.RecordThreat, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var victim = load.Victim!;
        var cases = VictimCaseChoice.For(User, load);
        ModelState.Clear(); // binding errors (an unknown kind, a malformed date) are the validator's to explain
        var context = new ValidationContext<Input>(Form);
        context.RootContextData[Validator.CaseChoicesKey] = cases.Select(c => c.Id).ToHashSet();
        var validation = await validator.ValidateAsync(context, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Form));
            await ShowAsync(load, ct);
            return Page();
        }
        var @case = load.LinkedCases.Single(c => c.Id == Form.CaseId);
        ThreatIncident incident;
        int proposed;
        try
        {
            var now = clock.GetUtcNow();
            incident = victim.LogThreat(@case, Form.OccurredOn!.Value, Form.Kind!.Value, Form.Description!, Form.ReportedToPolice,
                User.UserId(), now, DateOnly.FromDateTime(now.UtcDateTime));
            proposed = await obstruction.StageAsync(incident, victim.Pseudonym, now, ct);
            // The incident, the safety review task it opened on the case and the proposals on the
            // case's charges are saved together.
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await ShowAsync(load, ct);
            return Page();
        }
        var review = @case.Tasks.FirstOrDefault(t => t.Id == incident.SafetyReviewTaskId);
        if (review is null)
        {
            TempData["Message"] = $"The threat is logged against {victim.Pseudonym} on {@case.Reference}. No safety review task could be opened: " +
                (@case.IsOpen ? "the case has nobody on its team. Ask a supervisor to assign one." : "the case is closed. Review the victim's safety and protection plan now.");
        }
        else
        {
            var names = await people.NamesAsync([review.AssigneeId], ct);
            TempData["Message"] = $"The threat is logged against {victim.Pseudonym} on {@case.Reference}. A safety review task was opened for " +
                $"{names.GetValueOrDefault(review.AssigneeId, "a former colleague")}, due {Dates.Day(review.DueOn)}.";
        }
        if (proposed > 0)
        {
            TempData["Message"] += $" Obstruction of justice is proposed as an aggravating circumstance on {proposed} open charge{(proposed == 1 ? "" : "s")} of the case, for the prosecutor to accept or dismiss.";
        }
        return RedirectToPage(new { id });
    }

    private Task<VictimLoad> LoadAsync(Guid id, VictimOperation operation, CancellationToken ct) =>
        victims.LoadAsync(id, User, operation, ct, include: q => q.Include(v => v.Threats));

    private async Task ShowAsync(VictimLoad load, CancellationToken ct)
    {
        var victim = load.Victim!;
        Id = victim.Id;
        Pseudonym = victim.Pseudonym;
        Cases = VictimCaseChoice.For(User, load);
        CanRecord = Cases.Count > 0 && VictimAccessRule.Allows(User.ToCaseViewer(), victim, load.LinkedCases, VictimOperation.RecordThreat);
        var references = Cases.ToDictionary(c => c.Id, c => c.Reference);
        // Safety reviews are read from the cases the user may read only.
        var taskIds = victim.Threats.Where(t => references.ContainsKey(t.CaseId)).Select(t => t.SafetyReviewTaskId).OfType<Guid>().ToList();
        var caseIds = references.Keys.ToList();
        var reviews = await db.CaseTasks.AsNoTracking()
            .Where(t => taskIds.Contains(t.Id) && caseIds.Contains(t.CaseId))
            .Select(t => new { t.Id, t.AssigneeId, t.DueOn, t.DoneAt })
            .ToDictionaryAsync(t => t.Id, ct);
        var names = await people.NamesAsync(victim.Threats.Select(t => t.ByUserId).Concat(reviews.Values.Select(r => r.AssigneeId)), ct);
        string Name(Guid userId) => names.GetValueOrDefault(userId, "Former colleague");
        var today = Today;
        Incidents = victim.Threats
            .OrderByDescending(t => t.OccurredOn).ThenByDescending(t => t.CreatedAt)
            .Select(t => new Row(t.OccurredOn, t.Kind, t.Description, t.ReportedToPolice, Name(t.ByUserId),
                references.GetValueOrDefault(t.CaseId, "Another case"),
                t.SafetyReviewTaskId is { } taskId && reviews.TryGetValue(taskId, out var r)
                    ? new Review(Name(r.AssigneeId), r.DueOn, r.DoneAt is not null, r.DoneAt is null && r.DueOn < today)
                    : null))
            .ToList();
    }

    public sealed record Review(string AssignedTo, DateOnly DueOn, bool IsDone, bool IsOverdue);

    /// <param name="SafetyReview">Null when no task was opened or it is on a case the user may not read.</param>
    public sealed record Row(DateOnly OccurredOn, ThreatKind Kind, string Description, bool ReportedToPolice, string LoggedBy,
        string CaseReference, Review? SafetyReview);

    public sealed record Input
    {
        public Guid? CaseId { get; init; }

        public DateOnly? OccurredOn { get; init; }

        public ThreatKind? Kind { get; init; }

        public string? Description { get; init; }

        public bool ReportedToPolice { get; init; }
    }

    /// <summary>The rules of <see cref="Victim.LogThreat"/>, each next to its field. The cases the
    /// user may choose come with the validation context (<see cref="CaseChoicesKey"/>).</summary>
    public sealed class Validator : AbstractValidator<Input>
    {
        public const string CaseChoicesKey = "VictimCaseChoices";

        public Validator(TimeProvider clock)
        {
            RuleFor(i => i.CaseId).NotNull().WithMessage("Choose one of the victim's cases.")
                .Must((_, caseId, context) => context.RootContextData.TryGetValue(CaseChoicesKey, out var choices)
                    && choices is IReadOnlySet<Guid> ids && ids.Contains(caseId!.Value))
                .WithMessage("Choose one of the victim's cases.");
            RuleFor(i => i.OccurredOn).NotNull().WithMessage("Enter the date it happened.")
                .Must(d => d <= clock.Today()).WithMessage("A threat cannot have happened in the future.");
            RuleFor(i => i.Kind).NotNull().WithMessage("Choose what kind of threat it was.")
                .IsInEnum().WithMessage("Choose what kind of threat it was.");
            RuleFor(i => i.Description).Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage("Describe what happened.")
                .MaximumLength(ThreatIncident.DescriptionMaxLength).WithMessage($"Use at most {ThreatIncident.DescriptionMaxLength} characters.");
        }
    }
}
