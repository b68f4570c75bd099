using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Victims;

/// <summary>
/// A victim's right to stay (reflection period, temporary permit, permanent stay) or return home
/// after a risk assessment, with a warning for what expires within
/// <see cref="ResidenceRecord.ExpiryWarningDays"/> days and for what has expired.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class ResidenceModel(VictimQueries victims, TipCasesDbContext db, IValidator<ResidenceModel.Input> validator, TimeProvider clock) : PageModel
{
    [BindProperty] public Input Form { get; set; } = new();

    public VictimNav Nav { get; private set; } = null!;

    public bool CanRecord { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string? Message { get; private set; }

    public DateOnly Today => clock.Today();

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

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var load = await LoadAsync(id, VictimOperation.ManageProtection, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var unbound = ModelState.ClearKeepingFailures(); // the validator explains; what could not be read is refused too
        var validation = await validator.ValidateAsync(Form, ct);
        validation.AddToModelState(ModelState, nameof(Form));
        ModelState.AddUnreported(unbound);
        if (!ModelState.IsValid)
        {
            Show(load);
            return Page();
        }
        try
        {
            load.Victim!.RecordResidence(Form.Kind!.Value, Form.StartsOn!.Value, Form.ExpiresOn, Form.RiskAssessedOn, Form.Notes, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            Show(load);
            return Page();
        }
        TempData["Message"] = $"Recorded: {Form.Kind.Value.DisplayName().ToLowerInvariant()}.";
        return RedirectToPage(new { id });
    }

    private Task<VictimLoad> LoadAsync(Guid id, VictimOperation operation, CancellationToken ct) =>
        victims.LoadAsync(id, User, operation, ct, include: q => q.Include(v => v.Residence));

    private void Show(VictimLoad load)
    {
        var victim = load.Victim!;
        Nav = new VictimNav(victim.Id, victim.Pseudonym, VictimTab.Residence);
        CanRecord = load.Allows(User, VictimOperation.ManageProtection);
        var today = Today;
        Rows = victim.Residence
            .OrderByDescending(r => r.StartsOn).ThenByDescending(r => r.CreatedAt)
            .Select(r => new Row(r.Kind, r.StartsOn, r.ExpiresOn, r.RiskAssessedOn, r.Notes,
                r.HasExpired(today) ? Expiry.Expired : r.IsExpiringSoon(today) ? Expiry.Soon : Expiry.None,
                r.ExpiresOn is { } e ? e.DayNumber - today.DayNumber : null))
            .ToList();
    }

    public enum Expiry
    {
        None,
        Soon,
        Expired,
    }

    /// <param name="DaysLeft">Days from today to the expiry date (negative once expired).</param>
    public sealed record Row(ResidenceKind Kind, DateOnly StartsOn, DateOnly? ExpiresOn, DateOnly? RiskAssessedOn, string? Notes, Expiry Expiry, int? DaysLeft);

    public sealed record Input
    {
        public ResidenceKind? Kind { get; init; }

        public DateOnly? StartsOn { get; init; }

        public DateOnly? ExpiresOn { get; init; }

        public DateOnly? RiskAssessedOn { get; init; }

        public string? Notes { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(i => i.Kind).NotNull().WithMessage("Choose the kind of residence or return.")
                .IsInEnum().WithMessage("Choose the kind of residence or return.");
            RuleFor(i => i.StartsOn).NotNull().WithMessage("Enter the date it starts.");
            RuleFor(i => i.ExpiresOn).NotNull().When(i => i.Kind is ResidenceKind.ReflectionPeriod or ResidenceKind.TemporaryStayPermit)
                .WithMessage("Enter the expiry date: a reflection period or temporary permit always has one.");
            RuleFor(i => i.ExpiresOn).Must((i, e) => e >= i.StartsOn).When(i => i.ExpiresOn is not null && i.StartsOn is not null)
                .WithMessage("It cannot expire before it starts.");
            RuleFor(i => i.RiskAssessedOn).NotNull().When(i => i.Kind == ResidenceKind.Return)
                .WithMessage("Enter the date of the risk assessment: a return needs one.");
            RuleFor(i => i.Notes).MaximumLength(ResidenceRecord.NotesMaxLength).WithMessage($"Use at most {ResidenceRecord.NotesMaxLength} characters.");
        }
    }
}
