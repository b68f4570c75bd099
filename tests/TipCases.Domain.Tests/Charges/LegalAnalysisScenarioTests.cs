using TipCases.Domain.Charges;
using TipCases.Domain.Victims;
using static TipCases.Domain.Charges.AggravatingCircumstance;
using static TipCases.Domain.Charges.ElementState;
using static TipCases.Domain.Charges.LegalAnalysis;
using static TipCases.Domain.Charges.OffenceKind;
using static TipCases.Domain.Charges.TraffickingAct;
using static TipCases.Domain.Charges.TraffickingMeans;
using static TipCases.Domain.Tests.Cases.CaseBuilder;
using static TipCases.Domain.Victims.ExploitationForm;

namespace TipCases.Domain.Tests.Charges;

/// <summary>
/// The legal analysis as a table of scenarios: each sets up the facts of one charge and asserts the
/// result (element states, suggestions, ceiling) and its explanation with the rule it rests on.
/// </summary>
public sealed class LegalAnalysisScenarioTests
{
    private const string Adult = "V-ADULT";
    private const string Adult2 = "V-ADULT-2";
    private const string Child = "V-CHILD";
    private const string Unknown = "V-UNKNOWN";

    /// <summary>A victim of a scenario: born on a date, or unknown with or without age evidence.</summary>
    public sealed record VictimSpec(string Pseudonym, DateOnly? Born, bool? AgeEvidenceSaysChild = null);

    private static VictimSpec AdultVictim(string pseudonym = Adult) => new(pseudonym, new DateOnly(1990, 1, 1));

    /// <summary>Aged 15 when the offence began.</summary>
    private static VictimSpec ChildVictim() => new(Child, new DateOnly(2009, 10, 1));

    private static VictimSpec UnknownAge(bool? evidenceSaysChild = null) => new(Unknown, null, evidenceSaysChild);

    public sealed class Scenario
    {
        public OffenceKind Offence { get; init; } = Trafficking;

        public VictimSpec[] Victims { get; init; } = [AdultVictim()];

        public TraffickingAct[] Acts { get; init; } = [];

        public TraffickingMeans[] Means { get; init; } = [];

        public ExploitationForm[] Purposes { get; init; } = [];

        /// <summary>The exploitation that took place.</summary>
        public ExploitationForm[] Exploitation { get; init; } = [];

        public bool IllegalEntry { get; init; }

        public bool Benefit { get; init; }

        public string? Consent { get; init; }

        public AggravatingCircumstance[] Aggravations { get; init; } = [];

        public OffenceKind[] AlsoCharged { get; init; } = [];

        public ModeOfLiability Mode { get; init; } = ModeOfLiability.Principal;

        public MentalElement Mental { get; init; } = MentalElement.Intention;

        /// <summary>Expected state of each named element (elements not named are not checked).</summary>
        public (string Element, ElementState State)[] States { get; init; } = [];

        /// <summary>Explanations that must appear, each with (part of) the rule it rests on.</summary>
        public (string Text, string Basis)[] Says { get; init; } = [];

        /// <summary>The offences suggested, exactly (null: not checked).</summary>
        public OffenceKind[]? Suggests { get; init; }

        public int Ceiling { get; init; } = 12;

        public string? CeilingReason { get; init; }

        public bool? ElementsMet { get; init; }
    }

