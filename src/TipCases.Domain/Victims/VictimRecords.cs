namespace TipCases.Domain.Victims;

/// <summary>A record that is part of a victim's file, so its changes appear in the victim's history.</summary>
public interface IBelongsToVictim
{
    Guid VictimId { get; }
}

/// <summary>The link between a victim and a case of the same office.</summary>
public sealed class VictimCase : IBelongsToVictim
{
    private VictimCase() { }

    internal VictimCase(Guid victimId, Guid caseId, DateTimeOffset linkedAt)
    {
        Id = Guid.CreateVersion7(linkedAt);
        VictimId = victimId;
        CaseId = caseId;
        LinkedAt = linkedAt;
    }

    public Guid Id { get; private set; }

    public Guid VictimId { get; private set; }

    public Guid CaseId { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }
}

public sealed class ProtectionMeasure : IBelongsToVictim
{
    public const int NotesMaxLength = 2000;

    private ProtectionMeasure() { }

    internal ProtectionMeasure(Guid victimId, ProtectionMeasureKind kind, DateOnly plannedOn, string? notes, bool proposedAutomatically, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        VictimId = victimId;
        Kind = kind;
        Stage = ProtectionCatalogue.Entry(kind).Stage;
        Status = MeasureStatus.Planned;
        PlannedOn = plannedOn;
        Notes = notes;
        ProposedAutomatically = proposedAutomatically;
    }

    public Guid Id { get; private set; }

    public Guid VictimId { get; private set; }

    public ProtectionMeasureKind Kind { get; private set; }

    public ProtectionStage Stage { get; private set; }

    public MeasureStatus Status { get; private set; }

    public DateOnly PlannedOn { get; private set; }

    public DateOnly? StartedOn { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>True for a measure the system proposed (a child's measures), until someone acts on it.</summary>
    public bool ProposedAutomatically { get; private set; }

    public uint Version { get; private set; }

    public bool IsActive => Status != MeasureStatus.Ended;

    internal void Update(MeasureStatus status, DateOnly? startedOn, DateOnly? endedOn, string? notes, DateOnly today)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainRuleViolation("Choose the measure's state from the list.");
        }
        if (status != MeasureStatus.Planned && startedOn is null)
        {
            throw new DomainRuleViolation("Give the date the measure was put in place.");
        }
        if (status == MeasureStatus.Ended && endedOn is null)
        {
            throw new DomainRuleViolation("Give the date the measure ended.");
        }
        if (startedOn > today || endedOn > today)
        {
            throw new DomainRuleViolation("A measure cannot start or end in the future; keep it planned until then.");
        }
        if (startedOn is { } s && endedOn is { } e && e < s)
        {
            throw new DomainRuleViolation("A measure cannot end before it started.");
        }
        if (notes is { Length: > NotesMaxLength })
        {
            throw new DomainRuleViolation($"Notes are limited to {NotesMaxLength} characters.");
        }
        Status = status;
        StartedOn = status == MeasureStatus.Planned ? null : startedOn;
        EndedOn = status == MeasureStatus.Ended ? endedOn : null;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        ProposedAutomatically = false;
    }
}

public enum SupportStepKind
{
    Contact = 1,
    InformationGiven = 2,
    Counselling = 3,
    Accompaniment = 4,
    Referral = 5,
    SafetyCheck = 6,
    Other = 7,
}

/// <summary>One thing a liaison officer did for a victim, with the next follow-up date.</summary>
public sealed class SupportStep : IBelongsToVictim
{
    public const int SummaryMaxLength = 2000;

    private SupportStep() { }

