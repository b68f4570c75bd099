using System.Globalization;
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
/// A victim's compensation claims (route, heads of damage, amounts claimed, awarded and paid,
/// source), with totals per currency for the victim and, for each of their cases, over every
/// victim of that case the user can see. Nothing here depends on migration status: victims in an
/// irregular situation claim like anyone else.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class CompensationModel(VictimQueries victims, TipCasesDbContext db, IValidator<CompensationModel.Input> validator, TimeProvider clock)
    : PageModel
{
    public const string ConflictMessage =
        "Someone else changed this claim at the same time. The form now shows their version; make your changes again and save.";

    [BindProperty] public Input Form { get; set; } = new();

    public VictimNav Nav { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public IReadOnlyList<(Guid Id, string Reference)> Cases { get; private set; } = [];

    public IReadOnlyList<ClaimRow> Claims { get; private set; } = [];

    public IReadOnlyList<Totals> VictimTotals { get; private set; } = [];

    public IReadOnlyList<Totals> CaseTotals { get; private set; } = [];

    /// <summary>The reference of the case of the claim being edited; null when adding.</summary>
    public string? EditingCaseReference { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? claim, CancellationToken ct)
    {
        var load = await LoadAsync(id, VictimOperation.Read, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        Message = TempData["Message"] as string;
        await ShowAsync(load, ct);
        if (claim is { } claimId)
        {
            var existing = Claims.FirstOrDefault(c => c.Id == claimId);
            if (existing is null || !CanManage)
            {
                return NotFound();
            }
            Form = Input.From(existing);
            EditingCaseReference = existing.CaseReference;
        }
        else
        {
            Form = new Input { CaseId = Cases.Count == 1 ? Cases[0].Id : null, Currency = VictimTotals.Count > 0 ? VictimTotals[0].Currency : null };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var load = await LoadAsync(id, VictimOperation.ManageCompensation, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var victim = load.Victim!;
        var readable = load.ReadableCases(User);
        var claim = Form.ClaimId is { } claimId
            ? victim.Claims.FirstOrDefault(c => c.Id == claimId && readable.Any(r => r.Id == c.CaseId))
            : null;
        if (Form.ClaimId is not null && claim is null)
        {
            return NotFound();
        }
        EditingCaseReference = claim is null ? null : readable.Single(r => r.Id == claim.CaseId).Reference;
        ModelState.Clear();
        var validation = await validator.ValidateAsync(Form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Form));
            await ShowAsync(load, ct);
            return Page();
        }
        if (claim is null && readable.All(c => c.Id != Form.CaseId))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.CaseId)}", "Choose one of the victim's cases.");
            await ShowAsync(load, ct);
            return Page();
        }
        var (claimed, awarded, paid) = (Amounts.Parse(Form.Claimed)!.Value, Amounts.Parse(Form.Awarded), Amounts.Parse(Form.Paid) ?? 0m);
        try
        {
            if (claim is null)
            {
                victim.AddClaim(Form.CaseId!.Value, Form.Route!.Value, Form.Heads, Form.Currency!, claimed, awarded, paid, Form.Source, Form.Notes,
                    clock.GetUtcNow());
            }
            else
            {
                db.Entry(claim).Property(c => c.Version).OriginalValue = Form.Version!.Value;
                victim.UpdateClaim(claim.Id, Form.Route!.Value, Form.Heads, Form.Currency!, claimed, awarded, paid, Form.Source, Form.Notes);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await ShowAsync(load, ct);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await LoadAsync(id, VictimOperation.Read, ct);
            if (current.Refusal(this) is { } gone)
            {
                return gone;
            }
            await ShowAsync(current, ct);
            var stored = Claims.FirstOrDefault(c => c.Id == claim!.Id);
            if (stored is null)
            {
                return NotFound();
            }
            ModelState.AddModelError(string.Empty, ConflictMessage);
            Form = Input.From(stored);
            return Page();
        }
        TempData["Message"] = claim is null ? "The claim is added." : "The claim is saved.";
        return RedirectToPage(new { id });
    }

    private Task<VictimLoad> LoadAsync(Guid id, VictimOperation operation, CancellationToken ct) =>
        victims.LoadAsync(id, User, operation, ct, include: q => q.Include(v => v.Claims));

    private async Task ShowAsync(VictimLoad load, CancellationToken ct)
    {
        var victim = load.Victim!;
        Nav = new VictimNav(victim.Id, victim.Pseudonym, VictimTab.Compensation);
        CanManage = load.Allows(User, VictimOperation.ManageCompensation);
        var readable = load.ReadableCases(User);
        Cases = readable.Select(c => (c.Id, c.Reference)).ToList();
        var references = readable.ToDictionary(c => c.Id, c => c.Reference);
        Claims = victim.Claims
            .Where(c => references.ContainsKey(c.CaseId))
            .OrderBy(c => references[c.CaseId], StringComparer.Ordinal).ThenBy(c => c.CreatedAt)
            .Select(c => new ClaimRow(c.Id, c.CaseId, references[c.CaseId], c.Route, c.Heads, c.Currency, c.AmountClaimed, c.AmountAwarded,
                c.AmountPaid, c.Source, c.Notes, c.Version))
            .ToList();
        VictimTotals = Claims.GroupBy(c => c.Currency)
            .Select(g => new Totals(null, g.Key, g.Count(), 1, g.Sum(c => c.Claimed), g.Sum(c => c.Awarded ?? 0m), g.Sum(c => c.Paid)))
            .OrderBy(t => t.Currency, StringComparer.Ordinal)
            .ToList();
        // Every victim of these cases the user can see, summed in the database (a case may have many).
        var caseIds = references.Keys.ToList();
        var visibleVictims = victims.Visible(User).Select(v => v.Id);
        CaseTotals = await db.Set<CompensationClaim>().AsNoTracking()
            .Where(c => caseIds.Contains(c.CaseId) && visibleVictims.Contains(c.VictimId))
            .GroupBy(c => new { c.CaseId, c.Currency })
            .Select(g => new Totals(g.Key.CaseId, g.Key.Currency, g.Count(), g.Select(c => c.VictimId).Distinct().Count(),
                g.Sum(c => c.AmountClaimed), g.Sum(c => c.AmountAwarded ?? 0m), g.Sum(c => c.AmountPaid)))
            .ToListAsync(ct);
        CaseTotals = CaseTotals.OrderBy(t => references[t.CaseId!.Value], StringComparer.Ordinal).ThenBy(t => t.Currency, StringComparer.Ordinal).ToList();
    }

    public string CaseReference(Guid caseId) => Cases.FirstOrDefault(c => c.Id == caseId).Reference ?? "";

    public sealed record ClaimRow(Guid Id, Guid CaseId, string CaseReference, CompensationRoute Route, IReadOnlyList<CompensationHead> Heads,
        string Currency, decimal Claimed, decimal? Awarded, decimal Paid, CompensationSource? Source, string? Notes, uint Version);

    /// <param name="CaseId">The case these totals are for; null for the victim's own totals.</param>
    public sealed record Totals(Guid? CaseId, string Currency, int Claims, int Victims, decimal Claimed, decimal Awarded, decimal Paid)
    {
        public decimal Outstanding => Awarded - Paid;
    }

    /// <summary>Amounts as typed: digits and a decimal point, read the same whatever the server's or user's culture.</summary>
    public static class Amounts
    {
        /// <summary>What numeric(18,2) holds.</summary>
        public const decimal Maximum = 9_999_999_999_999_999.99m;

        public const string Message = "Enter an amount such as 1250.50: digits, a point before at most two decimals, no thousands separators.";

        public static bool IsValid(string? text) => string.IsNullOrWhiteSpace(text) || Parse(text) is not null;

        /// <summary>The amount, or null when the text is blank or not an amount.</summary>
        public static decimal? Parse(string? text) =>
            !string.IsNullOrWhiteSpace(text)
            && decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            && decimal.Round(amount, 2) == amount && amount <= Maximum
                ? amount
                : null;

        public static string Format(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
    }

    public sealed record Input
    {
        /// <summary>The claim being edited; null to add one.</summary>
        public Guid? ClaimId { get; init; }

        /// <summary>The claim's row version when the form was loaded (optimistic concurrency).</summary>
        public uint? Version { get; init; }

        public Guid? CaseId { get; init; }

        public CompensationRoute? Route { get; init; }

        public List<CompensationHead> Heads { get; init; } = [];

        public string? Currency { get; init; }

        public string? Claimed { get; init; }

        public string? Awarded { get; init; }

        public string? Paid { get; init; }

        public CompensationSource? Source { get; init; }

        public string? Notes { get; init; }

        public static Input From(ClaimRow c) => new()
        {
            ClaimId = c.Id,
            Version = c.Version,
            CaseId = c.CaseId,
            Route = c.Route,
            Heads = [.. c.Heads],
            Currency = c.Currency,
            Claimed = c.Claimed.ToString("0.00", CultureInfo.InvariantCulture),
            Awarded = c.Awarded?.ToString("0.00", CultureInfo.InvariantCulture),
            Paid = c.Paid.ToString("0.00", CultureInfo.InvariantCulture),
            Source = c.Source,
            Notes = c.Notes,
        };
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(i => i.CaseId).NotEmpty().When(i => i.ClaimId is null).WithMessage("Choose the case.");
            RuleFor(i => i.Version).NotNull().When(i => i.ClaimId is not null).WithMessage("Reload the page and try again.");
            RuleFor(i => i.Route).NotNull().WithMessage("Choose the route of the claim.")
                .IsInEnum().WithMessage("Choose the route of the claim.");
            RuleFor(i => i.Heads).NotEmpty().WithMessage("Choose at least one head of damage.");
            RuleForEach(i => i.Heads).IsInEnum().WithMessage("Choose heads of damage from the list.");
            RuleFor(i => i.Currency).NotEmpty().WithMessage("Give the currency as a three-letter code such as EUR.")
                .Matches("^\\s*[A-Za-z]{3}\\s*$").WithMessage("Give the currency as a three-letter code such as EUR.");
            RuleFor(i => i.Claimed).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("Enter the amount claimed.")
                .Must(Amounts.IsValid).WithMessage(Amounts.Message);
            RuleFor(i => i.Awarded).Must(Amounts.IsValid).WithMessage(Amounts.Message);
            RuleFor(i => i.Paid).Must(Amounts.IsValid).WithMessage(Amounts.Message);
            RuleFor(i => i.Source).IsInEnum().WithMessage("Choose the source from the list.");
            RuleFor(i => i.Notes).MaximumLength(CompensationClaim.NotesMaxLength).WithMessage($"Use at most {CompensationClaim.NotesMaxLength} characters.");
        }
    }
}
