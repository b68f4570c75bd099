using TipCases.Domain.Victims;

namespace TipCases.Domain.Charges;

public enum ElementState
{
    Met = 1,
    Missing = 2,
    NotRequired = 3,
}

/// <summary>One element of the charged offence: met, missing or not required, why, and on which
/// rule that rests. <paramref name="Evidence"/> lists the recorded values with their evidence.</summary>
public sealed record ElementResult(string Element, ElementState State, string Explanation, string Basis, IReadOnlyList<string> Evidence);

/// <summary>A conclusion in words and the rule or article it rests on.</summary>
public sealed record Explanation(string Text, string Basis);

/// <summary>Whether a victim the count concerns was a child at the time of the offence.</summary>
/// <param name="FromAgeEvidence">The date of birth is unknown and the status rests on age evidence recorded on the charge.</param>
/// <param name="Flagged">The date of birth is unknown: the page flags it.</param>
public sealed record ChildFinding(Guid VictimId, string Pseudonym, ChildStatus Status, bool FromAgeEvidence, bool Flagged, string Explanation, string Basis);

/// <summary>Another offence the facts point to (migrant smuggling, a standalone exploitation
/// offence, trafficking in children), with the catalogue entry when there is an active one.</summary>
public sealed record OffenceSuggestion(OffenceKind Kind, Offence? CatalogueEntry, string Text, string Basis);

/// <summary>What a victim's age is computed from: the date of birth (decrypted on the server,
/// shown to nobody) and the pseudonym the page names the victim by.</summary>
public sealed record VictimAge(Guid VictimId, string Pseudonym, DateOnly? DateOfBirth);

/// <summary>What the analysis needs besides the charge: the case's offence period (for child
/// status), the ages of the victims, the catalogue (for suggestions), and the offences the same
/// defendant is already charged with (so nothing already charged is suggested again).</summary>
/// <param name="ExactAges">Whether the explanations may give a victim's exact age on the offence
/// date (only for readers who may see the victim's identity; others read "under 18").</param>
public sealed record AnalysisContext(
    OffencePeriod Period,
    IReadOnlyCollection<VictimAge> Victims,
    IReadOnlyCollection<Offence> Catalogue,
    IReadOnlyCollection<OffenceKind> AlsoChargedWith,
    bool ExactAges = true);

/// <summary>The analysis of one charge; every part explains itself.</summary>
public sealed record ChargeAnalysis(
    Offence Offence,
    IReadOnlyList<ElementResult> Elements,
    Explanation Conclusion,
    IReadOnlyList<ChildFinding> Victims,
    Explanation Liability,
    Explanation? Consent,
    IReadOnlyList<OffenceSuggestion> Suggestions,
    IReadOnlyList<Explanation> Hints,
    PenaltyCeiling Ceiling)
{
    /// <summary>Whether the offence has an elements checklist here (trafficking, smuggling, the exploitation offences).</summary>
    public bool HasElementsTest => Elements.Count > 0;

    public bool ElementsMet => HasElementsTest && Elements.All(e => e.State != ElementState.Missing);

    public IReadOnlyList<ElementResult> MissingElements => Elements.Where(e => e.State == ElementState.Missing).ToList();

    public ElementResult? Element(string name) => Elements.FirstOrDefault(e => e.Element == name);
}

/// <summary>
/// The legal analysis of a charge (DOMAIN.md, "Trafficking in persons: the three elements"), pure
/// and explained: the elements test (act + means + purpose for an adult victim, act + purpose for
/// a child, Protocol Art. 3(a), (c)), child status from each victim's date of birth and the case's
/// offence date (<see cref="ChildRule"/>), the irrelevance of consent once a means is established
/// (Art. 3(b)), trafficking against migrant smuggling, standalone exploitation offences where an
/// element of trafficking is missing, and the penalty ceiling (<see cref="PenaltyRules"/>).
/// </summary>
public static class LegalAnalysis
{
    public const string ActElement = "Act";
    public const string MeansElement = "Means";
    public const string PurposeElement = "Purpose";
    public const string ChildVictimElement = "Victim under 18";
    public const string IllegalEntryElement = "Procuring illegal entry";
    public const string BenefitElement = "Financial or other material benefit";
    public const string ExploitationElement = "Exploitation";

