using TipCases.Domain.Cases;

namespace TipCases.Domain.Charges;

/// <summary>One value of an element recorded on a charge (an act, a means or a purpose), with its
/// evidence. <see cref="Value"/> is the name of a <see cref="TraffickingAct"/>,
/// <see cref="TraffickingMeans"/> or <see cref="Victims.ExploitationForm"/>, as the element says.</summary>
public sealed class ChargeFact : IBelongsToCase
{
    public const int ValueMaxLength = 40;

    private ChargeFact() { }

    internal ChargeFact(Charge charge, ChargeElement element, string value, string evidence)
    {
        Id = Guid.CreateVersion7();
        ChargeId = charge.Id;
        CaseId = charge.CaseId;
        Element = element;
        Value = value;
        Evidence = evidence;
    }

    public Guid Id { get; private set; }

    public Guid ChargeId { get; private set; }

    public Guid CaseId { get; private set; }

    public ChargeElement Element { get; private set; }

    public string Value { get; private set; } = "";

    public string Evidence { get; internal set; } = "";
}

/// <summary>A victim a count concerns, with age evidence when the victim's date of birth is unknown.</summary>
public sealed class ChargeVictim : IBelongsToCase
{
    private ChargeVictim() { }

    internal ChargeVictim(Charge charge, Guid victimId)
    {
        Id = Guid.CreateVersion7();
        ChargeId = charge.Id;
        CaseId = charge.CaseId;
        VictimId = victimId;
    }

    public Guid Id { get; private set; }

    public Guid ChargeId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid VictimId { get; private set; }

    public string? AgeEvidence { get; internal set; }

    /// <summary>Whether the age evidence indicates a child (under 18 at the time of the offence).</summary>
    public bool? AgeEvidenceIndicatesChild { get; internal set; }
}

/// <summary>An aggravating circumstance on a charge, with its evidence.</summary>
public sealed class ChargeAggravation : IBelongsToCase
{
    private ChargeAggravation() { }

    internal ChargeAggravation(Charge charge, AggravatingCircumstance circumstance, string evidence)
    {
        Id = Guid.CreateVersion7();
        ChargeId = charge.Id;
        CaseId = charge.CaseId;
        Circumstance = circumstance;
        Evidence = evidence;
    }

    public Guid Id { get; private set; }

    public Guid ChargeId { get; private set; }

    public Guid CaseId { get; private set; }

    public AggravatingCircumstance Circumstance { get; private set; }

    public string Evidence { get; internal set; } = "";
}

/// <summary>An aggravating circumstance the system proposed (obstruction of justice after a
/// threat): it counts only once the prosecutor accepts it.</summary>
public sealed class AggravationProposal : IBelongsToCase
{
    public const int ReasonMaxLength = 1000;
    public const int NoteMaxLength = 1000;

    private AggravationProposal() { }

    internal AggravationProposal(Charge charge, AggravatingCircumstance circumstance, string reason, Guid? threatIncidentId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ChargeId = charge.Id;
        CaseId = charge.CaseId;
        Circumstance = circumstance;
        Reason = reason.Length > ReasonMaxLength ? reason[..ReasonMaxLength] : reason;
        ThreatIncidentId = threatIncidentId;
        ProposedAt = at;
        State = ProposalState.Pending;
    }

    public Guid Id { get; private set; }

    public Guid ChargeId { get; private set; }

    public Guid CaseId { get; private set; }

    public AggravatingCircumstance Circumstance { get; private set; }

    public string Reason { get; private set; } = "";

    public Guid? ThreatIncidentId { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public ProposalState State { get; private set; }

    public string? DecisionNote { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    internal void Decide(ProposalState state, string? note, Guid by, DateTimeOffset at)
    {
        State = state;
        DecisionNote = note;
        DecidedBy = by;
        DecidedAt = at;
    }
}

/// <summary>One step of a charge's life cycle, dated.</summary>
public sealed class ChargeStatusChange : IBelongsToCase
{
    private ChargeStatusChange() { }

    internal ChargeStatusChange(Charge charge, ChargeStatus? from, ChargeStatus to, DateOnly on, string? note, Guid by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ChargeId = charge.Id;
        CaseId = charge.CaseId;
        From = from;
        To = to;
        On = on;
        Note = note;
        ByUserId = by;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid ChargeId { get; private set; }

    public Guid CaseId { get; private set; }

    public ChargeStatus? From { get; private set; }

    public ChargeStatus To { get; private set; }

    public DateOnly On { get; private set; }

    public string? Note { get; private set; }

    public Guid ByUserId { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>Rules shared by defendants and charges.</summary>
public static class ChargeRules
{
    /// <summary>Defendants and charges change only while their case is open (a closed or
    /// discontinued case is read-only, as its other records are).</summary>
    public static void EnsureCaseOpen(Case @case)
    {
        if (!@case.IsOpen)
        {
            throw new DomainRuleViolation($"This case is {@case.Stage.DisplayName().ToLowerInvariant()}: its defendants and charges can no longer be changed.");
        }
    }

    internal static void EnsureSameOpenCase(Case @case, Guid caseId)
    {
        if (@case.Id != caseId)
        {
            throw new InvalidOperationException("The case passed is not the one this record belongs to.");
        }
        EnsureCaseOpen(@case);
    }
}