    private static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        // Adult victims: act + means + purpose (Art. 3(a)).
        ["Adult: act, means and purpose are all supported"] = new()
        {
            Acts = [Recruitment], Means = [Deception], Purposes = [ForcedLabourOrServices],
            States = [(ActElement, Met), (MeansElement, Met), (PurposeElement, Met)], ElementsMet = true, Suggests = [],
            Says = [("All elements of trafficking in persons are supported.", Article3A), ("Act supported: recruitment.", Article3A),
                ("Means supported: deception. They are required for V-ADULT (an adult).", Article3A),
                ("Purpose of exploitation supported: forced labour or services.", Article3A)],
            CeilingReason = "no aggravating circumstance is recorded",
        },
        ["Adult: without means the means element is missing and standalone forced labour is suggested"] = new()
        {
            Acts = [Recruitment], Purposes = [ForcedLabourOrServices], Exploitation = [ForcedLabourOrServices],
            States = [(ActElement, Met), (MeansElement, Missing), (PurposeElement, Met)], ElementsMet = false, Suggests = [ForcedLabour],
            Says = [("No means recorded, and they are required for V-ADULT (an adult)", Article3A), ("Not yet supported: means missing.", Article3A),
                ("The means cannot be shown yet, but the exploitation is shown to have taken place (forced labour or services): the conduct at the destination can be charged on its own as Forced labour (FL)", "DOMAIN.md rule 4")],
        },
        ["Adult: without an act the act element is missing and standalone servitude is suggested"] = new()
        {
            Means = [AbuseOfVulnerability], Purposes = [ExploitationForm.Servitude], Exploitation = [ExploitationForm.Servitude],
            States = [(ActElement, Missing), (MeansElement, Met), (PurposeElement, Met)], ElementsMet = false, Suggests = [OffenceKind.Servitude],
            Says = [("No act recorded: record the recruitment, transportation, transfer, harbouring or receipt", Article3A),
                ("The act cannot be shown yet, but the exploitation is shown to have taken place (servitude)", "standalone offences")],
        },
        ["Adult: without a purpose the purpose element is missing and nothing standalone is suggested"] = new()
        {
            Acts = [Transportation], Means = [UseOfForce],
            States = [(ActElement, Met), (MeansElement, Met), (PurposeElement, Missing)], ElementsMet = false, Suggests = [],
            Says = [("No purpose of exploitation recorded", Article3A), ("The purpose is enough: the exploitation need not have happened.", Article3A),
                ("Not yet supported: purpose missing.", Article3A)],
        },
        ["Adult: with nothing recorded every element is missing"] = new()
        {
            States = [(ActElement, Missing), (MeansElement, Missing), (PurposeElement, Missing)], ElementsMet = false, Suggests = [],
            Says = [("Not yet supported: act, means and purpose missing.", Article3A)],
        },
        ["Adult: two acts and two purposes are all listed with their evidence"] = new()
        {
            Acts = [Recruitment, Harbouring], Means = [Fraud], Purposes = [ProstitutionOfOthers, OtherSexualExploitation],
            States = [(ActElement, Met), (PurposeElement, Met)], ElementsMet = true,
            Says = [("Act supported: recruitment and harbouring.", Article3A),
                ("Purpose of exploitation supported: prostitution of others and other sexual exploitation.", Article3A)],
        },
        ["Adult: forced begging and forced criminal activities are national purposes"] = new()
        {
            Acts = [Receipt], Means = [OtherCoercion], Purposes = [ForcedBegging, ForcedCriminalActivities],
            States = [(PurposeElement, Met)], ElementsMet = true,
            Says = [("Forced begging and forced criminal activities are national additions to the Protocol's list.", "national additions")],
        },

        // Each means establishes the means element for an adult.
        ["Means: threat of force"] = MeansScenario(ThreatOfForce, "threat of force"),
        ["Means: use of force"] = MeansScenario(UseOfForce, "use of force"),
        ["Means: other coercion"] = MeansScenario(OtherCoercion, "other coercion"),
        ["Means: abduction"] = MeansScenario(Abduction, "abduction"),
        ["Means: fraud"] = MeansScenario(Fraud, "fraud"),
        ["Means: deception"] = MeansScenario(Deception, "deception"),
        ["Means: abuse of power"] = MeansScenario(AbuseOfPower, "abuse of power"),
        ["Means: abuse of a position of vulnerability"] = MeansScenario(AbuseOfVulnerability, "abuse of a position of vulnerability"),
        ["Means: payments to a person having control over the victim"] = MeansScenario(PaymentsToPersonInControl, "payments or benefits to a person having control over the victim"),