    internal SupportStep(Guid victimId, Guid? caseId, DateOnly tookPlaceOn, SupportStepKind kind, string summary, Guid byUserId,
        DateOnly? nextFollowUpOn, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        VictimId = victimId;
        CaseId = caseId;
        TookPlaceOn = tookPlaceOn;
        Kind = kind;
        Summary = summary;
        ByUserId = byUserId;
        NextFollowUpOn = nextFollowUpOn;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid VictimId { get; private set; }

    public Guid? CaseId { get; private set; }

    public DateOnly TookPlaceOn { get; private set; }

    public SupportStepKind Kind { get; private set; }

    public string Summary { get; private set; } = "";

    public Guid ByUserId { get; private set; }

    public DateOnly? NextFollowUpOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

public enum ThreatKind
{
    VerbalThreat = 1,
    Intimidation = 2,
    Violence = 3,
    ContactBySuspect = 4,
    ThreatToFamily = 5,
    OnlineHarassment = 6,
    Other = 7,
}

/// <summary>A threat or act of intimidation against a victim. Each one opens a safety review task
/// on the case; the charges feature turns it into a proposed aggravating circumstance
/// (obstruction of justice).</summary>
public sealed class ThreatIncident : IBelongsToVictim
{
    public const int DescriptionMaxLength = 4000;

    private ThreatIncident() { }

    internal ThreatIncident(Guid victimId, Guid caseId, DateOnly occurredOn, ThreatKind kind, string description, bool reportedToPolice,
        Guid byUserId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        VictimId = victimId;
        CaseId = caseId;
        OccurredOn = occurredOn;
        Kind = kind;
        Description = description;
        ReportedToPolice = reportedToPolice;
        ByUserId = byUserId;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid VictimId { get; private set; }

    public Guid CaseId { get; private set; }

    public DateOnly OccurredOn { get; private set; }

    public ThreatKind Kind { get; private set; }

    public string Description { get; private set; } = "";

    public bool ReportedToPolice { get; private set; }

    public Guid ByUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The case task opened for the safety review.</summary>
    public Guid? SafetyReviewTaskId { get; internal set; }
}

public enum InformationTopic
{
    Outcome = 1,
    Sentence = 2,
    SentenceLength = 3,
    ReleaseDate = 4,
    AppealOptions = 5,
}

public enum InformationChannel
{
    InPerson = 1,
    Phone = 2,
    Letter = 3,
    Email = 4,
    ThroughLawyer = 5,
    ThroughSupportOrganisation = 6,
}

/// <summary>A post-trial information duty carried out: what the victim was told, when and how.</summary>
public sealed class InformationGiven : IBelongsToVictim
{
    public const int NotesMaxLength = 2000;

    private InformationGiven() { }

    internal InformationGiven(Guid victimId, Guid caseId, InformationTopic topic, DateOnly informedOn, InformationChannel channel,
        string? notes, Guid byUserId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        VictimId = victimId;
        CaseId = caseId;
        Topic = topic;
        InformedOn = informedOn;
        Channel = channel;
        ChannelConfirmedSafe = true;
        Notes = notes;
        ByUserId = byUserId;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid VictimId { get; private set; }

    public Guid CaseId { get; private set; }

    public InformationTopic Topic { get; private set; }

    public DateOnly InformedOn { get; private set; }

    public InformationChannel Channel { get; private set; }

    /// <summary>Always true once recorded: the information is not recorded as given through a
    /// channel nobody checked (a phone the trafficker may hold, an address they know).</summary>
    public bool ChannelConfirmedSafe { get; private set; }

    public string? Notes { get; private set; }

    public Guid ByUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

public enum ResidenceKind
{
    ReflectionPeriod = 1,
    TemporaryStayPermit = 2,
    PermanentStay = 3,
    Return = 4,
}

/// <summary>A victim's right to stay, or their return home after a risk assessment.</summary>
public sealed class ResidenceRecord : IBelongsToVictim
{
    public const int NotesMaxLength = 2000;
    public const int ExpiryWarningDays = 30;

    private ResidenceRecord() { }

    internal ResidenceRecord(Guid victimId, ResidenceKind kind, DateOnly startsOn, DateOnly? expiresOn, DateOnly? riskAssessedOn,
        string? notes, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        VictimId = victimId;
        Kind = kind;
        StartsOn = startsOn;
        ExpiresOn = expiresOn;
        RiskAssessedOn = riskAssessedOn;
        Notes = notes;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid VictimId { get; private set; }

    public ResidenceKind Kind { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly? ExpiresOn { get; private set; }

    /// <summary>For a return: the date the risk assessment was made.</summary>
    public DateOnly? RiskAssessedOn { get; private set; }

    public string? Notes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsExpiringSoon(DateOnly today) => ExpiresOn is { } e && e >= today && e <= today.AddDays(ExpiryWarningDays);

    public bool HasExpired(DateOnly today) => ExpiresOn is { } e && e < today;
}

public enum CompensationRoute
{
    CriminalCourtOrder = 1,
    CivilClaim = 2,
    LabourCourt = 3,
    StateFund = 4,
    TrustFund = 5,
}

public enum CompensationHead
{
    UnpaidWages = 1,
    LegalFees = 2,
    MedicalExpenses = 3,
    LostOpportunities = 4,
    PainAndSuffering = 5,
}

public enum CompensationSource
{
    TraffickersAssets = 1,
    StateFund = 2,
    TrustFund = 3,
    Employer = 4,
    Other = 5,
}

/// <summary>A claim for compensation. Victims in an irregular situation can claim too: nothing
/// here depends on migration status.</summary>
public sealed class CompensationClaim : IBelongsToVictim
{
    public const int NotesMaxLength = 2000;

    private CompensationClaim() { }

    internal CompensationClaim(Guid victimId, Guid caseId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        VictimId = victimId;
        CaseId = caseId;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid VictimId { get; private set; }

    public Guid CaseId { get; private set; }

    public CompensationRoute Route { get; private set; }

    public CompensationHead[] Heads { get; private set; } = [];

    /// <summary>ISO 4217 code, e.g. EUR.</summary>
    public string Currency { get; private set; } = "";

    public decimal AmountClaimed { get; private set; }

    public decimal? AmountAwarded { get; private set; }

    public decimal AmountPaid { get; private set; }

    /// <summary>The part of <see cref="AmountPaid"/> allocated from confiscated assets (Domain/Assets).</summary>
    public decimal AmountPaidFromAssets { get; private set; }

    public CompensationSource? Source { get; private set; }

    public string? Notes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>A payment from the realised value of confiscated assets (Domain/Assets): raises
    /// what the claim shows as paid, within the award.</summary>
    internal void RecordPaymentFromAssets(decimal amount)
    {
        if (amount <= 0 || AmountPaid + amount > (AmountAwarded ?? 0))
        {
            throw new DomainRuleViolation("More cannot be paid than was awarded.");
        }
        AmountPaid += amount;
        AmountPaidFromAssets += amount;
        Source ??= CompensationSource.TraffickersAssets;
    }

    internal void Set(CompensationRoute route, IReadOnlyCollection<CompensationHead> heads, string currency, decimal claimed,
        decimal? awarded, decimal paid, CompensationSource? source, string? notes)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(route) || heads.Any(h => !Enum.IsDefined(h)) || (source is { } s && !Enum.IsDefined(s)))
        {
            problems.Add("Choose the route, heads and source from the lists.");
        }
        if (heads.Count == 0)
        {
            problems.Add("Choose at least one head of damage.");
        }
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            problems.Add("Give the currency as a three-letter code such as EUR.");
        }
        if (claimed < 0 || awarded < 0 || paid < 0)
        {
            problems.Add("Amounts cannot be negative.");
        }
        if (paid > (awarded ?? 0))
        {
            problems.Add("More cannot be paid than was awarded.");
        }
        if (paid < AmountPaidFromAssets)
        {
            problems.Add($"{AmountPaidFromAssets:0.00} {Currency} was paid from confiscated assets; the amount paid cannot be less.");
        }
        if (AmountPaidFromAssets > 0 && currency != Currency)
        {
            problems.Add("Part of this claim was paid from confiscated assets in " + Currency + "; its currency cannot change.");
        }
        if (notes is { Length: > NotesMaxLength })
        {
            problems.Add($"Notes are limited to {NotesMaxLength} characters.");
        }
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        Route = route;
        Heads = heads.Distinct().Order().ToArray();
        Currency = currency;
        AmountClaimed = claimed;
        AmountAwarded = awarded;
        AmountPaid = paid;
        Source = source;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
    }
}

public enum NonPunishmentReview
{
    Pending = 1,
    DischargeRecommended = 2,
    ProsecutionContinues = 3,
    NotApplicable = 4,
}
