using System.Linq.Expressions;
using TipCases.Domain.Cases;
using TipCases.Domain.Jurisdiction;
using TipCases.Domain.Reference;

namespace TipCases.Domain.Cooperation;

/// <summary>What a request is about: everything but its life cycle.</summary>
public sealed record CooperationDetails(
    CooperationKind Kind,
    CooperationDirection Direction,
    string? CounterpartState,
    string? Authority,
    LegalBasis LegalBasis,
    string? TreatyName,
    string? Subject,
    IReadOnlyCollection<AssistanceKind> Assistance,
    IReadOnlyCollection<Guid> DefendantIds,
    bool Confidential,
    bool UseLimitedToStatedPurpose,
    string? Conditions);

/// <summary>
/// A request for international cooperation on a case: extradition (Convention Art. 16), mutual
/// legal assistance (Art. 18) or informal police-to-police cooperation, outgoing or incoming.
/// Its life cycle is Draft → Sent → Acknowledged → Partly executed → Executed, or Refused (with
/// grounds) or Withdrawn; nothing is answered before it is sent, and no date lies in the future
/// except the due date.
/// </summary>
public sealed class CooperationRequest : IBelongsToCase
{
    public const int AuthorityMaxLength = 200;
    public const int TreatyNameMaxLength = 200;
    public const int SubjectMaxLength = 300;
    public const int ConditionsMaxLength = 2000;
    public const int GroundsMaxLength = 2000;
    public const int MaterialMaxItems = 50;

    private readonly List<RequestMaterial> _material = [];

    private CooperationRequest() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public CooperationKind Kind { get; private set; }

    public CooperationDirection Direction { get; private set; }

    /// <summary>ISO 3166-1 alpha-2 code of the other state.</summary>
    public string CounterpartState { get; private set; } = "";

    /// <summary>The central authority or agency on the other side.</summary>
    public string? Authority { get; private set; }

    public LegalBasis LegalBasis { get; private set; }

    public string? TreatyName { get; private set; }

    /// <summary>A short line saying what is asked, e.g. "Bank records of Northwind Ltd and a search of its offices".</summary>
    public string Subject { get; private set; } = "";

    public AssistanceKind[] Assistance { get; private set; } = [];

    /// <summary>The defendants the request concerns (ids of the charges feature's defendants).</summary>
    public Guid[] DefendantIds { get; private set; } = [];

    public bool Confidential { get; private set; }

    /// <summary>The material may be used only for the purpose stated in the request (speciality).</summary>
    public bool UseLimitedToStatedPurpose { get; private set; }

    public string? Conditions { get; private set; }

    public CooperationStatus Status { get; private set; }

    /// <summary>For an incoming request: the day it was received.</summary>
    public DateOnly? SentOn { get; private set; }

    public DateOnly? AcknowledgedOn { get; private set; }

    public DateOnly? DueOn { get; private set; }

    /// <summary>The day of the (latest) answer: partly executed, executed or refused.</summary>
    public DateOnly? AnsweredOn { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }

    public string? RefusalGrounds { get; private set; }

