namespace TipCases.Domain.Staff;

/// <summary>The roles of the people who use TipCases (see DOMAIN.md, "Who uses it").</summary>
public enum StaffRole
{
    Investigator = 1,
    Prosecutor = 2,
    VictimLiaisonOfficer = 3,
    Supervisor = 4,
    Administrator = 5,
}

public static class StaffRoles
{
    public static IReadOnlyList<StaffRole> All { get; } = Enum.GetValues<StaffRole>();

    public static string DisplayName(this StaffRole role) => role switch
    {
        StaffRole.Investigator => "Investigator",
        StaffRole.Prosecutor => "Prosecutor",
        StaffRole.VictimLiaisonOfficer => "Victim liaison officer",
        StaffRole.Supervisor => "Supervisor",
        StaffRole.Administrator => "Administrator",
        _ => role.ToString(),
    };

    /// <summary>
    /// Separation of duties: an administrator manages accounts and reference data and must never
    /// read case content, so the administrator role cannot be held together with a role that
    /// works on cases. Returns the reason a combination is refused, or null when it is allowed.
    /// </summary>
    public static string? WhyCombinationIsRefused(IReadOnlyCollection<StaffRole> roles)
    {
        if (roles.Count == 0)
        {
            return "Choose at least one role.";
        }
        if (roles.Contains(StaffRole.Administrator) && roles.Count > 1)
        {
            return "An administrator cannot also hold a case role: administrators must not read case content. Create a separate account for case work.";
        }
        return null;
    }
}
