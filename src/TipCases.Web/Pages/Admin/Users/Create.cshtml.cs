using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Security.Claims;
using System.Text.RegularExpressions;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed partial class CreateModel(CreateModel.Handler handler, IValidator<CreateModel.Input> validator, UserFormOptions options) : PageModel
{
    [BindProperty] public Input Form { get; set; } = new();

    public UserFieldsViewModel Fields { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(Form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Form));
            await LoadAsync(ct);
            return Page();
        }
        var result = await handler.HandleAsync(Form, User, ct);
        if (result.Errors.Count > 0)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError($"{nameof(Form)}.{field}", message);
            }
            await LoadAsync(ct);
            return Page();
        }
        return RedirectToPage("Edit", new { id = result.UserId, created = true });
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Fields = new UserFieldsViewModel(Form, await options.OfficesAsync(Form.OfficeId, ct), ModelState);

    public sealed record Input : IUserDetails
    {
        public string? UserName { get; init; }

        public string? DisplayName { get; init; }

        public string? Email { get; init; }

        public Guid? OfficeId { get; init; }

        public IReadOnlyList<string>? Roles { get; init; }

        public string? Password { get; init; }
    }

    public sealed partial class Validator : AbstractValidator<Input>
    {
        public Validator(TipCasesDbContext db)
        {
            RuleFor(i => i.UserName).NotEmpty().WithMessage("Enter a user name.")
                .MaximumLength(AppUser.UserNameMaxLength).WithMessage($"Use at most {AppUser.UserNameMaxLength} characters.")
                .Matches(UserNamePattern()).WithMessage("Use 3 or more lower-case letters, digits, dots, dashes or underscores, starting with a letter.")
                .When(i => !string.IsNullOrEmpty(i.UserName), ApplyConditionTo.CurrentValidator);
            this.AddUserDetailsRules(db);
            RuleFor(i => i.Password).SetValidator(new NewPasswordRule<Input>());
        }

        [GeneratedRegex("^[a-z][a-z0-9._-]{2,63}$")]
        private static partial Regex UserNamePattern();
    }

    public sealed record Result(Guid? UserId, IReadOnlyList<(string Field, string Message)> Errors);

    public sealed class Handler(TipCasesDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock) : IPageHandler
    {
        public async Task<Result> HandleAsync(Input input, ClaimsPrincipal actor, CancellationToken ct)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                UserName = input.UserName!,
                DisplayName = input.DisplayName!.Trim(),
                Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
                OfficeId = input.OfficeId!.Value,
                CreatedAt = clock.GetUtcNow(),
            };
            var roles = input.Roles!.Distinct().ToArray();

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var created = await users.CreateAsync(user, input.Password!);
            if (!created.Succeeded)
            {
                return new Result(null, created.Errors.Select(e => e.Code switch
                {
                    "DuplicateUserName" => (nameof(Input.UserName), "This user name is already taken."),
                    "InvalidUserName" => (nameof(Input.UserName), "Use lower-case letters, digits, dots, dashes or underscores."),
                    _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => (nameof(Input.Password), e.Description),
                    _ => ("", e.Description),
                }).ToList());
            }
            var withRoles = await users.AddToRolesAsync(user, roles);
            if (!withRoles.Succeeded)
            {
                return new Result(null, [(nameof(Input.Roles), "Choose roles from the list.")]);
            }
            await audit.RecordAsync(AuditAction.UserCreated, actor, "User", user.Id.ToString(),
                new { user.UserName, user.DisplayName, office = user.OfficeId, roles }, ct);
            await transaction.CommitAsync(ct);
            return new Result(user.Id, []);
        }
    }
}