        // Child victims: act + purpose; means not required (Art. 3(c)), child status from the date of birth.
        ["Child: act and purpose suffice, the means are not required"] = new()
        {
            Victims = [ChildVictim()], Acts = [Recruitment], Purposes = [OtherSexualExploitation],
            States = [(ActElement, Met), (MeansElement, NotRequired), (PurposeElement, Met)], ElementsMet = true, Suggests = [TraffickingOfChildren],
            Says = [("Means not required: V-CHILD was a child at the time of the offence, and for a child only the act and the purpose must be proved.", Article3C),
                ("the means are not required for a child victim", Article3C),
                ("V-CHILD: Aged 15 on 2025-03-01, the first known day of the offence in CPO-2026-000001: a child victim (under 18).", "Art. 3(d)"),
                ("V-CHILD was a child at the time of the offence: Trafficking in children (TIP-C) fits, with a maximum of 25 years.", Article3C),
                ("a particularly vulnerable victim is an aggravating circumstance", "aggravating circumstances")],
        },
        ["Child: recorded means are noted but still not required"] = new()
        {
            Victims = [ChildVictim()], Acts = [Transfer], Means = [Deception], Purposes = [ForcedLabourOrServices],
            States = [(MeansElement, NotRequired)], ElementsMet = true,
            Says = [("The recorded means (deception) strengthen the case.", Article3C)],
        },
        ["Child: without a purpose the charge is still missing the purpose"] = new()
        {
            Victims = [ChildVictim()], Acts = [Recruitment],
            States = [(ActElement, Met), (MeansElement, NotRequired), (PurposeElement, Missing)], ElementsMet = false,
            Says = [("Not yet supported: purpose missing.", Article3A)],
        },
        ["Child: a victim who turned 18 on the first day of the offence is an adult"] = new()
        {
            Victims = [new(Adult, new DateOnly(2007, 3, 1))], Acts = [Recruitment], Purposes = [ForcedLabourOrServices],
            States = [(MeansElement, Missing)], ElementsMet = false,
            Says = [("V-ADULT: Aged 18 on 2025-03-01", "Art. 3(d)"), ("required for V-ADULT (an adult)", Article3A)],
        },
        ["Child: a victim one day short of 18 is a child"] = new()
        {
            Victims = [new(Child, new DateOnly(2007, 3, 2))], Acts = [Recruitment], Purposes = [ForcedLabourOrServices],
            States = [(MeansElement, NotRequired)], ElementsMet = true,
            Says = [("V-CHILD: Aged 17 on 2025-03-01", "Art. 3(d)")],
        },
        ["Child and adult: without means the means are missing for the adult"] = new()
        {
            Victims = [AdultVictim(), ChildVictim()], Acts = [Recruitment], Purposes = [ProstitutionOfOthers],
            States = [(MeansElement, Missing)], ElementsMet = false, Suggests = [],
            Says = [("No means recorded, and they are required for V-ADULT (an adult)", Article3A),
                ("This count concerns 2 victims: \"more than one victim\" is an aggravating circumstance.", "aggravating circumstances")],
        },
        ["Child and adult: with means every element is met"] = new()
        {
            Victims = [AdultVictim(), ChildVictim()], Acts = [Recruitment], Means = [ThreatOfForce], Purposes = [ProstitutionOfOthers],
            States = [(MeansElement, Met)], ElementsMet = true,
            Says = [("Means supported: threat of force. They are required for V-ADULT (an adult).", Article3A)],
        },
        ["No victim linked: the means are required"] = new()
        {
            Victims = [], Acts = [Recruitment], Purposes = [ForcedLabourOrServices],
            States = [(MeansElement, Missing)], ElementsMet = false,
            Says = [("no victim is linked to this count, so it cannot be shown that the victim was a child", Article3A)],
        },

