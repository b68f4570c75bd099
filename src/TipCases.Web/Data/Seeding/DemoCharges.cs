using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Victims;
using TipCases.Domain.Jurisdiction;

namespace TipCases.Web.Data.Seeding;

/// <summary>
/// Demo defendants and charges for Development only, built through the domain like the rest of
/// the demo. A case taken to trial gets its charges on the way there: <see cref="DemoCases"/> asks
/// a <see cref="Trail"/> for them before each stage move (filed before the trial, decided before
/// post-trial, the appeal decided before a case is closed), so the stage rules see real charges.
/// Then <see cref="SeedAsync"/>, called by <see cref="DemoData.SeedAsync"/> after the victims, adds
/// proposed charges to open cases in investigation and pre-trial (some lacking an element, so the
/// standalone suggestions show), links each open case's victims to its trafficking charges, and
/// proposes obstruction of justice after the demo threat. Names are invented and plainly fictional,
/// and none is a demo victim's name.
/// </summary>
internal static class DemoCharges
{
    private static readonly string[] People =
        ["Viktor Falsename", "Radu Madeupescu", "Oksana Notreal", "Gordon Fakeley", "Lidia Nomenova", "Stefan Pseudonov", "Marta Inventedo", "Bruno Fictitio"];

    private static readonly string[] Companies =
        ["Harbourline Staffing Ltd", "Brightway Recruitment Ltd", "Northern Placement Services Ltd", "Golden Future Agency Ltd", "Evergreen Labour Supply Ltd"];

    /// <summary>The catalogue, for the demo's charges.</summary>
    public static async Task<IReadOnlyList<Offence>> CatalogueAsync(TipCasesDbContext db, CancellationToken ct) =>
        await db.Offences.AsNoTracking().ToListAsync(ct);

    /// <summary>What the exploitation of a demo case is, from its title (as the demo victims' profiles are).</summary>
    private static (ExploitationForm Purpose, bool Child, bool Smuggling) Pattern(Case @case)
    {
        var title = @case.Title;
        bool Mentions(params string[] words) => words.Any(w => title.Contains(w, StringComparison.OrdinalIgnoreCase));
        var child = Mentions("child", "teenager", "minors", "16-year-old", "14-year-old");
        var purpose = Mentions("sexual", "prostitution", "brothel", "escort", "massage", "groomed") ? ExploitationForm.ProstitutionOfOthers
            : Mentions("begging") ? ExploitationForm.ForcedBegging
            : Mentions("servitude", "au pair") ? ExploitationForm.Servitude
            : Mentions("organ", "kidney") ? ExploitationForm.RemovalOfOrgans
            : Mentions("criminal", "cannabis", "burglar", "shoplifting") ? ExploitationForm.ForcedCriminalActivities
            : Mentions("debt bondage") ? ExploitationForm.PracticesSimilarToSlavery
            : ExploitationForm.ForcedLabourOrServices;
        return (purpose, child, Mentions("smuggled"));
    }

    /// <summary>The charges one demo case gets while <see cref="DemoCases"/> moves it through the stages.</summary>
    internal sealed class Trail(Case @case, int index, Guid prosecutor, IReadOnlyList<Offence> catalogue)
    {
        private readonly List<Defendant> _defendants = [];
        private readonly List<Charge> _charges = [];

        public ChargeProgress Progress => ChargeProgress.Of(_charges);

