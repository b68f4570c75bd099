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

/// <summary>Records a victim on a case: pseudonym, encrypted identity, profile, child status.</summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class RecordModel(CaseQueries cases, TipCasesDbContext db, VictimPseudonyms pseudonyms, IIdentityProtector protector,
    IValidator<RecordModel.Input> validator, TimeProvider clock) : PageModel
{
    [BindProperty] public Input Form { get; set; } = new();

    public Guid CaseId { get; private set; }

    public string CaseReference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        if (await LoadCaseAsync(caseId, ct) is { } refusal)
        {
            return refusal;
        }
        Form = new Input
        {
            Profile = new ProfileInput { Sex = Sex.Unknown, MigrationStatus = MigrationStatus.Unknown, Willingness = WillingnessToTestify.Undecided },
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        if (await LoadCaseAsync(caseId, ct) is { } refusal)
        {
            return refusal;
        }
        var unbound = ModelState.ClearKeepingFailures();
        var validation = await validator.ValidateAsync(Form, ct);
        validation.AddToModelState(ModelState, nameof(Form));
        ModelState.AddUnreported(unbound);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var @case = await db.Cases.Include(c => c.Team).SingleAsync(c => c.Id == caseId, ct);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == @case.OfficeId, ct);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var pseudonym = await pseudonyms.NextAsync(office.Id, office.Code, today.Year, ct);
            var victim = Victim.Record(Guid.CreateVersion7(now), pseudonym, @case, Form.Identity.ToIdentity(), Form.Profile.ToProfile(),
                protector, User.UserId(), now, today);
            // A liaison officer recording a victim on their case looks after them.
            if (User.IsInRole(Roles.VictimLiaisonOfficer) && @case.Team.Any(m => m.UserId == User.UserId()))
            {
                victim.AssignLiaisonOfficer(User.UserId(), [@case]);
            }
            db.Victims.Add(victim);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            TempData["Message"] = $"{victim.Pseudonym} is recorded.";
            return RedirectToPage("Details", new { id = victim.Id });
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
    }

    private async Task<IActionResult?> LoadCaseAsync(Guid caseId, CancellationToken ct)
    {
        var load = await cases.LoadAsync(caseId, User, CaseOperations.Read, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        if (!VictimAccessRule.MayRecordVictimOn(User.ToCaseViewer(), load.Case!))
        {
            return Forbid();
        }
        CaseId = caseId;
        CaseReference = load.Case!.Reference;
        return null;
    }

    public sealed record Input
    {
        public IdentityInput Identity { get; init; } = new();

        public ProfileInput Profile { get; init; } = new();
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(i => i.Identity).SetValidator(new IdentityInputValidator(clock));
            RuleFor(i => i.Profile).SetValidator(new ProfileInputValidator(clock));
        }
    }
}
