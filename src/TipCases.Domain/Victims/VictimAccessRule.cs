using TipCases.Domain.Cases;
using TipCases.Domain.Staff;

namespace TipCases.Domain.Victims;

public enum VictimOperation
{
    Read = 1,
    EditProfile = 2,
    RevealIdentity = 3,
    ManageProtection = 4,
    RecordThreat = 5,
    ManageCompensation = 6,
}

/// <summary>
/// Who may do what with a victim's file. A victim is seen by whoever may read one of their cases
/// (<see cref="CaseAccessRule"/>); their true identity only by their own liaison officer and by the
/// prosecutors on the team of one of their cases (DOMAIN.md, Protocol Art. 6(1)) — never by
/// investigators, supervisors or administrators, who see the pseudonym.
/// </summary>
public static class VictimAccessRule
{
    public static bool Allows(CaseViewer viewer, Victim victim, IReadOnlyCollection<Case> linkedCases, VictimOperation operation)
    {
        var cases = linkedCases.Where(c => victim.IsLinkedTo(c.Id) && c.OfficeId == victim.OfficeId).ToList();
        if (!cases.Any(c => CaseAccessRule.Allows(viewer, c, CaseOperation.Read)))
        {
            return false;
        }
        TeamRole? RoleOnAnyCase(TeamRole role) =>
            cases.Any(c => c.OfficeId == viewer.OfficeId && c.Team.Any(m => m.UserId == viewer.UserId && m.Role == role)) ? role : null;
        var isLiaison = viewer.Roles.Contains(StaffRole.VictimLiaisonOfficer) && RoleOnAnyCase(TeamRole.VictimLiaisonOfficer) is not null;
        var isProsecutor = viewer.Roles.Contains(StaffRole.Prosecutor) && RoleOnAnyCase(TeamRole.Prosecutor) is not null;
        var isInvestigator = RoleOnAnyCase(TeamRole.Investigator) is not null;
        return operation switch
        {
            VictimOperation.Read or VictimOperation.RecordThreat => true,
            VictimOperation.RevealIdentity =>
                (isLiaison && victim.LiaisonOfficerId == viewer.UserId) || isProsecutor,
            VictimOperation.EditProfile => isLiaison || isProsecutor || isInvestigator || viewer.IsSupervisor,
            VictimOperation.ManageProtection or VictimOperation.ManageCompensation => isLiaison || isProsecutor || viewer.IsSupervisor,
            _ => false,
        };
    }

    /// <summary>Who may record a new victim on a case: anyone who may edit the case, and its liaison officers.</summary>
    public static bool MayRecordVictimOn(CaseViewer viewer, Case @case) =>
        CaseAccessRule.Allows(viewer, @case, CaseOperation.EditDetails)
        || @case.Team.Any(m => m.UserId == viewer.UserId && m.Role == TeamRole.VictimLiaisonOfficer && @case.OfficeId == viewer.OfficeId);
}
