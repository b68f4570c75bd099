namespace TipCases.Domain.Cases;

/// <summary>Where a case stands in the prosecution (DOMAIN.md, "Case").</summary>
public enum CaseStage
{
    Intake = 1,
    Investigation = 2,
    PreTrial = 3,
    Trial = 4,
    PostTrial = 5,
    Closed = 6,
    Discontinued = 7,
}

/// <summary>Reactive: evidence-led, time sensitive, rescue first. Proactive: intelligence-led,
/// for cases with little victim cooperation.</summary>
public enum InvestigationApproach
{
    Reactive = 1,
    Proactive = 2,
}

/// <summary>How the case started.</summary>
public enum CaseOrigin
{
    TipOff = 1,
    VictimReport = 2,
    WitnessReport = 3,
    FoundInAnotherInvestigation = 4,
    IntelligenceOperation = 5,
    JointInternationalAction = 6,
}

/// <summary>A trafficking offence does not need a border crossing: domestic cases are cases too.</summary>
public enum CaseScope
{
    Domestic = 1,
    Transnational = 2,
}

/// <summary>The part a person plays on a case's team.</summary>
public enum TeamRole
{
    Investigator = 1,
    Prosecutor = 2,
    VictimLiaisonOfficer = 3,
}

public static class CaseEnumNames
{
    public static string DisplayName(this CaseStage stage) => stage switch
    {
        CaseStage.PreTrial => "Pre-trial",
        CaseStage.PostTrial => "Post-trial",
        _ => stage.ToString(),
    };

    public static string DisplayName(this CaseOrigin origin) => origin switch
    {
        CaseOrigin.TipOff => "Tip-off",
        CaseOrigin.VictimReport => "Victim report",
        CaseOrigin.WitnessReport => "Witness report",
        CaseOrigin.FoundInAnotherInvestigation => "Found in another investigation",
        CaseOrigin.IntelligenceOperation => "Intelligence operation",
        CaseOrigin.JointInternationalAction => "Joint international action",
        _ => origin.ToString(),
    };

    public static string DisplayName(this TeamRole role) => role switch
    {
        TeamRole.VictimLiaisonOfficer => "Victim liaison officer",
        _ => role.ToString(),
    };

    /// <summary>Which approach an origin belongs to: evidence-led starts are reactive,
    /// intelligence-led ones proactive (DOMAIN.md, "Investigation approach").</summary>
    public static InvestigationApproach Approach(this CaseOrigin origin) => origin switch
    {
        CaseOrigin.IntelligenceOperation or CaseOrigin.JointInternationalAction => InvestigationApproach.Proactive,
        _ => InvestigationApproach.Reactive,
    };
}