        /// <summary>Records what the case needs before it moves to <paramref name="next"/> at <paramref name="at"/>.</summary>
        public void Before(CaseStage next, DateTimeOffset at, DateOnly today)
        {
            var on = DateOnly.FromDateTime(at.UtcDateTime);
            switch (next)
            {
                case CaseStage.Trial:
                    ChargeDefendants(at, on, index, ChargeStatus.Filed);
                    break;
                case CaseStage.PostTrial:
                    foreach (var (charge, i) in _charges.Select((c, i) => (c, i)))
                    {
                        var defendant = _defendants.Single(d => d.Id == charge.DefendantId);
                        var offence = catalogue.Single(o => o.Id == charge.OffenceId);
                        // Most counts end in a conviction; one in five of the second counts in an acquittal.
                        var acquitted = i == 1 && index % 5 == 0;
                        var sentence = acquitted ? null : defendant.Kind == DefendantKind.LegalPerson
                            ? new Sentence(null, 150_000m + (index * 10_000m), true, "Company vehicles and bank balances", null, "EUR")
                            : new Sentence(Math.Min(PenaltyRules.Ceiling(offence, charge.AggravatingCircumstances).Months, 60 + (index * 6)),
                                null, index % 2 == 0, index % 2 == 0 ? "Cash and two cars seized at the arrest" : null, 12_000m, "EUR");
                        charge.ChangeStatus(@case, acquitted ? ChargeStatus.Acquitted : ChargeStatus.Convicted, on, null, sentence, offence, defendant,
                            prosecutor, at, on);
                    }
                    if (_charges.FirstOrDefault(c => c.Status == ChargeStatus.Convicted) is { } appealed)
                    {
                        appealed.RecordAppeal(@case, new Appeal(on, AppealParty.Defence, AppealOutcome.Pending, null, "Against the length of the sentence"),
                            prosecutor, at, today);
                    }
                    break;
                case CaseStage.Closed:
                    foreach (var pending in _charges.Where(c => c.AppealOutcome == AppealOutcome.Pending))
                    {
                        pending.RecordAppeal(@case, pending.Appeal! with { Outcome = AppealOutcome.Upheld, DecidedOn = on }, prosecutor, at, today);
                    }
                    break;
            }
        }

        /// <summary>Proposed (and filed, if asked) charges against one or two defendants, with the facts of their elements.</summary>
        public void ChargeDefendants(DateTimeOffset at, DateOnly on, int seed, ChargeStatus until, bool lackMeans = false)
        {
            var (purpose, child, smuggling) = Pattern(@case);
            var person = Add(new DefendantDetails(DefendantKind.NaturalPerson, People[seed % People.Length], seed % 3 == 0 ? "\"the boss\"" : null,
                new DateOnly(1965 + (seed * 3 % 30), 1 + (seed % 12), 1 + (seed % 27)), (seed % 4) switch { 0 => "RO", 1 => "MD", 2 => "AL", _ => "UA" },
                false, null, (seed % 3) switch { 0 => CustodyStatus.RemandedInCustody, 1 => CustodyStatus.OnBailOrConditions, _ => CustodyStatus.AtLiberty },
                null, null, null, true, ExtraditionRefusal.None, null), at, on);
            var aggravations = @case.InvolvesOrganizedCriminalGroup
                ? [new Evidenced<AggravatingCircumstance>(AggravatingCircumstance.OrganizedCriminalGroup, "Intercepted calls show a structured group of three or more acting in concert")]
                : new List<Evidenced<AggravatingCircumstance>>();
            var main = Offence(child ? OffenceKind.TraffickingOfChildren : OffenceKind.Trafficking);
            var count = Propose(person, main, aggravations, at, on,
                "Recruited the victims with false promises, moved them and kept them under control for their exploitation.");
            count.RecordFacts(@case, Facts(purpose, lackMeans || child, smuggling), prosecutor, at);
            if (smuggling)
            {
                Propose(person, Offence(OffenceKind.MigrantSmuggling), [], at, on, "Organized the crossing of the border without documents, for payment.")
                    .RecordFacts(@case, Facts(null, true, true), prosecutor, at);
            }
            if (seed % 2 == 1)
            {
                var company = Add(new DefendantDetails(DefendantKind.LegalPerson, Companies[seed % Companies.Length], null, null, null, false, null, null,
                    LegalForm.Company, $"REG-{40_000 + (seed * 137)}", seed % 3 == 0 ? "CY" : "NO", false, ExtraditionRefusal.None, null), at, on);
                Propose(company, Offence(OffenceKind.ForcedLabour), [], at, on, "Supplied and profited from the forced labour of the workers it placed.")
                    .RecordFacts(@case, Facts(ExploitationForm.ForcedLabourOrServices, true, false) with
                    {
                        // Forced labour charged on its own needs the labour to have been exacted, not only intended.
                        Exploitation = [new(ExploitationForm.ForcedLabourOrServices, "Payroll records and the workers' statements on unpaid shifts worked under threat of denunciation")],
                    }, prosecutor, at);
            }
            if (until == ChargeStatus.Filed)
            {
                foreach (var charge in _charges)
                {
                    charge.ChangeStatus(@case, ChargeStatus.Filed, on, "Indictment lodged with the court", null, Offence(charge.OffenceId),
                        _defendants.Single(d => d.Id == charge.DefendantId), prosecutor, at, on);
                }
            }
        }

