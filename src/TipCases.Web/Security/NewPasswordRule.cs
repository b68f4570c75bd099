using FluentValidation;
using FluentValidation.Validators;

namespace TipCases.Web.Security;

public static class PasswordRules
{
    /// <summary>Why a new password is refused, or null when it is acceptable. The same rules as
    /// Identity's (length and <see cref="CommonPasswordValidator"/>), checked first so that the
    /// message stands next to the field.</summary>
    public static string? ProblemWith(string? password) => password switch
    {
        null or "" => "Enter a new password.",
        { Length: < CommonPasswordValidator.MinimumLength } => $"Use at least {CommonPasswordValidator.MinimumLength} characters; a phrase of several words works well.",
        { Length: > CommonPasswordValidator.MaximumLength } => $"Use at most {CommonPasswordValidator.MaximumLength} characters.",
        _ when CommonPasswordValidator.IsCommon(password) => "This password is on a list of commonly used passwords. Choose a longer phrase that only you would think of.",
        _ => null,
    };
}

/// <summary><see cref="PasswordRules"/> as a FluentValidation rule for a form's field.</summary>
public sealed class NewPasswordRule<T> : PropertyValidator<T, string?>
{
    public override string Name => nameof(NewPasswordRule<T>);

    public override bool IsValid(ValidationContext<T> context, string? value)
    {
        if (PasswordRules.ProblemWith(value) is not { } problem)
        {
            return true;
        }
        context.MessageFormatter.AppendArgument("Reason", problem);
        return false;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "{Reason}";
}
