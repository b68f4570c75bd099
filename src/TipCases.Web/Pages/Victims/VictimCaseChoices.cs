using System.Security.Claims;
using TipCases.Domain.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Victims;

/// <summary>A case a user may choose on a victim's form: one of the victim's cases that the user
/// may read (a victim's other cases are not revealed to people who are not on them).</summary>
public sealed record VictimCaseChoice(Guid Id, string Reference, bool IsOpen)
{
    public static IReadOnlyList<VictimCaseChoice> For(ClaimsPrincipal user, VictimLoad load)
    {
        var viewer = user.ToCaseViewer();
        var linkedAt = load.Victim!.Cases.ToDictionary(l => l.CaseId, l => l.LinkedAt);
        return load.LinkedCases
            .Where(c => linkedAt.ContainsKey(c.Id) && CaseAccessRule.Allows(viewer, c, CaseOperation.Read))
            .OrderBy(c => linkedAt[c.Id]).ThenBy(c => c.Reference, StringComparer.Ordinal)
            .Select(c => new VictimCaseChoice(c.Id, c.Reference, c.IsOpen))
            .ToList();
    }
}
