using Microsoft.AspNetCore.Authorization;

namespace TipCases.Web.Security;

/// <summary>
/// Capabilities the pages ask for. Which roles hold which capability is decided here and nowhere
/// else, so a page never names a role.
/// </summary>
public static class Policies
{
    public const string ManageUsers = nameof(ManageUsers);
    public const string ManageReferenceData = nameof(ManageReferenceData);
    public const string ViewAuditTrail = nameof(ViewAuditTrail);
    public const string WorkOnCases = nameof(WorkOnCases);
    public const string OpenCases = nameof(OpenCases);
    public const string ViewOfficeDashboard = nameof(ViewOfficeDashboard);

    public static void Configure(AuthorizationOptions options)
    {
        // Every page needs a signed-in user unless it says otherwise ([AllowAnonymous]).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

        options.AddPolicy(ManageUsers, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(ManageReferenceData, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(ViewAuditTrail, p => p.RequireRole(Roles.Administrator));
        // Administrators never read case content (separation of duties, see StaffRoles).
        // Who works on cases, and who may open one, is the domain's rule (CaseViewer), not a second
        // list of roles here: an account holding the administrator role never qualifies.
        options.AddPolicy(WorkOnCases, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.ToCaseViewer().WorksOnCases));
        options.AddPolicy(OpenCases, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.ToCaseViewer().CanOpenCases));
        // The office's figures and its de-identified statistics: supervisors (never administrators, who read no victim data).
        options.AddPolicy(ViewOfficeDashboard, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.ToCaseViewer() is { WorksOnCases: true, IsSupervisor: true }));
    }
}
