using TipCases.Domain.Cases;
using TipCases.Domain.Staff;

namespace TipCases.Domain.Cooperation;

public enum CooperationOperation
{
    Read = 1,
    RecordRequest = 2,
    RecordAsset = 3,
}

/// <summary>
/// Who reads and records cooperation requests and assets, on top of the case access rule: everyone
/// who reads the case reads them (the liaison officer too, who helps victims claim compensation
/// from confiscated assets); investigators and prosecutors on the team record requests (the
/// domain guide gives both that work); only prosecutors on the team record assets (confiscation is
/// the prosecutor's); supervisors do both for their office. A part on the team counts only while
/// its holder still has the matching staff role, and nothing changes on a closed case.
/// </summary>
public static class CooperationAccessRule
{
    public static bool Allows(CaseViewer viewer, Case @case, CooperationOperation operation)
    {
        if (!CaseAccessRule.Allows(viewer, @case, CaseOperation.Read))
        {
            return false;
        }
        if (operation == CooperationOperation.Read)
        {
            return true;
        }
        if (!@case.IsOpen)
        {
            return false;
        }
        if (viewer.IsSupervisor)
        {
            return true;
        }
        var part = @case.Team.FirstOrDefault(m => m.UserId == viewer.UserId)?.Role;
        var prosecutor = part == TeamRole.Prosecutor && viewer.Roles.Contains(StaffRole.Prosecutor);
        var investigator = part == TeamRole.Investigator && viewer.Roles.Contains(StaffRole.Investigator);
        return operation switch
        {
            CooperationOperation.RecordRequest => prosecutor || investigator,
            CooperationOperation.RecordAsset => prosecutor,
            _ => false,
        };
    }
}