        // Unknown date of birth: flagged, with age evidence recordable on the charge.
        ["Unknown date of birth without age evidence: flagged, and the means are required"] = new()
        {
            Victims = [UnknownAge()], Acts = [Recruitment], Purposes = [ForcedLabourOrServices],
            States = [(MeansElement, Missing)], ElementsMet = false,
            Says = [("V-UNKNOWN: date of birth unknown, so it cannot be shown whether the victim was a child. Record the date of birth on the victim, or age evidence on this charge", "Art. 3(d)"),
                ("required for V-UNKNOWN (age unknown)", Article3A)],
        },
        ["Unknown date of birth with age evidence of a child: treated as a child"] = new()
        {
            Victims = [UnknownAge(evidenceSaysChild: true)], Acts = [Recruitment], Purposes = [ForcedCriminalActivities],
            States = [(MeansElement, NotRequired)], ElementsMet = true,
            Says = [("The age evidence recorded on this charge (Bone-age assessment) indicates a child under 18 at the time of the offence, so the victim is treated as a child.", "Art. 3(d)"),
                ("Means not required: V-UNKNOWN was a child", Article3C)],
        },
        ["Unknown date of birth with age evidence of an adult: the means are required"] = new()
        {
            Victims = [UnknownAge(evidenceSaysChild: false)], Acts = [Recruitment], Purposes = [ForcedCriminalActivities],
            States = [(MeansElement, Missing)], ElementsMet = false,
            Says = [("indicates an adult at the time of the offence", "Art. 3(d)"), ("required for V-UNKNOWN (an adult)", Article3A)],
        },

        // Trafficking in children: its own offence and ceiling.
        ["Trafficking in children with a child victim: all met, 25 years"] = new()
        {
            Offence = TraffickingOfChildren, Victims = [ChildVictim()], Acts = [Harbouring], Purposes = [ForcedBegging],
            States = [(ActElement, Met), (MeansElement, NotRequired), (PurposeElement, Met), (ChildVictimElement, Met)], ElementsMet = true, Suggests = [],
            Says = [("Means not required: trafficking in children needs only the act and the purpose.", Article3C),
                ("V-CHILD was under 18 at the time of the offence.", Article3CD)],
            Ceiling = 25, CeilingReason = "Trafficking of a child: the catalogue sets 25 years for Trafficking in children (TIP-C); no aggravating circumstance is recorded.",
        },
        ["Trafficking in children with an adult victim: the child victim element is missing"] = new()
        {
            Offence = TraffickingOfChildren, Victims = [AdultVictim()], Acts = [Harbouring], Purposes = [ForcedBegging],
            States = [(ChildVictimElement, Missing)], ElementsMet = false, Suggests = [Trafficking],
            Says = [("V-ADULT was not shown to be under 18 at the time of the offence: trafficking in children needs a child victim.", Article3CD),
                ("V-ADULT was an adult at the time of the offence: charge Trafficking in persons (TIP) for that victim", Article3A)],
            Ceiling = 25,
        },
        ["Trafficking in children with an aggravating circumstance stays at its own maximum"] = new()
        {
            Offence = TraffickingOfChildren, Victims = [ChildVictim()], Acts = [Harbouring], Purposes = [ForcedBegging], Aggravations = [SeriousInjuryOrDeath],
            Ceiling = 25, CeilingReason = "It gives no higher maximum when aggravated, so the recorded circumstances (risk of or actual serious injury or death (suicide included)) weigh in sentencing within it.",
        },

        // Consent (Art. 3(b)).
        ["Consent with a means established is legally irrelevant"] = new()
        {
            Acts = [Recruitment], Means = [Deception], Purposes = [ForcedLabourOrServices], Consent = "She agreed to work at the plant.",
            Says = [("The recorded \"consent\" is legally irrelevant: a means is established (deception), and consent obtained by such means is no defence.", Article3B)],
        },
        ["Consent without a means is no defence, and the means are still needed"] = new()
        {
            Acts = [Recruitment], Purposes = [ForcedLabourOrServices], Consent = "He says he agreed to the terms.",
            Says = [("The recorded \"consent\" is no defence, and it becomes legally irrelevant once a means is established", Article3B)],
        },
        ["Consent of a child is irrelevant whatever the means"] = new()
        {
            Victims = [ChildVictim()], Acts = [Recruitment], Purposes = [OtherSexualExploitation], Consent = "The defence says she went willingly.",
            Says = [("a child's consent is irrelevant whatever the means", Article3C)],
        },

