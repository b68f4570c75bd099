using TipCases.Domain.Staff;

namespace TipCases.Domain.Tests.Staff;

public sealed class StaffRoleTests
{
    [Theory]
    [InlineData(StaffRole.Prosecutor)]
    [InlineData(StaffRole.Administrator)]
    [InlineData(StaffRole.Prosecutor, StaffRole.Supervisor)]
    [InlineData(StaffRole.Investigator, StaffRole.VictimLiaisonOfficer)]
    public void Allowed_combinations_pass(params StaffRole[] roles) =>
        StaffRoles.WhyCombinationIsRefused(roles).ShouldBeNull();

    [Theory]
    [InlineData(StaffRole.Administrator, StaffRole.Prosecutor)]
    [InlineData(StaffRole.Administrator, StaffRole.Supervisor)]
    [InlineData(StaffRole.Administrator, StaffRole.VictimLiaisonOfficer)]
    public void An_administrator_cannot_also_work_on_cases(params StaffRole[] roles) =>
        StaffRoles.WhyCombinationIsRefused(roles)!.ShouldContain("administrators must not read case content");

    [Fact]
    public void At_least_one_role_is_needed() =>
        StaffRoles.WhyCombinationIsRefused([]).ShouldBe("Choose at least one role.");

    [Fact]
    public void Every_role_has_a_readable_name() =>
        StaffRoles.All.Select(r => r.DisplayName()).ShouldBe(
            ["Investigator", "Prosecutor", "Victim liaison officer", "Supervisor", "Administrator"]);
}
