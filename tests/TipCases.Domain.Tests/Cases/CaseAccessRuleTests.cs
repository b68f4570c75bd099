using TipCases.Domain.Cases;
using TipCases.Domain.Staff;
using static TipCases.Domain.Tests.Cases.CaseBuilder;

namespace TipCases.Domain.Tests.Cases;

public sealed class CaseAccessRuleTests
{
    private static CaseViewer Viewer(Guid userId, Guid office, params StaffRole[] roles) => new(userId, office, roles.ToHashSet());

    public static TheoryData<StaffRole, string, CaseOperation, bool> Matrix()
    {
        // role, relation to the case, operation, allowed
        var data = new TheoryData<StaffRole, string, CaseOperation, bool>();
        void Row(StaffRole role, string relation, params (CaseOperation Op, bool Allowed)[] ops)
        {
            foreach (var (op, allowed) in ops)
            {
                data.Add(role, relation, op, allowed);
            }
        }
        var all = Enum.GetValues<CaseOperation>();
        Row(StaffRole.Investigator, "member", (CaseOperation.Read, true), (CaseOperation.EditDetails, true), (CaseOperation.ChangeStage, false),
            (CaseOperation.AddMembers, false), (CaseOperation.ManageTeam, false), (CaseOperation.AddTask, true), (CaseOperation.LinkCases, true));
        Row(StaffRole.Prosecutor, "lead", (CaseOperation.Read, true), (CaseOperation.EditDetails, true), (CaseOperation.ChangeStage, true),
            (CaseOperation.AddMembers, true), (CaseOperation.ManageTeam, false), (CaseOperation.AddTask, true), (CaseOperation.LinkCases, true));
        Row(StaffRole.VictimLiaisonOfficer, "member", (CaseOperation.Read, true), (CaseOperation.EditDetails, false), (CaseOperation.ChangeStage, false),
            (CaseOperation.AddMembers, false), (CaseOperation.ManageTeam, false), (CaseOperation.AddTask, true), (CaseOperation.LinkCases, false));
        Row(StaffRole.Supervisor, "same office", all.Select(op => (op, true)).ToArray());
        foreach (var role in new[] { StaffRole.Investigator, StaffRole.Prosecutor, StaffRole.VictimLiaisonOfficer })
        {
            Row(role, "same office", all.Select(op => (op, false)).ToArray());
        }
        foreach (var role in StaffRoles.All)
        {
            Row(role, "other office", all.Select(op => (op, false)).ToArray());
        }
        Row(StaffRole.Administrator, "same office", all.Select(op => (op, false)).ToArray());
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_role_may_do_what_its_relation_to_the_case_allows(StaffRole role, string relation, CaseOperation operation, bool allowed)
    {
        var c = New();
        var userId = Guid.NewGuid();
        if (relation is "member" or "lead")
        {
            c.AddMember(userId, role == StaffRole.Prosecutor ? TeamRole.Prosecutor
                : role == StaffRole.Investigator ? TeamRole.Investigator : TeamRole.VictimLiaisonOfficer, Now);
        }
        var viewer = Viewer(userId, relation == "other office" ? Guid.NewGuid() : Office, role);

        CaseAccessRule.Allows(viewer, c, operation).ShouldBe(allowed);
        // The query filter and the in-memory rule agree on reading.
        CaseAccessRule.Readable(viewer).Compile()(c).ShouldBe(CaseAccessRule.Allows(viewer, c, CaseOperation.Read));
    }

    [Fact]
    public void A_prosecutor_who_is_not_the_lead_cannot_add_members()
    {
        var (c, _, _) = Staffed();
        var second = Guid.NewGuid();
        c.AddMember(second, TeamRole.Prosecutor, Now);

        CaseAccessRule.Allows(Viewer(second, Office, StaffRole.Prosecutor), c, CaseOperation.AddMembers).ShouldBeFalse();
        CaseAccessRule.Allows(Viewer(second, Office, StaffRole.Prosecutor), c, CaseOperation.ChangeStage).ShouldBeTrue();
    }

    [Fact]
    public void A_lead_prosecutor_moved_to_victim_liaison_still_reads_the_case_but_loses_a_prosecutors_powers()
    {
        var (c, _, prosecutor) = Staffed();
        var viewer = Viewer(prosecutor, Office, StaffRole.VictimLiaisonOfficer);

        CaseAccessRule.Allows(viewer, c, CaseOperation.Read).ShouldBeTrue();
        CaseAccessRule.Readable(viewer).Compile()(c).ShouldBeTrue();
        foreach (var operation in Enum.GetValues<CaseOperation>().Where(op => op != CaseOperation.Read))
        {
            CaseAccessRule.Allows(viewer, c, operation).ShouldBeFalse(operation.ToString());
        }
    }

    [Fact]
    public void A_member_moved_from_investigator_to_prosecutor_gets_no_powers_from_their_old_part()
    {
        var (c, investigator, _) = Staffed();
        var viewer = Viewer(investigator, Office, StaffRole.Prosecutor);

        CaseAccessRule.Allows(viewer, c, CaseOperation.Read).ShouldBeTrue();
        CaseAccessRule.Allows(viewer, c, CaseOperation.EditDetails).ShouldBeFalse();
        CaseAccessRule.Allows(viewer, c, CaseOperation.ChangeStage).ShouldBeFalse("the team still lists them as an investigator");
        CaseAccessRule.Allows(viewer, c, CaseOperation.AddTask).ShouldBeFalse();
    }

    [Fact]
    public void A_member_who_also_supervises_keeps_a_supervisors_powers()
    {
        var (c, _, prosecutor) = Staffed();
        var viewer = Viewer(prosecutor, Office, StaffRole.Supervisor);

        CaseAccessRule.Allows(viewer, c, CaseOperation.ChangeStage).ShouldBeTrue();
        CaseAccessRule.Allows(viewer, c, CaseOperation.ManageTeam).ShouldBeTrue();
    }

    [Fact]
    public void An_account_holding_the_administrator_role_with_a_case_role_sees_no_case()
    {
        var (c, _, prosecutor) = Staffed();
        var viewer = Viewer(prosecutor, Office, StaffRole.Administrator, StaffRole.Prosecutor);

        viewer.WorksOnCases.ShouldBeFalse();
        viewer.CanOpenCases.ShouldBeFalse();
        CaseAccessRule.Readable(viewer).Compile()(c).ShouldBeFalse();
        Enum.GetValues<CaseOperation>().ShouldAllBe(op => !CaseAccessRule.Allows(viewer, c, op));
        CaseAccessRule.Readable(Viewer(Guid.NewGuid(), Office, StaffRole.Administrator, StaffRole.Supervisor)).Compile()(c).ShouldBeFalse();
    }

    [Fact]
    public void The_team_role_of_a_person_follows_their_strongest_case_role()
    {
        CaseAccessRule.TeamRoleFor([StaffRole.Prosecutor, StaffRole.Supervisor]).ShouldBe(TeamRole.Prosecutor);
        CaseAccessRule.TeamRoleFor([StaffRole.VictimLiaisonOfficer]).ShouldBe(TeamRole.VictimLiaisonOfficer);
        CaseAccessRule.TeamRoleFor([StaffRole.Supervisor]).ShouldBeNull();
        CaseAccessRule.TeamRoleFor([StaffRole.Administrator]).ShouldBeNull();
    }
}