        ["Consent on a trafficking-in-children charge whose victim is an adult is not called a child's"] = new()
        {
            Offence = TraffickingOfChildren, Victims = [AdultVictim()], Acts = [Harbouring], Purposes = [ForcedBegging], Consent = "He agreed to beg.",
            States = [(ChildVictimElement, Missing)], ElementsMet = false, Suggests = [Trafficking],
            Says = [("legally irrelevant only if the victim was a child, which this charge does not yet show", Article3C)],
            Ceiling = 25,
        },

        // Trafficking against migrant smuggling.
        ["Smuggling only: illegal entry for a benefit without exploitation points to smuggling"] = new()
        {
            Acts = [Transportation], Means = [Fraud], IllegalEntry = true, Benefit = true,
            States = [(PurposeElement, Missing)], ElementsMet = false, Suggests = [MigrantSmuggling],
            Says = [("the facts point to migrant smuggling, not trafficking. Charge Smuggling of migrants (SOM) instead", "Smuggling of Migrants Protocol")],
        },
        ["Both: illegal entry for a benefit and an exploitation purpose are smuggling and trafficking"] = new()
        {
            Acts = [Transportation], Means = [Fraud], Purposes = [ForcedLabourOrServices], IllegalEntry = true, Benefit = true,
            ElementsMet = true, Suggests = [MigrantSmuggling],
            Says = [("this is both migrant smuggling and trafficking, separate offences that can be charged together", "DOMAIN.md rule 3")],
        },
        ["Both, already charged with smuggling: nothing more is suggested"] = new()
        {
            Acts = [Transportation], Means = [Fraud], Purposes = [ForcedLabourOrServices], IllegalEntry = true, Benefit = true,
            AlsoCharged = [MigrantSmuggling], Suggests = [],
        },
        ["Smuggling only, already charged with smuggling: the facts point to the smuggling charge"] = new()
        {
            Acts = [Transportation], IllegalEntry = true, Benefit = true, AlsoCharged = [MigrantSmuggling], Suggests = [MigrantSmuggling],
            Says = [("the facts point to migrant smuggling, already charged against this defendant, not to trafficking", "Smuggling of Migrants Protocol")],
        },
        ["Smuggling charge with both facts: its elements are met"] = new()
        {
            Offence = MigrantSmuggling, IllegalEntry = true, Benefit = true,
            States = [(IllegalEntryElement, Met), (BenefitElement, Met)], ElementsMet = true, Suggests = [],
            Says = [("Illegal entry procured: Crossed the border in a lorry", "Art. 3(a), 6(1)(a)"), ("All elements of smuggling of migrants are supported.", "Smuggling")],
            Ceiling = 10,
        },
        ["Smuggling charge without a benefit: the benefit is missing"] = new()
        {
            Offence = MigrantSmuggling, IllegalEntry = true,
            States = [(IllegalEntryElement, Met), (BenefitElement, Missing)], ElementsMet = false,
            Says = [("No evidence recorded that it was done for a financial or other material benefit.", "Smuggling of Migrants Protocol")],
            Ceiling = 10,
        },
        ["Smuggling charge with an exploitation purpose: trafficking is suggested as well"] = new()
        {
            Offence = MigrantSmuggling, IllegalEntry = true, Benefit = true, Purposes = [ForcedLabourOrServices], Suggests = [Trafficking],
            Says = [("A purpose of exploitation is recorded (forced labour or services): that points to trafficking as well as smuggling", "DOMAIN.md rule 3")],
            Ceiling = 10,
        },

