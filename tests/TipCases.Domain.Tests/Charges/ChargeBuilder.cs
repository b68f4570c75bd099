using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Victims;
using static TipCases.Domain.Tests.Cases.CaseBuilder;
using TipCases.Domain.Jurisdiction;

namespace TipCases.Domain.Tests.Charges;

/// <summary>Cases, defendants and charges for the charge tests, built through the domain.</summary>
internal static class ChargeBuilder
{
    /// <summary>The first known day of the offence in the cases built here.</summary>
    public static readonly DateOnly OffenceBegan = new(2025, 3, 1);

    public static readonly IReadOnlyList<Offence> Catalogue = DefaultOffences.Create();

    public static Offence OffenceOf(OffenceKind kind) => Catalogue.First(o => o.Kind == kind);

    /// <summary>A staffed case (investigator, lead prosecutor) whose offence began on <see cref="OffenceBegan"/>.</summary>
    public static (TipCases.Domain.Cases.Case Case, Guid Investigator, Guid Prosecutor) Case()
    {
        var (c, investigator, prosecutor) = Staffed();
        c.UpdateDetails(Cases.CaseBuilder.Details() with { OffenceFrom = OffenceBegan }, Today);
        return (c, investigator, prosecutor);
    }

    public static DefendantDetails Person(string name = "Petar Example") => new(DefendantKind.NaturalPerson, name, null, new DateOnly(1980, 5, 1),
        "RS", false, null, CustodyStatus.RemandedInCustody, null, null, null, true, ExtraditionRefusal.None, null);

    public static DefendantDetails Company(string name = "Harbour Fish Processing Ltd") => new(DefendantKind.LegalPerson, name, null, null,
        null, false, null, null, LegalForm.Company, "REG-1234", "NO", false, ExtraditionRefusal.None, null);

    public static Defendant Defendant(TipCases.Domain.Cases.Case c, DefendantDetails? details = null) =>
        TipCases.Domain.Charges.Defendant.Add(Guid.NewGuid(), c, details ?? Person(), Opener, Now, Today);

    public static ChargeDetails Terms(IReadOnlyCollection<Guid>? victims = null, ModeOfLiability mode = ModeOfLiability.Principal,
        MentalElement mental = MentalElement.Intention, params AggravatingCircumstance[] aggravations) =>
        new(mode, mental, "Recruited workers abroad and held them at the plant.", victims ?? [],
            aggravations.Select(a => new Evidenced<AggravatingCircumstance>(a, "Witness statements")).ToList());

    /// <summary>A proposed charge on a fresh case, against a natural person unless a defendant is given.</summary>
    public static (Charge Charge, TipCases.Domain.Cases.Case Case, Defendant Defendant, Offence Offence) Proposed(
        OffenceKind kind = OffenceKind.Trafficking, ChargeDetails? details = null, DefendantDetails? defendant = null,
        IReadOnlyCollection<Guid>? caseVictims = null)
    {
        var (c, _, prosecutor) = Case();
        var d = Defendant(c, defendant);
        var offence = OffenceOf(kind);
        details ??= Terms();
        var charge = Charge.Propose(Guid.NewGuid(), c, d, offence, details, caseVictims ?? details.VictimIds, Today.AddDays(-30), prosecutor, Now, Today);
        return (charge, c, d, offence);
    }

    public static ChargeFacts Facts(TraffickingAct[]? acts = null, TraffickingMeans[]? means = null, ExploitationForm[]? purposes = null,
        string? illegalEntry = null, string? benefit = null, string? consent = null, IReadOnlyList<AgeEvidence>? ages = null,
        ExploitationForm[]? exploitation = null) =>
        new((acts ?? []).Select(a => new Evidenced<TraffickingAct>(a, $"Evidence of {a}")).ToList(),
            (means ?? []).Select(m => new Evidenced<TraffickingMeans>(m, $"Evidence of {m}")).ToList(),
            (purposes ?? []).Select(p => new Evidenced<ExploitationForm>(p, $"Evidence of {p}")).ToList(),
            illegalEntry, benefit, consent, ages ?? [])
        {
            Exploitation = (exploitation ?? []).Select(e => new Evidenced<ExploitationForm>(e, $"Evidence that {e} took place")).ToList(),
        };
}
