using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Web.Data;
using TipCases.Web.Pages.Charges;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Cases;

/// <summary>Moves a case to its next stage, discontinues or reopens it, under <see cref="CaseStageRules"/>.</summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class StageModel(CaseQueries cases, TipCasesDbContext db, TimeProvider clock) : PageModel
{
    public const string ConflictMessage =
        "Someone else changed this case while you were deciding. Check its stage below and choose again.";

    [BindProperty] public CaseStage? Target { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public uint Version { get; set; }

    public Guid Id { get; private set; }

    public string Reference { get; private set; } = "";

    public CaseStage Current { get; private set; }

    public IReadOnlyList<StageOption> Options { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.ChangeStage, ct, withHistory: true);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        Show(load.Case!, await db.ChargeProgressAsync(id, ct));
        // Never preselect discontinuing: ending a case must be a deliberate choice.
        Target = Options.FirstOrDefault(o => o.Missing.Count == 0 && o.Stage != CaseStage.Discontinued)?.Stage;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.ChangeStage, ct, withHistory: true);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var @case = load.Case!;
        var charges = await db.ChargeProgressAsync(id, ct);
        ModelState.Clear();
        if (Target is not { } target || !Enum.IsDefined(target))
        {
            ModelState.AddModelError(nameof(Target), "Choose the stage to move to.");
            Show(@case, charges);
            return Page();
        }
        try
        {
            db.Entry(@case).Property(c => c.Version).OriginalValue = Version;
            @case.MoveTo(target, User.UserId(), clock.GetUtcNow(), Reason, charges);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            Show(@case, charges);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = (await cases.LoadAsync(id, User, CaseOperations.Read, ct, withHistory: true)).Case;
            if (current is null)
            {
                return NotFound();
            }
            ModelState.AddModelError(string.Empty, ConflictMessage);
            Show(current, await db.ChargeProgressAsync(id, ct));
            Version = current.Version;
            return Page();
        }
        TempData["Message"] = $"The case moved to {target.DisplayName().ToLowerInvariant()}.";
        return RedirectToPage("Details", new { id });
    }

    private void Show(Case c, ChargeProgress charges)
    {
        Id = c.Id;
        Reference = c.Reference;
        Current = c.Stage;
        Version = Version == 0 ? c.Version : Version;
        // Preconditions only: the reason is asked for on the form itself.
        Options = CaseStageRules.Targets(c)
            .Select(t => new StageOption(t, CaseStageRules.WhyNot(c, t, reason: "(given)", charges)))
            .ToList();
    }

    public string Note(StageOption option) => option switch
    {
        { Missing.Count: > 0 } => "Not yet: " + string.Join(" ", option.Missing),
        { Stage: CaseStage.Discontinued } => "Ends the case without a verdict; give the reason. It can be reopened later.",
        _ when Current == CaseStage.Discontinued => "Reopens the case where it was; give the reason.",
        _ => "Ready.",
    };

    public sealed record StageOption(CaseStage Stage, IReadOnlyList<string> Missing);
}
