using TipCases.Domain.Reference;
using TipCases.Domain.Victims;

namespace TipCases.Domain.Charges;

/// <summary>A value recorded on a charge with a note of the evidence that supports it.</summary>
public sealed record Evidenced<T>(T Value, string Evidence) where T : struct, Enum;

/// <summary>Evidence of a victim's age for a victim whose date of birth is unknown (a bone-age
/// assessment, school records, the victim's own account): whether it indicates that the victim
/// was under 18 at the time of the offence.</summary>
public sealed record AgeEvidence(Guid VictimId, string Evidence, bool IndicatesChild);

/// <summary>What the prosecutor decides about a count: how the defendant is liable, for which
/// victims, and the aggravating circumstances with their evidence.</summary>
public sealed record ChargeDetails(
    ModeOfLiability Mode,
    MentalElement MentalElement,
    string? Particulars,
    IReadOnlyCollection<Guid> VictimIds,
    IReadOnlyList<Evidenced<AggravatingCircumstance>> Aggravations)
{
    public IReadOnlyList<string> Problems(IReadOnlyCollection<Guid> caseVictimIds)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Mode) || !Enum.IsDefined(MentalElement))
        {
            problems.Add("Choose the mode of liability and the mental element from the lists.");
        }
        if (Particulars is { Length: > Charge.ParticularsMaxLength })
        {
            problems.Add($"The particulars are limited to {Charge.ParticularsMaxLength} characters.");
        }
        if (VictimIds.Any(v => !caseVictimIds.Contains(v)))
        {
            problems.Add("Choose the victims from those recorded on this case.");
        }
        if (Aggravations.Any(a => !Enum.IsDefined(a.Value)))
        {
            problems.Add("Choose aggravating circumstances from the list.");
        }
        if (Aggravations.GroupBy(a => a.Value).Any(g => g.Count() > 1))
        {
            problems.Add("Record each aggravating circumstance once.");
        }
        problems.AddRange(Aggravations.Where(a => Enum.IsDefined(a.Value) && !ChargeFacts.IsEvidence(a.Evidence))
            .Select(a => $"Say what evidence supports the aggravating circumstance \"{a.Value.DisplayName()}\", in at most {ChargeFacts.EvidenceMaxLength} characters."));
        return problems;
    }
}

