using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Victims;

/// <summary>
/// Non-punishment: a victim should not be punished for offences committed as a result of being
/// trafficked. Whoever may edit the victim's profile flags it (with the offences and how they
/// follow from the trafficking); a prosecutor on the team of one of the victim's cases records
/// the outcome of the review.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class NonPunishmentModel(VictimQueries victims, TipCasesDbContext db, IValidator<NonPunishmentModel.FlagInput> flagValidator,
    IValidator<NonPunishmentModel.ReviewInput> reviewValidator) : PageModel
{
    public const string ConflictMessage =
        "Someone else changed this victim's file at the same time. The page now shows their version; make your change again if it is still needed.";

    [BindProperty] public FlagInput Flag { get; set; } = new();

    [BindProperty] public ReviewInput Review { get; set; } = new();

    /// <summary>The victim's row version when the page was loaded (optimistic concurrency).</summary>
    [BindProperty] public uint? Version { get; set; }

    public VictimNav Nav { get; private set; } = null!;

    public bool Flagged { get; private set; }

    public string? Note { get; private set; }

    public NonPunishmentReview? Outcome { get; private set; }

    public bool CanFlag { get; private set; }

    public bool CanReview { get; private set; }

    /// <summary>"flag" or "review": the form the errors belong to.</summary>
    public string? FailedForm { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await victims.LoadAsync(id, User, VictimOperation.Read, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        Message = TempData["Message"] as string;
        Show(load, fromDatabase: true);
        return Page();
    }

    public async Task<IActionResult> OnPostFlagAsync(Guid id, CancellationToken ct)
    {
        var load = await victims.LoadAsync(id, User, VictimOperation.EditProfile, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var victim = load.Victim!;
        ModelState.Clear();
        FailedForm = "flag";
        var validation = await flagValidator.ValidateAsync(Flag, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Flag));
            Show(load, fromDatabase: false);
            return Page();
        }
        var flagged = Flag.Flagged == true;
        return await SaveAsync(load, () => victim.FlagNonPunishment(flagged, Flag.Note, victim.NonPunishmentReview),
            flagged ? "The victim is flagged for a prosecutor's review." : "The non-punishment flag is removed.", ct);
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken ct)
    {
        var load = await victims.LoadAsync(id, User, VictimOperation.Read, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        if (!MayReview(load))
        {
            return Forbid();
        }
        var victim = load.Victim!;
        ModelState.Clear();
        FailedForm = "review";
        var validation = await reviewValidator.ValidateAsync(Review, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Review));
            Show(load, fromDatabase: false);
            return Page();
        }
        if (!victim.NonPunishmentFlagged)
        {
            ModelState.AddModelError(string.Empty, "The victim is not flagged for non-punishment: there is nothing to review.");
            Show(load, fromDatabase: false);
            return Page();
        }
        return await SaveAsync(load, () => victim.FlagNonPunishment(true, victim.NonPunishmentNote, Review.Outcome),
            $"Review outcome recorded: {Review.Outcome!.Value.DisplayName().ToLowerInvariant()}.", ct);
    }

    private async Task<IActionResult> SaveAsync(VictimLoad load, Action change, string message, CancellationToken ct)
    {
        var victim = load.Victim!;
        if (Version is null)
        {
            ModelState.AddModelError(string.Empty, "Reload the page and try again.");
            Show(load, fromDatabase: false);
            return Page();
        }
        try
        {
            db.Entry(victim).Property(v => v.Version).OriginalValue = Version.Value;
            change();
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            Show(load, fromDatabase: false);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await victims.LoadAsync(victim.Id, User, VictimOperation.Read, ct);
            if (current.Refusal(this) is { } gone)
            {
                return gone;
            }
            ModelState.AddModelError(string.Empty, ConflictMessage);
            Show(current, fromDatabase: true);
            return Page();
        }
        TempData["Message"] = message;
        return RedirectToPage(new { id = victim.Id });
    }

    /// <summary>The review outcome is a prosecutor's decision, for the prosecutors on the victim's cases.</summary>
    private bool MayReview(VictimLoad load)
    {
        var userId = User.UserId();
        return User.IsInRole(Roles.Prosecutor)
            && load.ReadableCases(User).Any(c => c.Team.Any(m => m.UserId == userId && m.Role == TeamRole.Prosecutor));
    }

    private void Show(VictimLoad load, bool fromDatabase)
    {
        var victim = load.Victim!;
        Nav = new VictimNav(victim.Id, victim.Pseudonym, VictimTab.NonPunishment);
        Flagged = victim.NonPunishmentFlagged;
        Note = victim.NonPunishmentNote;
        Outcome = victim.NonPunishmentReview;
        CanFlag = load.Allows(User, VictimOperation.EditProfile);
        CanReview = MayReview(load);
        // A form that was posted and refused keeps what was typed; the other shows the stored values.
        if (fromDatabase || FailedForm != "flag")
        {
            Flag = new FlagInput { Flagged = victim.NonPunishmentFlagged, Note = victim.NonPunishmentNote };
        }
        if (fromDatabase || FailedForm != "review")
        {
            Review = new ReviewInput { Outcome = victim.NonPunishmentReview };
        }
        if (fromDatabase)
        {
            Version = victim.Version;
        }
    }

    public sealed record FlagInput
    {
        public bool? Flagged { get; init; }

        public string? Note { get; init; }
    }

    public sealed record ReviewInput
    {
        public NonPunishmentReview? Outcome { get; init; }
    }

    public sealed class FlagValidator : AbstractValidator<FlagInput>
    {
        public FlagValidator()
        {
            RuleFor(i => i.Note).Must(n => !string.IsNullOrWhiteSpace(n)).When(i => i.Flagged == true)
                .WithMessage("Say which offences the victim is suspected of, and how they follow from the trafficking.");
            RuleFor(i => i.Note).MaximumLength(Victim.NonPunishmentNoteMaxLength).WithMessage($"Use at most {Victim.NonPunishmentNoteMaxLength} characters.");
        }
    }

    public sealed class ReviewValidator : AbstractValidator<ReviewInput>
    {
        public ReviewValidator()
        {
            RuleFor(i => i.Outcome).NotNull().WithMessage("Choose the outcome of the review.")
                .IsInEnum().WithMessage("Choose the outcome of the review.");
        }
    }
}