        public void AddTo(TipCasesDbContext db)
        {
            db.Defendants.AddRange(_defendants);
            db.Charges.AddRange(_charges);
        }

        private Defendant Add(DefendantDetails details, DateTimeOffset at, DateOnly on)
        {
            var defendant = Defendant.Add(Guid.CreateVersion7(at), @case, details, prosecutor, at, on);
            _defendants.Add(defendant);
            return defendant;
        }

        private Charge Propose(Defendant defendant, Offence offence, List<Evidenced<AggravatingCircumstance>> aggravations, DateTimeOffset at, DateOnly on, string particulars)
        {
            var charge = Domain.Charges.Charge.Propose(Guid.CreateVersion7(at), @case, defendant, offence,
                new ChargeDetails(ModeOfLiability.Principal, MentalElement.Intention, particulars, [], aggravations), [], on, prosecutor, at, on);
            _charges.Add(charge);
            return charge;
        }

        /// <summary>The default catalogue's offence of a kind (an administrator may have added others), else any in use.</summary>
        private Offence Offence(OffenceKind kind) =>
            catalogue.FirstOrDefault(o => o.IsActive && DefaultOffences.All.Any(d => d.Id == o.Id && d.Details.Kind == kind))
            ?? catalogue.First(o => o.Kind == kind && o.IsActive);

        private Offence Offence(Guid id) => catalogue.Single(o => o.Id == id);

        private static ChargeFacts Facts(ExploitationForm? purpose, bool withoutMeans, bool smuggling) => new(
            [new(TraffickingAct.Recruitment, "Job adverts and messages found on the defendant's phone"),
                new(TraffickingAct.Harbouring, "Tenancy of the rooms where the victims were kept, in the defendant's name")],
            withoutMeans ? [] : [new(TraffickingMeans.Deception, "Victims' statements on the promised jobs and pay"),
                new(TraffickingMeans.AbuseOfVulnerability, "Irregular status and debts, known to the defendant")],
            purpose is { } p ? [new(p, "Statements of the victims and observation reports")] : [],
            smuggling ? "Crossing arranged at night at an unmanned section of the border, witnessed by a border patrol" : null,
            smuggling ? "Payments of 2,500 EUR per person traced to the defendant's account" : null,
            null, []);
    }

