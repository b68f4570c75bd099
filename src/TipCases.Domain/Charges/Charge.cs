using TipCases.Domain.Cases;
using TipCases.Domain.Victims;

namespace TipCases.Domain.Charges;

/// <summary>
/// One count against one defendant: the offence from the catalogue, how the defendant is liable,
/// the victims it concerns, the facts recorded for each element with their evidence, the
/// aggravating circumstances, and its life cycle (proposed → filed → amended → withdrawn,
/// convicted or acquitted) with dates, the sentence after a conviction and any appeal. What the
/// facts amount to in law is <see cref="LegalAnalysis"/>'s job; this class keeps them consistent.
/// </summary>
public sealed class Charge : IBelongsToCase
{
    public const int ParticularsMaxLength = 2000;
    public const int StatusNoteMaxLength = 1000;

    private readonly List<ChargeFact> _facts = [];
    private readonly List<ChargeVictim> _victims = [];
    private readonly List<ChargeAggravation> _aggravations = [];
    private readonly List<AggravationProposal> _proposals = [];
    private readonly List<ChargeStatusChange> _statusHistory = [];

    private Charge() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid DefendantId { get; private set; }

    public Guid OffenceId { get; private set; }

    public ModeOfLiability Mode { get; private set; }

    public MentalElement MentalElement { get; private set; }

    /// <summary>The count in words: what the defendant did, when and where.</summary>
    public string? Particulars { get; private set; }

    /// <summary>Evidence that the defendant procured a person's illegal entry (migrant smuggling).</summary>
    public string? IllegalEntryEvidence { get; private set; }

    /// <summary>Evidence that it was done for a financial or other material benefit (migrant smuggling).</summary>
    public string? BenefitEvidence { get; private set; }

    /// <summary>What the defence says the victim agreed to. Never a defence once a means is
    /// established (Protocol Art. 3(b)); the analysis says so.</summary>
    public string? ConsentNote { get; private set; }

    public ChargeStatus Status { get; private set; }

    /// <summary>The date of the current status (proposed, filed, amended, withdrawn or the verdict).</summary>
    public DateOnly StatusOn { get; private set; }

    public int? SentenceCustodialMonths { get; private set; }

    public decimal? SentenceFineAmount { get; private set; }

    public bool SentenceConfiscationOrdered { get; private set; }

    public string? SentenceConfiscationNote { get; private set; }

    public decimal? SentenceCompensationAmount { get; private set; }

    public string? SentenceCurrency { get; private set; }

    public DateOnly? AppealLodgedOn { get; private set; }

    public AppealParty? AppealBy { get; private set; }

    public AppealOutcome? AppealOutcome { get; private set; }

    public DateOnly? AppealDecidedOn { get; private set; }

