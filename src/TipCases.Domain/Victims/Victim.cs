using TipCases.Domain.Cases;

namespace TipCases.Domain.Victims;

/// <summary>The facts about a victim that are not their identity (which is held apart, encrypted).</summary>
public sealed record VictimProfile(
    Sex Sex,
    string? Nationality,
    MigrationStatus MigrationStatus,
    string? Disability,
    bool InterpreterNeeded,
    string? Languages,
    IReadOnlyCollection<ExploitationForm> Exploitation,
    IdentifiedBy IdentifiedBy,
    DateOnly? IdentifiedOn,
    string? ReferredTo,
    WillingnessToTestify Willingness)
{
    public const int NationalityMaxLength = 100;
    public const int DisabilityMaxLength = 500;
    public const int LanguagesMaxLength = 200;
    public const int ReferredToMaxLength = 500;

    public IReadOnlyList<string> Problems(DateOnly today)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Sex) || !Enum.IsDefined(MigrationStatus) || !Enum.IsDefined(IdentifiedBy) || !Enum.IsDefined(Willingness)
            || Exploitation.Any(e => !Enum.IsDefined(e)))
        {
            problems.Add("Choose values from the lists.");
        }
        if (Nationality is { Length: > NationalityMaxLength } || Disability is { Length: > DisabilityMaxLength }
            || Languages is { Length: > LanguagesMaxLength } || ReferredTo is { Length: > ReferredToMaxLength })
        {
            problems.Add("A field is longer than allowed.");
        }
        if (IdentifiedOn > today)
        {
            problems.Add("The victim cannot be identified in the future.");
        }
        return problems;
    }
}

/// <summary>
/// A victim of trafficking, known everywhere by a pseudonym. The true identity is a ciphertext
/// only an <see cref="IIdentityProtector"/> can open. Protection never depends on whether the
/// victim takes part in the prosecution: <see cref="Willingness"/> is recorded for planning only.
/// </summary>
public sealed class Victim : IBelongsToVictim
{
    public const int NonPunishmentNoteMaxLength = 2000;

    private readonly List<VictimCase> _cases = [];
    private readonly List<ProtectionMeasure> _measures = [];
    private readonly List<SupportStep> _supportSteps = [];
    private readonly List<ThreatIncident> _threats = [];
    private readonly List<InformationGiven> _informationGiven = [];
    private readonly List<ResidenceRecord> _residence = [];
    private readonly List<CompensationClaim> _claims = [];

    private Victim() { }

    public Guid Id { get; private set; }

    Guid IBelongsToVictim.VictimId => Id;

    public Guid OfficeId { get; private set; }

    /// <summary>e.g. V-CPO-2026-0042: the only name most people ever see.</summary>
    public string Pseudonym { get; private set; } = "";

    public byte[] IdentityCiphertext { get; private set; } = [];

    public Sex Sex { get; private set; }

    public string? Nationality { get; private set; }

    public MigrationStatus MigrationStatus { get; private set; }

    public string? Disability { get; private set; }

    public bool InterpreterNeeded { get; private set; }

    public string? Languages { get; private set; }

    public ExploitationForm[] Exploitation { get; private set; } = [];

    public IdentifiedBy IdentifiedBy { get; private set; }

    public DateOnly? IdentifiedOn { get; private set; }

    public string? ReferredTo { get; private set; }

    public WillingnessToTestify Willingness { get; private set; }

    public Guid? LiaisonOfficerId { get; private set; }

    public ChildStatus ChildStatus { get; private set; }

    public string ChildStatusReason { get; private set; } = "";

    /// <summary>Age on the first known day of the offence, derived with <see cref="ChildRule"/>.</summary>
    public int? AgeAtOffence { get; private set; }

    /// <summary>Non-punishment: the victim is also a suspect or defendant for offences committed as
    /// a result of being trafficked, for a prosecutor to review.</summary>
    public bool NonPunishmentFlagged { get; private set; }

