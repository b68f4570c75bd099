using TipCases.Domain.Cases;
using TipCases.Domain.Staff;
using TipCases.Web.Data;

namespace TipCases.Web.Pages.Cases;

/// <summary>Names of people for case pages, and who of an office can join a case's team.</summary>
public sealed class PeopleDirectory(TipCasesDbContext db)
{
    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// <summary>Active people of the office who can be on a team, with the part they would play.</summary>
    public async Task<IReadOnlyList<Candidate>> CandidatesAsync(Guid officeId, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking()
            .Where(u => u.OfficeId == officeId && u.IsActive)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .OrderBy(u => u.DisplayName)
            .ToListAsync(ct);
        return people
            .Select(p => (p.Id, p.DisplayName, Role: CaseAccessRule.TeamRoleFor(
                p.Roles.Select(r => Enum.TryParse<StaffRole>(r, out var role) ? role : (StaffRole?)null).OfType<StaffRole>().ToArray())))
            .Where(p => p.Role is not null)
            .Select(p => new Candidate(p.Id, p.DisplayName, p.Role!.Value))
            .ToList();
    }

    public sealed record Candidate(Guid UserId, string DisplayName, TeamRole Role);
}
