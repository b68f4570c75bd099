using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Victims;

/// <summary>
/// Post-trial information duties: what the victim was told about the outcome, the sentence, its
/// length, the release date and appeal options, when and through which (checked safe) channel;
/// and, per case after trial, which of those topics are still outstanding.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class InformationModel(VictimQueries victims, PeopleDirectory people, TipCasesDbContext db, IValidator<InformationModel.Input> validator,
    TimeProvider clock) : PageModel
{
    [BindProperty] public Input Form { get; set; } = new();

    public VictimNav Nav { get; private set; } = null!;

    public bool CanRecord { get; private set; }

    public IReadOnlyList<CaseDuties> Cases { get; private set; } = [];

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
        await ShowAsync(load, ct);
        Form = new Input { CaseId = Cases.FirstOrDefault(c => c.DutiesApply)?.Id, InformedOn = Today };
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
        ModelState.Clear();
        var validation = await validator.ValidateAsync(Form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Form));
            await ShowAsync(load, ct);
            return Page();
        }
        if (load.ReadableCases(User).All(c => c.Id != Form.CaseId))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.CaseId)}", "Choose one of the victim's cases.");
            await ShowAsync(load, ct);
            return Page();
        }
        try
        {
            victim.RecordInformationGiven(Form.CaseId!.Value, Form.Topic!.Value, Form.InformedOn!.Value, Form.Channel!.Value,
                Form.ChannelConfirmedSafe == true, Form.Notes, User.UserId(), clock.GetUtcNow(), Today);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await ShowAsync(load, ct);
            return Page();
        }
        TempData["Message"] = $"Recorded: {Form.Topic.Value.DisplayName().ToLowerInvariant()}, told on {Dates.Day(Form.InformedOn.Value)}.";
        return RedirectToPage(new { id });
    }

    private Task<VictimLoad> LoadAsync(Guid id, VictimOperation operation, CancellationToken ct) =>
        victims.LoadAsync(id, User, operation, ct, include: q => q.Include(v => v.InformationGiven));

    private async Task ShowAsync(VictimLoad load, CancellationToken ct)
    {
        var victim = load.Victim!;
        Nav = new VictimNav(victim.Id, victim.Pseudonym, VictimTab.Information);
        CanRecord = load.Allows(User, VictimOperation.ManageProtection);
        var names = await people.NamesAsync(victim.InformationGiven.Select(i => i.ByUserId), ct);
        Cases = load.ReadableCases(User)
            .Select(c =>
            {
                var given = victim.InformationGiven.Where(i => i.CaseId == c.Id)
                    .OrderByDescending(i => i.InformedOn).ThenByDescending(i => i.CreatedAt)
                    .Select(i => new Given(i.Topic, i.InformedOn, i.Channel, i.Notes, names.GetValueOrDefault(i.ByUserId, "Former colleague")))
                    .ToList();
                return new CaseDuties(c.Id, c.Reference, c.Stage, given);
            })
            .OrderByDescending(c => c.DutiesApply).ThenBy(c => c.Reference, StringComparer.Ordinal)
            .ToList();
    }

    public sealed record Given(InformationTopic Topic, DateOnly InformedOn, InformationChannel Channel, string? Notes, string By);

    public sealed record CaseDuties(Guid Id, string Reference, CaseStage Stage, IReadOnlyList<Given> Given)
    {
        /// <summary>After the trial the victim must be told each topic (DOMAIN.md, post-trial measures).</summary>
        public bool DutiesApply => Stage is CaseStage.PostTrial or CaseStage.Closed;

        public IReadOnlyList<InformationTopic> Outstanding =>
            DutiesApply ? Enum.GetValues<InformationTopic>().Where(t => Given.All(g => g.Topic != t)).ToList() : [];
    }

    public sealed record Input
    {
        public Guid? CaseId { get; init; }

        public InformationTopic? Topic { get; init; }

        public DateOnly? InformedOn { get; init; }

        public InformationChannel? Channel { get; init; }

        public bool? ChannelConfirmedSafe { get; init; }

        public string? Notes { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public const string SafeChannelMessage =
            "Confirm that you have checked this channel is safe for the victim (not one the traffickers know or can reach).";

        public Validator(TimeProvider clock)
        {
            RuleFor(i => i.CaseId).NotEmpty().WithMessage("Choose the case.");
            RuleFor(i => i.Topic).NotNull().WithMessage("Choose what the victim was told.")
                .IsInEnum().WithMessage("Choose what the victim was told.");
            RuleFor(i => i.InformedOn).NotNull().WithMessage("Enter the date the victim was told.")
                .Must(d => d <= clock.Today()).WithMessage("This date has not come yet.");
            RuleFor(i => i.Channel).NotNull().WithMessage("Choose how the victim was told.")
                .IsInEnum().WithMessage("Choose how the victim was told.");
            RuleFor(i => i.ChannelConfirmedSafe).Equal(true).WithMessage(SafeChannelMessage);
            RuleFor(i => i.Notes).MaximumLength(InformationGiven.NotesMaxLength).WithMessage($"Use at most {InformationGiven.NotesMaxLength} characters.");
        }
    }
}