    public const string Article3A = "Protocol Art. 3(a)";
    public const string Article3B = "Protocol Art. 3(b)";
    public const string Article3C = "Protocol Art. 3(c)";
    public const string Article3CD = "Protocol Art. 3(c), (d)";
    public const string ChildAgeBasis = "Protocol Art. 3(d): a child is a person under 18";
    public const string SmugglingBasis = "Smuggling of Migrants Protocol Art. 3(a), 6(1)(a); DOMAIN.md rule 3: separate offences, which can be charged together";
    public const string StandaloneBasis = "DOMAIN.md rule 4; the guide: standalone offences for the exploitation at the destination";
    public const string NationalPurposesBasis = "the guide: national additions to the purposes of exploitation";
    public const string AggravationBasis = "the guide: aggravating circumstances";

    private static readonly ExploitationForm[] NationalAdditions = [ExploitationForm.ForcedBegging, ExploitationForm.ForcedCriminalActivities];

    /// <summary>Which standalone offence covers which form of exploitation (that took place).</summary>
    private static readonly (OffenceKind Offence, ExploitationForm[] Purposes)[] Standalone =
    [
        (OffenceKind.ForcedLabour, [ExploitationForm.ForcedLabourOrServices, ExploitationForm.ForcedBegging, ExploitationForm.ForcedCriminalActivities]),
        (OffenceKind.Servitude, [ExploitationForm.Servitude]),
        (OffenceKind.Slavery, [ExploitationForm.Slavery]),
        // Debt bondage is a practice similar to slavery (Supplementary Slavery Convention, Art. 1(a)).
        (OffenceKind.DebtBondage, [ExploitationForm.PracticesSimilarToSlavery]),
    ];

    public static ChargeAnalysis Analyse(Charge charge, Offence offence, AnalysisContext context)
    {
        if (offence.Id != charge.OffenceId)
        {
            throw new InvalidOperationException("The offence passed is not the charge's.");
        }
        var victims = Victims(charge, context);
        var elements = new List<ElementResult>();
        var isTrafficking = offence.Kind is OffenceKind.Trafficking or OffenceKind.TraffickingOfChildren;
        if (isTrafficking)
        {
            elements.Add(Act(charge));
            elements.Add(Means(charge, offence, victims));
            elements.Add(Purpose(charge));
            if (offence.Kind == OffenceKind.TraffickingOfChildren)
            {
                elements.Add(ChildVictim(victims));
            }
        }
        else if (offence.Kind == OffenceKind.MigrantSmuggling)
        {
            elements.Add(Recorded(IllegalEntryElement, charge.IllegalEntryEvidence,
                "Illegal entry procured", "No evidence recorded that the defendant procured a person's illegal entry into a state."));
            elements.Add(Recorded(BenefitElement, charge.BenefitEvidence,
                "Done for a financial or other material benefit", "No evidence recorded that it was done for a financial or other material benefit."));
        }
        else if (Standalone.FirstOrDefault(s => s.Offence == offence.Kind) is { Purposes: not null } standalone)
        {
            elements.Add(Exploitation(charge, offence, standalone.Purposes));
        }

        return new ChargeAnalysis(
            offence,
            elements,
            Conclusion(offence, elements, victims),
            victims,
            Liability(charge),
            isTrafficking ? Consent(charge, elements, victims) : null,
            Suggestions(charge, offence, elements, victims, context),
            Hints(charge, offence, victims),
            PenaltyRules.Ceiling(offence, charge.AggravatingCircumstances));
    }

