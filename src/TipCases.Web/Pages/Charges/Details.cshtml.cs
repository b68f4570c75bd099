using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Charges;
using TipCases.Web.Data;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Charges;

/// <summary>
/// The charge page: the elements checklist (met, missing or not required, each with its reason and
/// article), the victims' child status, the consent note, the smuggling and standalone suggestions,
/// the penalty ceiling with its reason; and the aggravating circumstances the system proposed, for
/// the prosecutor to accept or dismiss.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class DetailsModel(ChargeQueries queries, ChargeAnalyses analyses, TipCasesDbContext db, TimeProvider clock) : PageModel
{
    public const string ConflictMessage = "Someone else changed this charge at the same time, so nothing was saved. The page now shows the charge as it is.";

    public Charge Charge { get; private set; } = null!;

    public ChargeAnalysis Analysis { get; private set; } = null!;

    public Guid CaseId { get; private set; }

    public string Reference { get; private set; } = "";

    public DefendantView Defendant { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public bool CanRecordFacts { get; private set; }

    public string? Message { get; private set; }

    [BindProperty] public string? DismissNote { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await queries.LoadChargeAsync(id, User, ChargeOperation.Read, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        await ShowAsync(load, ct);
        Message = TempData["Message"] as string;
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, Guid proposalId, uint version, CancellationToken ct) =>
        DecideAsync(id, version, (load, now) =>
        {
            load.Charge!.AcceptProposal(load.Case!, proposalId, User.UserId(), now);
            return "The aggravating circumstance is added to the charge.";
        }, ct);

    public Task<IActionResult> OnPostDismissAsync(Guid id, Guid proposalId, uint version, CancellationToken ct) =>
        DecideAsync(id, version, (load, now) =>
        {
            load.Charge!.DismissProposal(load.Case!, proposalId, DismissNote, User.UserId(), now);
            return "The proposal is dismissed.";
        }, ct);

    private async Task<IActionResult> DecideAsync(Guid id, uint version, Func<ChargeLoad, DateTimeOffset, string> decide, CancellationToken ct)
    {
        var load = await queries.LoadChargeAsync(id, User, ChargeOperation.ManageCharges, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        string message;
        try
        {
            db.Entry(load.Charge!).Property(c => c.Version).OriginalValue = version;
            message = decide(load, clock.GetUtcNow());
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
            var current = await queries.LoadChargeAsync(id, User, ChargeOperation.Read, ct);
            if (current.Charge is null)
            {
                return NotFound();
            }
            ModelState.AddModelError(string.Empty, ConflictMessage);
            await ShowAsync(current, ct);
            return Page();
        }
        TempData["Message"] = message;
        return RedirectToPage(new { id });
    }

    private async Task ShowAsync(ChargeLoad load, CancellationToken ct)
    {
        var @case = load.Case!;
        Charge = load.Charge!;
        CaseId = @case.Id;
        Reference = @case.Reference;
        Analysis = (await analyses.ForAsync(@case, [Charge], User, ct))[Charge.Id];
        Defendant = (await queries.DefendantsOfCaseAsync(@case, User, ct)).First(d => d.Id == Charge.DefendantId);
        var viewer = User.ToCaseViewer();
        CanManage = @case.IsOpen && ChargeAccessRule.Allows(viewer, @case, ChargeOperation.ManageCharges);
        CanRecordFacts = @case.IsOpen && Charge.Status.IsOpen() && ChargeAccessRule.Allows(viewer, @case, ChargeOperation.RecordFacts);
    }
}