    /// <summary>After the victims: charges for open cases before trial, victims linked to the charges
    /// of open cases, and obstruction of justice proposed after the demo threat. Offices whose cases
    /// already have charges before trial are left alone.</summary>
    public static async Task SeedAsync(TipCasesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var catalogue = await CatalogueAsync(db, ct);
        var cases = await db.Cases.Include(c => c.Team).Where(c => c.Stage == CaseStage.Investigation || c.Stage == CaseStage.PreTrial
                || c.Stage == CaseStage.Trial || c.Stage == CaseStage.PostTrial)
            .OrderBy(c => c.OpenedOn).ThenBy(c => c.Reference).ToListAsync(ct);
        var caseIds = cases.Select(c => c.Id).ToList();
        var beforeTrial = cases.Where(c => c.Stage < CaseStage.Trial).Select(c => c.Id).ToList();
        if (await db.Charges.AnyAsync(c => beforeTrial.Contains(c.CaseId), ct))
        {
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < cases.Count; i++)
        {
            var @case = cases[i];
            if (@case.Stage is not (CaseStage.Investigation or CaseStage.PreTrial) || @case.Lead is not { } lead
                // Left without charges, so that charging a child's trafficker can be shown from the start.
                || @case.Title.StartsWith("Forced marriage", StringComparison.Ordinal))
            {
                continue;
            }
            var trail = new Trail(@case, i, lead.UserId, catalogue);
            var at = now.AddDays(-3 - (i % 10));
            // In investigation the means are often not evidenced yet: the page then suggests the standalone offences.
            trail.ChargeDefendants(at, DateOnly.FromDateTime(at.UtcDateTime), i + 3, @case.Stage == CaseStage.PreTrial && i % 2 == 0 ? ChargeStatus.Filed : ChargeStatus.Proposed,
                lackMeans: @case.Stage == CaseStage.Investigation);
            trail.AddTo(db);
        }
        await db.SaveChangesAsync(ct);

        // Each open case's victims on its trafficking charges (a charge of trafficking in children: its child victims).
        var charges = await db.Charges.Include(c => c.Victims).Include(c => c.Aggravations).Include(c => c.Proposals)
            .Where(c => caseIds.Contains(c.CaseId)).AsSplitQuery().ToListAsync(ct);
        var victims = await db.CaseVictims.Where(l => caseIds.Contains(l.CaseId))
            .Join(db.Victims, l => l.VictimId, v => v.Id, (l, v) => new { l.CaseId, v.Id, v.ChildStatus }).ToListAsync(ct);
        foreach (var charge in charges.Where(c => c.Status.IsOpen()))
        {
            var offence = catalogue.Single(o => o.Id == charge.OffenceId);
            if (offence.Kind is not (OffenceKind.Trafficking or OffenceKind.TraffickingOfChildren))
            {
                continue;
            }
            var @case = cases.Single(c => c.Id == charge.CaseId);
            var onCase = victims.Where(v => v.CaseId == charge.CaseId).ToList();
            var concerned = onCase.Where(v => offence.Kind == OffenceKind.Trafficking || v.ChildStatus == ChildStatus.Child).Select(v => v.Id).ToList();
            charge.Revise(@case, offence, new ChargeDetails(charge.Mode, charge.MentalElement, charge.Particulars, concerned,
                charge.Aggravations.Select(a => new Evidenced<AggravatingCircumstance>(a.Circumstance, a.Evidence)).ToList()),
                onCase.Select(v => v.Id).ToList(), charge.ChangedBy, now);
        }
        foreach (var threat in await db.Set<ThreatIncident>().Where(t => caseIds.Contains(t.CaseId)).ToListAsync(ct))
        {
            var pseudonym = await db.Victims.Where(v => v.Id == threat.VictimId).Select(v => v.Pseudonym).SingleAsync(ct);
            ObstructionOfJusticeRule.ProposeAfterThreat(threat, pseudonym, charges, threat.CreatedAt);
        }
        // The demo threat may fall on a case already decided; a case at trial shows a proposal to decide all the same.
        var atTrial = cases.Where(c => c.Stage == CaseStage.Trial).Select(c => c.Id).ToList();
        if (charges.FirstOrDefault(c => atTrial.Contains(c.CaseId) && c.Status.IsOpen() && c.Victims.Count > 0) is { } intimidated)
        {
            intimidated.ProposeAggravation(AggravatingCircumstance.ObstructionOfJustice,
                "The police report that associates of the defendant offered a witness money to withdraw her statement: attempting to intimidate " +
                "or influence a witness is obstruction of justice, an aggravating circumstance (the guide).", null, now.AddDays(-2));
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