    private static List<ChildFinding> Victims(Charge charge, AnalysisContext context) =>
        charge.Victims
            .Select(link =>
            {
                var age = context.Victims.FirstOrDefault(v => v.VictimId == link.VictimId);
                var pseudonym = age?.Pseudonym ?? "A victim no longer on this case";
                if (age?.DateOfBirth is { } born)
                {
                    var assessment = ChildRule.Assess(born, [context.Period], context.ExactAges);
                    return new ChildFinding(link.VictimId, pseudonym, assessment.Status, false, false, $"{pseudonym}: {assessment.Reason}", ChildAgeBasis);
                }
                if (link.AgeEvidence is { } evidence)
                {
                    return link.AgeEvidenceIndicatesChild == true
                        ? new ChildFinding(link.VictimId, pseudonym, ChildStatus.Child, true, true,
                            $"{pseudonym}: date of birth unknown. The age evidence recorded on this charge ({evidence}) indicates a child under 18 at the time of the offence, so the victim is treated as a child. Record the date of birth when it is established.",
                            ChildAgeBasis)
                        : new ChildFinding(link.VictimId, pseudonym, ChildStatus.Adult, true, true,
                            $"{pseudonym}: date of birth unknown. The age evidence recorded on this charge ({evidence}) indicates an adult at the time of the offence.",
                            ChildAgeBasis);
                }
                return new ChildFinding(link.VictimId, pseudonym, ChildStatus.Unknown, false, true,
                    $"{pseudonym}: date of birth unknown, so it cannot be shown whether the victim was a child. Record the date of birth on the victim, or age evidence on this charge; until then the means are required.",
                    ChildAgeBasis);
            })
            .OrderBy(v => v.Pseudonym, StringComparer.Ordinal)
            .ToList();

    private static ElementResult Act(Charge charge)
    {
        var acts = charge.Acts;
        return acts.Count > 0
            ? new(ActElement, ElementState.Met, $"Act supported: {Words(acts.Select(a => a.Value.DisplayName().ToLowerInvariant()))}.", Article3A,
                acts.Select(a => $"{a.Value.DisplayName()}: {a.Evidence}").ToList())
            : new(ActElement, ElementState.Missing,
                "No act recorded: record the recruitment, transportation, transfer, harbouring or receipt of the victim, with its evidence.", Article3A, []);
    }

    private static ElementResult Means(Charge charge, Offence offence, List<ChildFinding> victims)
    {
        var means = charge.Means;
        var evidence = means.Select(m => $"{m.Value.DisplayName()}: {m.Evidence}").ToList();
        var recorded = means.Count > 0 ? $" The recorded means ({Words(means.Select(m => m.Value.DisplayName().ToLowerInvariant()))}) strengthen the case." : "";
        if (offence.Kind == OffenceKind.TraffickingOfChildren)
        {
            return new(MeansElement, ElementState.NotRequired,
                "Means not required: trafficking in children needs only the act and the purpose." + recorded, Article3C, evidence);
        }
        var children = victims.Where(v => v.Status == ChildStatus.Child).ToList();
        if (victims.Count > 0 && children.Count == victims.Count)
        {
            return new(MeansElement, ElementState.NotRequired,
                $"Means not required: {Names(children)} {WasWere(children)} a child at the time of the offence, and for a child only the act and the purpose must be proved." + recorded,
                Article3C, evidence);
        }
        var needing = victims.Count == 0
            ? "no victim is linked to this count, so it cannot be shown that the victim was a child"
            : Words(victims.Where(v => v.Status != ChildStatus.Child).Select(v =>
                v.Status == ChildStatus.Adult ? $"{v.Pseudonym} (an adult)" : $"{v.Pseudonym} (age unknown)"));
        if (means.Count > 0)
        {
            return new(MeansElement, ElementState.Met,
                $"Means supported: {Words(means.Select(m => m.Value.DisplayName().ToLowerInvariant()))}. They are required for {needing}.", Article3A, evidence);
        }
        return new(MeansElement, ElementState.Missing,
            $"No means recorded, and they are required for {needing}: record the threat or use of force, other coercion, abduction, fraud, deception, abuse of power or of a position of vulnerability, or payments to a person in control of the victim, with its evidence.",
            Article3A, []);
    }

