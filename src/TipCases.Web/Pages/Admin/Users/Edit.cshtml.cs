using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class EditModel(
    EditModel.Handler handler,
    IValidator<EditModel.Input> validator,
    UserFormOptions options,
    UserManager<AppUser> users,
    TimeProvider clock) : PageModel
{
    public const string ConflictMessage =
        "Someone else changed this account while you were editing it. The form now shows their version; make your changes again and save.";

    public const string NotSavedMessage =
        "The account could not be changed, probably because someone else changed it at the same time. Nothing was saved; check it below and try again.";

    public const string OwnRolesMessage = "You cannot change your own roles. Ask another administrator to do it.";

    public const string OwnOfficeMessage = "You cannot change your own office. Ask another administrator to do it.";

    [BindProperty] public Input Form { get; set; } = new();

    [BindProperty] public string? NewPassword { get; set; }

    public string UserName { get; private set; } = "";

    public bool IsActive { get; private set; }

    public bool IsLockedOut { get; private set; }

    public bool IsSelf { get; private set; }

    /// <summary>Whether the person has set up their authenticator app.</summary>
    public bool HasAuthenticator { get; private set; }

    public string? Message { get; private set; }

    public UserFieldsViewModel Fields { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, bool created, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }
        Form = await Input.FromAsync(user, users);
        Message = created ? "The account has been created." : TempData["Message"] as string;
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(Form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Form));
            return await RedisplayAsync(id, keepForm: true, ct);
        }
        var result = await handler.UpdateAsync(id, Form, User, ct);
        switch (result.Outcome)
        {
            case Handler.Outcome.NotFound:
                return NotFound();
            case Handler.Outcome.Conflict:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, ConflictMessage);
                return await RedisplayAsync(id, keepForm: false, ct);
            case Handler.Outcome.Refused:
                foreach (var (field, message) in result.Errors)
                {
                    ModelState.AddModelError($"{nameof(Form)}.{field}", message);
                }
                return await RedisplayAsync(id, keepForm: false, ct);
            default:
                TempData["Message"] = "Changes saved. If roles or office changed, the person's open sessions have ended.";
                return RedirectToPage(new { id });
        }
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct) =>
        await SetActiveAsync(id, active: false, ct);

    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) =>
        await SetActiveAsync(id, active: true, ct);

    public async Task<IActionResult> OnPostSetPasswordAsync(Guid id, CancellationToken ct)
    {
        if (PasswordRules.ProblemWith(NewPassword) is { } problem)
        {
            ModelState.AddModelError(nameof(NewPassword), problem);
            return await RedisplayAsync(id, keepForm: false, ct);
        }
        var errors = await handler.SetPasswordAsync(id, NewPassword!, User, ct);
        if (errors is null)
        {
            return NotFound();
        }
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(nameof(NewPassword), error);
            }
            return await RedisplayAsync(id, keepForm: false, ct);
        }
        TempData["Message"] = "The new password is set. Give it to the person in a safe way.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        if (id == User.UserId())
        {
            ModelState.AddModelError(string.Empty, "You cannot disable your own account.");
            return await RedisplayAsync(id, keepForm: false, ct);
        }
        switch (await handler.SetActiveAsync(id, active, User, ct))
        {
            case Handler.Outcome.NotFound:
                return NotFound();
            case Handler.Outcome.Conflict:
                ModelState.AddModelError(string.Empty, NotSavedMessage);
                return await RedisplayAsync(id, keepForm: false, ct);
        }
        TempData["Message"] = active ? "The account is enabled." : "The account is disabled. Its open sessions have ended.";
        return RedirectToPage(new { id });
    }

    /// <summary>For a person who lost their phone and their recovery codes: they set up an app
    /// again at their next sign-in. Not for one's own account (that would skip the re-authentication
    /// of the Sign-in security page).</summary>
    public async Task<IActionResult> OnPostResetAuthenticatorAsync(Guid id, CancellationToken ct)
    {
        if (id == User.UserId())
        {
            ModelState.AddModelError(string.Empty, "Set up a new app for your own account on the Sign-in security page.");
            return await RedisplayAsync(id, keepForm: false, ct);
        }
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }
        if (!(await ((TipCasesUserManager)users).RemoveAuthenticatorAsync(user)).Succeeded)
        {
            ModelState.AddModelError(string.Empty, NotSavedMessage);
            return await RedisplayAsync(id, keepForm: false, ct);
        }
        await handler.RecordAsync(AuditAction.AuthenticatorRemoved, user, User, ct);
        TempData["Message"] = ResetAuthenticatorMessage;
        return RedirectToPage(new { id });
    }

    public const string ResetAuthenticatorMessage =
        "Two-step sign-in is reset: at the next sign-in, the person sets up an authenticator app again. Their open sessions have ended.";

    private async Task<IActionResult> RedisplayAsync(Guid id, bool keepForm, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }
        if (!keepForm)
        {
            Form = await Input.FromAsync(user, users);
        }
        await LoadAsync(user, ct);
        return Page();
    }

    private async Task LoadAsync(AppUser user, CancellationToken ct)
    {
        UserName = user.UserName!;
        IsActive = user.IsActive;
        IsLockedOut = user.LockoutEnd is { } end && end > clock.GetUtcNow();
        IsSelf = user.Id == User.UserId();
        HasAuthenticator = await ((TipCasesUserManager)users).IsEnrolledAsync(user);
        Fields = new UserFieldsViewModel(Form, await options.OfficesAsync(Form.OfficeId, ct), ModelState, AccessIsReadOnly: IsSelf);
    }

    public sealed record Input : IUserDetails
    {
        public string? DisplayName { get; init; }

        public string? Email { get; init; }

        public Guid? OfficeId { get; init; }

        public IReadOnlyList<string>? Roles { get; init; }

        /// <summary>Identity's concurrency stamp as the form was loaded; a save made against an
        /// older stamp is refused rather than overwriting someone else's change.</summary>
        public string? ConcurrencyStamp { get; init; }

        public static async Task<Input> FromAsync(AppUser user, UserManager<AppUser> users) => new()
        {
            DisplayName = user.DisplayName,
            Email = user.Email,
            OfficeId = user.OfficeId,
            Roles = (await users.GetRolesAsync(user)).ToList(),
            ConcurrencyStamp = user.ConcurrencyStamp,
        };
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TipCasesDbContext db)
        {
            this.AddUserDetailsRules(db);
            RuleFor(i => i.ConcurrencyStamp).NotEmpty().WithMessage("Reload the page and try again.");
        }
    }

    public sealed class Handler(TipCasesDbContext db, UserManager<AppUser> users, AuditLog audit) : IPageHandler
    {
        public enum Outcome { Saved, NotFound, Conflict, Refused }

        public Task RecordAsync(AuditAction action, AppUser user, ClaimsPrincipal actor, CancellationToken ct) =>
            audit.RecordAsync(action, actor, "User", user.Id.ToString(), ct: ct);

        public sealed record Result(Outcome Outcome, IReadOnlyList<(string Field, string Message)> Errors);

        public async Task<Result> UpdateAsync(Guid id, Input input, ClaimsPrincipal actor, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(id.ToString());
            if (user is null)
            {
                return new Result(Outcome.NotFound, []);
            }
            if (user.ConcurrencyStamp != input.ConcurrencyStamp)
            {
                return new Result(Outcome.Conflict, []);
            }
            var before = new { user.DisplayName, user.Email, user.OfficeId, Roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToArray() };
            var roles = input.Roles!.Distinct().Order(StringComparer.Ordinal).ToArray();
            if (user.Id == actor.UserId())
            {
                // Separation of duties: an administrator who could give themselves a case role (or
                // move to another office) could read case content. Another administrator must do it.
                var refusals = new List<(string Field, string Message)>();
                if (!roles.SequenceEqual(before.Roles, StringComparer.Ordinal))
                {
                    refusals.Add((nameof(Input.Roles), OwnRolesMessage));
                }
                if (input.OfficeId != before.OfficeId)
                {
                    refusals.Add((nameof(Input.OfficeId), OwnOfficeMessage));
                }
                if (refusals.Count > 0)
                {
                    return new Result(Outcome.Refused, refusals);
                }
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            user.DisplayName = input.DisplayName!.Trim();
            user.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
            user.OfficeId = input.OfficeId!.Value;
            try
            {
                if (!(await users.UpdateAsync(user)).Succeeded)
                {
                    return new Result(Outcome.Conflict, []);
                }
                var removed = before.Roles.Except(roles).ToArray();
                var added = roles.Except(before.Roles).ToArray();
                if (removed.Length > 0)
                {
                    await users.RemoveFromRolesAsync(user, removed);
                }
                if (added.Length > 0)
                {
                    await users.AddToRolesAsync(user, added);
                }
                if (removed.Length > 0 || added.Length > 0 || before.OfficeId != user.OfficeId)
                {
                    // Roles and office are in the session's claims: end open sessions so that
                    // they are read again (the security stamp check signs the person out).
                    await users.UpdateSecurityStampAsync(user);
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Result(Outcome.Conflict, []);
            }
            var after = new { user.DisplayName, user.Email, user.OfficeId, Roles = roles };
            await audit.RecordAsync(AuditAction.UserUpdated, actor, "User", user.Id.ToString(), AuditChanges.Between(before, after), ct);
            await transaction.CommitAsync(ct);
            return new Result(Outcome.Saved, []);
        }

        /// <summary>Disables or enables the account, ends its sessions (new security stamp) and
        /// records it, all in one transaction: either everything is saved or nothing.</summary>
        public async Task<Outcome> SetActiveAsync(Guid id, bool active, ClaimsPrincipal actor, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(id.ToString());
            if (user is null)
            {
                return Outcome.NotFound;
            }
            if (user.IsActive == active)
            {
                return Outcome.Saved;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            user.IsActive = active;
            // A new stamp invalidates every open session at its next check.
            if (!(await users.UpdateAsync(user)).Succeeded || !(await users.UpdateSecurityStampAsync(user)).Succeeded)
            {
                return Abandon();
            }
            await audit.RecordAsync(active ? AuditAction.UserEnabled : AuditAction.UserDisabled, actor, "User", user.Id.ToString(), ct: ct);
            await transaction.CommitAsync(ct);
            return Outcome.Saved;
        }

        /// <summary>Returns null when there is no such user, else the reasons the password was
        /// refused (none: it is set). The new password, the lifted lockout and the audit event are
        /// saved in one transaction.</summary>
        public async Task<IReadOnlyList<string>?> SetPasswordAsync(Guid id, string password, ClaimsPrincipal actor, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(id.ToString());
            if (user is null)
            {
                return null;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, password);
            if (!result.Succeeded)
            {
                Abandon();
                return result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure) ? NotSavedMessage : e.Description).ToList();
            }
            if (!(await users.SetLockoutEndDateAsync(user, null)).Succeeded || !(await users.ResetAccessFailedCountAsync(user)).Succeeded)
            {
                Abandon();
                return [NotSavedMessage];
            }
            await audit.RecordAsync(AuditAction.UserPasswordReset, actor, "User", user.Id.ToString(), ct: ct);
            await transaction.CommitAsync(ct);
            return [];
        }

        /// <summary>After a failed step: the transaction rolls back when disposed; forget the
        /// unsaved changes too, so the page shows the account as it is stored.</summary>
        private Outcome Abandon()
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict;
        }
    }
}
