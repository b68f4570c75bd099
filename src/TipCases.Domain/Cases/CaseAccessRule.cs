using System.Linq.Expressions;
using TipCases.Domain.Staff;

namespace TipCases.Domain.Cases;

/// <summary>Who is asking: enough to apply the access rule without a database round trip.</summary>
public sealed record CaseViewer(Guid UserId, Guid OfficeId, IReadOnlySet<StaffRole> Roles)
{
    public bool IsSupervisor => Roles.Contains(StaffRole.Supervisor);

    /// <summary>Administrators manage accounts, never case content. An account that holds the
    /// administrator role together with a case role (refused by <see cref="StaffRoles.WhyCombinationIsRefused"/>,
    /// but possible in older data) does not work on cases either.</summary>
    public bool WorksOnCases => Roles.Count > 0 && !Roles.Contains(StaffRole.Administrator);

    public bool CanOpenCases => WorksOnCases
        && (Roles.Contains(StaffRole.Investigator) || Roles.Contains(StaffRole.Prosecutor) || Roles.Contains(StaffRole.Supervisor));
}

public enum CaseOperation
{
    Read = 1,
    EditDetails = 2,
    ChangeStage = 3,
    AddMembers = 4,
    ManageTeam = 5,
    AddTask = 6,
    LinkCases = 7,
}

/// <summary>
/// The access rule for cases, in one place: members of a case's team see it; supervisors see
/// every case of their office; nobody sees another office's cases; administrators see none.
/// Reading needs only membership; what a member may change follows their part on the team while
/// they still hold the matching staff role.
/// <see cref="Readable"/> is the rule as a query filter (every list and page query uses it) and
/// <see cref="Allows"/> the same rule on a loaded case, extended by what each part of the team may do.
/// </summary>
public static class CaseAccessRule
{
    public static Expression<Func<Case, bool>> Readable(CaseViewer viewer)
    {
        if (!viewer.WorksOnCases)
        {
            return c => false;
        }
        var officeId = viewer.OfficeId;
        var userId = viewer.UserId;
        if (viewer.IsSupervisor)
        {
            return c => c.OfficeId == officeId;
        }
        return c => c.OfficeId == officeId && c.Team.Any(m => m.UserId == userId);
    }

    public static bool Allows(CaseViewer viewer, Case @case, CaseOperation operation)
    {
        if (!viewer.WorksOnCases || @case.OfficeId != viewer.OfficeId)
        {
            return false;
        }
        var member = @case.Team.FirstOrDefault(m => m.UserId == viewer.UserId);
        if (member is null && !viewer.IsSupervisor)
        {
            return false;
        }
        if (operation == CaseOperation.Read)
        {
            return true;
        }
        // What a member may do comes from their part on the team, but only while they still hold
        // the matching staff role: a prosecutor moved to victim liaison keeps reading the cases
        // they worked on, and loses a prosecutor's powers on them.
        var part = member is not null && HoldsStaffRoleFor(viewer, member.Role) ? member : null;
        return operation switch
        {
            CaseOperation.AddTask => viewer.IsSupervisor || part is not null,
            CaseOperation.EditDetails or CaseOperation.LinkCases =>
                viewer.IsSupervisor || part?.Role is TeamRole.Investigator or TeamRole.Prosecutor,
            CaseOperation.ChangeStage => viewer.IsSupervisor || part?.Role == TeamRole.Prosecutor,
            CaseOperation.AddMembers => viewer.IsSupervisor || part?.IsLead == true,
            CaseOperation.ManageTeam => viewer.IsSupervisor,
            _ => false,
        };
    }

    /// <summary>Whether the viewer still holds the staff role a part on the team needs (an unknown part: no).</summary>
    private static bool HoldsStaffRoleFor(CaseViewer viewer, TeamRole role) => role switch
    {
        TeamRole.Prosecutor => viewer.Roles.Contains(StaffRole.Prosecutor),
        TeamRole.Investigator => viewer.Roles.Contains(StaffRole.Investigator),
        TeamRole.VictimLiaisonOfficer => viewer.Roles.Contains(StaffRole.VictimLiaisonOfficer),
        _ => false,
    };

    /// <summary>The part a person of these roles plays on a team (null: they cannot be on one).</summary>
    public static TeamRole? TeamRoleFor(IReadOnlyCollection<StaffRole> roles) =>
        roles.Contains(StaffRole.Prosecutor) ? TeamRole.Prosecutor
        : roles.Contains(StaffRole.Investigator) ? TeamRole.Investigator
        : roles.Contains(StaffRole.VictimLiaisonOfficer) ? TeamRole.VictimLiaisonOfficer
        : null;
}