/// <summary>The facts recorded for a charge's elements, each with its evidence; the facts of
/// migrant smuggling; a note of any "consent" the defence may raise; and age evidence for victims
/// whose date of birth is unknown.</summary>
public sealed record ChargeFacts(
    IReadOnlyList<Evidenced<TraffickingAct>> Acts,
    IReadOnlyList<Evidenced<TraffickingMeans>> Means,
    IReadOnlyList<Evidenced<ExploitationForm>> Purposes,
    string? IllegalEntryEvidence,
    string? BenefitEvidence,
    string? ConsentNote,
    IReadOnlyList<AgeEvidence> AgeEvidence)
{
    public const int EvidenceMaxLength = 1000;

    public static ChargeFacts None { get; } = new([], [], [], null, null, null, []);

    /// <summary>The exploitation that took place, each form with its evidence (the standalone
    /// exploitation offences need it; trafficking needs only the purpose).</summary>
    public IReadOnlyList<Evidenced<ExploitationForm>> Exploitation { get; init; } = [];

    public static bool IsEvidence(string? evidence) => !string.IsNullOrWhiteSpace(evidence) && evidence.Trim().Length <= EvidenceMaxLength;

    public IReadOnlyList<string> Problems(IReadOnlyCollection<Guid> concernedVictimIds)
    {
        var problems = new List<string>();
        if (Acts.Any(a => !Enum.IsDefined(a.Value)) || Means.Any(m => !Enum.IsDefined(m.Value)) || Purposes.Any(p => !Enum.IsDefined(p.Value))
            || Exploitation.Any(e => !Enum.IsDefined(e.Value)))
        {
            problems.Add("Choose acts, means, purposes and exploitation from the lists.");
        }
        if (Acts.GroupBy(a => a.Value).Any(g => g.Count() > 1) || Means.GroupBy(m => m.Value).Any(g => g.Count() > 1)
            || Purposes.GroupBy(p => p.Value).Any(g => g.Count() > 1) || Exploitation.GroupBy(e => e.Value).Any(g => g.Count() > 1))
        {
            problems.Add("Record each act, means, purpose and form of exploitation once.");
        }
        problems.AddRange(Acts.Where(a => Enum.IsDefined(a.Value) && !IsEvidence(a.Evidence)).Select(a => Missing(a.Value.DisplayName())));
        problems.AddRange(Means.Where(m => Enum.IsDefined(m.Value) && !IsEvidence(m.Evidence)).Select(m => Missing(m.Value.DisplayName())));
        problems.AddRange(Purposes.Where(p => Enum.IsDefined(p.Value) && !IsEvidence(p.Evidence)).Select(p => Missing(p.Value.DisplayName())));
        problems.AddRange(Exploitation.Where(e => Enum.IsDefined(e.Value) && !IsEvidence(e.Evidence)).Select(e => Missing(e.Value.DisplayName() + " that took place")));
        if (IllegalEntryEvidence is { Length: > EvidenceMaxLength } || BenefitEvidence is { Length: > EvidenceMaxLength }
            || ConsentNote is { Length: > EvidenceMaxLength })
        {
            problems.Add($"Notes are limited to {EvidenceMaxLength} characters.");
        }
        if (AgeEvidence.Any(a => !concernedVictimIds.Contains(a.VictimId)))
        {
            problems.Add("Age evidence can only be recorded for a victim this charge concerns.");
        }
        if (AgeEvidence.GroupBy(a => a.VictimId).Any(g => g.Count() > 1))
        {
            problems.Add("Record one piece of age evidence per victim.");
        }
        if (AgeEvidence.Any(a => !IsEvidence(a.Evidence)))
        {
            problems.Add($"Describe the age evidence in at most {EvidenceMaxLength} characters.");
        }
        return problems;
    }

    private static string Missing(string value) =>
        $"Say what evidence supports \"{value.ToLowerInvariant()}\", in at most {EvidenceMaxLength} characters.";
}

/// <summary>What a court imposed after a conviction. Amounts are in one currency.</summary>
public sealed record Sentence(
    int? CustodialMonths,
    decimal? FineAmount,
    bool ConfiscationOrdered,
    string? ConfiscationNote,
    decimal? CompensationAmount,
    string? Currency)
{
    public const int NoteMaxLength = 1000;
    public const decimal MaxAmount = 999_999_999_999m;

    public bool IsEmpty => CustodialMonths is null && FineAmount is null && !ConfiscationOrdered && CompensationAmount is null;

    public IReadOnlyList<string> Problems(PenaltyCeiling ceiling, DefendantKind defendant)
    {
        var problems = new List<string>();
        if (CustodialMonths is { } months)
        {
            if (defendant == DefendantKind.LegalPerson)
            {
                problems.Add("A legal person cannot be sentenced to a custodial term: record a fine or another monetary sanction (Convention Art. 10(4)).");
            }
            else if (months < 1)
            {
                problems.Add("The custodial term is a number of months, at least 1.");
            }
            else if (months > ceiling.Months)
            {
                problems.Add($"The custodial term of {months} months is above the maximum of {ceiling.Years} years ({ceiling.Months} months) for this charge. {ceiling.Reason}");
            }
        }
        foreach (var amount in new[] { FineAmount, CompensationAmount }.OfType<decimal>())
        {
            if (amount <= 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount)
            {
                problems.Add("Amounts are above zero, with at most two decimals.");
                break;
            }
        }
        if ((FineAmount is not null || CompensationAmount is not null) && !Currencies.IsKnown(Currency))
        {
            problems.Add("Give the currency of the amounts as a three-letter ISO 4217 code, such as EUR.");
        }
        if (ConfiscationNote is { Length: > NoteMaxLength })
        {
            problems.Add($"The note on the confiscation order is limited to {NoteMaxLength} characters.");
        }
        return problems;
    }
}

/// <summary>An appeal against a verdict or sentence.</summary>
public sealed record Appeal(DateOnly LodgedOn, AppealParty By, AppealOutcome Outcome, DateOnly? DecidedOn, string? Note)
{
    public const int NoteMaxLength = 2000;
}
