using Microsoft.Extensions.Options;
using TipCases.Domain.Charges;
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
    /// The offenders of a case as the analysis reads them: the case's natural-person defendants
    /// in the order they were recorded, labelled "Defendant 1", "Defendant 2"... because everyone
    /// who reads the case sees this section, and a defendant's name is for the case team only.
    /// </summary>
    /// <remarks>
    /// Legal persons are left out: Art. 15(2)(b) and 15(3) speak of nationals and of extraditing a
    /// person, which the guide does not extend to companies' places of registration.
    /// </remarks>
    public async Task<IReadOnlyList<OffenderFacts>> OffendersAsync(Guid caseId, CancellationToken ct)
    {
        var defendants = await db.Defendants.AsNoTracking()
            .Where(d => d.CaseId == caseId && d.Kind == DefendantKind.NaturalPerson)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .Select(d => new { d.Nationality, d.IsStateless, d.HabitualResidence, d.IsPresentInTerritory, d.ExtraditionRefusal, d.ExtraditionRefusalNote })
            .ToListAsync(ct);
        return defendants
            .Select((d, i) => new OffenderFacts($"Defendant {i + 1}", d.Nationality, d.IsStateless, d.HabitualResidence,
                d.IsPresentInTerritory, d.ExtraditionRefusal, d.ExtraditionRefusalNote))
            .ToList();
    }
}

/// <param name="Facts">The case's recorded facts, null while none are recorded.</param>
public sealed record JurisdictionView(JurisdictionResult Result, CaseJurisdiction? Facts, IReadOnlyList<VictimNationality> Victims,
    IReadOnlyList<OffenderFacts> Offenders);

/// <summary>A victim of the case as the analysis reads them, with the id to link to their profile.</summary>
public sealed record VictimNationality(Guid VictimId, VictimFacts Facts);
