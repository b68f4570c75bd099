using FluentValidation;
using TipCases.Domain.Victims;
using TipCases.Web.Infrastructure;

namespace TipCases.Web.Pages.Victims;

/// <summary>The protected identity as typed. Nullable so the validator owns the messages.</summary>
public record IdentityInput
{
    public string? GivenNames { get; init; }

    public string? FamilyName { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? Address { get; init; }

    public string? IdentityDocuments { get; init; }

    public ProtectedIdentity ToIdentity() => new(GivenNames?.Trim() ?? "", FamilyName?.Trim() ?? "", DateOfBirth, Phone, Email, Address, IdentityDocuments);

    public static T From<T>(ProtectedIdentity identity) where T : IdentityInput, new() => new()
    {
        GivenNames = identity.GivenNames,
        FamilyName = identity.FamilyName,
        DateOfBirth = identity.DateOfBirth,
        Phone = identity.Phone,
        Email = identity.Email,
        Address = identity.Address,
        IdentityDocuments = identity.IdentityDocuments,
    };
}

/// <summary>The victim's profile as typed.</summary>
public record ProfileInput
{
    public Sex? Sex { get; init; }

    public string? Nationality { get; init; }

    public MigrationStatus? MigrationStatus { get; init; }

    public string? Disability { get; init; }

    public bool InterpreterNeeded { get; init; }

    public string? Languages { get; init; }

    public IReadOnlyList<ExploitationForm>? Exploitation { get; init; }

    public IdentifiedBy? IdentifiedBy { get; init; }

    public DateOnly? IdentifiedOn { get; init; }

    public string? ReferredTo { get; init; }

    public WillingnessToTestify? Willingness { get; init; }

    public VictimProfile ToProfile() => new(Sex!.Value, Nationality, MigrationStatus!.Value, Disability, InterpreterNeeded, Languages,
        Exploitation ?? [], IdentifiedBy!.Value, IdentifiedOn, ReferredTo, Willingness!.Value);

    public static T From<T>(Victim v) where T : ProfileInput, new() => new()
    {
        Sex = v.Sex,
        Nationality = v.Nationality,
        MigrationStatus = v.MigrationStatus,
        Disability = v.Disability,
        InterpreterNeeded = v.InterpreterNeeded,
        Languages = v.Languages,
        Exploitation = v.Exploitation,
        IdentifiedBy = v.IdentifiedBy,
        IdentifiedOn = v.IdentifiedOn,
        ReferredTo = v.ReferredTo,
        Willingness = v.Willingness,
    };
}

public sealed class IdentityInputValidator : AbstractValidator<IdentityInput>
{
    public IdentityInputValidator(TimeProvider clock)
    {
        var tooLong = $"Use at most {ProtectedIdentity.NameMaxLength} characters.";
        RuleFor(i => i.FamilyName).Must((i, family) => !string.IsNullOrWhiteSpace(family) || !string.IsNullOrWhiteSpace(i.GivenNames))
            .WithMessage("Give at least one name, as the victim gives it.")
            .MaximumLength(ProtectedIdentity.NameMaxLength).WithMessage(tooLong);
        RuleFor(i => i.GivenNames).MaximumLength(ProtectedIdentity.NameMaxLength).WithMessage(tooLong);
        RuleFor(i => i.DateOfBirth).Must(d => d is null || d <= clock.Today()).WithMessage("The date of birth cannot be in the future.")
            .Must(d => d is null || d >= clock.Today().AddYears(-120)).WithMessage("Check the date of birth: it is more than 120 years ago.");
        RuleFor(i => i.Phone).MaximumLength(ProtectedIdentity.ContactMaxLength).WithMessage($"Use at most {ProtectedIdentity.ContactMaxLength} characters.");
        RuleFor(i => i.Email).MaximumLength(ProtectedIdentity.ContactMaxLength).WithMessage($"Use at most {ProtectedIdentity.ContactMaxLength} characters.");
        RuleFor(i => i.Address).MaximumLength(ProtectedIdentity.AddressMaxLength).WithMessage($"Use at most {ProtectedIdentity.AddressMaxLength} characters.");
        RuleFor(i => i.IdentityDocuments).MaximumLength(ProtectedIdentity.DocumentsMaxLength).WithMessage($"Use at most {ProtectedIdentity.DocumentsMaxLength} characters.");
    }
}

public sealed class ProfileInputValidator : AbstractValidator<ProfileInput>
{
    public ProfileInputValidator(TimeProvider clock)
    {
        RuleFor(i => i.Sex).NotNull().WithMessage("Choose the victim's sex (or Unknown).").IsInEnum().WithMessage("Choose from the list.");
        RuleFor(i => i.MigrationStatus).NotNull().WithMessage("Choose the migration status (or Unknown).").IsInEnum().WithMessage("Choose from the list.");
        RuleFor(i => i.IdentifiedBy).NotNull().WithMessage("Choose who identified the victim.").IsInEnum().WithMessage("Choose from the list.");
        RuleFor(i => i.Willingness).NotNull().WithMessage("Choose whether the victim is willing to testify (or Undecided).").IsInEnum().WithMessage("Choose from the list.");
        RuleForEach(i => i.Exploitation).IsInEnum().WithMessage("Choose forms of exploitation from the list.");
        RuleFor(i => i.IdentifiedOn).Must(d => d is null || d <= clock.Today())
            .WithMessage("The victim cannot be identified in the future.");
        RuleFor(i => i.Nationality).MaximumLength(VictimProfile.NationalityMaxLength).WithMessage($"Use at most {VictimProfile.NationalityMaxLength} characters.");
        RuleFor(i => i.Disability).MaximumLength(VictimProfile.DisabilityMaxLength).WithMessage($"Use at most {VictimProfile.DisabilityMaxLength} characters.");
        RuleFor(i => i.Languages).MaximumLength(VictimProfile.LanguagesMaxLength).WithMessage($"Use at most {VictimProfile.LanguagesMaxLength} characters.");
        RuleFor(i => i.ReferredTo).MaximumLength(VictimProfile.ReferredToMaxLength).WithMessage($"Use at most {VictimProfile.ReferredToMaxLength} characters.");
    }
}
