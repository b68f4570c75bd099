using TipCases.Domain.Cases;
using TipCases.Domain.Victims;

namespace TipCases.DataGenerator.Planning;

/// <summary>A kind of trafficking case: the exploitation it is about, how its titles read, how
/// often its victims are children and how many victims it tends to have.</summary>
internal sealed record Theme(
    string Name,
    ExploitationForm[] Forms,
    string[] TitleTemplates,
    double ChildShare,
    double ExtraVictims,
    CaseOrigin[] Origins);

/// <summary>
/// The words synthetic records are made of. Places and people are invented; every string is built
/// once here and shared by the rows that use it, so generating millions of rows allocates next to
/// nothing.
/// </summary>
internal static class Vocabulary
{
    public static readonly string[] Places =
    [
        "Ashcombe", "Brackwater", "Corvale", "Dunmarsh", "Eastwick Quay", "Fenholt", "Glassford", "Harrowmere", "Irvale",
        "Juniper Bay", "Kestlow", "Larkspur", "Marrowdene", "Northcote Harbour", "Oakhallow", "Pellmoor", "Quillon",
        "Ravensfold", "Saltmere", "Thornbury Cross", "Umberleigh", "Vantry", "Wexcombe", "Yarrowby", "Zennor Point",
        "Aldergate", "Bellhaven", "Coldbrook", "Draymoor", "Elderfield", "Foxley Docks", "Greywater", "Hollins End",
        "Ivenport", "Kingsmere", "Lowbridge", "Millbrae", "Netherby", "Orchard Vale", "Penwarren",
    ];

    public static readonly Theme[] Themes =
    [
        new("agriculture", [ExploitationForm.ForcedLabourOrServices],
            ["Forced labour on farms near {0}", "Seasonal pickers held on a fruit farm near {0}", "Greenhouse workers in {0} paid nothing for months"],
            0.04, 0.6, [CaseOrigin.TipOff, CaseOrigin.VictimReport, CaseOrigin.WitnessReport, CaseOrigin.FoundInAnotherInvestigation]),
        new("construction", [ExploitationForm.ForcedLabourOrServices, ExploitationForm.PracticesSimilarToSlavery],
            ["Forced labour on building sites in {0}", "Debt bondage of construction workers in {0}"],
            0.02, 0.5, [CaseOrigin.TipOff, CaseOrigin.WitnessReport, CaseOrigin.IntelligenceOperation]),
        new("fishing", [ExploitationForm.ForcedLabourOrServices, ExploitationForm.Servitude],
            ["Forced labour on fishing vessels out of {0}", "Deckhands held at sea off {0}"],
            0.05, 0.8, [CaseOrigin.VictimReport, CaseOrigin.JointInternationalAction, CaseOrigin.IntelligenceOperation]),
        new("sexual", [ExploitationForm.ProstitutionOfOthers, ExploitationForm.OtherSexualExploitation],
            ["Sexual exploitation in bars in {0}", "Massage parlours in {0} used for sexual exploitation", "Women advertised online and exploited in {0}"],
            0.12, 0.4, [CaseOrigin.TipOff, CaseOrigin.VictimReport, CaseOrigin.IntelligenceOperation, CaseOrigin.JointInternationalAction]),
        new("domestic", [ExploitationForm.Servitude],
            ["Domestic servitude in a household in {0}", "Au pair held in domestic servitude in {0}"],
            0.15, 0.0, [CaseOrigin.VictimReport, CaseOrigin.WitnessReport]),
        new("begging", [ExploitationForm.ForcedBegging],
            ["Forced begging ring in {0}", "Children forced to beg at {0} station"],
            0.70, 1.2, [CaseOrigin.TipOff, CaseOrigin.WitnessReport, CaseOrigin.FoundInAnotherInvestigation]),
        new("criminality", [ExploitationForm.ForcedCriminalActivities],
            ["Cannabis farm in {0} worked by trafficked teenagers", "Children forced to commit thefts in {0}"],
            0.55, 0.7, [CaseOrigin.FoundInAnotherInvestigation, CaseOrigin.TipOff, CaseOrigin.IntelligenceOperation]),
        new("marriage", [ExploitationForm.PracticesSimilarToSlavery, ExploitationForm.OtherSexualExploitation],
            ["Forced marriage of a girl from {0}"],
            0.65, 0.0, [CaseOrigin.VictimReport, CaseOrigin.WitnessReport]),
        new("services", [ExploitationForm.ForcedLabourOrServices],
            ["Nail bars in {0} staffed by trafficked workers", "Hand car washes in {0} run on forced labour", "Restaurant kitchen workers in {0} held by debt"],
            0.06, 0.6, [CaseOrigin.TipOff, CaseOrigin.WitnessReport, CaseOrigin.FoundInAnotherInvestigation]),
        new("online", [ExploitationForm.OtherSexualExploitation],
            ["Teenagers groomed online and exploited in {0}"],
            0.80, 0.5, [CaseOrigin.TipOff, CaseOrigin.IntelligenceOperation, CaseOrigin.JointInternationalAction]),
        new("organs", [ExploitationForm.RemovalOfOrgans],
            ["Kidney sales arranged through a clinic in {0}"],
            0.01, 0.3, [CaseOrigin.IntelligenceOperation, CaseOrigin.JointInternationalAction]),
    ];

