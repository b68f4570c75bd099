using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using TipCases.Domain;
using TipCases.Domain.Offices;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Admin.Offices;

/// <summary>Creates an office (no id) or renames one.</summary>
[Authorize(Policy = Policies.ManageReferenceData)]
public sealed class EditModel(EditModel.Handler handler, IValidator<EditModel.Input> validator, TipCasesDbContext db) : PageModel
{
    public const string ConflictMessage =
        "Someone else changed this office while you were editing it. The form now shows their version; make your change again and save.";

    [BindProperty] public Input Form { get; set; } = new();

    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        IsNew = id is null;
        if (id is { } officeId)
        {
            if (await handler.LoadAsync(officeId, ct) is not { } current)
            {
                return NotFound();
            }
            Form = current;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        IsNew = id is null;
        if (id is { } existingId && await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == existingId, ct) is { } existing)
        {
            Form = Form with { Code = existing.Code }; // the code is fixed once issued
        }
        var validation = await validator.ValidateAsync(Form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Form));
            return Page();
        }
        try
        {
            var saved = await handler.SaveAsync(id, Form, User, ct);
            return saved ? RedirectToPage("Index") : NotFound();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, ConflictMessage);
            Form = await handler.LoadAsync(id!.Value, ct) ?? Form;
            return Page();
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.Code)}", "An office with this code or name already exists.");
            return Page();
        }
    }

    public sealed record Input
    {
        public string? Code { get; init; }

        public string? Name { get; init; }

        /// <summary>The row version the form was loaded with (optimistic concurrency).</summary>
        public uint Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(i => i.Code).NotEmpty().WithMessage("Enter a code of 2 to 6 capital letters.")
                .Must(code => Office.IsValidCode(code?.Trim().ToUpperInvariant()))
                .WithMessage("Use 2 to 6 letters A to Z, for example CPO.")
                .When(i => !string.IsNullOrEmpty(i.Code), ApplyConditionTo.CurrentValidator);
            RuleFor(i => i.Name).NotEmpty().WithMessage("Enter the office's name.")
                .MaximumLength(Office.NameMaxLength).WithMessage($"Use at most {Office.NameMaxLength} characters.");
        }
    }

    public sealed class Handler(TipCasesDbContext db, AuditLog audit, TimeProvider clock) : IPageHandler
    {
        public async Task<Input?> LoadAsync(Guid id, CancellationToken ct) =>
            await db.Offices.AsNoTracking().Where(o => o.Id == id)
                .Select(o => new Input { Code = o.Code, Name = o.Name, Version = o.Version })
                .SingleOrDefaultAsync(ct);

        /// <summary>Returns false when the office does not exist. Throws
        /// <see cref="DbUpdateConcurrencyException"/> when someone saved it since the form loaded.</summary>
        public async Task<bool> SaveAsync(Guid? id, Input input, ClaimsPrincipal actor, CancellationToken ct)
        {
            if (id is null)
            {
                var office = new Office(Guid.CreateVersion7(clock.GetUtcNow()), input.Code!, input.Name!, clock.GetUtcNow());
                db.Offices.Add(office);
                audit.Add(AuditAction.OfficeCreated, actor, nameof(Office), office.Id.ToString(), new { office.Code, office.Name });
                await db.SaveChangesAsync(ct);
                return true;
            }
            var existing = await db.Offices.SingleOrDefaultAsync(o => o.Id == id, ct);
            if (existing is null)
            {
                return false;
            }
            db.Entry(existing).Property(o => o.Version).OriginalValue = input.Version;
            var before = new { existing.Name };
            existing.Rename(input.Name!);
            if (existing.Name == before.Name)
            {
                return true; // nothing changed, so nothing to record (and no newer version to overwrite)
            }
            audit.Add(AuditAction.OfficeUpdated, actor, nameof(Office), existing.Id.ToString(), AuditChanges.Between(before, new { existing.Name }));
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}