    private static ElementResult Purpose(Charge charge)
    {
        var purposes = charge.Purposes;
        if (purposes.Count == 0 && charge.Exploitation.Count > 0)
        {
            // Exploitation that happened is strong evidence that it was intended, but the element is the intent.
            return new(PurposeElement, ElementState.Missing,
                $"No purpose of exploitation recorded, but the exploitation that took place is ({Forms(charge.Exploitation)}): it is evidence of the purpose. Record it as the purpose too, with that evidence.",
                Article3A, charge.Exploitation.Select(e => $"Took place, {e.Value.DisplayName()}: {e.Evidence}").ToList());
        }
        if (purposes.Count == 0)
        {
            return new(PurposeElement, ElementState.Missing,
                "No purpose of exploitation recorded: record the exploitation intended (sexual exploitation, forced labour or services, slavery or similar practices, servitude, removal of organs, forced begging, forced criminal activities), with its evidence. The purpose is enough: the exploitation need not have happened.",
                Article3A, []);
        }
        var national = purposes.Any(p => NationalAdditions.Contains(p.Value));
        return new(PurposeElement, ElementState.Met,
            $"Purpose of exploitation supported: {Forms(purposes)}."
                + (national ? " Forced begging and forced criminal activities are national additions to the Protocol's list." : ""),
            national ? $"{Article3A}; {NationalPurposesBasis}" : Article3A,
            purposes.Select(p => $"{p.Value.DisplayName()}: {p.Evidence}").ToList());
    }

    private static ElementResult ChildVictim(List<ChildFinding> victims)
    {
        if (victims.Count == 0)
        {
            return new(ChildVictimElement, ElementState.Missing, "No victim is linked to this count: link the child victim.", Article3CD, []);
        }
        var others = victims.Where(v => v.Status != ChildStatus.Child).ToList();
        if (others.Count == 0)
        {
            return new(ChildVictimElement, ElementState.Met, $"{Names(victims)} {WasWere(victims)} under 18 at the time of the offence.", Article3CD,
                victims.Select(v => v.Explanation).ToList());
        }
        return new(ChildVictimElement, ElementState.Missing,
            $"{Names(others)} {WasWere(others)} not shown to be under 18 at the time of the offence: trafficking in children needs a child victim. " +
            "Record the date of birth or age evidence, or charge trafficking in persons for an adult victim.",
            Article3CD, others.Select(v => v.Explanation).ToList());
    }

    private static ElementResult Recorded(string element, string? evidence, string met, string missing) =>
        evidence is null
            ? new(element, ElementState.Missing, missing, SmugglingBasis, [])
            : new(element, ElementState.Met, $"{met}: {evidence}", SmugglingBasis, [evidence]);

    /// <summary>
    /// A standalone exploitation offence needs the exploitation to have taken place, not only to
    /// have been intended: the charge's "exploitation that took place", never its purposes (what
    /// trafficking needs). A purpose on its own is named, so the user sees what is still to record.
    /// </summary>
    private static ElementResult Exploitation(Charge charge, Offence offence, ExploitationForm[] covered)
    {
        var (happened, intended) = CoveredBy(charge, covered);
        var what = Words(covered.Select(c => c.DisplayName().ToLowerInvariant()), "or");
        if (happened.Count > 0)
        {
            return new(ExploitationElement, ElementState.Met,
                $"The exploitation is shown to have taken place: {Forms(happened)}. For {offence.Name.ToLowerInvariant()} it does not matter how the victim came to be exploited.",
                StandaloneBasis, happened.Select(e => $"{e.Value.DisplayName()}: {e.Evidence}").ToList());
        }
        return intended.Count > 0
            ? new(ExploitationElement, ElementState.Missing,
                $"A purpose of {Forms(intended)} is recorded, which is what trafficking needs; {offence.Name.ToLowerInvariant()} needs the exploitation to have taken place. Record it under \"exploitation that took place\", with its evidence.",
                StandaloneBasis, intended.Select(p => $"Purpose, {p.Value.DisplayName()}: {p.Evidence}").ToList())
            : new(ExploitationElement, ElementState.Missing,
                $"No evidence recorded that {what} took place: record it under \"exploitation that took place\", with its evidence.", StandaloneBasis, []);
    }

