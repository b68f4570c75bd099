using System.Text;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Reference;
using TipCases.Domain.Victims;

namespace TipCases.Domain.Statistics;

/// <summary>
/// The facts about one victim that the statistics publish, as recorded. Nothing here identifies
/// the victim on its own (no name, date of birth, contact, pseudonym or id); combined, they could,
/// which is why <see cref="KAnonymity"/> runs over them before anything leaves the system.
/// </summary>
/// <param name="MeansOfControl">HTCDS methods of control, from the means element recorded on the
/// charges concerning the victim (<see cref="HtcdsVictimRecord.MeansOfControl(TraffickingMeans)"/>;
/// none recorded: published as "NotRecorded").</param>
/// <param name="LatestCaseStage">The stage of the victim's most recently opened case (the case
/// outcome until charges and verdicts record one).</param>
public sealed record HtcdsVictimFacts(
    Sex Sex,
    int? AgeAtOffence,
    ChildStatus ChildStatus,
    string? Nationality,
    IReadOnlyCollection<ExploitationForm> Exploitation,
    IReadOnlyCollection<string> MeansOfControl,
    CaseStage? LatestCaseStage);

/// <summary>
/// The de-identified victim record for national reporting, in the style of the Human Trafficking
/// Case Data Standard (HTCDS, IOM) and the Counter Trafficking Data Collaborative's data set built
/// on it: its field names (gender, ageBroad, majorityStatusAtExploit, citizenship, typeOfExploit,
/// meansOfControl) and age bands, each attribute with the generalisation hierarchy the
/// k-anonymity step climbs when a combination describes too few victims.
/// </summary>
public static class HtcdsVictimRecord
{
    public const string Unknown = "Unknown";

    /// <summary>The published columns, most useful first (the k-anonymity step generalises the last ones first on a tie).</summary>
    public static IReadOnlyList<QuasiIdentifier> Attributes { get; } =
    [
        new("gender",
            GeneralisationLevel.AsRecorded("as recorded (Female, Male, Other, Unknown)"),
            GeneralisationLevel.WithheldLevel),
        new("majorityStatusAtExploit",
            GeneralisationLevel.AsRecorded("as derived from the date of birth and the offence dates (Minor, Adult, Unknown)"),
            GeneralisationLevel.WithheldLevel),
        new("ageBroad",
            GeneralisationLevel.AsRecorded("CTDC age bands (0--8, 9--17, 18--20, 21--23, 24--26, 27--29, 30--38, 39--47, 48+)"),
            new GeneralisationLevel("wide age bands (0--17, 18--29, 30+)", WideAgeBand),
            GeneralisationLevel.WithheldLevel),
        new("typeOfExploit",
            GeneralisationLevel.AsRecorded("each form of exploitation recorded"),
            new GeneralisationLevel("broad types (SexualExploitation, ForcedLabour, SlaveryAndPractices, OrganRemoval)", BroadExploitation),
            GeneralisationLevel.WithheldLevel),
        new("caseOutcome",
            GeneralisationLevel.AsRecorded("stage of the victim's latest case"),
            new GeneralisationLevel("open, closed or discontinued", OpenOrEnded),
            GeneralisationLevel.WithheldLevel),
        new("citizenship",
            GeneralisationLevel.AsRecorded("nationality as recorded (ISO 3166 code where it names a state)"),
            GeneralisationLevel.WithheldLevel),
        new("meansOfControl",
            GeneralisationLevel.AsRecorded("HTCDS methods of control"),
            GeneralisationLevel.WithheldLevel),
    ];

