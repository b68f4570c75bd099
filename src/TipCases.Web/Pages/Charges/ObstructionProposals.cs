using TipCases.Domain.Charges;
using TipCases.Domain.Victims;
using TipCases.Web.Data;

namespace TipCases.Web.Pages.Charges;

/// <summary>
/// After a threat is logged, stages the obstruction-of-justice proposal on the case's open charges
/// (<see cref="ObstructionOfJusticeRule"/>), to be saved with the threat itself. The prosecutor
/// accepts or dismisses it on the charge page.
/// </summary>
public sealed class ObstructionProposals(TipCasesDbContext db)
{
    /// <returns>How many charges got a proposal.</returns>
    public async Task<int> StageAsync(ThreatIncident threat, string victimPseudonym, DateTimeOffset at, CancellationToken ct)
    {
        var open = await db.Charges.Include(c => c.Aggravations).Include(c => c.Proposals)
            .Where(c => c.CaseId == threat.CaseId && (c.Status == ChargeStatus.Proposed || c.Status == ChargeStatus.Filed || c.Status == ChargeStatus.Amended))
            .AsSplitQuery().ToListAsync(ct);
        return ObstructionOfJusticeRule.ProposeAfterThreat(threat, victimPseudonym, open, at).Count;
    }
}
