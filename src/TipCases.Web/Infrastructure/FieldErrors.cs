using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TipCases.Web.Infrastructure;

/// <summary>The error messages of one form field, for partials that render fields by hand.</summary>
public static class FieldErrors
{
    public static string? For(ModelStateDictionary modelState, string prefix, string field) =>
        modelState.TryGetValue(prefix.Length == 0 ? field : prefix + "." + field, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;
}