    public string? NonPunishmentNote { get; private set; }

    public NonPunishmentReview? NonPunishmentReview { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<VictimCase> Cases => _cases.AsReadOnly();

    public IReadOnlyCollection<ProtectionMeasure> Measures => _measures.AsReadOnly();

    public IReadOnlyCollection<SupportStep> SupportSteps => _supportSteps.AsReadOnly();

    public IReadOnlyCollection<ThreatIncident> Threats => _threats.AsReadOnly();

    public IReadOnlyCollection<InformationGiven> InformationGiven => _informationGiven.AsReadOnly();

    public IReadOnlyCollection<ResidenceRecord> Residence => _residence.AsReadOnly();

    public IReadOnlyCollection<CompensationClaim> Claims => _claims.AsReadOnly();

    /// <summary>Records a victim on a case of their office, with identity, profile and child status.</summary>
    public static Victim Record(Guid id, string pseudonym, Case firstCase, ProtectedIdentity identity, VictimProfile profile,
        IIdentityProtector protector, Guid by, DateTimeOffset at, DateOnly today)
    {
        var victim = new Victim
        {
            Id = id,
            OfficeId = firstCase.OfficeId,
            Pseudonym = pseudonym,
            CreatedAt = at,
            CreatedBy = by,
        };
        victim.UpdateProfile(profile, today);
        victim._cases.Add(new VictimCase(id, firstCase.Id, at));
        victim.ChangeIdentity(identity, protector, [firstCase], at, today);
        return victim;
    }

    public void UpdateProfile(VictimProfile profile, DateOnly today)
    {
        var problems = profile.Problems(today);
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        Sex = profile.Sex;
        Nationality = Clean(profile.Nationality);
        MigrationStatus = profile.MigrationStatus;
        Disability = Clean(profile.Disability);
        InterpreterNeeded = profile.InterpreterNeeded;
        Languages = Clean(profile.Languages);
        Exploitation = profile.Exploitation.Distinct().Order().ToArray();
        IdentifiedBy = profile.IdentifiedBy;
        IdentifiedOn = profile.IdentifiedOn;
        ReferredTo = Clean(profile.ReferredTo);
        Willingness = profile.Willingness;
    }

    /// <summary>Replaces the protected identity and recomputes child status from the new date of birth.</summary>
    public void ChangeIdentity(ProtectedIdentity identity, IIdentityProtector protector, IReadOnlyCollection<Case> linkedCases,
        DateTimeOffset at, DateOnly today)
    {
        var problems = IdentityProblems(identity, today);
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        IdentityCiphertext = protector.Protect(identity with
        {
            GivenNames = identity.GivenNames.Trim(),
            FamilyName = identity.FamilyName.Trim(),
            Phone = Clean(identity.Phone),
            Email = Clean(identity.Email),
            Address = Clean(identity.Address),
            IdentityDocuments = Clean(identity.IdentityDocuments),
        }, Id);
        AssessChildStatus(identity.DateOfBirth, linkedCases, at, today);
    }

    public static IReadOnlyList<string> IdentityProblems(ProtectedIdentity identity, DateOnly today)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(identity.GivenNames) && string.IsNullOrWhiteSpace(identity.FamilyName))
        {
            problems.Add("Give at least one name, as the victim gives it.");
        }
        if (identity.GivenNames.Length > ProtectedIdentity.NameMaxLength || identity.FamilyName.Length > ProtectedIdentity.NameMaxLength
            || identity.Phone is { Length: > ProtectedIdentity.ContactMaxLength } || identity.Email is { Length: > ProtectedIdentity.ContactMaxLength }
            || identity.Address is { Length: > ProtectedIdentity.AddressMaxLength }
            || identity.IdentityDocuments is { Length: > ProtectedIdentity.DocumentsMaxLength })
        {
            problems.Add("A field of the identity is longer than allowed.");
        }
        if (identity.DateOfBirth > today)
        {
            problems.Add("The date of birth cannot be in the future.");
        }
        if (identity.DateOfBirth is { } born && born < today.AddYears(-120))
        {
            problems.Add("Check the date of birth: it is more than 120 years ago.");
        }
        return problems;
    }

    /// <summary>
    /// Re-derives child status (after a date of birth, a link or a case's offence dates change).
    /// A victim who becomes known as a child gets the child measures of the plan proposed.
    /// </summary>
    public void AssessChildStatus(DateOnly? dateOfBirth, IReadOnlyCollection<Case> linkedCases, DateTimeOffset at, DateOnly today)
    {
        var periods = linkedCases.Where(c => IsLinkedTo(c.Id))
            .Select(c => new OffencePeriod(c.Reference, c.OffenceFrom, c.OffenceTo, c.OpenedOn)).ToList();
        var assessment = ChildRule.Assess(dateOfBirth, periods);
        ChildStatus = assessment.Status;
        ChildStatusReason = assessment.Reason;
        AgeAtOffence = assessment.AgeAtOffence;
        if (ChildStatus == ChildStatus.Child)
        {
            foreach (var entry in ProtectionCatalogue.All.Where(e => e.ForChildren))
            {
                if (!_measures.Any(m => m.Kind == entry.Kind && m.IsActive))
                {
                    _measures.Add(new ProtectionMeasure(Id, entry.Kind, today, "Proposed because the victim was a child at the time of the offence.", true, at));
                }
            }
        }
    }

    public void LinkToCase(Case @case, DateTimeOffset at)
    {
        if (@case.OfficeId != OfficeId)
        {
            throw new DomainRuleViolation("A victim can only be linked to cases of their own office.");
        }
        if (IsLinkedTo(@case.Id))
        {
            throw new DomainRuleViolation($"The victim is already linked to {@case.Reference}.");
        }
        _cases.Add(new VictimCase(Id, @case.Id, at));
    }

    /// <summary>The liaison officer must be on the team of one of the victim's cases as a liaison officer.</summary>
    public void AssignLiaisonOfficer(Guid? userId, IReadOnlyCollection<Case> linkedCases)
    {
        if (userId is { } id && !linkedCases.Any(c => IsLinkedTo(c.Id)
                && c.Team.Any(m => m.UserId == id && m.Role == TeamRole.VictimLiaisonOfficer)))
        {
            throw new DomainRuleViolation("Choose a victim liaison officer on the team of one of the victim's cases.");
        }
        LiaisonOfficerId = userId;
    }

    public ProtectionMeasure PlanMeasure(ProtectionMeasureKind kind, string? notes, DateOnly today, DateTimeOffset at)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleViolation("Choose a measure from the catalogue.");
        }
        if (_measures.Any(m => m.Kind == kind && m.IsActive))
        {
            throw new DomainRuleViolation("This measure is already in the plan.");
        }
        if (notes is { Length: > ProtectionMeasure.NotesMaxLength })
        {
            throw new DomainRuleViolation($"Notes are limited to {ProtectionMeasure.NotesMaxLength} characters.");
        }
        var measure = new ProtectionMeasure(Id, kind, today, Clean(notes), false, at);
        _measures.Add(measure);
        return measure;
    }

    public void UpdateMeasure(Guid measureId, MeasureStatus status, DateOnly? startedOn, DateOnly? endedOn, string? notes, DateOnly today)
    {
        var measure = _measures.FirstOrDefault(m => m.Id == measureId) ?? throw new DomainRuleViolation("There is no such measure in this plan.");
        measure.Update(status, startedOn, endedOn, notes, today);
    }

    /// <summary>What the plan still lacks for the stage a case is in: catalogue measures of that
    /// stage (children's measures only for a child) that are neither planned nor in place.</summary>
    public IReadOnlyList<CatalogueEntry> MissingFor(ProtectionStage stage) =>
        ProtectionCatalogue.All
            .Where(e => e.Stage == stage && (!e.ForChildren || ChildStatus == ChildStatus.Child))
            .Where(e => !_measures.Any(m => m.Kind == e.Kind && m.IsActive))
            .ToList();

    public SupportStep LogSupportStep(Guid? caseId, DateOnly tookPlaceOn, SupportStepKind kind, string summary, Guid by,
        DateOnly? nextFollowUpOn, DateTimeOffset at, DateOnly today)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(kind))
        {
            problems.Add("Choose what kind of step it was.");
        }
        if (string.IsNullOrWhiteSpace(summary) || summary.Length > SupportStep.SummaryMaxLength)
        {
            problems.Add($"Say what was done, in at most {SupportStep.SummaryMaxLength} characters.");
        }
        if (tookPlaceOn > today)
        {
            problems.Add("A step cannot be logged for a day that has not come yet.");
        }
        if (nextFollowUpOn < today)
        {
            problems.Add("The next follow-up cannot be in the past.");
        }
        if (caseId is { } id && !IsLinkedTo(id))
        {
            problems.Add("Choose one of the victim's cases.");
        }
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        var step = new SupportStep(Id, caseId, tookPlaceOn, kind, summary.Trim(), by, nextFollowUpOn, at);
        _supportSteps.Add(step);
        return step;
    }

    /// <summary>The follow-up date set by the latest step, if any.</summary>
    public DateOnly? NextFollowUp => _supportSteps.OrderByDescending(s => s.TookPlaceOn).ThenByDescending(s => s.CreatedAt).FirstOrDefault()?.NextFollowUpOn;

    /// <summary>Logs a threat and, while the case is open, opens a safety review task on it, assigned
    /// to the victim's liaison officer (or the lead prosecutor, or whoever logs it), due in two days.</summary>
    public ThreatIncident LogThreat(Case @case, DateOnly occurredOn, ThreatKind kind, string description, bool reportedToPolice,
        Guid by, DateTimeOffset at, DateOnly today)
    {
        if (!IsLinkedTo(@case.Id))
        {
            throw new DomainRuleViolation("Choose one of the victim's cases.");
        }
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleViolation("Choose what kind of threat it was.");
        }
        if (string.IsNullOrWhiteSpace(description) || description.Length > ThreatIncident.DescriptionMaxLength)
        {
            throw new DomainRuleViolation($"Describe what happened, in at most {ThreatIncident.DescriptionMaxLength} characters.");
        }
        if (occurredOn > today)
        {
            throw new DomainRuleViolation("A threat cannot have happened in the future.");
        }
        var incident = new ThreatIncident(Id, @case.Id, occurredOn, kind, description.Trim(), reportedToPolice, by, at);
        var assignee = new[] { LiaisonOfficerId, @case.Lead?.UserId, by }
            .FirstOrDefault(id => id is { } u && @case.Team.Any(m => m.UserId == u)) ?? @case.Team.FirstOrDefault()?.UserId;
        // A closed or discontinued case takes no new tasks; the threat is still recorded (protection
        // does not end with the case) and the victim's page shows it for the liaison officer.
        if (assignee is { } who && @case.IsOpen)
        {
            var task = @case.AddTask($"Safety review for {Pseudonym} after a reported threat", "Review the protection plan and physical safety measures.",
                who, today.AddDays(2), by, at, today);
            incident.SafetyReviewTaskId = task.Id;
        }
        _threats.Add(incident);
        return incident;
    }

    public InformationGiven RecordInformationGiven(Guid caseId, InformationTopic topic, DateOnly informedOn, InformationChannel channel,
        bool channelConfirmedSafe, string? notes, Guid by, DateTimeOffset at, DateOnly today)
    {
        if (!IsLinkedTo(caseId))
        {
            throw new DomainRuleViolation("Choose one of the victim's cases.");
        }
        if (!Enum.IsDefined(topic) || !Enum.IsDefined(channel))
        {
            throw new DomainRuleViolation("Choose the topic and the channel from the lists.");
        }
        if (!channelConfirmedSafe)
        {
            throw new DomainRuleViolation("Confirm that the channel is safe for the victim (not one the traffickers know or can reach) before recording it.");
        }
        if (informedOn > today)
        {
            throw new DomainRuleViolation("The victim cannot have been informed on a day that has not come yet.");
        }
        if (notes is { Length: > Victims.InformationGiven.NotesMaxLength })
        {
            throw new DomainRuleViolation($"Notes are limited to {Victims.InformationGiven.NotesMaxLength} characters.");
        }
        var record = new InformationGiven(Id, caseId, topic, informedOn, channel, Clean(notes), by, at);
        _informationGiven.Add(record);
        return record;
    }

    public ResidenceRecord RecordResidence(ResidenceKind kind, DateOnly startsOn, DateOnly? expiresOn, DateOnly? riskAssessedOn,
        string? notes, DateTimeOffset at)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(kind))
        {
            problems.Add("Choose the kind of residence or return.");
        }
        if (kind is ResidenceKind.ReflectionPeriod or ResidenceKind.TemporaryStayPermit && expiresOn is null)
        {
            problems.Add("A reflection period or temporary permit needs its expiry date.");
        }
        if (expiresOn is { } e && e < startsOn)
        {
            problems.Add("It cannot expire before it starts.");
        }
        if (kind == ResidenceKind.Return && riskAssessedOn is null)
        {
            problems.Add("A return needs the date of its risk assessment.");
        }
        if (riskAssessedOn is { } r && r > startsOn)
        {
            problems.Add("The risk assessment comes before the return.");
        }
        if (notes is { Length: > ResidenceRecord.NotesMaxLength })
        {
            problems.Add($"Notes are limited to {ResidenceRecord.NotesMaxLength} characters.");
        }
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        var record = new ResidenceRecord(Id, kind, startsOn, expiresOn, riskAssessedOn, Clean(notes), at);
        _residence.Add(record);
        return record;
    }

    public CompensationClaim AddClaim(Guid caseId, CompensationRoute route, IReadOnlyCollection<CompensationHead> heads, string currency,
        decimal claimed, decimal? awarded, decimal paid, CompensationSource? source, string? notes, DateTimeOffset at)
    {
        if (!IsLinkedTo(caseId))
        {
            throw new DomainRuleViolation("Choose one of the victim's cases.");
        }
        var claim = new CompensationClaim(Id, caseId, at);
        claim.Set(route, heads, currency.Trim().ToUpperInvariant(), claimed, awarded, paid, source, notes);
        _claims.Add(claim);
        return claim;
    }

    public void UpdateClaim(Guid claimId, CompensationRoute route, IReadOnlyCollection<CompensationHead> heads, string currency,
        decimal claimed, decimal? awarded, decimal paid, CompensationSource? source, string? notes)
    {
        var claim = _claims.FirstOrDefault(c => c.Id == claimId) ?? throw new DomainRuleViolation("There is no such claim for this victim.");
        claim.Set(route, heads, currency.Trim().ToUpperInvariant(), claimed, awarded, paid, source, notes);
    }

    public void FlagNonPunishment(bool flagged, string? note, NonPunishmentReview? review)
    {
        if (review is { } r && !Enum.IsDefined(r))
        {
            throw new DomainRuleViolation("Choose the review's outcome from the list.");
        }
        if (flagged && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleViolation("Say which offences the victim is suspected of, and how they follow from the trafficking.");
        }
        if (note is { Length: > NonPunishmentNoteMaxLength })
        {
            throw new DomainRuleViolation($"The note is limited to {NonPunishmentNoteMaxLength} characters.");
        }
        NonPunishmentFlagged = flagged;
        NonPunishmentNote = flagged ? note!.Trim() : null;
        NonPunishmentReview = flagged ? review ?? Victims.NonPunishmentReview.Pending : null;
    }

    public bool IsLinkedTo(Guid caseId) => _cases.Any(c => c.CaseId == caseId);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
