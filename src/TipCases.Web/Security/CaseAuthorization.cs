using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using TipCases.Domain.Cases;
using TipCases.Domain.Staff;

namespace TipCases.Web.Security;

/// <summary>Resource-based authorization for cases: the pages ask
/// <c>AuthorizeAsync(User, case, CaseOperations.EditDetails)</c> and this applies <see cref="CaseAccessRule"/>.</summary>
public static class CaseOperations
{
    public static readonly OperationAuthorizationRequirement Read = For(CaseOperation.Read);
    public static readonly OperationAuthorizationRequirement EditDetails = For(CaseOperation.EditDetails);
    public static readonly OperationAuthorizationRequirement ChangeStage = For(CaseOperation.ChangeStage);
    public static readonly OperationAuthorizationRequirement AddMembers = For(CaseOperation.AddMembers);
    public static readonly OperationAuthorizationRequirement ManageTeam = For(CaseOperation.ManageTeam);
    public static readonly OperationAuthorizationRequirement AddTask = For(CaseOperation.AddTask);
    public static readonly OperationAuthorizationRequirement LinkCases = For(CaseOperation.LinkCases);

    public static OperationAuthorizationRequirement For(CaseOperation operation) => new() { Name = operation.ToString() };
}

public sealed class CaseAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Case>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Case resource)
    {
        if (Enum.TryParse<CaseOperation>(requirement.Name, out var operation)
            && CaseAccessRule.Allows(context.User.ToCaseViewer(), resource, operation))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

public static class CaseViewerClaims
{
    /// <summary>The signed-in user as the access rule sees them (from the cookie's claims).</summary>
    public static CaseViewer ToCaseViewer(this ClaimsPrincipal user) => new(
        user.UserId(),
        user.OfficeIdOf(),
        StaffRoles.All.Where(r => user.IsInRole(r.ToString())).ToHashSet());
}