        // Standalone exploitation offences.
        ["Missing means, forced begging took place: forced labour is suggested"] = new()
        {
            Acts = [Recruitment], Purposes = [ForcedBegging], Exploitation = [ForcedBegging], Suggests = [ForcedLabour],
            Says = [("the exploitation is shown to have taken place (forced begging): the conduct at the destination can be charged on its own as Forced labour (FL)", "standalone")],
        },
        ["Missing means, forced begging only intended: forced labour is suggested if the exploitation took place"] = new()
        {
            Acts = [Recruitment], Purposes = [ForcedBegging], Suggests = [ForcedLabour],
            Says = [("a purpose of forced begging is recorded: if that exploitation took place, record it with its evidence under \"exploitation that took place\"; the conduct at the destination can then be charged on its own as Forced labour (FL)", "standalone")],
        },
        ["Missing act with slavery-like practices that took place suggests slavery and debt bondage"] = new()
        {
            Means = [Deception], Purposes = [ExploitationForm.Slavery, PracticesSimilarToSlavery], Exploitation = [ExploitationForm.Slavery, PracticesSimilarToSlavery],
            Suggests = [OffenceKind.Slavery, DebtBondage],
            Says = [("shown to have taken place (practices similar to slavery): the conduct at the destination can be charged on its own as Debt bondage (DB)", "standalone"),
                ("shown to have taken place (slavery): the conduct at the destination can be charged on its own as Slavery (SLAV)", "standalone")],
        },
        ["Missing act and means with sexual exploitation only: no standalone offence fits"] = new()
        {
            Purposes = [ProstitutionOfOthers], Suggests = [],
            States = [(ActElement, Missing), (MeansElement, Missing)],
        },
        ["Missing means, standalone offence already charged: not suggested again"] = new()
        {
            Acts = [Recruitment], Purposes = [ForcedLabourOrServices], AlsoCharged = [ForcedLabour], Suggests = [],
        },
        ["Trafficking with exploitation that took place but no purpose: the purpose is missing, and the exploitation named as its evidence"] = new()
        {
            Acts = [Recruitment], Means = [Deception], Exploitation = [ForcedLabourOrServices],
            States = [(PurposeElement, Missing)], ElementsMet = false,
            Says = [("No purpose of exploitation recorded, but the exploitation that took place is (forced labour or services): it is evidence of the purpose.", Article3A)],
        },
        ["Trafficking with smuggling facts and exploitation that took place: both offences, not smuggling instead"] = new()
        {
            Acts = [Transportation], Means = [Fraud], Exploitation = [ForcedLabourOrServices], IllegalEntry = true, Benefit = true,
            Suggests = [MigrantSmuggling],
            Says = [("Illegal entry was procured for a benefit and exploitation that took place is recorded: this is both migrant smuggling and trafficking", "DOMAIN.md rule 3")],
        },
        ["Smuggling charge with exploitation that took place: trafficking is suggested as well"] = new()
        {
            Offence = MigrantSmuggling, IllegalEntry = true, Benefit = true, Exploitation = [ForcedBegging], Suggests = [Trafficking],
            Says = [("Exploitation that took place is recorded (forced begging): that points to trafficking as well as smuggling", "DOMAIN.md rule 3")],
            Ceiling = 10,
        },
        ["Forced labour charge with forced labour that took place"] = new()
        {
            Offence = ForcedLabour, Exploitation = [ForcedLabourOrServices],
            States = [(ExploitationElement, Met)], ElementsMet = true, Suggests = [],
            Says = [("The exploitation is shown to have taken place: forced labour or services. For forced labour it does not matter how the victim came to be exploited.", "standalone")],
            Ceiling = 10,
        },
        ["Forced labour charge with forced labour only intended: the exploitation is missing"] = new()
        {
            // Trafficking needs the purpose; forced labour needs the labour to have been exacted.
            Offence = ForcedLabour, Purposes = [ForcedLabourOrServices],
            States = [(ExploitationElement, Missing)], ElementsMet = false,
            Says = [("A purpose of forced labour or services is recorded, which is what trafficking needs; forced labour needs the exploitation to have taken place.", "standalone")],
            Ceiling = 10,
        },
        ["Servitude charge without servitude: the exploitation is missing"] = new()
        {
            Offence = OffenceKind.Servitude, Exploitation = [ForcedLabourOrServices],
            States = [(ExploitationElement, Missing)], ElementsMet = false,
            Says = [("No evidence recorded that servitude took place", "standalone")],
            Ceiling = 10,
        },