    /// <summary>How often each theme occurs (same order as <see cref="Themes"/>).</summary>
    public static readonly double[] ThemeWeights = [14, 10, 6, 24, 6, 7, 8, 3, 12, 7, 1];

    public static readonly string[] Summaries =
    [
        "Workers were recruited abroad with promises of good wages, had their passports taken on arrival and were told they owed the cost of travel.",
        "A tip-off from a health worker led to a search of the premises; several people were found living where they worked.",
        "The suspects moved the victims between addresses every few weeks and controlled their phones and money.",
        "Victims were threatened with violence against their families at home if they tried to leave.",
        "Payments for the victims' work went into accounts held by the suspects; financial investigation is under way.",
        "The victims were recruited through social media advertisements for jobs that did not exist.",
    ];

    public static readonly string[] DiscontinuationReasons =
    [
        "Insufficient evidence of the means element after the main witness withdrew.",
        "The suspects could not be identified.",
        "Merged into a linked case that holds the same suspects.",
        "Transferred to the state where the exploitation took place, which has jurisdiction.",
        "The suspect died during the investigation.",
    ];

    public static readonly string[] TaskTitles =
    [
        "Interview the victim with an interpreter", "Request bank records of the suspects", "Obtain phone records",
        "Take a witness statement from the employer", "Seize and image the suspects' phones", "Check travel records at the border",
        "Ask the labour inspectorate for its inspection report", "Trace the recruitment advertisements", "Review intelligence reports",
        "Prepare the charging decision", "Draft the indictment", "Disclose evidence to the defence", "Prepare the victim for court",
        "Apply for special measures for the witness", "Prepare the confiscation application", "Send the mutual legal assistance request",
        "Summarise surveillance logs", "Arrange a medical examination", "Brief the prosecutor on new evidence", "Review the case file for trial",
    ];

    public const string SafetyReviewNotes = "Review the protection plan and physical safety measures.";

    public static readonly (SupportStepKind Kind, double Weight, string[] Summaries)[] SupportSteps =
    [
        (SupportStepKind.Contact, 34, ["Phoned the victim through the shelter's phone; no new concerns.", "Met the victim at the drop-in centre with an interpreter.", "Checked in by message through the support organisation."]),
        (SupportStepKind.InformationGiven, 18, ["Explained where the investigation stands and what comes next.", "Explained why belongings are kept as evidence and when they come back."]),
        (SupportStepKind.Counselling, 14, ["Accompanied to a counselling session; the next one is booked.", "Arranged counselling with a service that works with interpreters."]),
        (SupportStepKind.Accompaniment, 10, ["Accompanied to a medical appointment.", "Accompanied to the police station to give a statement."]),
        (SupportStepKind.Referral, 10, ["Referred to a legal aid service for a compensation claim.", "Referred to a housing service for longer-term accommodation."]),
        (SupportStepKind.SafetyCheck, 10, ["Checked the safety arrangements at the shelter with its staff.", "Reviewed safety after the suspect's release on bail."]),
        (SupportStepKind.Other, 4, ["Helped with a school enrolment.", "Helped to open a bank account."]),
    ];

