using System.Security.Claims;
using Microsoft.Extensions.Options;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Jurisdiction;
using TipCases.Domain.Reference;
using TipCases.Web.Data;
using TipCases.Web.Pages.Charges;

namespace TipCases.Web.Pages.Jurisdiction;

/// <summary>
/// The jurisdiction analysis of one case for the pages: the case's recorded facts, its offenders
/// and victims, read for the state set in <see cref="JurisdictionSettings"/>. Callers have already
/// checked that the user may read the case; victims appear by pseudonym only.
/// </summary>
public sealed class JurisdictionSection(TipCasesDbContext db, ChargeQueries charges, IOptions<JurisdictionSettings> settings)
{
    public Country State => Countries.All.First(c => string.Equals(c.Code, settings.Value.StateCode, StringComparison.OrdinalIgnoreCase));

    /// <param name="case">Loaded with its team (who may see the defendants' identities).</param>
    public async Task<JurisdictionView> ForCaseAsync(Case @case, ClaimsPrincipal user, CancellationToken ct)
    {
        var caseId = @case.Id;
        var facts = await db.CaseJurisdictions.AsNoTracking().Include(j => j.Places).SingleOrDefaultAsync(j => j.CaseId == caseId, ct);
        var victims = (await db.CaseVictims.AsNoTracking().Where(l => l.CaseId == caseId)
                .Join(db.Victims, l => l.VictimId, v => v.Id, (l, v) => new { v.Id, v.Pseudonym, v.Nationality })
                .OrderBy(v => v.Pseudonym)
                .ToListAsync(ct))
            .Select(v => new VictimNationality(v.Id, VictimFacts.FromRecorded(v.Pseudonym, v.Nationality)))
            .ToList();
        var offenders = await OffendersAsync(@case, user, ct);
        var result = JurisdictionAnalysis.For(State.Code, facts?.ToFacts() ?? CaseJurisdictionFacts.None, offenders,
            victims.Select(v => v.Facts).ToList());
        return new JurisdictionView(result, facts, victims, offenders);
    }

    /// <summary>
    /// The offenders of a case as the analysis reads them: the case's natural-person defendants,
    /// labelled as the charges pages label them (<see cref="ChargeQueries.DefendantsOfCaseAsync"/>:
    /// by name for the case team, otherwise "Defendant 2" for the second defendant recorded), without
    /// the free-text note on an extradition refusal for those who may not see who it is about.
    /// </summary>
    /// <remarks>
    /// Legal persons are left out: Art. 15(2)(b) and 15(3) speak of nationals and of extraditing a
    /// person, which the guide does not extend to companies' places of registration.
    /// </remarks>
    private async Task<IReadOnlyList<OffenderFacts>> OffendersAsync(Case @case, ClaimsPrincipal user, CancellationToken ct)
    {
        var views = (await charges.DefendantsOfCaseAsync(@case, user, ct)).Where(d => d.Kind == DefendantKind.NaturalPerson).ToList();
        var ids = views.Select(d => d.Id).ToList();
        var facts = await db.Defendants.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Nationality, d.IsStateless, d.HabitualResidence, d.IsPresentInTerritory, d.ExtraditionRefusal, d.ExtraditionRefusalNote })
            .ToDictionaryAsync(d => d.Id, ct);
        return views.Select(v => (View: v, Facts: facts[v.Id]))
            .Select(x => new OffenderFacts(x.View.Label, x.Facts.Nationality, x.Facts.IsStateless, x.Facts.HabitualResidence, x.Facts.IsPresentInTerritory,
                x.Facts.ExtraditionRefusal, x.View.IdentityShown ? x.Facts.ExtraditionRefusalNote : null))
            .ToList();
    }
}

/// <param name="Facts">The case's recorded facts, null while none are recorded.</param>
public sealed record JurisdictionView(JurisdictionResult Result, CaseJurisdiction? Facts, IReadOnlyList<VictimNationality> Victims,
    IReadOnlyList<OffenderFacts> Offenders);

/// <summary>A victim of the case as the analysis reads them, with the id to link to their profile.</summary>
public sealed record VictimNationality(Guid VictimId, VictimFacts Facts);
