using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Assets;
using TipCases.Domain.Cases;
using TipCases.Domain.Cooperation;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Pages.Charges;
using TipCases.Web.Pages.Cooperation;
using TipCases.Web.Pages.Victims;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Assets;

/// <summary>
/// One asset: its dated steps (and the next step form), its realised value, and the allocation of
/// that value to compensation claims of the case's victims, which raises what each claim shows as
/// paid. Victims appear by pseudonym only.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class DetailsModel(CooperationCases cooperation, ChargeQueries charges, PeopleDirectory people, TipCasesDbContext db, TimeProvider clock) : PageModel
{
    public const string ConflictMessage = "Someone else changed this asset or the claim at the same time, so nothing was saved. The page now shows them as they are; try again.";

    public Guid CaseId { get; private set; }

    public string Reference { get; private set; } = "";

    public Asset Item { get; private set; } = null!;

    public bool CanRecord { get; private set; }

    public IReadOnlyList<ClaimChoice> Claims { get; private set; } = [];

    public IReadOnlyList<AllocationRow> Allocations { get; private set; } = [];

    /// <summary>The defendant holding the asset, named as the charges pages name them for this viewer.</summary>
    public string? Holder { get; private set; }

    public IReadOnlyList<ChargeChoice> ChargesConcerned { get; private set; } = [];

    public DateOnly Today => clock.Today();

    public string? Message { get; private set; }

    /// <summary>Values typed into a refused form, shown again.</summary>
    public Dictionary<string, string?> Typed { get; } = [];

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
        return Page();
    }

    public Task<IActionResult> OnPostStepAsync(Guid caseId, Guid id, AssetStep? step, DateOnly? on, ConfiscationBasis? basis, string? note, uint version,
        CancellationToken ct) =>
        ChangeAsync(caseId, id, version, (asset, _) =>
        {
            Typed["note"] = note;
            if (step is null)
            {
                ModelState.AddModelError("step", "Choose the step.");
            }
            if (on is null)
            {
                ModelState.AddModelError("on", "Enter the date of the step.");
            }
            else if (on > Today)
            {
                ModelState.AddModelError("on", "The date cannot be in the future.");
            }
            if (step == AssetStep.Confiscated && basis is null)
            {
                ModelState.AddModelError("basis", "Say whether the confiscation is conviction-based or not.");
            }
            if (!ModelState.IsValid)
            {
                return Task.FromResult<string?>(null);
            }
            asset.RecordStep(step!.Value, on!.Value, basis, note, clock.GetUtcNow(), Today);
            return Task.FromResult<string?>($"The asset is now {step.Value.DisplayName().ToLowerInvariant()}.");
        }, ct);

    public Task<IActionResult> OnPostRealisedAsync(Guid caseId, Guid id, string? value, string? currency, uint version, CancellationToken ct) =>
        ChangeAsync(caseId, id, version, (asset, _) =>
        {
            Typed["value"] = value;
            if (CompensationModel.Amounts.Parse(value) is not { } amount)
            {
                ModelState.AddModelError("value", string.IsNullOrWhiteSpace(value) ? "Enter the value realised." : CompensationModel.Amounts.Message);
                return Task.FromResult<string?>(null);
            }
            asset.RecordRealisedValue(amount, currency);
            return Task.FromResult<string?>($"The realised value is {CooperationDisplay.Money(amount, currency)}.");
        }, ct);

    public Task<IActionResult> OnPostAllocateAsync(Guid caseId, Guid id, Guid? claimId, string? amount, DateOnly? on, uint version,
        CancellationToken ct) =>
        ChangeAsync(caseId, id, version, async (asset, token) =>
        {
            Typed["amount"] = amount;
            var parsed = CompensationModel.Amounts.Parse(amount);
            if (claimId is null)
            {
                ModelState.AddModelError("claimId", "Choose the claim.");
            }
            if (parsed is null)
            {
                ModelState.AddModelError("amount", string.IsNullOrWhiteSpace(amount) ? "Enter the amount." : CompensationModel.Amounts.Message);
            }
            if (on is null)
            {
                ModelState.AddModelError("allocatedOn", "Enter the date.");
            }
            if (!ModelState.IsValid)
            {
                return null;
            }
            // The claim of a victim linked to this case, loaded with the victim aggregate so the
            // claim's own rules apply, and its row version guards against a liaison officer
            // changing the claim between this load and the save.
            var victim = await db.Victims.Include(v => v.Claims)
                .Where(v => v.Cases.Any(l => l.CaseId == caseId) && v.Claims.Any(c => c.Id == claimId && c.CaseId == caseId))
                .SingleOrDefaultAsync(token) ?? throw new DomainRuleViolation("Choose a compensation claim of a victim of this case.");
            var claim = victim.Claims.Single(c => c.Id == claimId);
            asset.Allocate(claim, parsed!.Value, on!.Value, User.UserId(), clock.GetUtcNow(), Today);
            return $"{CooperationDisplay.Money(parsed, asset.RealisedCurrency)} is allocated to {victim.Pseudonym}'s claim, which now shows {CooperationDisplay.Money(claim.AmountPaid, claim.Currency)} paid.";
        }, ct);

    private async Task<IActionResult> ChangeAsync(Guid caseId, Guid id, uint version, Func<Asset, CancellationToken, Task<string?>> change, CancellationToken ct)
    {
        var load = await cooperation.LoadAsync(caseId, User, CooperationOperation.RecordAsset, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var asset = await db.Assets.Include(a => a.Steps).Include(a => a.Allocations).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id && a.CaseId == caseId, ct);
        if (asset is null)
        {
            return NotFound();
        }
        var result = await RecordChange.SaveAsync(db, ModelState, asset, version, nameof(Asset.CurrentStep), ConflictMessage, change, ct);
        if (result.Message is { } message)
        {
            TempData["Message"] = message;
            return RedirectToPage(new { caseId, id });
        }
        if (result.Conflict)
        {
            Typed.Clear();
        }
        await ShowAsync(load.Case!, id, ct);
        return Page();
    }

    private async Task<bool> ShowAsync(Case c, Guid id, CancellationToken ct)
    {
        CaseId = c.Id;
        Reference = c.Reference;
        var asset = await db.Assets.AsNoTracking().Include(a => a.Steps).Include(a => a.Allocations).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id && a.CaseId == c.Id, ct);
        if (asset is null)
        {
            return false;
        }
        Item = asset;
        CanRecord = CooperationAccessRule.Allows(User.ToCaseViewer(), c, CooperationOperation.RecordAsset);
        var defendants = await charges.DefendantsOfCaseAsync(c, User, ct);
        Holder = defendants.FirstOrDefault(d => d.Id == asset.HolderDefendantId)?.Label;
        ChargesConcerned = asset.ChargeIds.Length == 0 ? [] : (await charges.ChargeChoicesOfCaseAsync(c, defendants, ct)).Where(x => asset.ChargeIds.Contains(x.Id)).ToList();
        var claims = await db.Victims.AsNoTracking()
            .Where(v => v.Cases.Any(l => l.CaseId == c.Id))
            .SelectMany(v => v.Claims.Where(k => k.CaseId == c.Id).Select(k => new ClaimChoice(k.Id, v.Pseudonym, k.Route, k.Currency, k.AmountClaimed, k.AmountAwarded,
                k.AmountPaid, k.Version)))
            .ToListAsync(ct);
        Claims = claims.OrderBy(k => k.Pseudonym, StringComparer.Ordinal).ToList();
        var byId = claims.ToDictionary(k => k.Id);
        var names = await people.NamesAsync(asset.Allocations.Select(a => a.ByUserId), ct);
        Allocations = asset.Allocations.OrderBy(a => a.AllocatedOn)
            .Select(a => new AllocationRow(byId.GetValueOrDefault(a.ClaimId)?.Pseudonym ?? "A victim", a.Amount, a.AllocatedOn, names.GetValueOrDefault(a.ByUserId, "Former colleague")))
            .ToList();
        return true;
    }

    public static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public sealed record ClaimChoice(Guid Id, string Pseudonym, Domain.Victims.CompensationRoute Route, string Currency, decimal Claimed, decimal? Awarded, decimal Paid, uint Version);

    public sealed record AllocationRow(string Pseudonym, decimal Amount, DateOnly On, string By);
}
