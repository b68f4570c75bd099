using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Cases;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Cases;

[Authorize(Policy = Policies.OpenCases)]
public sealed class CreateModel(CreateModel.Handler handler, IValidator<CreateModel.Input> validator, TimeProvider clock) : PageModel
{
    [BindProperty] public Input Form { get; set; } = new();

    public void OnGet() => Form = new Input { OpenedOn = clock.Today() };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unbound = ModelState.ClearKeepingFailures(); // the validator explains; what could not be read is refused too
        var validation = await validator.ValidateAsync(Form, ct);
        validation.AddToModelState(ModelState, nameof(Form));
        ModelState.AddUnreported(unbound);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            return RedirectToPage("Details", new { id = await handler.HandleAsync(Form, User, ct) });
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
    }

    public sealed record Input : CaseDetailsInput;

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider clock) => this.AddCaseDetailsRules(clock);
    }

    public sealed class Handler(TipCasesDbContext db, CaseReferences references, TimeProvider clock) : IPageHandler
    {
        public async Task<Guid> HandleAsync(Input input, ClaimsPrincipal user, CancellationToken ct)
        {
            var viewer = user.ToCaseViewer();
            var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == viewer.OfficeId, ct);
            var now = clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var reference = await references.NextAsync(office.Id, office.Code, input.OpenedOn!.Value.Year, ct);
            var @case = Case.Open(Guid.CreateVersion7(now), reference, office.Id, input.ToDetails(), viewer.UserId, now, today);
            // The person who opens a case works on it; a supervisor opening one assigns the team after.
            if (CaseAccessRule.TeamRoleFor(viewer.Roles) is { } role && !viewer.IsSupervisor)
            {
                @case.AddMember(viewer.UserId, role, now);
            }
            db.Cases.Add(@case);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return @case.Id;
        }
    }
}
