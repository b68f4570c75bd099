using TipCases.Domain.Cases;
using TipCases.Domain.Staff;

namespace TipCases.Domain.Charges;

public enum ChargeOperation
{
    /// <summary>See the case's defendants (without identity) and charges with their analysis.</summary>
    Read = 1,

    /// <summary>See a defendant's identity: names, aliases, date of birth, nationality, registration.</summary>
    SeeDefendantIdentity = 2,

    /// <summary>Add and edit defendants.</summary>
    ManageDefendants = 3,

    /// <summary>Record the facts of a charge's elements with their evidence.</summary>
    RecordFacts = 4,

    /// <summary>Propose, revise, file, withdraw charges; verdicts, sentences, appeals; decide proposals.</summary>
    ManageCharges = 5,
}

/// <summary>
/// Who may do what with a case's defendants and charges, on top of <see cref="CaseAccessRule"/>:
/// whoever may read the case sees its charges; a defendant's identity is for the case team only
/// (any part on the team: investigators, prosecutors, liaison officers, who must know who may
/// approach a victim). Supervisors see the office's charges and outcomes with defendants by number,
/// not name: they oversee the caseload and need no defendant's personal data. Investigators on the
/// team add defendants and record facts; prosecutors on the team also decide the charges. Either
/// needs the staff role that matches their part on the team, as for the case itself.
/// Administrators see nothing (they see no case).
/// </summary>
public static class ChargeAccessRule
{
    public static bool Allows(CaseViewer viewer, Case @case, ChargeOperation operation)
    {
        if (!CaseAccessRule.Allows(viewer, @case, CaseOperation.Read))
        {
            return false;
        }
        var member = @case.Team.FirstOrDefault(m => m.UserId == viewer.UserId);
        var actsAs = member?.Role switch
        {
            TeamRole.Prosecutor when viewer.Roles.Contains(StaffRole.Prosecutor) => TeamRole.Prosecutor,
            TeamRole.Investigator when viewer.Roles.Contains(StaffRole.Investigator) => TeamRole.Investigator,
            _ => (TeamRole?)null,
        };
        return operation switch
        {
            ChargeOperation.Read => true,
            ChargeOperation.SeeDefendantIdentity => member is not null,
            ChargeOperation.ManageDefendants or ChargeOperation.RecordFacts => actsAs is TeamRole.Prosecutor or TeamRole.Investigator,
            ChargeOperation.ManageCharges => actsAs is TeamRole.Prosecutor,
            _ => false,
        };
    }
}
