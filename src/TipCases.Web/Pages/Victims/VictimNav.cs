using System.Security.Claims;
using TipCases.Domain.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Victims;

/// <summary>The sections of a victim's file, for <c>_VictimNav</c>.</summary>
public enum VictimTab
{
    Overview = 1,
    Protection = 2,
    Support = 3,
    Threats = 4,
    Information = 5,
    Residence = 6,
    Compensation = 7,
    NonPunishment = 8,
}

/// <summary>The model of <c>_VictimNav</c>: the victim's pseudonym (never their identity) and the current section.</summary>
public sealed record VictimNav(Guid VictimId, string Pseudonym, VictimTab Current)
{
    public static IReadOnlyList<(VictimTab Tab, string Page, string Label)> Tabs { get; } =
    [
        (VictimTab.Overview, "/Victims/Details", "Overview"),
        (VictimTab.Protection, "/Victims/Protection", "Protection plan"),
        (VictimTab.Support, "/Victims/Support", "Support"),
        (VictimTab.Threats, "/Victims/Threats", "Threats"),
        (VictimTab.Information, "/Victims/Information", "Information after trial"),
        (VictimTab.Residence, "/Victims/Residence", "Residence and return"),
        (VictimTab.Compensation, "/Victims/Compensation", "Compensation"),
        (VictimTab.NonPunishment, "/Victims/NonPunishment", "Non-punishment"),
    ];
}

public static class VictimLoadExtensions
{
    /// <summary>
    /// The victim's cases that the user may read. A victim is visible through any one of their
    /// cases, so the others (their references, stages and what was recorded against them) are
    /// shown only to those who may read them too.
    /// </summary>
    public static IReadOnlyList<Case> ReadableCases(this VictimLoad load, ClaimsPrincipal user)
    {
        var viewer = user.ToCaseViewer();
        return load.LinkedCases.Where(c => CaseAccessRule.Allows(viewer, c, CaseOperation.Read)).OrderBy(c => c.Reference, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the user may do <paramref name="operation"/> with the loaded victim.</summary>
    public static bool Allows(this VictimLoad load, ClaimsPrincipal user, Domain.Victims.VictimOperation operation) =>
        load.Victim is { } victim && Domain.Victims.VictimAccessRule.Allows(user.ToCaseViewer(), victim, load.LinkedCases, operation);
}
