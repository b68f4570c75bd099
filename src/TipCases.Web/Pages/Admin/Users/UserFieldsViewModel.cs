using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace TipCases.Web.Pages.Admin.Users;

/// <summary>What the shared user fields partial needs: the values, the pickers' options and the
/// errors for each field. <paramref name="AccessIsReadOnly"/>: office and roles are shown but
/// cannot be changed (an administrator's own account).</summary>
public sealed record UserFieldsViewModel(IUserDetails Details, IReadOnlyList<SelectListItem> Offices, ModelStateDictionary ModelState,
    bool AccessIsReadOnly = false)
{
    public string? ErrorFor(string field) => Infrastructure.FieldErrors.For(ModelState, "Form", field);
}