    private static Explanation Conclusion(Offence offence, List<ElementResult> elements, List<ChildFinding> victims)
    {
        if (elements.Count == 0)
        {
            return new($"{offence.Name} has no elements checklist here: the analysis covers trafficking, migrant smuggling and the exploitation offences.",
                offence.Kind switch
                {
                    OffenceKind.OrganizedCriminalGroup => "Convention Art. 5(1)(a)",
                    OffenceKind.Conspiracy => "Convention Art. 5(1)(a)(i)",
                    OffenceKind.MoneyLaundering => "Convention Art. 6",
                    OffenceKind.Corruption => "Convention Art. 8",
                    OffenceKind.ObstructionOfJustice => "Convention Art. 23",
                    _ => "National law",
                });
        }
        var basis = elements[0].Basis;
        var missing = elements.Where(e => e.State == ElementState.Missing).ToList();
        if (missing.Count > 0)
        {
            return new($"Not yet supported: {Words(missing.Select(e => e.Element.ToLowerInvariant()))} missing.", basis);
        }
        var means = elements.FirstOrDefault(e => e.Element == MeansElement);
        return means?.State == ElementState.NotRequired
            ? new($"All elements of {offence.Name.ToLowerInvariant()} are supported: act and purpose; the means are not required for a child victim.", Article3C)
            : new($"All elements of {offence.Name.ToLowerInvariant()} are supported.", basis);
    }

    private static Explanation Liability(Charge charge)
    {
        var (text, basis) = charge.Mode switch
        {
            ModeOfLiability.Attempt => ("Attempt: criminal responsibility extends to attempting the offence", "Protocol Art. 5(2)(a)"),
            ModeOfLiability.Accomplice => ("Accomplice: criminal responsibility extends to participating as an accomplice", "Protocol Art. 5(2)(b)"),
            ModeOfLiability.OrganizingOrDirecting => ("Organizing or directing others to commit the offence", "Protocol Art. 5(2)(c)"),
            _ => ("Principal: the defendant committed the offence", "Protocol Art. 5(1)"),
        };
        return charge.MentalElement == MentalElement.Recklessness
            ? new($"{text}, with recklessness: it is enough that the defendant was reckless as to the exploitation, where national law lowers the threshold from intention.",
                $"{basis}; the guide: lowering the threshold of the mental element")
            : new($"{text}, with intention.", basis);
    }

    private static Explanation? Consent(Charge charge, List<ElementResult> elements, List<ChildFinding> victims)
    {
        if (charge.ConsentNote is null)
        {
            return null;
        }
        var means = elements.First(e => e.Element == MeansElement);
        return means.State switch
        {
            // Not required because a victim was a child, or because the offence is trafficking in
            // children: then it holds only once the victims are shown to have been children.
            ElementState.NotRequired when victims.Any(v => v.Status == ChildStatus.Child) => new(
                "The recorded \"consent\" is legally irrelevant: the victim was a child, and a child's consent is irrelevant whatever the means.", Article3C),
            ElementState.NotRequired => new(
                "The recorded \"consent\" is legally irrelevant only if the victim was a child, which this charge does not yet show: a child's consent is irrelevant whatever the means; an adult's is irrelevant once a means is established.", Article3C),
            ElementState.Met => new(
                $"The recorded \"consent\" is legally irrelevant: a means is established ({Words(charge.Means.Select(m => m.Value.DisplayName().ToLowerInvariant()))}), and consent obtained by such means is no defence. Absence of consent is not an element either.",
                Article3B),
            _ => new(
                "The recorded \"consent\" is no defence, and it becomes legally irrelevant once a means is established: record the means and their evidence. Absence of consent is not an element to prove.",
                Article3B),
        };
    }

