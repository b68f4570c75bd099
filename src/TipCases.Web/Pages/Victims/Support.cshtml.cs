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
/// A victim's support steps: the quick form liaison officers use every day (what was done, when,
/// the next follow-up) and the steps so far, newest first. Everyone who may read the victim sees
/// the steps; only those the access rule lets manage protection log one. The victim is shown by
/// pseudonym only: this page never opens the protected identity.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class SupportModel(VictimQueries victims, PeopleDirectory people, TipCasesDbContext db,
    IValidator<SupportModel.Input> validator, TimeProvider clock) : PageModel
{
    /// <summary>The follow-up the form proposes: a week after today.</summary>
    public const int DefaultFollowUpDays = 7;

    [BindProperty] public Input Form { get; set; } = new();

    public Guid Id { get; private set; }

    public string Pseudonym { get; private set; } = "";

    public bool CanLog { get; private set; }

    public IReadOnlyList<VictimCaseChoice> Cases { get; private set; } = [];

    public IReadOnlyList<Row> Steps { get; private set; } = [];

    /// <summary>The follow-up date set by the latest step.</summary>
    public DateOnly? NextFollowUp { get; private set; }

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
        Form = new Input
        {
            Kind = SupportStepKind.Contact,
            TookPlaceOn = Today,
            CaseId = Cases.Count > 0 ? Cases[0].Id : null,
            NextFollowUpOn = Today.AddDays(DefaultFollowUpDays),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var load = await LoadAsync(id, VictimOperation.ManageProtection, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var victim = load.Victim!;
        var cases = VictimCaseChoice.For(User, load);
        var unbound = ModelState.ClearKeepingFailures(); // the validator explains; what could not be read is refused too
        var context = new ValidationContext<Input>(Form);
        context.RootContextData[Validator.CaseChoicesKey] = cases.Select(c => c.Id).ToHashSet();
        var validation = await validator.ValidateAsync(context, ct);
        validation.AddToModelState(ModelState, nameof(Form));
        ModelState.AddUnreported(unbound);
        if (!ModelState.IsValid)
        {
            await ShowAsync(load, ct);
            return Page();
        }
        try
        {
            var now = clock.GetUtcNow();
            victim.LogSupportStep(Form.CaseId, Form.TookPlaceOn!.Value, Form.Kind!.Value, Form.Summary!, User.UserId(),
                Form.NextFollowUpOn, now, DateOnly.FromDateTime(now.UtcDateTime));
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await ShowAsync(load, ct);
            return Page();
        }
        TempData["Message"] = $"Support step logged for {victim.Pseudonym}. " + (Form.NextFollowUpOn is { } next
            ? $"Next follow-up on {Dates.Day(next)}."
            : "No follow-up is set.");
        return RedirectToPage(new { id });
    }

    private Task<VictimLoad> LoadAsync(Guid id, VictimOperation operation, CancellationToken ct) =>
        victims.LoadAsync(id, User, operation, ct, include: q => q.Include(v => v.SupportSteps));

    private async Task ShowAsync(VictimLoad load, CancellationToken ct)
    {
        var victim = load.Victim!;
        Id = victim.Id;
        Pseudonym = victim.Pseudonym;
        Cases = VictimCaseChoice.For(User, load);
        CanLog = Cases.Count > 0 && VictimAccessRule.Allows(User.ToCaseViewer(), victim, load.LinkedCases, VictimOperation.ManageProtection);
        NextFollowUp = victim.NextFollowUp;
        var names = await people.NamesAsync(victim.SupportSteps.Select(s => s.ByUserId), ct);
        var references = Cases.ToDictionary(c => c.Id, c => c.Reference);
        Steps = victim.SupportSteps
            .OrderByDescending(s => s.TookPlaceOn).ThenByDescending(s => s.CreatedAt)
            .Select(s => new Row(s.Kind, s.TookPlaceOn, names.GetValueOrDefault(s.ByUserId, "Former colleague"), s.Summary,
                s.NextFollowUpOn, s.CaseId is { } caseId ? references.GetValueOrDefault(caseId, "Another case") : null))
            .ToList();
    }

    /// <param name="CaseReference">Null for a step not tied to a case; "Another case" for one of
    /// the victim's cases the user may not read.</param>
    public sealed record Row(SupportStepKind Kind, DateOnly TookPlaceOn, string By, string Summary, DateOnly? NextFollowUpOn,
        string? CaseReference);

    public sealed record Input
    {
        public SupportStepKind? Kind { get; init; }

        public DateOnly? TookPlaceOn { get; init; }

        public Guid? CaseId { get; init; }

        public string? Summary { get; init; }

        public DateOnly? NextFollowUpOn { get; init; }
    }

    /// <summary>The rules of <see cref="Victim.LogSupportStep"/>, each next to its field. The cases
    /// the user may choose come with the validation context (<see cref="CaseChoicesKey"/>).</summary>
    public sealed class Validator : AbstractValidator<Input>
    {
        public const string CaseChoicesKey = "VictimCaseChoices";

        public Validator(TimeProvider clock)
        {

            RuleFor(i => i.Kind).NotNull().WithMessage("Choose what kind of step it was.")
                .IsInEnum().WithMessage("Choose what kind of step it was.");
            RuleFor(i => i.TookPlaceOn).NotNull().WithMessage("Enter the date of the step.")
                .Must(d => d <= clock.Today()).WithMessage("A step cannot be logged for a day that has not come yet.");
            RuleFor(i => i.CaseId).NotNull().WithMessage("Choose one of the victim's cases.")
                .Must((_, caseId, context) => context.RootContextData.TryGetValue(CaseChoicesKey, out var choices)
                    && choices is IReadOnlySet<Guid> ids && ids.Contains(caseId!.Value))
                .WithMessage("Choose one of the victim's cases.");
            RuleFor(i => i.Summary).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Say what was done.")
                .MaximumLength(SupportStep.SummaryMaxLength).WithMessage($"Use at most {SupportStep.SummaryMaxLength} characters.");
            RuleFor(i => i.NextFollowUpOn).Must(d => d is null || d >= clock.Today()).WithMessage("The next follow-up cannot be in the past.");
        }
    }
}
