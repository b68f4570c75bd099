using TipCases.Domain.Staff;

namespace TipCases.Web.Security;

/// <summary>Role names as stored by ASP.NET Core Identity; one per <see cref="StaffRole"/>.</summary>
public static class Roles
{
    public const string Investigator = nameof(StaffRole.Investigator);
    public const string Prosecutor = nameof(StaffRole.Prosecutor);
    public const string VictimLiaisonOfficer = nameof(StaffRole.VictimLiaisonOfficer);
    public const string Supervisor = nameof(StaffRole.Supervisor);
    public const string Administrator = nameof(StaffRole.Administrator);

    public static IReadOnlyList<string> All { get; } = StaffRoles.All.Select(r => r.ToString()).ToArray();
}