    /// <summary>An extradition refused because the person is a national of the requested state.</summary>
    public bool RefusedBecauseNational { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<RequestMaterial> Material => _material.AsReadOnly();

    public bool IsClosed => Status is CooperationStatus.Executed or CooperationStatus.Refused or CooperationStatus.Withdrawn;

    /// <summary>Sent and still owed an answer. A partly executed request still owes the rest.</summary>
    public bool IsAwaitingAnswer => Status is CooperationStatus.Sent or CooperationStatus.Acknowledged or CooperationStatus.PartlyExecuted;

    public bool IsOverdue(DateOnly today) => IsAwaitingAnswer && DueOn is { } due && due < today;

    /// <summary><see cref="IsOverdue"/> as a query filter (the register's overdue filter and the dashboard count with it).</summary>
    public static Expression<Func<CooperationRequest, bool>> OverdueOn(DateOnly today) =>
        r => (r.Status == CooperationStatus.Sent || r.Status == CooperationStatus.Acknowledged || r.Status == CooperationStatus.PartlyExecuted)
            && r.DueOn != null && r.DueOn < today;

    public int? DaysOverdue(DateOnly today) => IsOverdue(today) ? today.DayNumber - DueOn!.Value.DayNumber : null;

    /// <summary>Days since it was sent: until today while an answer is awaited, else until it was closed.</summary>
    public int? AgeInDays(DateOnly today)
    {
        if (SentOn is not { } sent)
        {
            return null;
        }
        var end = Status switch
        {
            CooperationStatus.Executed or CooperationStatus.Refused => AnsweredOn ?? today,
            CooperationStatus.Withdrawn => WithdrawnOn ?? today,
            _ => today,
        };
        return end.DayNumber - sent.DayNumber;
    }

    public static CooperationRequest Draft(Guid caseId, CooperationDetails details, Guid createdBy, DateTimeOffset at)
    {
        var request = new CooperationRequest
        {
            Id = Guid.CreateVersion7(at),
            CaseId = caseId,
            Kind = details.Kind,
            Direction = details.Direction,
            Status = CooperationStatus.Draft,
            CreatedBy = createdBy,
            CreatedAt = at,
        };
        request.Apply(details);
        return request;
    }

    public void UpdateDetails(CooperationDetails details)
    {
        if (IsClosed)
        {
            throw new DomainRuleViolation($"This request is {Status.DisplayName().ToLowerInvariant()}; its details can no longer change.");
        }
        if (details.Kind != Kind || details.Direction != Direction)
        {
            throw new DomainRuleViolation("A request's kind and direction cannot change. Withdraw it and record a new request instead.");
        }
        Apply(details);
    }

    private void Apply(CooperationDetails d)
    {
        var problems = Problems(d);
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        Kind = d.Kind;
        Direction = d.Direction;
        CounterpartState = d.CounterpartState!;
        Authority = Clean(d.Authority);
        LegalBasis = d.LegalBasis;
        TreatyName = d.LegalBasis == LegalBasis.BilateralTreaty ? Clean(d.TreatyName) : null;
        Subject = d.Subject!.Trim();
        Assistance = d.Kind == CooperationKind.MutualLegalAssistance ? d.Assistance.Distinct().Order().ToArray() : [];
        DefendantIds = d.DefendantIds.Distinct().ToArray();
        Confidential = d.Confidential;
        UseLimitedToStatedPurpose = d.UseLimitedToStatedPurpose;
        Conditions = Clean(d.Conditions);
    }

    /// <summary>Every rule the details break, in words, so a form can show them all at once.</summary>
    public static IReadOnlyList<string> Problems(CooperationDetails d)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(d.Kind) || !Enum.IsDefined(d.Direction) || !Enum.IsDefined(d.LegalBasis) || d.Assistance.Any(a => !Enum.IsDefined(a)))
        {
            problems.Add("Choose the kind, direction, legal basis and assistance from the lists.");
        }
        if (!Countries.IsKnown(d.CounterpartState))
        {
            problems.Add("Choose the counterpart state from the list.");
        }
        if (string.IsNullOrWhiteSpace(d.Subject))
        {
            problems.Add("Say in a line what the request asks for.");
        }
        else if (d.Subject.Trim().Length > SubjectMaxLength)
        {
            problems.Add($"The subject is limited to {SubjectMaxLength} characters.");
        }
        if (d.LegalBasis == LegalBasis.BilateralTreaty && string.IsNullOrWhiteSpace(d.TreatyName))
        {
            problems.Add("Name the bilateral treaty the request rests on.");
        }
        if (d.Kind == CooperationKind.MutualLegalAssistance && d.Assistance.Count == 0)
        {
            problems.Add("Choose at least one kind of assistance asked for.");
        }
        if (d.Kind != CooperationKind.MutualLegalAssistance && d.Assistance.Count > 0)
        {
            problems.Add("Kinds of assistance belong to mutual legal assistance requests only.");
        }
        if (d.Authority is { Length: > AuthorityMaxLength } || d.TreatyName is { Length: > TreatyNameMaxLength } || d.Conditions is { Length: > ConditionsMaxLength })
        {
            problems.Add($"The authority and treaty name are limited to {AuthorityMaxLength} characters, the conditions to {ConditionsMaxLength}.");
        }
        return problems;
    }

    /// <summary>One status change as the status form asks for it.</summary>
    public void ChangeStatus(CooperationStatus to, DateOnly? on, DateOnly? dueOn, string? grounds, bool becauseNational, DateOnly today)
    {
        switch (to)
        {
            case CooperationStatus.Sent:
                MarkSent(Required(on, "the request was sent or received"), dueOn, today);
                break;
            case CooperationStatus.Acknowledged:
                MarkAcknowledged(Required(on, "the receipt was acknowledged"), today);
                break;
            case CooperationStatus.PartlyExecuted:
            case CooperationStatus.Executed:
                RecordExecution(to == CooperationStatus.Executed, Required(on, "the answer came"), today);
                break;
            case CooperationStatus.Refused:
                Refuse(Required(on, "the refusal came"), grounds, becauseNational, today);
                break;
            case CooperationStatus.Withdrawn:
                Withdraw(Required(on, "the request was withdrawn"), today);
                break;
            default:
                throw new DomainRuleViolation("Choose the new status from the list.");
        }
    }

    /// <summary>The statuses this request can move to from where it is.</summary>
    public IReadOnlyList<CooperationStatus> NextStatuses() => Status switch
    {
        CooperationStatus.Draft => [CooperationStatus.Sent, CooperationStatus.Withdrawn],
        CooperationStatus.Sent => [CooperationStatus.Acknowledged, CooperationStatus.PartlyExecuted, CooperationStatus.Executed, CooperationStatus.Refused, CooperationStatus.Withdrawn],
        CooperationStatus.Acknowledged => [CooperationStatus.PartlyExecuted, CooperationStatus.Executed, CooperationStatus.Refused, CooperationStatus.Withdrawn],
        CooperationStatus.PartlyExecuted => [CooperationStatus.PartlyExecuted, CooperationStatus.Executed, CooperationStatus.Withdrawn],
        _ => [],
    };

    public void MarkSent(DateOnly sentOn, DateOnly? dueOn, DateOnly today)
    {
        EnsureCanMoveTo(CooperationStatus.Sent);
        NotInFuture(sentOn, today, "sent");
        if (dueOn is { } due && due < sentOn)
        {
            throw new DomainRuleViolation("The due date cannot be before the day the request was sent.");
        }
        SentOn = sentOn;
        DueOn = dueOn ?? DueOn;
        if (DueOn < sentOn)
        {
            throw new DomainRuleViolation("The due date cannot be before the day the request was sent.");
        }
        Status = CooperationStatus.Sent;
    }

    public void MarkAcknowledged(DateOnly on, DateOnly today)
    {
        EnsureCanMoveTo(CooperationStatus.Acknowledged);
        NotInFuture(on, today, "acknowledged");
        if (on < SentOn)
        {
            throw new DomainRuleViolation("A request cannot be acknowledged before the day it was sent.");
        }
        AcknowledgedOn = on;
        Status = CooperationStatus.Acknowledged;
    }

    public void RecordExecution(bool fully, DateOnly answeredOn, DateOnly today)
    {
        var to = fully ? CooperationStatus.Executed : CooperationStatus.PartlyExecuted;
        EnsureCanMoveTo(to);
        CheckAnswerDate(answeredOn, today);
        AnsweredOn = answeredOn;
        Status = to;
    }

    public void Refuse(DateOnly answeredOn, string? grounds, bool becauseNational, DateOnly today)
    {
        EnsureCanMoveTo(CooperationStatus.Refused);
        CheckAnswerDate(answeredOn, today);
        if (string.IsNullOrWhiteSpace(grounds))
        {
            throw new DomainRuleViolation("Give the grounds the request was refused on.");
        }
        if (grounds.Trim().Length > GroundsMaxLength)
        {
            throw new DomainRuleViolation($"The grounds are limited to {GroundsMaxLength} characters.");
        }
        if (becauseNational && Kind != CooperationKind.Extradition)
        {
            throw new DomainRuleViolation("Only an extradition can be refused because the person is a national.");
        }
        if (becauseNational && Direction == CooperationDirection.Incoming && DefendantIds.Length == 0)
        {
            throw new DomainRuleViolation("Say which defendant the extradition request concerns: refusing to extradite a national obliges this state to prosecute them (Art. 15(3)).");
        }
        AnsweredOn = answeredOn;
        RefusalGrounds = grounds.Trim();
        RefusedBecauseNational = becauseNational;
        Status = CooperationStatus.Refused;
    }

    public void Withdraw(DateOnly on, DateOnly today)
    {
        EnsureCanMoveTo(CooperationStatus.Withdrawn);
        NotInFuture(on, today, "withdrawn");
        if (on < SentOn)
        {
            throw new DomainRuleViolation("A request cannot be withdrawn before the day it was sent.");
        }
        WithdrawnOn = on;
        Status = CooperationStatus.Withdrawn;
    }

    /// <summary>A new due date, e.g. when the other state asks for more time.</summary>
    public void SetDueDate(DateOnly? dueOn)
    {
        if (IsClosed)
        {
            throw new DomainRuleViolation("A closed request has no due date to change.");
        }
        if (dueOn is { } due && SentOn is { } sent && due < sent)
        {
            throw new DomainRuleViolation("The due date cannot be before the day the request was sent.");
        }
        DueOn = dueOn;
    }

    private void EnsureCanMoveTo(CooperationStatus to)
    {
        if (NextStatuses().Contains(to))
        {
            return;
        }
        if (SentOn is null && to is CooperationStatus.Acknowledged or CooperationStatus.PartlyExecuted or CooperationStatus.Executed or CooperationStatus.Refused)
        {
            throw new DomainRuleViolation("Mark the request sent first: a request that was not sent cannot be acknowledged or answered.");
        }
        throw new DomainRuleViolation(IsClosed
            ? $"This request is {Status.DisplayName().ToLowerInvariant()}; its status can no longer change."
            : $"A request that is {Status.DisplayName().ToLowerInvariant()} cannot become {to.DisplayName().ToLowerInvariant()}.");
    }

    private void CheckAnswerDate(DateOnly answeredOn, DateOnly today)
    {
        NotInFuture(answeredOn, today, "answered");
        if (answeredOn < SentOn)
        {
            throw new DomainRuleViolation("A request cannot be answered before the day it was sent.");
        }
        if (answeredOn < AcknowledgedOn)
        {
            throw new DomainRuleViolation("A request cannot be answered before the day it was acknowledged.");
        }
        if (answeredOn < AnsweredOn)
        {
            throw new DomainRuleViolation("The answer cannot be dated before the earlier partial answer.");
        }
    }

    private static void NotInFuture(DateOnly on, DateOnly today, string what)
    {
        if (on > today)
        {
            throw new DomainRuleViolation($"A request cannot be recorded as {what} on a date in the future.");
        }
    }

    private static DateOnly Required(DateOnly? on, string what) =>
        on ?? throw new DomainRuleViolation($"Give the date {what}.");

    // ---- Art. 15(3) and 15(4)

    /// <summary>
    /// What this request means for the jurisdiction analysis. Only an <b>incoming</b> extradition
    /// request refused by this state counts: the person is here, and refusing to extradite them
    /// because they are a national obliges this state to prosecute (Art. 15(3), with Art. 16(10));
    /// a refusal for another reason allows it (Art. 15(4)). An outgoing request refused by the other
    /// state because the person is its national obliges <i>that</i> state to prosecute (Art. 16(10))
    /// and gives this state no basis.
    /// </summary>
    public JurisdictionEffect JurisdictionEffect()
    {
        if (Kind != CooperationKind.Extradition || Status != CooperationStatus.Refused)
        {
            return new JurisdictionEffect(ExtraditionRefusal.None, [], null);
        }
        if (Direction == CooperationDirection.Outgoing)
        {
            return new JurisdictionEffect(ExtraditionRefusal.None, [],
                RefusedBecauseNational
                    ? "The requested state refused to extradite its own national: under Art. 16(10) it must submit the case to its own prosecutors. This gives this state no jurisdiction basis."
                    : "The requested state refused extradition. This gives this state no jurisdiction basis.");
        }
        return RefusedBecauseNational
            ? new JurisdictionEffect(ExtraditionRefusal.RefusedBecauseNational, DefendantIds,
                "Extradition of a national refused by this state: jurisdiction is mandatory (Convention Art. 15(3)) and the case must be submitted for prosecution (Art. 16(10)).")
            : new JurisdictionEffect(ExtraditionRefusal.RefusedOtherReason, DefendantIds,
                "Extradition refused by this state for another reason: jurisdiction may be established (Convention Art. 15(4)).");
    }

    // ---- Material concerned, and informal material to be re-obtained formally

    public RequestMaterial AddMaterial(string? description, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainRuleViolation("Describe the evidence or material in a few words.");
        }
        if (description.Trim().Length > RequestMaterial.DescriptionMaxLength)
        {
            throw new DomainRuleViolation($"Describe the material in at most {RequestMaterial.DescriptionMaxLength} characters.");
        }
        if (_material.Count >= MaterialMaxItems)
        {
            throw new DomainRuleViolation($"A request lists at most {MaterialMaxItems} items of material.");
        }
        var item = new RequestMaterial(Id, CaseId, description.Trim(), at);
        _material.Add(item);
        return item;
    }

    public void RemoveMaterial(Guid itemId) => _material.Remove(Item(itemId));

    /// <summary>Whether items on this request are material obtained informally (an outgoing police-to-police request).</summary>
    public bool YieldsInformalMaterial => Kind == CooperationKind.Informal && Direction == CooperationDirection.Outgoing;

    /// <summary>Links an item obtained informally to the formal request that asks for it again.</summary>
    public void CoverMaterial(Guid itemId, CooperationRequest formal)
    {
        var item = Item(itemId);
        if (!YieldsInformalMaterial)
        {
            throw new DomainRuleViolation("Only material obtained through an outgoing informal request needs a formal request to cover it.");
        }
        if (formal.CaseId != CaseId)
        {
            throw new DomainRuleViolation("Choose a formal request of the same case.");
        }
        if (formal.Kind != CooperationKind.MutualLegalAssistance || formal.Direction != CooperationDirection.Outgoing)
        {
            throw new DomainRuleViolation("Informal material is re-obtained through an outgoing mutual legal assistance request; choose one.");
        }
        if (formal.Status is CooperationStatus.Refused or CooperationStatus.Withdrawn)
        {
            throw new DomainRuleViolation($"That request was {formal.Status.DisplayName().ToLowerInvariant()}; it cannot re-obtain anything. Choose or record another.");
        }
        item.CoveredByRequestId = formal.Id;
        item.FormallyReceivedOn = null;
    }

    public void UncoverMaterial(Guid itemId)
    {
        var item = Item(itemId);
        item.CoveredByRequestId = null;
        item.FormallyReceivedOn = null;
    }

    /// <summary>For a covering request only partly executed: this item did arrive through it.</summary>
    public void ConfirmFormallyReceived(Guid itemId, CooperationRequest covering, DateOnly on, DateOnly today)
    {
        var item = Item(itemId);
        if (item.CoveredByRequestId != covering.Id)
        {
            throw new DomainRuleViolation("This item is not covered by that request.");
        }
        if (covering.Status is not (CooperationStatus.PartlyExecuted or CooperationStatus.Executed))
        {
            throw new DomainRuleViolation("The formal request has not been executed, even in part: nothing can have arrived through it yet.");
        }
        if (on > today || on < covering.SentOn)
        {
            throw new DomainRuleViolation("The date it arrived must lie between the day the formal request was sent and today.");
        }
        item.FormallyReceivedOn = on;
    }

    private RequestMaterial Item(Guid itemId) =>
        _material.FirstOrDefault(m => m.Id == itemId) ?? throw new DomainRuleViolation("That item is not listed on this request.");

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What a request means for the Art. 15 analysis: the refusal recorded against the
/// defendants concerned, and why.</summary>
public sealed record JurisdictionEffect(ExtraditionRefusal Outcome, IReadOnlyList<Guid> DefendantIds, string? Explanation);