        // Aggravating circumstances and the ceiling.
        ["Aggravated: serious injury or death"] = Aggravated(SeriousInjuryOrDeath, "risk of or actual serious injury or death (suicide included)"),
        ["Aggravated: particularly vulnerable victim"] = Aggravated(ParticularlyVulnerableVictim, "particularly vulnerable victim (child, disability)"),
        ["Aggravated: life-threatening illness"] = Aggravated(LifeThreateningIllness, "exposure to a life-threatening illness"),
        ["Aggravated: more than one victim"] = Aggravated(MoreThanOneVictim, "more than one victim"),
        ["Aggravated: organized criminal group"] = Aggravated(AggravatingCircumstance.OrganizedCriminalGroup, "committed as part of an organized criminal group"),
        ["Aggravated: obstruction of justice"] = Aggravated(AggravatingCircumstance.ObstructionOfJustice, "obstruction of justice"),
        ["Aggravated twice: both are named, the maximum is the same"] = new()
        {
            Acts = [Recruitment], Means = [Deception], Purposes = [ForcedLabourOrServices], Aggravations = [MoreThanOneVictim, AggravatingCircumstance.OrganizedCriminalGroup],
            Ceiling = 20, CeilingReason = "Aggravated (more than one victim; committed as part of an organized criminal group)",
        },
        ["Aggravated forced labour: no higher maximum in the catalogue"] = new()
        {
            Offence = ForcedLabour, Purposes = [ForcedLabourOrServices], Aggravations = [SeriousInjuryOrDeath],
            Ceiling = 10, CeilingReason = "The catalogue sets 10 years for Forced labour (FL). It gives no higher maximum when aggravated",
        },
        ["Aggravated smuggling: the smuggling maximum when aggravated"] = new()
        {
            Offence = MigrantSmuggling, IllegalEntry = true, Benefit = true, Aggravations = [SeriousInjuryOrDeath],
            Ceiling = 15, CeilingReason = "the catalogue sets 15 years for Smuggling of migrants (SOM) when aggravated, instead of 10.",
        },
        ["Two adult victims without the circumstance recorded: it is hinted"] = new()
        {
            Victims = [AdultVictim(), AdultVictim(Adult2)], Acts = [Recruitment], Means = [Deception], Purposes = [ForcedLabourOrServices],
            Says = [("This count concerns 2 victims: \"more than one victim\" is an aggravating circumstance. Record it if the evidence supports it.", "aggravating circumstances")],
        },

