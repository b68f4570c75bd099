using Microsoft.Extensions.Options;
using TipCases.Domain.Jurisdiction;
using TipCases.Domain.Reference;
using TipCases.Web.Data;

namespace TipCases.Web.Pages.Jurisdiction;

/// <summary>
/// The jurisdiction analysis of one case for the pages: the case's recorded facts, its offenders
/// and victims, read for the state set in <see cref="JurisdictionSettings"/>. Callers have already
/// checked that the user may read the case; victims appear by pseudonym only.
/// </summary>
public sealed class JurisdictionSection(TipCasesDbContext db, IOptions<JurisdictionSettings> settings)
{
    public Country State => Countries.All.First(c => string.Equals(c.Code, settings.Value.StateCode, StringComparison.OrdinalIgnoreCase));

    public async Task<JurisdictionView> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var facts = await db.CaseJurisdictions.AsNoTracking().Include(j => j.Places).SingleOrDefaultAsync(j => j.CaseId == caseId, ct);
        var victims = (await db.CaseVictims.AsNoTracking().Where(l => l.CaseId == caseId)
                .Join(db.Victims, l => l.VictimId, v => v.Id, (l, v) => new { v.Id, v.Pseudonym, v.Nationality })
                .OrderBy(v => v.Pseudonym)
                .ToListAsync(ct))
            .Select(v => new VictimNationality(v.Id, VictimFacts.FromRecorded(v.Pseudonym, v.Nationality)))
            .ToList();
        var offenders = await OffendersAsync(caseId, ct);
        var result = JurisdictionAnalysis.For(State.Code, facts?.ToFacts() ?? CaseJurisdictionFacts.None, offenders,
            victims.Select(v => v.Facts).ToList());
        return new JurisdictionView(result, facts, victims, offenders);
    }

    /// <summary>
    /// The offenders of a case as the analysis reads them: the ONE place where they are assembled.
    /// </summary>
    /// <remarks>
    /// TipCases records no defendants yet, so there are none. When the defendants of issue 5 are
    /// merged, map each of the case's defendants here (Nationality, IsStateless, HabitualResidence,
    /// IsPresentInTerritory, ExtraditionRefusal and its note) to an <see cref="OffenderFacts"/>,
    /// with a label the case page may show to everyone who reads the case.
    /// </remarks>
    public Task<IReadOnlyList<OffenderFacts>> OffendersAsync(Guid caseId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<OffenderFacts>>([]);
    }
}

/// <param name="Facts">The case's recorded facts, null while none are recorded.</param>
public sealed record JurisdictionView(JurisdictionResult Result, CaseJurisdiction? Facts, IReadOnlyList<VictimNationality> Victims,
    IReadOnlyList<OffenderFacts> Offenders);

/// <summary>A victim of the case as the analysis reads them, with the id to link to their profile.</summary>
public sealed record VictimNationality(Guid VictimId, VictimFacts Facts);
