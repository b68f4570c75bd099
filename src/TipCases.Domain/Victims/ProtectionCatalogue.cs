using TipCases.Domain.Cases;

namespace TipCases.Domain.Victims;

/// <summary>The three stages of a protection plan (DOMAIN.md, "Victims and protection").</summary>
public enum ProtectionStage
{
    PreTrial = 1,
    Trial = 2,
    PostTrial = 3,
}

public enum MeasureStatus
{
    Planned = 1,
    InPlace = 2,
    Ended = 3,
}

/// <summary>The measures of the guide, each belonging to one stage of the plan.</summary>
public enum ProtectionMeasureKind
{
    // Pre-trial
    InformationOnProcess = 101,
    InformationOnBelongingsKept = 102,
    CounsellingAndEmotionalSupport = 103,
    PreparationForCourt = 104,
    TemporaryStayPermit = 105,
    ReturnHomeInBestInterests = 106,
    RemoteTestimonyOption = 107,
    ChildSpecialInterviewing = 108,

    // Trial
    VideoLinkTestimony = 201,
    ScreenedTestimony = 202,
    ClosedCourt = 203,
    SupportPersonPresent = 204,
    ChildPreRecordedInterview = 205,
    ConfidentialProceedings = 206,
    NonPublication = 207,
    WitnessAssistanceAccompaniment = 208,
    PhysicalSafetyMeasures = 209,
    SanctionsAgainstIntimidation = 210,
    VictimImpactStatement = 211,
    ChildNotRequiredToTakePart = 212,

    // Post-trial
    InformationOnOutcome = 301,
    PlanRevisionWithVictim = 302,
    CompensationAssistance = 303,
    ResidenceOrReturnAfterRiskAssessment = 304,
    DischargeOfOffencesCommittedWhileTrafficked = 305,
    OngoingWitnessProtection = 306,
}

public sealed record CatalogueEntry(ProtectionMeasureKind Kind, ProtectionStage Stage, string Name, bool ForChildren);

public static class ProtectionCatalogue
{
    public static IReadOnlyList<CatalogueEntry> All { get; } =
    [
        new(ProtectionMeasureKind.InformationOnProcess, ProtectionStage.PreTrial, "Information on the process and how long it takes", false),
        new(ProtectionMeasureKind.InformationOnBelongingsKept, ProtectionStage.PreTrial, "Why belongings are kept as evidence and when they come back", false),
        new(ProtectionMeasureKind.CounsellingAndEmotionalSupport, ProtectionStage.PreTrial, "Counselling and emotional support", false),
        new(ProtectionMeasureKind.PreparationForCourt, ProtectionStage.PreTrial, "Preparation for court: accompanying to the courtroom, explaining procedure and likely questions", false),
        new(ProtectionMeasureKind.TemporaryStayPermit, ProtectionStage.PreTrial, "Temporary stay permit", false),
        new(ProtectionMeasureKind.ReturnHomeInBestInterests, ProtectionStage.PreTrial, "Return home, decided in the victim's best interests", false),
        new(ProtectionMeasureKind.RemoteTestimonyOption, ProtectionStage.PreTrial, "Remote testimony as an option", false),
        new(ProtectionMeasureKind.ChildSpecialInterviewing, ProtectionStage.PreTrial, "Special interviewing techniques for a child", true),
        new(ProtectionMeasureKind.VideoLinkTestimony, ProtectionStage.Trial, "Testimony by video link", false),
        new(ProtectionMeasureKind.ScreenedTestimony, ProtectionStage.Trial, "Screened testimony", false),
        new(ProtectionMeasureKind.ClosedCourt, ProtectionStage.Trial, "Closed court", false),
        new(ProtectionMeasureKind.SupportPersonPresent, ProtectionStage.Trial, "A support person present", false),
        new(ProtectionMeasureKind.ChildPreRecordedInterview, ProtectionStage.Trial, "Pre-recorded interview as evidence in chief for a child", true),
        new(ProtectionMeasureKind.ConfidentialProceedings, ProtectionStage.Trial, "Identity protection: confidential proceedings", false),
        new(ProtectionMeasureKind.NonPublication, ProtectionStage.Trial, "Identity protection: non-publication", false),
        new(ProtectionMeasureKind.WitnessAssistanceAccompaniment, ProtectionStage.Trial, "Accompaniment by the witness assistance officer", false),
        new(ProtectionMeasureKind.PhysicalSafetyMeasures, ProtectionStage.Trial, "Physical safety measures", false),
        new(ProtectionMeasureKind.SanctionsAgainstIntimidation, ProtectionStage.Trial, "Sanctions against intimidation", false),
        new(ProtectionMeasureKind.VictimImpactStatement, ProtectionStage.Trial, "A voluntary victim impact statement", false),
        new(ProtectionMeasureKind.ChildNotRequiredToTakePart, ProtectionStage.Trial, "The child is not required to take part", true),
        new(ProtectionMeasureKind.InformationOnOutcome, ProtectionStage.PostTrial, "Information on the outcome, sentence, release date and appeal options", false),
        new(ProtectionMeasureKind.PlanRevisionWithVictim, ProtectionStage.PostTrial, "Revision of the protection plan with the victim", false),
        new(ProtectionMeasureKind.CompensationAssistance, ProtectionStage.PostTrial, "Help with compensation", false),
        new(ProtectionMeasureKind.ResidenceOrReturnAfterRiskAssessment, ProtectionStage.PostTrial, "Residence permit, permanent stay or return after a risk assessment", false),
        new(ProtectionMeasureKind.DischargeOfOffencesCommittedWhileTrafficked, ProtectionStage.PostTrial, "Discharge of offences committed as a result of being trafficked", false),
        new(ProtectionMeasureKind.OngoingWitnessProtection, ProtectionStage.PostTrial, "Ongoing witness protection", false),
    ];

    public static CatalogueEntry Entry(ProtectionMeasureKind kind) => All.First(e => e.Kind == kind);

    /// <summary>The plan stage that matters while a case is in a given stage.</summary>
    public static ProtectionStage? StageFor(CaseStage caseStage) => caseStage switch
    {
        CaseStage.Intake or CaseStage.Investigation or CaseStage.PreTrial => ProtectionStage.PreTrial,
        CaseStage.Trial => ProtectionStage.Trial,
        CaseStage.PostTrial or CaseStage.Closed => ProtectionStage.PostTrial,
        _ => null,
    };
}
