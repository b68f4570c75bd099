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
