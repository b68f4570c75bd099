using TipCases.Domain.Jurisdiction;
using static TipCases.Domain.Jurisdiction.JurisdictionBasisKind;

namespace TipCases.Domain.Tests.Jurisdiction;

/// <summary>
/// Convention Art. 15 as a table of scenarios for Norway: each basis applying and not applying,
/// and combinations. Each scenario lists the bases that apply (all others must not) and the exact
/// explanation of the findings it is about.
/// </summary>
public sealed class JurisdictionAnalysisTests
{
    private const string State = "NO";

    private static ConductPlace In(string code, string? what = null) => new(ConductPlaceKind.Territory, code, what);

    private static ConductPlace Vessel(string code) => new(ConductPlaceKind.VesselFlaggedIn, code);

    private static ConductPlace Aircraft(string code) => new(ConductPlaceKind.AircraftRegisteredIn, code);

    private static CaseJurisdictionFacts Places(params ConductPlace[] places) => new(places, false, null);

    private static CaseJurisdictionFacts Aimed(string? note, params ConductPlace[] places) => new(places, true, note);

    private static OffenderFacts Offender(string label, string? nationality = null, bool present = false,
        ExtraditionRefusal refusal = ExtraditionRefusal.None, string? note = null, bool stateless = false, string? residence = null) =>
        new(label, nationality, stateless, residence, present, refusal, note);

    private static VictimFacts Victim(string pseudonym, string? nationality) => VictimFacts.FromRecorded(pseudonym, nationality);

    private sealed record Scenario(
        CaseJurisdictionFacts Facts,
        OffenderFacts[] Offenders,
        VictimFacts[] Victims,
        JurisdictionBasisKind[] Applying,
        (JurisdictionBasisKind Kind, string Explanation)[] Explanations);

