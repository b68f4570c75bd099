namespace TipCases.Domain.Cases;

/// <summary>One dated move of a case from one stage to another, kept as its stage history.</summary>
public sealed class StageChange : IBelongsToCase
{
    public const int ReasonMaxLength = 2000;

    private StageChange() { }

    internal StageChange(Guid caseId, CaseStage? from, CaseStage to, DateTimeOffset at, Guid byUserId, string? reason)
    {
        Id = Guid.CreateVersion7(at);
        CaseId = caseId;
        From = from;
        To = to;
        At = at;
        ByUserId = byUserId;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>Null for the case's opening.</summary>
    public CaseStage? From { get; private set; }

    public CaseStage To { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid ByUserId { get; private set; }

    public string? Reason { get; private set; }
}