    public string? AppealNote { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    /// <summary>Set by every change, so that a change to the facts alone still updates the row and
    /// its row version is checked.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    public Guid ChangedBy { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<ChargeFact> Facts => _facts.AsReadOnly();

    public IReadOnlyCollection<ChargeVictim> Victims => _victims.AsReadOnly();

    public IReadOnlyCollection<ChargeAggravation> Aggravations => _aggravations.AsReadOnly();

    public IReadOnlyCollection<AggravationProposal> Proposals => _proposals.AsReadOnly();

    public IReadOnlyCollection<ChargeStatusChange> StatusHistory => _statusHistory.AsReadOnly();

    /// <summary>The life cycle in order (several steps may share a day, or a moment).</summary>
    public IReadOnlyList<ChargeStatusChange> Steps =>
        _statusHistory.OrderBy(h => h.On).ThenBy(h => h.At).ThenBy(h => h.From is { } from ? (int)from : 0).ToList();

    public IReadOnlyList<Evidenced<TraffickingAct>> Acts => Typed<TraffickingAct>(ChargeElement.Act);

    public IReadOnlyList<Evidenced<TraffickingMeans>> Means => Typed<TraffickingMeans>(ChargeElement.Means);

    public IReadOnlyList<Evidenced<ExploitationForm>> Purposes => Typed<ExploitationForm>(ChargeElement.Purpose);

    /// <summary>The exploitation that took place (the purposes are the exploitation intended).</summary>
    public IReadOnlyList<Evidenced<ExploitationForm>> Exploitation => Typed<ExploitationForm>(ChargeElement.Exploitation);

    public IReadOnlyList<AggravatingCircumstance> AggravatingCircumstances => _aggravations.Select(a => a.Circumstance).Order().ToList();

    public IReadOnlyList<Guid> VictimIds => _victims.Select(v => v.VictimId).ToList();

    public Sentence? Sentence => Status == ChargeStatus.Convicted
        && (SentenceCustodialMonths is not null || SentenceFineAmount is not null || SentenceConfiscationOrdered || SentenceCompensationAmount is not null)
            ? new Sentence(SentenceCustodialMonths, SentenceFineAmount, SentenceConfiscationOrdered, SentenceConfiscationNote, SentenceCompensationAmount, SentenceCurrency)
            : null;

    public Appeal? Appeal => AppealLodgedOn is { } lodged && AppealBy is { } by && AppealOutcome is { } outcome
        ? new Appeal(lodged, by, outcome, AppealDecidedOn, AppealNote)
        : null;

    /// <summary>The facts as one value, for the analysis and for forms.</summary>
    public ChargeFacts RecordedFacts => new(Acts, Means, Purposes, IllegalEntryEvidence, BenefitEvidence, ConsentNote,
        _victims.Where(v => v.AgeEvidence is not null)
            .Select(v => new AgeEvidence(v.VictimId, v.AgeEvidence!, v.AgeEvidenceIndicatesChild == true)).ToList())
    {
        Exploitation = Exploitation,
    };

    /// <summary>Proposes a new charge against a defendant of the case.</summary>
    public static Charge Propose(Guid id, Case @case, Defendant defendant, Offence offence, ChargeDetails details,
        IReadOnlyCollection<Guid> caseVictimIds, DateOnly proposedOn, Guid by, DateTimeOffset at, DateOnly today)
    {
        ChargeRules.EnsureCaseOpen(@case);
        if (defendant.CaseId != @case.Id)
        {
            throw new DomainRuleViolation("Choose a defendant of this case.");
        }
        if (proposedOn > today)
        {
            throw new DomainRuleViolation("A charge cannot be proposed on a day that has not come yet.");
        }
        var charge = new Charge
        {
            Id = id,
            CaseId = @case.Id,
            DefendantId = defendant.Id,
            Status = ChargeStatus.Proposed,
            StatusOn = proposedOn,
            CreatedAt = at,
            CreatedBy = by,
        };
        charge.Apply(offence, details, caseVictimIds);
        charge._statusHistory.Add(new ChargeStatusChange(charge, null, ChargeStatus.Proposed, proposedOn, null, by, at));
        charge.Touch(by, at);
        return charge;
    }

    /// <summary>Changes the offence, liability, victims or aggravating circumstances of a charge
    /// that has no verdict and is not withdrawn.</summary>
    public void Revise(Case @case, Offence offence, ChargeDetails details, IReadOnlyCollection<Guid> caseVictimIds, Guid by, DateTimeOffset at)
    {
        EnsureChangeable(@case);
        Apply(offence, details, caseVictimIds);
        Touch(by, at);
    }

    /// <summary>Records the facts of the elements, with their evidence (investigators and prosecutors).</summary>
    public void RecordFacts(Case @case, ChargeFacts facts, Guid by, DateTimeOffset at)
    {
        EnsureChangeable(@case);
        var problems = facts.Problems(VictimIds);
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        Sync(_facts,
            facts.Acts.Select(a => ((ChargeElement.Act, a.Value.ToString()), a.Evidence.Trim()))
                .Concat(facts.Means.Select(m => ((ChargeElement.Means, m.Value.ToString()), m.Evidence.Trim())))
                .Concat(facts.Purposes.Select(p => ((ChargeElement.Purpose, p.Value.ToString()), p.Evidence.Trim())))
                .Concat(facts.Exploitation.Select(e => ((ChargeElement.Exploitation, e.Value.ToString()), e.Evidence.Trim())))
                .ToList(),
            f => (f.Element, f.Value),
            f => f.Evidence,
            (f, evidence) => f.Evidence = evidence,
            (key, evidence) => new ChargeFact(this, key.Item1, key.Item2, evidence));
        IllegalEntryEvidence = Clean(facts.IllegalEntryEvidence);
        BenefitEvidence = Clean(facts.BenefitEvidence);
        ConsentNote = Clean(facts.ConsentNote);
        foreach (var victim in _victims)
        {
            var evidence = facts.AgeEvidence.FirstOrDefault(a => a.VictimId == victim.VictimId);
            victim.AgeEvidence = evidence is null ? null : evidence.Evidence.Trim();
            victim.AgeEvidenceIndicatesChild = evidence?.IndicatesChild;
        }
        Touch(by, at);
    }

    /// <summary>
    /// Moves the charge along its life cycle. Proposed → filed or withdrawn; filed or amended →
    /// amended, withdrawn, convicted or acquitted. A verdict needs a filed (or amended) charge; the
    /// date is never before the current status's date nor in the future; a sentence goes with a
    /// conviction only and never exceeds the penalty ceiling (<see cref="PenaltyRules"/>).
    /// </summary>
    public void ChangeStatus(Case @case, ChargeStatus to, DateOnly on, string? note, Sentence? sentence, Offence offence, Defendant defendant,
        Guid by, DateTimeOffset at, DateOnly today)
    {
        ChargeRules.EnsureSameOpenCase(@case, CaseId);
        var problems = WhyNotStatus(to, on, note, today);
        if (problems.Count == 0 && sentence is { IsEmpty: false } && to != ChargeStatus.Convicted)
        {
            problems.Add("A sentence is recorded with a conviction only.");
        }
        if (problems.Count == 0 && to == ChargeStatus.Convicted && sentence is { IsEmpty: false } s)
        {
            EnsureOffenceAndDefendant(offence, defendant);
            problems.AddRange(s.Problems(PenaltyRules.Ceiling(offence, AggravatingCircumstances), defendant.Kind));
        }
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        _statusHistory.Add(new ChargeStatusChange(this, Status, to, on, Clean(note), by, at));
        Status = to;
        StatusOn = on;
        SetSentence(to == ChargeStatus.Convicted ? sentence : null);
        Touch(by, at);
    }

    /// <summary>Why the charge cannot move to <paramref name="to"/> on <paramref name="on"/>; empty when it can.</summary>
    public List<string> WhyNotStatus(ChargeStatus to, DateOnly on, string? note, DateOnly today)
    {
        if (!Enum.IsDefined(to) || to == ChargeStatus.Proposed)
        {
            return ["Choose the new status from the list."];
        }
        var problems = new List<string>();
        if (WhyNotMove(Status, to) is { } refused)
        {
            problems.Add(refused);
        }
        if (on > today)
        {
            problems.Add("The date cannot be in the future.");
        }
        if (on < StatusOn)
        {
            problems.Add($"The date cannot be before the charge was {Status.DisplayName().ToLowerInvariant()} on {StatusOn:yyyy-MM-dd}.");
        }
        if (note is { Length: > StatusNoteMaxLength })
        {
            problems.Add($"The note is limited to {StatusNoteMaxLength} characters.");
        }
        return problems;
    }

    /// <summary>Whether a charge may go from one status to another, and if not why: proposed →
    /// filed or withdrawn; filed or amended → amended, withdrawn, convicted or acquitted.</summary>
    public static string? WhyNotMove(ChargeStatus from, ChargeStatus to)
    {
        if (!Enum.IsDefined(to) || to == ChargeStatus.Proposed)
        {
            return "Choose the new status from the list.";
        }
        var allowed = from switch
        {
            ChargeStatus.Proposed => to is ChargeStatus.Filed or ChargeStatus.Withdrawn,
            ChargeStatus.Filed or ChargeStatus.Amended => to is ChargeStatus.Amended or ChargeStatus.Withdrawn or ChargeStatus.Convicted or ChargeStatus.Acquitted,
            _ => false,
        };
        return allowed ? null : from switch
        {
            ChargeStatus.Proposed when to is ChargeStatus.Convicted or ChargeStatus.Acquitted =>
                "A verdict can only be recorded on a filed or amended charge: file the charge first.",
            ChargeStatus.Proposed => "A proposed charge is filed or withdrawn; it can be amended once it is filed.",
            ChargeStatus.Withdrawn => "This charge was withdrawn: its status can no longer change.",
            _ => $"This charge ended with a verdict ({from.DisplayName().ToLowerInvariant()}): its status can no longer change. Record an appeal instead.",
        };
    }

    /// <summary>Records or corrects the sentence of a conviction (a sentencing hearing after the verdict, say).</summary>
    public void RecordSentence(Case @case, Sentence sentence, Offence offence, Defendant defendant, Guid by, DateTimeOffset at)
    {
        ChargeRules.EnsureSameOpenCase(@case, CaseId);
        if (Status != ChargeStatus.Convicted)
        {
            throw new DomainRuleViolation("A sentence is recorded for a conviction only.");
        }
        EnsureOffenceAndDefendant(offence, defendant);
        var problems = sentence.Problems(PenaltyRules.Ceiling(offence, AggravatingCircumstances), defendant.Kind);
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        SetSentence(sentence);
        Touch(by, at);
    }

    /// <summary>Records an appeal against the verdict or sentence, and later its outcome.</summary>
    public void RecordAppeal(Case @case, Appeal appeal, Guid by, DateTimeOffset at, DateOnly today)
    {
        ChargeRules.EnsureSameOpenCase(@case, CaseId);
        var problems = new List<string>();
        if (Status is not (ChargeStatus.Convicted or ChargeStatus.Acquitted))
        {
            throw new DomainRuleViolation("An appeal can only be recorded against a verdict: convicted or acquitted.");
        }
        if (!Enum.IsDefined(appeal.By) || !Enum.IsDefined(appeal.Outcome))
        {
            problems.Add("Choose who appealed and the outcome from the lists.");
        }
        if (appeal.By == AppealParty.Defence && Status == ChargeStatus.Acquitted)
        {
            problems.Add("The defence does not appeal an acquittal.");
        }
        if (appeal.LodgedOn < StatusOn)
        {
            problems.Add($"The appeal cannot be lodged before the verdict of {StatusOn:yyyy-MM-dd}.");
        }
        if (appeal.LodgedOn > today || appeal.DecidedOn > today)
        {
            problems.Add("Appeal dates cannot be in the future.");
        }
        if (appeal.Outcome == Charges.AppealOutcome.Pending && appeal.DecidedOn is not null)
        {
            problems.Add("A pending appeal has no decision date yet.");
        }
        if (appeal.Outcome != Charges.AppealOutcome.Pending && appeal.DecidedOn is null)
        {
            problems.Add("Give the date the appeal was decided.");
        }
        if (appeal.DecidedOn is { } decided && decided < appeal.LodgedOn)
        {
            problems.Add("The appeal cannot be decided before it was lodged.");
        }
        if (appeal.Note is { Length: > Charges.Appeal.NoteMaxLength })
        {
            problems.Add($"The note is limited to {Charges.Appeal.NoteMaxLength} characters.");
        }
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        AppealLodgedOn = appeal.LodgedOn;
        AppealBy = appeal.By;
        AppealOutcome = appeal.Outcome;
        AppealDecidedOn = appeal.DecidedOn;
        AppealNote = Clean(appeal.Note);
        Touch(by, at);
    }

    /// <summary>
    /// Proposes an aggravating circumstance for the prosecutor to accept or dismiss (after a
    /// threat, obstruction of justice). Only an open charge takes proposals, and only for a
    /// circumstance it neither has nor has pending. Returns the proposal, or null when none was made.
    /// </summary>
    public AggravationProposal? ProposeAggravation(AggravatingCircumstance circumstance, string reason, Guid? threatIncidentId, DateTimeOffset at)
    {
        if (!Status.IsOpen() || _aggravations.Any(a => a.Circumstance == circumstance)
            || _proposals.Any(p => p.Circumstance == circumstance && p.State == ProposalState.Pending))
        {
            return null;
        }
        var proposal = new AggravationProposal(this, circumstance, reason, threatIncidentId, at);
        _proposals.Add(proposal);
        return proposal;
    }

    /// <summary>The prosecutor accepts a proposal: the circumstance is added, with the proposal's reason as its evidence.</summary>
    public void AcceptProposal(Case @case, Guid proposalId, Guid by, DateTimeOffset at)
    {
        var proposal = PendingProposal(@case, proposalId);
        if (!Status.IsOpen())
        {
            throw new DomainRuleViolation("This charge is decided: its aggravating circumstances can no longer change. Dismiss the proposal instead.");
        }
        if (_aggravations.All(a => a.Circumstance != proposal.Circumstance))
        {
            _aggravations.Add(new ChargeAggravation(this, proposal.Circumstance, proposal.Reason));
        }
        proposal.Decide(ProposalState.Accepted, null, by, at);
        Touch(by, at);
    }

    public void DismissProposal(Case @case, Guid proposalId, string? note, Guid by, DateTimeOffset at)
    {
        var proposal = PendingProposal(@case, proposalId);
        if (note is { Length: > AggravationProposal.NoteMaxLength })
        {
            throw new DomainRuleViolation($"The note is limited to {AggravationProposal.NoteMaxLength} characters.");
        }
        proposal.Decide(ProposalState.Dismissed, Clean(note), by, at);
        Touch(by, at);
    }

    private AggravationProposal PendingProposal(Case @case, Guid proposalId)
    {
        ChargeRules.EnsureSameOpenCase(@case, CaseId);
        var proposal = _proposals.FirstOrDefault(p => p.Id == proposalId) ?? throw new DomainRuleViolation("There is no such proposal on this charge.");
        if (proposal.State != ProposalState.Pending)
        {
            throw new DomainRuleViolation($"This proposal was already {proposal.State.ToString().ToLowerInvariant()}.");
        }
        return proposal;
    }

    private void EnsureChangeable(Case @case)
    {
        ChargeRules.EnsureSameOpenCase(@case, CaseId);
        if (!Status.IsOpen())
        {
            throw new DomainRuleViolation(Status == ChargeStatus.Withdrawn
                ? "This charge was withdrawn: it can no longer be changed."
                : "This charge ended with a verdict: it can no longer be changed. Record the sentence or an appeal instead.");
        }
    }

    private void EnsureOffenceAndDefendant(Offence offence, Defendant defendant)
    {
        if (offence.Id != OffenceId || defendant.Id != DefendantId)
        {
            throw new InvalidOperationException("The offence and defendant passed are not this charge's.");
        }
    }

    private void Apply(Offence offence, ChargeDetails details, IReadOnlyCollection<Guid> caseVictimIds)
    {
        var problems = new List<string>();
        if (!offence.IsActive && offence.Id != OffenceId)
        {
            problems.Add($"{offence.Label} is no longer in use in the catalogue: choose another offence.");
        }
        problems.AddRange(details.Problems(caseVictimIds));
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        OffenceId = offence.Id;
        Mode = details.Mode;
        MentalElement = details.MentalElement;
        Particulars = Clean(details.Particulars);
        Sync(_victims, details.VictimIds.Distinct().Select(v => (v, true)).ToList(), v => v.VictimId, _ => true, (_, _) => { },
            (victimId, _) => new ChargeVictim(this, victimId));
        Sync(_aggravations, details.Aggravations.Select(a => (a.Value, a.Evidence.Trim())).ToList(),
            a => a.Circumstance, a => a.Evidence, (a, evidence) => a.Evidence = evidence, (circumstance, evidence) => new ChargeAggravation(this, circumstance, evidence));
    }

    private void SetSentence(Sentence? sentence)
    {
        var s = sentence is { IsEmpty: false } ? sentence : null;
        SentenceCustodialMonths = s?.CustodialMonths;
        SentenceFineAmount = s?.FineAmount;
        SentenceConfiscationOrdered = s?.ConfiscationOrdered ?? false;
        SentenceConfiscationNote = s?.ConfiscationOrdered == true ? Clean(s.ConfiscationNote) : null;
        SentenceCompensationAmount = s?.CompensationAmount;
        SentenceCurrency = s?.FineAmount is not null || s?.CompensationAmount is not null ? s.Currency?.Trim().ToUpperInvariant() : null;
    }

    private void Touch(Guid by, DateTimeOffset at)
    {
        ChangedAt = at;
        ChangedBy = by;
    }

    private List<Evidenced<T>> Typed<T>(ChargeElement element) where T : struct, Enum =>
        _facts.Where(f => f.Element == element)
            .Select(f => Enum.TryParse<T>(f.Value, out var value) ? new Evidenced<T>(value, f.Evidence) : null)
            .OfType<Evidenced<T>>()
            .OrderBy(e => e.Value)
            .ToList();

    /// <summary>Brings a child collection to the wanted items: keeps rows whose key is still wanted
    /// (updating their value), removes the others and adds the new ones, so that the history shows
    /// only what really changed.</summary>
    private static void Sync<TRow, TKey, TValue>(List<TRow> rows, IReadOnlyList<(TKey Key, TValue Value)> wanted, Func<TRow, TKey> keyOf,
        Func<TRow, TValue> valueOf, Action<TRow, TValue> setValue, Func<TKey, TValue, TRow> create)
        where TKey : notnull
    {
        var keys = EqualityComparer<TKey>.Default;
        rows.RemoveAll(r => !wanted.Any(w => keys.Equals(w.Key, keyOf(r))));
        foreach (var (key, value) in wanted)
        {
            var existing = rows.FirstOrDefault(r => keys.Equals(keyOf(r), key));
            if (existing is null)
            {
                rows.Add(create(key, value));
            }
            else if (!EqualityComparer<TValue>.Default.Equals(valueOf(existing), value))
            {
                setValue(existing, value);
            }
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