    public static readonly (ThreatKind Kind, string Description)[] Threats =
    [
        (ThreatKind.VerbalThreat, "A man approached the victim outside the shelter and said the family at home would pay if she testified."),
        (ThreatKind.ContactBySuspect, "The suspect's relative phoned the victim from an unknown number asking where she lives."),
        (ThreatKind.OnlineHarassment, "Messages on social media told the victim to withdraw the statement."),
        (ThreatKind.ThreatToFamily, "The victim's mother was visited at home by men asking about the case."),
        (ThreatKind.Intimidation, "A car followed the victim from the support centre twice this week."),
    ];

    public static readonly string[] Nationalities =
    [
        "Albanian", "Brazilian", "Bulgarian", "Chinese", "Eritrean", "Filipino", "Ghanaian", "Indian", "Moldovan", "Nigerian",
        "Pakistani", "Romanian", "Thai", "Ukrainian", "Vietnamese",
    ];

    public const string HomeNationality = "National";

    public static readonly string[] Languages = ["English", "Romanian", "Vietnamese", "Albanian", "Tigrinya", "Tagalog", "Ukrainian", "Portuguese", "Mandarin"];

    public static readonly string[] ReferredTo =
    [
        "Shelter run by a support organisation", "Specialist counselling service", "Local authority children's services", "Legal aid clinic",
    ];

    /// <summary>Invented given names, for staff and for the (encrypted) identities of synthetic victims.</summary>
    public static readonly string[] GivenNames =
    [
        "Ada", "Bram", "Cora", "Dario", "Elin", "Femi", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luca", "Mara", "Nils", "Olga",
        "Pavel", "Rosa", "Sami", "Tara", "Ugo", "Vera", "Wim", "Xenia", "Yara", "Zeno", "Amal", "Bora", "Cyan", "Dalia", "Emre",
        "Fenna", "Gideon", "Hanna", "Ivo", "Jana", "Koen", "Lior", "Mina", "Noor", "Oskar",
    ];

    /// <summary>Invented family names: no real person is meant.</summary>
    public static readonly string[] FamilyNames =
    [
        "Ashwicke", "Brennholt", "Calloway-Fenn", "Dravinski", "Eldermoor", "Fairweathering", "Gallowin", "Hartsbane", "Illingsworth",
        "Jessamy", "Kettleborne", "Lindqvane", "Marchbanks", "Northrop-Ivy", "Ormsworth", "Pembrake", "Quennell", "Rathbourne",
        "Stellmach", "Trevannion", "Underhay", "Vasquell", "Wetherden", "Yardley-Cross", "Zellweger", "Abernathy-Lo", "Bexwood",
        "Corrigane", "Dunstable-Ray", "Esterhall", "Fitzmaurine", "Greythorne", "Holloway-Mix", "Ingleby", "Jorvale", "Kinsgrove",
        "Lowenthal", "Merriweather", "Nethercott", "Oxenbridge",
    ];

    public static readonly string[] Titles = BuildTitles(out TitleTheme);

    /// <summary>The theme of each title in <see cref="Titles"/>.</summary>
    public static readonly byte[] TitleTheme;

    /// <summary>The first title of each theme in <see cref="Titles"/>; a theme's titles are contiguous.</summary>
    public static readonly int[] ThemeTitleStart = ThemeStarts();

    private static string[] BuildTitles(out byte[] themes)
    {
        var titles = new List<string>();
        var owners = new List<byte>();
        for (var t = 0; t < Themes.Length; t++)
        {
            foreach (var template in Themes[t].TitleTemplates)
            {
                foreach (var place in Places)
                {
                    titles.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, place));
                    owners.Add((byte)t);
                }
            }
        }
        themes = [.. owners];
        return [.. titles];
    }

    private static int[] ThemeStarts()
    {
        var starts = new int[Themes.Length + 1];
        var index = 0;
        for (var t = 0; t < Themes.Length; t++)
        {
            starts[t] = index;
            index += Themes[t].TitleTemplates.Length * Places.Length;
        }
        starts[^1] = index;
        return starts;
    }
}