        // Other offences and liability.
        ["Money laundering has no elements checklist"] = new()
        {
            Offence = MoneyLaundering, ElementsMet = false, Suggests = [],
            Says = [("Money laundering has no elements checklist here", "Convention Art. 6")],
            Ceiling = 10,
        },
        ["Attempt with recklessness"] = new()
        {
            Mode = ModeOfLiability.Attempt, Mental = MentalElement.Recklessness, Acts = [Recruitment], Means = [Deception], Purposes = [ForcedLabourOrServices],
            Says = [("Attempt: criminal responsibility extends to attempting the offence, with recklessness", "Protocol Art. 5(2)(a)"),
                ("national law lowers the threshold from intention", "lowering the threshold")],
        },
        ["Organizing or directing others"] = new()
        {
            Mode = ModeOfLiability.OrganizingOrDirecting, Acts = [Recruitment], Means = [Deception], Purposes = [ForcedLabourOrServices],
            Says = [("Organizing or directing others to commit the offence, with intention.", "Protocol Art. 5(2)(c)")],
        },
    };

    private static Scenario MeansScenario(TraffickingMeans means, string words) => new()
    {
        Acts = [Transportation], Means = [means], Purposes = [ProstitutionOfOthers],
        States = [(MeansElement, Met)], ElementsMet = true, Suggests = [],
        Says = [($"Means supported: {words}.", Article3A)],
    };

    private static Scenario Aggravated(AggravatingCircumstance circumstance, string words) => new()
    {
        Acts = [Recruitment], Means = [Deception], Purposes = [ForcedLabourOrServices], Aggravations = [circumstance],
        Ceiling = 20,
        CeilingReason = $"Aggravated ({words}): the catalogue sets 20 years for Trafficking in persons (TIP) when aggravated, instead of 12.",
    };

    public static TheoryData<string> Names => new(Scenarios.Keys);

    [Fact]
    public void The_table_has_at_least_forty_scenarios() => Scenarios.Count.ShouldBeGreaterThanOrEqualTo(40);

    [Theory]
    [MemberData(nameof(Names))]
    public void Scenario_gives_the_expected_result_and_explains_it(string name)
    {
        var s = Scenarios[name];
        var analysis = Analyse(s);

        foreach (var (element, state) in s.States)
        {
            var result = analysis.Element(element).ShouldNotBeNull($"element {element}");
            result.State.ShouldBe(state, $"{element}: {result.Explanation}");
            result.Explanation.ShouldNotBeNullOrWhiteSpace();
            result.Basis.ShouldNotBeNullOrWhiteSpace();
        }
        if (s.ElementsMet is { } met)
        {
            analysis.ElementsMet.ShouldBe(met, analysis.Conclusion.Text);
        }
        var explained = Explanations(analysis);
        foreach (var (text, basis) in s.Says)
        {
            explained.ShouldContain(e => e.Text.Contains(text, StringComparison.Ordinal) && e.Basis.Contains(basis, StringComparison.Ordinal),
                $"\"{text}\" resting on \"{basis}\" in:\n{string.Join("\n", explained.Select(e => $"{e.Text} [{e.Basis}]"))}");
        }
        if (s.Suggests is { } suggested)
        {
            analysis.Suggestions.Select(x => x.Kind).ShouldBe(suggested, ignoreOrder: true,
                string.Join("\n", analysis.Suggestions.Select(x => x.Text)));
            analysis.Suggestions.ShouldAllBe(x => x.CatalogueEntry != null && x.Basis.Length > 0);
        }
        analysis.Ceiling.Years.ShouldBe(s.Ceiling, analysis.Ceiling.Reason);
        analysis.Ceiling.Basis.ShouldContain("Offence catalogue");
        if (s.CeilingReason is { } reason)
        {
            analysis.Ceiling.Reason.ShouldContain(reason);
        }
        // Every explanation names the rule it rests on.
        explained.ShouldAllBe(e => e.Basis.Length > 0);
    }

    private static ChargeAnalysis Analyse(Scenario s)
    {
        var victims = s.Victims.Select(v => (Spec: v, Id: Guid.NewGuid())).ToList();
        var (charge, c, _, offence) = ChargeBuilder.Proposed(s.Offence,
            ChargeBuilder.Terms(victims.Select(v => v.Id).ToList(), s.Mode, s.Mental, s.Aggravations));
        var ages = victims.Where(v => v.Spec.AgeEvidenceSaysChild is not null)
            .Select(v => new AgeEvidence(v.Id, "Bone-age assessment", v.Spec.AgeEvidenceSaysChild!.Value)).ToList();
        charge.RecordFacts(c, ChargeBuilder.Facts(s.Acts, s.Means, s.Purposes,
            s.IllegalEntry ? "Crossed the border in a lorry" : null, s.Benefit ? "Paid 3000 EUR each" : null, s.Consent, ages, s.Exploitation), Opener, Now);
        var context = new AnalysisContext(
            new OffencePeriod(c.Reference, c.OffenceFrom, c.OffenceTo, c.OpenedOn),
            victims.Select(v => new VictimAge(v.Id, v.Spec.Pseudonym, v.Spec.Born)).ToList(),
            ChargeBuilder.Catalogue,
            s.AlsoCharged);
        return LegalAnalysis.Analyse(charge, offence, context);
    }

    private static List<Explanation> Explanations(ChargeAnalysis a) =>
    [
        .. a.Elements.Select(e => new Explanation(e.Explanation, e.Basis)),
        a.Conclusion,
        .. a.Victims.Select(v => new Explanation(v.Explanation, v.Basis)),
        a.Liability,
        .. a.Consent is null ? [] : new[] { a.Consent },
        .. a.Suggestions.Select(x => new Explanation(x.Text, x.Basis)),
        .. a.Hints,
        new Explanation(a.Ceiling.Reason, a.Ceiling.Basis),
    ];
}
