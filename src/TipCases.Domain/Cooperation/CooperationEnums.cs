namespace TipCases.Domain.Cooperation;

public enum CooperationKind
{
    Extradition = 1,
    MutualLegalAssistance = 2,
    /// <summary>Police to police: quick leads, whose yield may have to be re-obtained formally to be admissible.</summary>
    Informal = 3,
}

public enum CooperationDirection
{
    /// <summary>This state asks the counterpart state.</summary>
    Outgoing = 1,
    /// <summary>The counterpart state asks this state.</summary>
    Incoming = 2,
}

public enum LegalBasis
{
    /// <summary>The UN Convention against Transnational Organized Crime itself (Art. 16, 18).</summary>
    Convention = 1,
    BilateralTreaty = 2,
    NationalLaw = 3,
    Reciprocity = 4,
}

/// <summary>The kinds of mutual legal assistance a request may ask for (Convention Art. 18(3)).</summary>
public enum AssistanceKind
{
    TakingEvidenceOrStatements = 1,
    ServingJudicialDocuments = 2,
    SearchesSeizuresAndFreezing = 3,
    ExaminingObjectsAndSites = 4,
    InformationEvidenceAndExpertEvaluations = 5,
    RecordsOriginalsOrCertifiedCopies = 6,
    TracingProceedsPropertyInstrumentalities = 7,
    VoluntaryAppearanceOfPersons = 8,
}

public enum CooperationStatus
{
    Draft = 1,
    Sent = 2,
    Acknowledged = 3,
    PartlyExecuted = 4,
    Executed = 5,
    Refused = 6,
    Withdrawn = 7,
}

public static class CooperationNames
{
    public static string DisplayName(this CooperationKind kind) => kind switch
    {
        CooperationKind.Extradition => "Extradition",
        CooperationKind.MutualLegalAssistance => "Mutual legal assistance",
        CooperationKind.Informal => "Informal (police to police)",
        _ => kind.ToString(),
    };

    public static string DisplayName(this CooperationDirection direction) => direction switch
    {
        CooperationDirection.Outgoing => "Outgoing",
        CooperationDirection.Incoming => "Incoming",
        _ => direction.ToString(),
    };

    public static string DisplayName(this LegalBasis basis) => basis switch
    {
        LegalBasis.Convention => "The Convention (UNTOC)",
        LegalBasis.BilateralTreaty => "Bilateral treaty",
        LegalBasis.NationalLaw => "National law",
        LegalBasis.Reciprocity => "Reciprocity",
        _ => basis.ToString(),
    };

    public static string DisplayName(this AssistanceKind kind) => kind switch
    {
        AssistanceKind.TakingEvidenceOrStatements => "Taking evidence or statements",
        AssistanceKind.ServingJudicialDocuments => "Serving judicial documents",
        AssistanceKind.SearchesSeizuresAndFreezing => "Searches, seizures and freezing",
        AssistanceKind.ExaminingObjectsAndSites => "Examining objects and sites",
        AssistanceKind.InformationEvidenceAndExpertEvaluations => "Information, evidence and expert evaluations",
        AssistanceKind.RecordsOriginalsOrCertifiedCopies => "Records (government, bank, financial, corporate, business)",
        AssistanceKind.TracingProceedsPropertyInstrumentalities => "Identifying or tracing proceeds, property, instrumentalities",
        AssistanceKind.VoluntaryAppearanceOfPersons => "Voluntary appearance of persons in the requesting state",
        _ => kind.ToString(),
    };

    public static string DisplayName(this CooperationStatus status) => status switch
    {
        CooperationStatus.Draft => "Draft",
        CooperationStatus.Sent => "Sent",
        CooperationStatus.Acknowledged => "Acknowledged",
        CooperationStatus.PartlyExecuted => "Partly executed",
        CooperationStatus.Executed => "Executed",
        CooperationStatus.Refused => "Refused",
        CooperationStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };
}