    private static List<OffenceSuggestion> Suggestions(Charge charge, Offence offence, List<ElementResult> elements,
        List<ChildFinding> victims, AnalysisContext context)
    {
        var suggestions = new List<OffenceSuggestion>();
        Offence? Entry(OffenceKind kind) => context.Catalogue.Where(o => o.Kind == kind && o.IsActive).OrderBy(o => o.Code, StringComparer.Ordinal).FirstOrDefault();
        string Named(OffenceKind kind) => Entry(kind)?.Label ?? kind.DisplayName().ToLowerInvariant();
        bool Charged(OffenceKind kind) => context.AlsoChargedWith.Contains(kind);
        var isTrafficking = offence.Kind is OffenceKind.Trafficking or OffenceKind.TraffickingOfChildren;
        var purposes = charge.Purposes;
        var smugglingFacts = charge.IllegalEntryEvidence is not null && charge.BenefitEvidence is not null;

        // Trafficking and migrant smuggling (DOMAIN.md rule 3). Exploitation that took place counts
        // as well as a purpose: it shows the exploitation was intended.
        // The exploitation shown: the purposes, else the exploitation that took place.
        var shown = purposes.Count > 0 ? purposes : charge.Exploitation;
        var exploited = shown.Count > 0;
        var recordedWords = purposes.Count > 0 ? "a purpose of exploitation is recorded" : "exploitation that took place is recorded";
        if (isTrafficking && smugglingFacts)
        {
            if (!exploited)
            {
                suggestions.Add(new(OffenceKind.MigrantSmuggling, Entry(OffenceKind.MigrantSmuggling), Charged(OffenceKind.MigrantSmuggling)
                    ? "Illegal entry was procured for a benefit, with no purpose of exploitation recorded: the facts point to migrant smuggling, already charged against this defendant, not to trafficking."
                    : $"Illegal entry was procured for a benefit, with no purpose of exploitation recorded: the facts point to migrant smuggling, not trafficking. Charge {Named(OffenceKind.MigrantSmuggling)} instead, or record the purpose of exploitation if there is evidence of it.",
                    SmugglingBasis));
            }
            else if (!Charged(OffenceKind.MigrantSmuggling))
            {
                suggestions.Add(new(OffenceKind.MigrantSmuggling, Entry(OffenceKind.MigrantSmuggling),
                    $"Illegal entry was procured for a benefit and {recordedWords}: this is both migrant smuggling and trafficking, separate offences that can be charged together. Consider charging {Named(OffenceKind.MigrantSmuggling)} as well.",
                    SmugglingBasis));
            }
        }
        if (offence.Kind == OffenceKind.MigrantSmuggling && exploited && !Charged(OffenceKind.Trafficking) && !Charged(OffenceKind.TraffickingOfChildren))
        {
            suggestions.Add(new(OffenceKind.Trafficking, Entry(OffenceKind.Trafficking),
                $"{char.ToUpperInvariant(recordedWords[0])}{recordedWords[1..]} ({Forms(shown)}): that points to trafficking as well as smuggling, and both can be charged together. Consider charging {Named(OffenceKind.Trafficking)} as well.",
                SmugglingBasis));
        }

        // Standalone exploitation offences where an element of trafficking is missing (DOMAIN.md rule 4).
        var lacking = elements.Where(e => e.Element is ActElement or MeansElement && e.State == ElementState.Missing).Select(e => e.Element.ToLowerInvariant()).ToList();
        if (isTrafficking && lacking.Count > 0)
        {
            foreach (var (kind, covered) in Standalone)
            {
                if (Charged(kind))
                {
                    continue;
                }
                // The exploitation that took place makes the standalone offence; a purpose alone
                // (the exploitation intended) points to it only if the exploitation happened.
                var (happened, intended) = CoveredBy(charge, covered);
                if (happened.Count > 0)
                {
                    suggestions.Add(new(kind, Entry(kind),
                        $"The {Words(lacking)} cannot be shown yet, but the exploitation is shown to have taken place ({Forms(happened)}): the conduct at the destination can be charged on its own as {Named(kind)}, however the victim arrived.",
                        StandaloneBasis));
                }
                else if (intended.Count > 0)
                {
                    suggestions.Add(new(kind, Entry(kind),
                        $"The {Words(lacking)} cannot be shown yet, and a purpose of {Forms(intended)} is recorded: if that exploitation took place, record it with its evidence under \"exploitation that took place\"; the conduct at the destination can then be charged on its own as {Named(kind)}, however the victim arrived.",
                        StandaloneBasis));
                }
            }
        }

        // Trafficking in children carries its own, higher, maximum.
        var children = victims.Where(v => v.Status == ChildStatus.Child).ToList();
        if (offence.Kind == OffenceKind.Trafficking && victims.Count > 0 && children.Count == victims.Count && !Charged(OffenceKind.TraffickingOfChildren)
            && Entry(OffenceKind.TraffickingOfChildren) is { } childOffence)
        {
            suggestions.Add(new(OffenceKind.TraffickingOfChildren, childOffence,
                $"{Names(children)} {WasWere(children)} a child at the time of the offence: {childOffence.Label} fits, with a maximum of {childOffence.BaseMaximumYears} years.",
                $"{Article3C}; offence catalogue"));
        }
        if (offence.Kind == OffenceKind.TraffickingOfChildren && victims.Any(v => v.Status == ChildStatus.Adult) && !Charged(OffenceKind.Trafficking))
        {
            var adults = victims.Where(v => v.Status == ChildStatus.Adult).ToList();
            suggestions.Add(new(OffenceKind.Trafficking, Entry(OffenceKind.Trafficking),
                $"{Names(adults)} {WasWere(adults)} an adult at the time of the offence: charge {Named(OffenceKind.Trafficking)} for {(adults.Count == 1 ? "that victim" : "those victims")}, with the means proved.",
                Article3A));
        }
        return suggestions;
    }