    /// <summary>The level-0 values of one victim, in the order of <see cref="Attributes"/>.</summary>
    public static IReadOnlyList<string> Values(HtcdsVictimFacts facts) =>
    [
        facts.Sex switch
        {
            Sex.Female => "Female",
            Sex.Male => "Male",
            Sex.Other => "Other",
            _ => Unknown,
        },
        facts.ChildStatus switch
        {
            ChildStatus.Child => "Minor",
            ChildStatus.Adult => "Adult",
            _ => Unknown,
        },
        AgeBand(facts.AgeAtOffence),
        facts.Exploitation.Count == 0 ? Unknown : string.Join(";", facts.Exploitation.Distinct().Order().Select(e => e.ToString())),
        facts.LatestCaseStage?.ToString() ?? Unknown,
        Citizenship(facts.Nationality),
        facts.MeansOfControl.Count == 0 ? "NotRecorded" : string.Join(";", facts.MeansOfControl.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
    ];

    /// <summary>
    /// The HTCDS method of control (CTDC's meansOfControl values) that a means of the trafficking
    /// definition recorded on a charge (Protocol Art. 3(a)) corresponds to: threat of force is
    /// "Threats", use of force "PhysicalAbuse", fraud and deception "FalsePromises", payments to a
    /// person having control over the victim "TakesEarnings"; the means HTCDS has no method for
    /// (other coercion, abduction, abuse of power or of a position of vulnerability) are "Other".
    /// </summary>
    public static string MeansOfControl(TraffickingMeans means) => means switch
    {
        TraffickingMeans.ThreatOfForce => "Threats",
        TraffickingMeans.UseOfForce => "PhysicalAbuse",
        TraffickingMeans.Fraud or TraffickingMeans.Deception => "FalsePromises",
        TraffickingMeans.PaymentsToPersonInControl => "TakesEarnings",
        _ => "Other",
    };

    /// <summary>The methods of control of the means recorded on a victim's charges (the names of
    /// <see cref="TraffickingMeans"/> values, as charge facts store them; unknown names are skipped).</summary>
    public static IReadOnlyCollection<string> MeansOfControl(IEnumerable<string> recordedMeans) =>
        recordedMeans
            .Select(m => Enum.TryParse<TraffickingMeans>(m, out var means) && Enum.IsDefined(means) ? MeansOfControl(means) : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The CTDC's age bands for age at exploitation.</summary>
    public static string AgeBand(int? age) => age switch
    {
        null or < 0 => Unknown,
        <= 8 => "0--8",
        <= 17 => "9--17",
        <= 20 => "18--20",
        <= 23 => "21--23",
        <= 26 => "24--26",
        <= 29 => "27--29",
        <= 38 => "30--38",
        <= 47 => "39--47",
        _ => "48+",
    };

    public static string WideAgeBand(string band) => band switch
    {
        "0--8" or "9--17" => "0--17",
        "18--20" or "21--23" or "24--26" or "27--29" => "18--29",
        "30--38" or "39--47" or "48+" => "30+",
        _ => Unknown,
    };

    /// <summary>Exploitation forms grouped as HTCDS groups them: forced begging and forced criminal
    /// activities are labour exploitation (its "Begging" and "IllicitActivities").</summary>
    public static string BroadExploitation(string forms)
    {
        if (forms == Unknown)
        {
            return Unknown;
        }
        var broad = forms.Split(';')
            .Select(f => Enum.TryParse<ExploitationForm>(f, out var form) ? form switch
            {
                ExploitationForm.ProstitutionOfOthers or ExploitationForm.OtherSexualExploitation => "SexualExploitation",
                ExploitationForm.ForcedLabourOrServices or ExploitationForm.ForcedBegging or ExploitationForm.ForcedCriminalActivities => "ForcedLabour",
                ExploitationForm.Slavery or ExploitationForm.PracticesSimilarToSlavery or ExploitationForm.Servitude => "SlaveryAndPractices",
                ExploitationForm.RemovalOfOrgans => "OrganRemoval",
                _ => "OtherExploitation",
            } : "OtherExploitation")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return string.Join(";", broad);
    }

    public static string OpenOrEnded(string stage) => stage switch
    {
        nameof(CaseStage.Closed) => "Closed",
        nameof(CaseStage.Discontinued) => "Discontinued",
        Unknown => Unknown,
        _ => "Open",
    };

    /// <summary>
    /// An ISO 3166-1 code when the nationality names a state by its code or name; otherwise the
    /// text itself, tidied (letters, spaces and hyphens only, at most 40 characters, upper case) so
    /// that spelling does not split a group. Free text that only one victim shares never survives
    /// the k-anonymity step.
    /// </summary>
    public static string Citizenship(string? nationality)
    {
        var text = nationality?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Unknown;
        }
        if (text.Length == 2 && Countries.IsKnown(text.ToUpperInvariant()))
        {
            return text.ToUpperInvariant();
        }
        if (Countries.All.FirstOrDefault(c => string.Equals(c.Name, text, StringComparison.OrdinalIgnoreCase)) is { } country)
        {
            return country.Code;
        }
        var tidy = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetter(ch) || ch == '-')
            {
                tidy.Append(char.ToUpperInvariant(ch));
            }
            else if (char.IsWhiteSpace(ch) && tidy.Length > 0 && tidy[^1] != ' ')
            {
                tidy.Append(' ');
            }
        }
        var value = tidy.ToString().Trim();
        return value.Length == 0 ? Unknown : value.Length > 40 ? value[..40] : value;
    }
}
