using TipCases.Domain.Victims;

namespace TipCases.Domain.Charges;

/// <summary>
/// A threat or act of intimidation against a victim (a witness) raises the obstruction-of-justice
/// aggravating circumstance (DOMAIN.md, "Threats and intimidation incidents"; the guide: attempting
/// to intimidate witnesses during the investigation, prosecution or sentencing is an aggravating
/// factor). It is proposed on the case's open charges, never added silently: the prosecutor
/// accepts or dismisses it on the charge page, since whether a defendant is behind the threat is
/// for the prosecutor to judge.
/// </summary>
public static class ObstructionOfJusticeRule
{
    public static IReadOnlyList<AggravationProposal> ProposeAfterThreat(ThreatIncident threat, string victimPseudonym,
        IEnumerable<Charge> caseCharges, DateTimeOffset at)
    {
        var reason = $"A threat or act of intimidation against {victimPseudonym} on {threat.OccurredOn:yyyy-MM-dd} was logged: " +
            "intimidating a witness during the investigation or prosecution is obstruction of justice, an aggravating circumstance (the guide).";
        return caseCharges
            .Where(c => c.CaseId == threat.CaseId)
            .Select(c => c.ProposeAggravation(AggravatingCircumstance.ObstructionOfJustice, reason, threat.Id, at))
            .OfType<AggravationProposal>()
            .ToList();
    }
}