    private static List<Explanation> Hints(Charge charge, Offence offence, List<ChildFinding> victims)
    {
        var hints = new List<Explanation>();
        var recorded = charge.AggravatingCircumstances;
        if (offence.Kind is not (OffenceKind.Trafficking or OffenceKind.TraffickingOfChildren or OffenceKind.MigrantSmuggling))
        {
            return hints;
        }
        if (victims.Count > 1 && !recorded.Contains(AggravatingCircumstance.MoreThanOneVictim))
        {
            hints.Add(new($"This count concerns {victims.Count} victims: \"more than one victim\" is an aggravating circumstance. Record it if the evidence supports it.",
                AggravationBasis));
        }
        var children = victims.Where(v => v.Status == ChildStatus.Child).ToList();
        if (offence.Kind != OffenceKind.TraffickingOfChildren && children.Count > 0 && !recorded.Contains(AggravatingCircumstance.ParticularlyVulnerableVictim))
        {
            hints.Add(new($"{Names(children)} {WasWere(children)} a child: a particularly vulnerable victim is an aggravating circumstance. Record it if it applies.",
                AggravationBasis));
        }
        return hints;
    }

    private static string Names(List<ChildFinding> victims) => Words(victims.Select(v => v.Pseudonym));

    private static string WasWere(List<ChildFinding> victims) => victims.Count == 1 ? "was" : "were";

    /// <summary>"a", "a and b", "a, b and c".</summary>
    /// <summary>The forms of exploitation an offence covers among those recorded: that took place, and intended (the purposes).</summary>
    private static (List<Evidenced<ExploitationForm>> Happened, List<Evidenced<ExploitationForm>> Intended) CoveredBy(Charge charge, ExploitationForm[] covered) =>
        (charge.Exploitation.Where(e => covered.Contains(e.Value)).ToList(), charge.Purposes.Where(p => covered.Contains(p.Value)).ToList());

    /// <summary>Recorded forms of exploitation in words: "forced labour or services and servitude".</summary>
    private static string Forms(IEnumerable<Evidenced<ExploitationForm>> facts) => Words(facts.Select(f => f.Value.DisplayName().ToLowerInvariant()));

    private static string Words(IEnumerable<string> items, string conjunction = "and")
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + $" {conjunction} " + list[^1],
        };
    }
}
