using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using TipCases.Domain;
using TipCases.Domain.Charges;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Admin.Offences;

/// <summary>Adds an offence to the catalogue (no id) or edits one.</summary>
[Authorize(Policy = Policies.ManageReferenceData)]
public sealed class EditModel(EditModel.Handler handler, IValidator<EditModel.Input> validator) : PageModel
{
    public const string ConflictMessage =
        "Someone else changed this offence while you were editing it. The form now shows their version; make your change again and save.";

    [BindProperty] public Input Form { get; set; } = new();

    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        IsNew = id is null;
        if (id is { } offenceId)
        {
            if (await handler.LoadAsync(offenceId, ct) is not { } current)
            {
                return NotFound();
            }
            Form = current;
        }
        else
        {
            Form = new Input { IsActive = true };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        IsNew = id is null;
        var failed = ModelState.ClearKeepingFailures();
        var validation = await validator.ValidateAsync(Form, ct);
        if (!validation.IsValid || failed.Count > 0)
        {
            validation.AddToModelState(ModelState, nameof(Form));
            ModelState.AddUnreported(failed);
            return Page();
        }
        try
        {
            var saved = await handler.SaveAsync(id, Form, User, ct);
            if (!saved)
            {
                return NotFound();
            }
            TempData["Message"] = $"{Form.Name!.Trim()} ({Form.Code!.Trim()}) is saved.";
            return RedirectToPage("Index");
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
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.Code)}", "An offence with this code or name already exists.");
            return Page();
        }
    }

    public sealed record Input
    {
        public string? Code { get; init; }

        public string? Name { get; init; }

        public OffenceKind? Kind { get; init; }

        public int? BaseMaximumYears { get; init; }

        public int? AggravatedMaximumYears { get; init; }

        public bool IsActive { get; init; }

        /// <summary>The row version the form was loaded with (optimistic concurrency).</summary>
        public uint Version { get; init; }

        public OffenceDetails ToDetails() => new(Code!.Trim().ToUpperInvariant(), Name!, Kind!.Value, BaseMaximumYears!.Value, AggravatedMaximumYears, IsActive);
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(i => i.Code).NotEmpty().WithMessage("Enter a code, for example TIP.")
                .Must(c => Offence.IsValidCode(c?.Trim().ToUpperInvariant()))
                .WithMessage($"Use 1 to {Offence.CodeMaxLength} letters A to Z, digits or hyphens, for example TIP-C.");
            RuleFor(i => i.Name).NotEmpty().WithMessage("Enter the offence's name.")
                .MaximumLength(Offence.NameMaxLength).WithMessage($"Use at most {Offence.NameMaxLength} characters.");
            RuleFor(i => i.Kind).NotNull().WithMessage("Choose what kind of offence it is.").IsInEnum().WithMessage("Choose what kind of offence it is.");
            RuleFor(i => i.BaseMaximumYears).NotNull().WithMessage("Enter the maximum penalty in years.")
                .InclusiveBetween(1, Offence.MaxYears).WithMessage($"Enter a number of years from 1 to {Offence.MaxYears}.");
            RuleFor(i => i.AggravatedMaximumYears)
                .Must((i, a) => a > i.BaseMaximumYears && a <= Offence.MaxYears)
                .WithMessage(i => $"Enter more years than the maximum ({i.BaseMaximumYears}), at most {Offence.MaxYears}, or leave it empty when aggravation does not raise the maximum.")
                .When(i => i.AggravatedMaximumYears is not null && i.BaseMaximumYears is not null);
        }
    }

    public sealed class Handler(TipCasesDbContext db, AuditLog audit, TimeProvider clock) : IPageHandler
    {
        public async Task<Input?> LoadAsync(Guid id, CancellationToken ct) =>
            await db.Offences.AsNoTracking().Where(o => o.Id == id)
                .Select(o => new Input
                {
                    Code = o.Code, Name = o.Name, Kind = o.Kind, BaseMaximumYears = o.BaseMaximumYears,
                    AggravatedMaximumYears = o.AggravatedMaximumYears, IsActive = o.IsActive, Version = o.Version,
                })
                .SingleOrDefaultAsync(ct);

        /// <summary>Returns false when the offence does not exist. Throws
        /// <see cref="DbUpdateConcurrencyException"/> when someone saved it since the form loaded.</summary>
        public async Task<bool> SaveAsync(Guid? id, Input input, ClaimsPrincipal actor, CancellationToken ct)
        {
            if (id is null)
            {
                var offence = Offence.Create(Guid.CreateVersion7(clock.GetUtcNow()), input.ToDetails());
                db.Offences.Add(offence);
                audit.Add(AuditAction.OffenceCreated, actor, nameof(Offence), offence.Id.ToString(), Snapshot(offence));
                await db.SaveChangesAsync(ct);
                return true;
            }
            var existing = await db.Offences.SingleOrDefaultAsync(o => o.Id == id, ct);
            if (existing is null)
            {
                return false;
            }
            await EnsureChargesStayLawfulAsync(existing, input.ToDetails(), ct);
            db.Entry(existing).Property(o => o.Version).OriginalValue = input.Version;
            var before = Snapshot(existing);
            existing.Update(input.ToDetails());
            if (Equals(before, Snapshot(existing)))
            {
                // Nothing changed, so no UPDATE would check the version: a form older than the
                // offence is still told so, and an unchanged save records nothing.
                return existing.Version == input.Version ? true : throw new DbUpdateConcurrencyException(ConflictMessage);
            }
            audit.Add(AuditAction.OffenceUpdated, actor, nameof(Offence), existing.Id.ToString(), AuditChanges.Between(before, Snapshot(existing)));
            await db.SaveChangesAsync(ct);
            return true;
        }

        /// <summary>
        /// An offence that charges already use keeps its kind (it decides their legal analysis:
        /// changing it would rewrite past analyses) and never gets a ceiling below a sentence
        /// already passed under it. To change either, add a new offence and deactivate this one.
        /// </summary>
        private async Task EnsureChargesStayLawfulAsync(Offence offence, OffenceDetails details, CancellationToken ct)
        {
            var charges = db.Charges.AsNoTracking().Where(c => c.OffenceId == offence.Id);
            var used = await charges.CountAsync(ct);
            if (used == 0)
            {
                return;
            }
            if (details.Kind != offence.Kind)
            {
                throw new DomainRuleViolation(
                    $"{used} charge(s) use this offence, so its kind cannot change: it decides their legal analysis. Add a new offence and deactivate this one.");
            }
            var longest = await charges.Where(c => c.Status == ChargeStatus.Convicted).MaxAsync(c => c.SentenceCustodialMonths, ct);
            var ceilingMonths = (details.AggravatedMaximumYears ?? details.BaseMaximumYears) * 12;
            if (longest > ceilingMonths)
            {
                throw new DomainRuleViolation(
                    $"A sentence of {longest} months was passed under this offence: its maximum cannot go below that. Add a new offence for the new law and deactivate this one.");
            }
        }

        private static object Snapshot(Offence o) => new
        {
            o.Code,
            o.Name,
            Kind = o.Kind.ToString(),
            o.BaseMaximumYears,
            o.AggravatedMaximumYears,
            o.IsActive,
        };
    }
}