    private static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        ["Nothing recorded: no basis, and each says what to record"] = new(CaseJurisdictionFacts.None, [], [], [],
        [
            (Territorial, "No place of conduct is recorded: record where the conduct took place."),
            (NationalNotExtradited, "No offender is recorded on the case."),
            (PresentNotExtradited, "No offender is recorded on the case."),
            (PassivePersonality, "No victim is recorded on the case."),
            (ActivePersonality, "No offender is recorded on the case."),
            (ConductAbroadAimedAtTerritory, "No conduct outside Norway aimed at a serious crime in its territory is recorded."),
        ]),
        ["Conduct in the territory"] = new(Places(In("NO")), [], [], [Territorial],
            [(Territorial, "Conduct took place in Norway.")]),
        ["Conduct in the territory, by its code in lower case"] = new(Places(In("no")), [], [], [Territorial],
            [(Territorial, "Conduct took place in Norway.")]),
        ["Conduct in the territory, with what happened there"] = new(Places(In("NO", "exploitation at the fish plant")), [], [], [Territorial],
            [(Territorial, "Conduct took place in Norway (exploitation at the fish plant).")]),
        ["On board a vessel flying the state's flag, on the high seas"] = new(Places(Vessel("NO")), [], [], [Territorial],
            [(Territorial, "Conduct took place on board a vessel flying the flag of Norway.")]),
        ["On board an aircraft registered in the state"] = new(Places(Aircraft("NO")), [], [], [Territorial],
            [(Territorial, "Conduct took place on board an aircraft registered in Norway.")]),
        ["In the territory and on a flag vessel"] = new(Places(In("NO"), Vessel("NO"), In("VN")), [], [], [Territorial],
            [(Territorial, "Conduct took place in Norway and on board a vessel flying the flag of Norway.")]),
        ["Only abroad, on a foreign vessel, not aimed at the territory"] = new(Places(In("VN"), Vessel("PA")), [], [], [],
        [
            (Territorial, "No conduct is recorded in Norway, on board a vessel flying its flag or an aircraft registered there: " +
                "the conduct recorded took place in Vietnam and on board a vessel flying the flag of Panama."),
            (ConductAbroadAimedAtTerritory, "Conduct took place outside Norway, in Vietnam and on board a vessel flying the flag of Panama, " +
                "but it is not recorded that it aimed at a serious crime in Norway."),
        ]),
        ["Recruitment abroad aimed at exploitation in the territory"] = new(
            Aimed("Recruitment for forced labour at a fish plant in Norway.", In("VN", "recruitment"), In("NO")), [], [],
            [Territorial, ConductAbroadAimedAtTerritory],
        [
            (ConductAbroadAimedAtTerritory, "Conduct took place outside Norway, in Vietnam (recruitment), with a view to a serious crime " +
                "in its territory: Recruitment for forced labour at a fish plant in Norway."),
        ]),
        ["Aimed at the territory, but no conduct abroad recorded"] = new(Aimed("Adverts aimed at Norwegian employers.", In("NO")), [], [],
            [Territorial],
            [(ConductAbroadAimedAtTerritory, "Conduct abroad is recorded as aimed at a serious crime in Norway, but no place of conduct outside Norway is recorded.")]),
        ["National, present, extradition refused because national"] = new(CaseJurisdictionFacts.None,
            [Offender("Defendant A", "NO", present: true, ExtraditionRefusal.RefusedBecauseNational, "request from Poland refused on 3 March")], [],
            [NationalNotExtradited, ActivePersonality],
        [
            (NationalNotExtradited, "Defendant A is a national of Norway, is present in its territory, and extradition was refused because " +
                "of that nationality (request from Poland refused on 3 March)."),
            (PresentNotExtradited, "No offender present in Norway has had extradition refused for a reason other than nationality."),
            (ActivePersonality, "Defendant A is a national of Norway."),
        ]),
        ["National refused because national, but not present"] = new(CaseJurisdictionFacts.None,
            [Offender("Defendant A", "NO", present: false, ExtraditionRefusal.RefusedBecauseNational)], [], [ActivePersonality],
            [(NationalNotExtradited, "Extradition of Defendant A was refused because of nationality, but Defendant A is not recorded as present in Norway.")]),
        ["Refused because national, but recorded as a foreign national"] = new(CaseJurisdictionFacts.None,
            [Offender("Defendant A", "SE", present: true, ExtraditionRefusal.RefusedBecauseNational)], [], [],
        [
            (NationalNotExtradited, "Extradition of Defendant A was refused because of nationality, but Defendant A is not recorded as a national of Norway."),
            (ActivePersonality, "No offender is a national of Norway or a stateless person habitually resident there."),
        ]),
        ["Foreign national present, extradition refused for another reason"] = new(CaseJurisdictionFacts.None,
            [Offender("Defendant B", "RO", present: true, ExtraditionRefusal.RefusedOtherReason, "risk of an unfair trial")], [],
            [PresentNotExtradited],
        [
            (PresentNotExtradited, "Defendant B is present in the territory of Norway and extradition was refused for a reason other than nationality (risk of an unfair trial)."),
            (NationalNotExtradited, "No offender who is a national of Norway and present in its territory has had extradition refused because of that nationality."),
        ]),
        ["Refused for another reason, but not present"] = new(CaseJurisdictionFacts.None,
            [Offender("Defendant B", "RO", present: false, ExtraditionRefusal.RefusedOtherReason)], [], [],
            [(PresentNotExtradited, "Extradition of Defendant B was refused, but Defendant B is not recorded as present in Norway.")]),
        ["Present, extradition never refused"] = new(CaseJurisdictionFacts.None,
            [Offender("Defendant B", "RO", present: true)], [], [],
            [(PresentNotExtradited, "No offender present in Norway has had extradition refused for a reason other than nationality.")]),
        ["Stateless and habitually resident in the state"] = new(CaseJurisdictionFacts.None,
            [Offender("Defendant C", stateless: true, residence: "NO")], [], [ActivePersonality],
            [(ActivePersonality, "Defendant C is stateless and habitually resident in Norway.")]),
        ["Stateless, habitually resident elsewhere"] = new(CaseJurisdictionFacts.None,
            [Offender("Defendant C", stateless: true, residence: "SE")], [], [],
            [(ActivePersonality, "No offender is a national of Norway or a stateless person habitually resident there. Defendant C is stateless but habitually resident in Sweden.")]),
        ["Stateless, habitual residence unknown"] = new(CaseJurisdictionFacts.None,
            [Offender("Defendant C", stateless: true)], [], [],
            [(ActivePersonality, "No offender is a national of Norway or a stateless person habitually resident there. Defendant C is stateless; no habitual residence is recorded.")]),
        ["Stateless wins over a nationality recorded by mistake"] = new(CaseJurisdictionFacts.None,
            [Offender("Defendant C", "NO", stateless: true, residence: "SE")], [], [],
            [(ActivePersonality, "No offender is a national of Norway or a stateless person habitually resident there. Defendant C is stateless but habitually resident in Sweden.")]),
        ["Two offenders, one national and one stateless resident"] = new(CaseJurisdictionFacts.None,
            [Offender("Defendant A", "NO"), Offender("Defendant C", stateless: true, residence: "NO"), Offender("Defendant D", "LT")], [],
            [ActivePersonality],
            [(ActivePersonality, "Defendant A is a national of Norway. Defendant C is stateless and habitually resident in Norway.")]),
        ["Victim is a national, by code"] = new(CaseJurisdictionFacts.None, [], [Victim("V-CPO-2026-0001", "NO")], [PassivePersonality],
            [(PassivePersonality, "The offence was committed against V-CPO-2026-0001, a national of Norway.")]),
        ["Victim is a national, by the state's name in any case"] = new(CaseJurisdictionFacts.None, [], [Victim("V-CPO-2026-0001", " norway ")],
            [PassivePersonality],
            [(PassivePersonality, "The offence was committed against V-CPO-2026-0001, a national of Norway.")]),
        ["Two victims are nationals"] = new(CaseJurisdictionFacts.None, [], [Victim("V-CPO-2026-0001", "Norway"), Victim("V-CPO-2026-0002", "no")],
            [PassivePersonality],
            [(PassivePersonality, "The offence was committed against V-CPO-2026-0001 and V-CPO-2026-0002, nationals of Norway.")]),
        ["A demonym is not a recognised state"] = new(CaseJurisdictionFacts.None, [], [Victim("V-CPO-2026-0001", "Norwegian")], [],
            [(PassivePersonality, "No victim is recorded as a national of Norway. The nationality recorded for V-CPO-2026-0001 (\"Norwegian\") " +
                "is not a recognised state: record the state's name or its ISO code.")]),
        ["Foreign victim"] = new(CaseJurisdictionFacts.None, [], [Victim("V-CPO-2026-0001", "Moldova")], [],
            [(PassivePersonality, "No victim is recorded as a national of Norway.")]),
        ["A national victim among others, with what is not known said"] = new(CaseJurisdictionFacts.None, [],
            [Victim("V-CPO-2026-0001", "NO"), Victim("V-CPO-2026-0002", null), Victim("V-CPO-2026-0003", "Moldovan")], [PassivePersonality],
            [(PassivePersonality, "The offence was committed against V-CPO-2026-0001, a national of Norway. The nationality recorded for " +
                "V-CPO-2026-0003 (\"Moldovan\") is not a recognised state: record the state's name or its ISO code. " +
                "No nationality is recorded for V-CPO-2026-0002.")]),
        ["Every basis at once"] = new(
            Aimed("Recruitment in Vietnam for the fish plant.", In("NO"), In("VN")),
            [
                Offender("Defendant A", "NO", present: true, ExtraditionRefusal.RefusedBecauseNational),
                Offender("Defendant B", "VN", present: true, ExtraditionRefusal.RefusedOtherReason),
            ],
            [Victim("V-CPO-2026-0001", "NO")],
            [Territorial, NationalNotExtradited, PresentNotExtradited, PassivePersonality, ActivePersonality, ConductAbroadAimedAtTerritory],
            [(ActivePersonality, "Defendant A is a national of Norway.")]),
        ["Only a foreign flag vessel, foreign offender and victim: nothing"] = new(Places(Vessel("PA")),
            [Offender("Defendant D", "PH", present: false)], [Victim("V-CPO-2026-0001", "Philippines")], [],
            [(Territorial, "No conduct is recorded in Norway, on board a vessel flying its flag or an aircraft registered there: " +
                "the conduct recorded took place on board a vessel flying the flag of Panama.")]),
    };

    public static TheoryData<string> ScenarioNames => new(Scenarios.Keys);

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Each_scenario_gives_exactly_its_bases_with_their_explanations(string name)
    {
        var scenario = Scenarios[name];

        var result = JurisdictionAnalysis.For(State, scenario.Facts, scenario.Offenders, scenario.Victims);

        result.State.Name.ShouldBe("Norway");
        result.Findings.Select(f => f.Kind).ShouldBe(JurisdictionAnalysis.Bases.Select(b => b.Kind), "every basis is reported, in the table's order");
        result.Applying.Select(f => f.Kind).ShouldBe(scenario.Applying, ignoreOrder: true);
        foreach (var (kind, explanation) in scenario.Explanations)
        {
            result.Findings.Single(f => f.Kind == kind).Explanation.ShouldBe(explanation, kind.ToString());
        }
        result.Findings.ShouldAllBe(f => f.Explanation.Length > 0);
    }

    public static TheoryData<JurisdictionBasisKind, string, JurisdictionObligation> Table => new()
    {
        { Territorial, "15(1)", JurisdictionObligation.Mandatory },
        { NationalNotExtradited, "15(3)", JurisdictionObligation.Mandatory },
        { PresentNotExtradited, "15(4)", JurisdictionObligation.Optional },
        { PassivePersonality, "15(2)(a)", JurisdictionObligation.Optional },
        { ActivePersonality, "15(2)(b)", JurisdictionObligation.Optional },
        { ConductAbroadAimedAtTerritory, "15(2)(c)", JurisdictionObligation.Optional },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_basis_carries_its_article_and_is_mandatory_or_optional_as_the_guide_says(JurisdictionBasisKind kind, string article,
        JurisdictionObligation obligation)
    {
        var finding = JurisdictionAnalysis.For(State, CaseJurisdictionFacts.None, [], []).Findings.Single(f => f.Kind == kind);

        finding.Article.ShouldBe(article);
        finding.Obligation.ShouldBe(obligation);
    }

    [Fact]
    public void A_mandatory_basis_is_flagged_as_such()
    {
        JurisdictionAnalysis.For(State, Places(In("NO")), [], []).MandatoryBasisApplies.ShouldBeTrue();
        JurisdictionAnalysis.For(State, CaseJurisdictionFacts.None, [], [Victim("V-CPO-2026-0001", "NO")]).MandatoryBasisApplies.ShouldBeFalse();
    }

    [Fact]
    public void The_analysis_is_for_the_state_given_not_a_fixed_one()
    {
        var result = JurisdictionAnalysis.For("SE", Places(In("NO")), [], []);

        result.State.Name.ShouldBe("Sweden");
        result.Applying.ShouldBeEmpty();
        result.Findings.Single(f => f.Kind == Territorial).Explanation.ShouldBe(
            "No conduct is recorded in Sweden, on board a vessel flying its flag or an aircraft registered there: the conduct recorded took place in Norway.");
    }

    [Fact]
    public void An_unknown_state_code_is_a_configuration_error()
    {
        Should.Throw<ArgumentException>(() => JurisdictionAnalysis.For("XX", CaseJurisdictionFacts.None, [], []));
    }
}
