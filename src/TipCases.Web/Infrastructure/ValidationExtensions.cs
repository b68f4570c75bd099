using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TipCases.Web.Infrastructure;

public static class ValidationExtensions
{
    /// <summary>Puts each FluentValidation failure next to its field (prefix is the bound
    /// property's name, e.g. "Form").</summary>
    public static void AddToModelState(this ValidationResult result, ModelStateDictionary modelState, string prefix)
    {
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(error.PropertyName) ? string.Empty : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }
    }
}

/// <summary>
/// Model binding's own messages ("The value 'x' is not valid") are not written for users, so
/// pages clear them and let the validator speak. A value that could not be bound at all (an
/// option the form never offered) must still be refused, not silently dropped: these two calls
/// keep track of such fields and report them after validation.
/// </summary>
public static class BindingFailures
{
    public const string Message = "This is not one of the values the form offers. Choose again.";

    /// <summary>For a small form without a message next to each field (a step, a due date).</summary>
    public const string Unreadable = "A value could not be read (a date must be a real date, a choice one of those offered), so nothing was changed.";

    public static IReadOnlyList<string> ClearKeepingFailures(this ModelStateDictionary modelState)
    {
        var failed = modelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList();
        modelState.Clear();
        return failed;
    }

    /// <summary>Adds the message to each failed field the validator said nothing about.</summary>
    public static void AddUnreported(this ModelStateDictionary modelState, IReadOnlyList<string> failed)
    {
        foreach (var key in failed)
        {
            var field = key.Contains('[', StringComparison.Ordinal) ? key[..key.IndexOf('[', StringComparison.Ordinal)] : key;
            if (!modelState.TryGetValue(field, out var entry) || entry.Errors.Count == 0)
            {
                modelState.AddModelError(field, Message);
            }
        }
    }
}
