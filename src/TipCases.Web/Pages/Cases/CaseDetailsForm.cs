using FluentValidation;
using TipCases.Domain.Cases;
using TipCases.Web.Infrastructure;

namespace TipCases.Web.Pages.Cases;

/// <summary>The case details a user types, shared by the Create and Edit pages. Nullable so
/// that the validator, not model binding, owns the messages.</summary>
public record CaseDetailsInput
{
    public string? Title { get; init; }

    public string? Summary { get; init; }

    public CaseOrigin? Origin { get; init; }

    public CaseScope? Scope { get; init; }

    public bool InvolvesOrganizedCriminalGroup { get; init; }

    public bool InvolvesTaskForce { get; init; }

    public DateOnly? OpenedOn { get; init; }

    public DateOnly? OffenceFrom { get; init; }

    public DateOnly? OffenceTo { get; init; }

    public CaseDetails ToDetails() => new(Title!, Summary, Origin!.Value, Scope!.Value,
        InvolvesOrganizedCriminalGroup, InvolvesTaskForce, OpenedOn!.Value, OffenceFrom, OffenceTo);

    public static T From<T>(Case c) where T : CaseDetailsInput, new() => new()
    {
        Title = c.Title,
        Summary = c.Summary,
        Origin = c.Origin,
        Scope = c.Scope,
        InvolvesOrganizedCriminalGroup = c.InvolvesOrganizedCriminalGroup,
        InvolvesTaskForce = c.InvolvesTaskForce,
        OpenedOn = c.OpenedOn,
        OffenceFrom = c.OffenceFrom,
        OffenceTo = c.OffenceTo,
    };
}

/// <summary>The same rules as <see cref="CaseDetails.Problems"/>, each placed next to its field.</summary>
public static class CaseDetailsRules
{
    public static void AddCaseDetailsRules<T>(this AbstractValidator<T> validator, TimeProvider clock)
        where T : CaseDetailsInput
    {

        validator.RuleFor(i => i.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Give the case a title.")
            .MaximumLength(Case.TitleMaxLength).WithMessage($"Use at most {Case.TitleMaxLength} characters.");
        validator.RuleFor(i => i.Summary).MaximumLength(Case.SummaryMaxLength).WithMessage($"Use at most {Case.SummaryMaxLength} characters.");
        validator.RuleFor(i => i.Origin).NotNull().WithMessage("Choose how the case started.")
            .IsInEnum().WithMessage("Choose how the case started from the list.");
        validator.RuleFor(i => i.Scope).NotNull().WithMessage("Choose the scope.")
            .IsInEnum().WithMessage("Choose the scope from the list.");
        validator.RuleFor(i => i.OpenedOn).NotNull().WithMessage("Enter the date the case was opened.")
            .Must(d => d <= clock.Today()).WithMessage("The case cannot be opened in the future.");
        validator.RuleFor(i => i.OffenceFrom).Must(d => d is null || d <= clock.Today()).WithMessage("Offence dates cannot be in the future.");
        validator.RuleFor(i => i.OffenceTo).Must(d => d is null || d <= clock.Today()).WithMessage("Offence dates cannot be in the future.")
            .Must((input, to) => input.OffenceFrom is null || to is null || to >= input.OffenceFrom)
            .WithMessage("The offence cannot end before it began.");
    }
}

/// <summary>What the shared case details partial needs.</summary>
public sealed record CaseDetailsFieldsViewModel(CaseDetailsInput Details, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary ModelState)
{
    public string? ErrorFor(string field) => Infrastructure.FieldErrors.For(ModelState, "Form", field);
}
