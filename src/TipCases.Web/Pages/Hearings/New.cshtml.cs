using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Cases;
using TipCases.Domain.Hearings;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Hearings;

/// <summary>Records a hearing on a case: prosecutors and investigators on the team, and supervisors
/// (who may change the case); others who read the case are refused (403).</summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class NewModel(CaseQueries cases, HearingQueries hearings, TipCasesDbContext db, IValidator<HearingInput> validator,
    OfficeTime time) : PageModel
{
    [BindProperty] public HearingInput Form { get; set; } = new();

    public Guid Id { get; private set; }

    public string Reference { get; private set; } = "";

    public bool IsOpen { get; private set; }

    public HearingFields Fields { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.EditDetails, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        Form = new HearingInput { Date = time.Today.AddDays(7), Time = new TimeOnly(9, 0), Status = HearingStatus.Scheduled };
        await ShowAsync(load.Case!, await hearings.WitnessChoicesAsync(id, ct), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.EditDetails, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var @case = load.Case!;
        var choices = await hearings.WitnessChoicesAsync(id, ct);
        var victimIds = choices.Select(c => c.VictimId).ToHashSet();
        var unbound = ModelState.ClearKeepingFailures();
        var context = new ValidationContext<HearingInput>(Form);
        context.RootContextData[HearingInputValidator.WitnessChoicesKey] = victimIds;
        (await validator.ValidateAsync(context, ct)).AddToModelState(ModelState, nameof(Form));
        ModelState.AddUnreported(unbound);
        if (!ModelState.IsValid)
        {
            await ShowAsync(@case, choices, ct);
            return Page();
        }
        try
        {
            var hearing = Hearing.Record(@case, Form.ToDetails(time), victimIds, User.UserId(), time.Now, time.Zone);
            db.Hearings.Add(hearing);
            await db.SaveChangesAsync(ct);
            TempData["Message"] = $"The hearing of {time.Show(hearing.StartsAt)} at {hearing.Court} is recorded.";
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await ShowAsync(@case, choices, ct);
            return Page();
        }
        return RedirectToPage("Index", new { id });
    }

    private async Task ShowAsync(Case @case, IReadOnlyList<WitnessChoice> choices, CancellationToken ct)
    {
        Id = @case.Id;
        Reference = @case.Reference;
        IsOpen = @case.IsOpen;
        Fields = new HearingFields(Form, choices, await hearings.KnownCourtsAsync(User, ct), time.ZoneId);
    }
}
