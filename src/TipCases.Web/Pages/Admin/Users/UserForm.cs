using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using TipCases.Domain.Staff;
using TipCases.Web.Data;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Admin.Users;

/// <summary>The fields an administrator sets on any account, shared by Create and Edit.</summary>
public interface IUserDetails
{
    string? DisplayName { get; }

    string? Email { get; }

    Guid? OfficeId { get; }

    IReadOnlyList<string>? Roles { get; }
}

public static class UserDetailsRules
{
    public static void AddUserDetailsRules<T>(this AbstractValidator<T> validator, TipCasesDbContext db)
        where T : IUserDetails
    {
        validator.RuleFor(i => i.DisplayName).NotEmpty().WithMessage("Enter the person's name as colleagues know it.")
            .MaximumLength(AppUser.DisplayNameMaxLength).WithMessage($"Use at most {AppUser.DisplayNameMaxLength} characters.");
        validator.RuleFor(i => i.Email).MaximumLength(AppUser.EmailMaxLength).WithMessage($"Use at most {AppUser.EmailMaxLength} characters.")
            .EmailAddress().WithMessage("Enter an e-mail address such as name@office.example, or leave it empty.")
            .When(i => !string.IsNullOrEmpty(i.Email));
        validator.RuleFor(i => i.OfficeId).NotEmpty().WithMessage("Choose the office this person works in.")
            .MustAsync(async (id, ct) => await db.Offices.AnyAsync(o => o.Id == id, ct))
            .WithMessage("Choose one of the listed offices.")
            // The condition guards the database check only: a missing office must still be refused.
            .When(i => i.OfficeId is not null && i.OfficeId != Guid.Empty, ApplyConditionTo.CurrentValidator);
        validator.RuleFor(i => i.Roles).Custom((roles, context) =>
        {
            var chosen = roles ?? [];
            var parsed = new List<StaffRole>();
            foreach (var name in chosen)
            {
                if (!Enum.TryParse<StaffRole>(name, ignoreCase: false, out var role) || !Enum.IsDefined(role) || int.TryParse(name, out _))
                {
                    context.AddFailure("Choose roles from the list.");
                    return;
                }
                parsed.Add(role);
            }
            if (StaffRoles.WhyCombinationIsRefused(parsed.Distinct().ToArray()) is { } reason)
            {
                context.AddFailure(reason);
            }
        });
    }
}

/// <summary>Options for the office and role pickers.</summary>
public sealed class UserFormOptions(TipCasesDbContext db)
{
    public async Task<IReadOnlyList<SelectListItem>> OfficesAsync(Guid? selected, CancellationToken ct) =>
        await db.Offices.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name + " (" + o.Code + ")", o.Id.ToString(), o.Id == selected))
            .ToListAsync(ct);

    public static IReadOnlyList<(string Value, string Label)> Roles { get; } =
        StaffRoles.All.Select(r => (r.ToString(), r.DisplayName())).ToArray();
}
