using TipCases.Domain.Cases;
using TipCases.Domain.Cooperation;
using TipCases.Domain.Staff;
using static TipCases.Domain.Tests.Cases.CaseBuilder;

namespace TipCases.Domain.Tests.Cooperation;

public sealed class CooperationAccessRuleTests
{
    [Theory]
    // who, operation, allowed
    [InlineData("prosecutor", CooperationOperation.Read, true)]
    [InlineData("prosecutor", CooperationOperation.RecordRequest, true)]
    [InlineData("prosecutor", CooperationOperation.RecordAsset, true)]
    [InlineData("investigator", CooperationOperation.RecordRequest, true)]
    [InlineData("investigator", CooperationOperation.RecordAsset, false)]
    [InlineData("liaison", CooperationOperation.Read, true)]
    [InlineData("liaison", CooperationOperation.RecordRequest, false)]
    [InlineData("liaison", CooperationOperation.RecordAsset, false)]
    [InlineData("supervisor", CooperationOperation.RecordAsset, true)]
    [InlineData("outsider", CooperationOperation.Read, false)]
    [InlineData("other-office-supervisor", CooperationOperation.Read, false)]
    [InlineData("former-prosecutor", CooperationOperation.RecordAsset, false)]
    public void Who_reads_and_records(string who, CooperationOperation operation, bool allowed)
    {
        var (c, investigator, prosecutor) = Staffed();
        var liaison = Guid.NewGuid();
        c.AddMember(liaison, TeamRole.VictimLiaisonOfficer, Now);
        var viewer = who switch
        {
            "prosecutor" => new CaseViewer(prosecutor, Office, new HashSet<StaffRole> { StaffRole.Prosecutor }),
            "investigator" => new CaseViewer(investigator, Office, new HashSet<StaffRole> { StaffRole.Investigator }),
            "liaison" => new CaseViewer(liaison, Office, new HashSet<StaffRole> { StaffRole.VictimLiaisonOfficer }),
            "supervisor" => new CaseViewer(Guid.NewGuid(), Office, new HashSet<StaffRole> { StaffRole.Supervisor }),
            "other-office-supervisor" => new CaseViewer(Guid.NewGuid(), Guid.NewGuid(), new HashSet<StaffRole> { StaffRole.Supervisor }),
            "former-prosecutor" => new CaseViewer(prosecutor, Office, new HashSet<StaffRole> { StaffRole.VictimLiaisonOfficer }),
            _ => new CaseViewer(Guid.NewGuid(), Office, new HashSet<StaffRole> { StaffRole.Prosecutor }),
        };

        CooperationAccessRule.Allows(viewer, c, operation).ShouldBe(allowed);
    }
}
