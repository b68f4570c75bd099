namespace TipCases.Domain.Cases;

/// <summary>A link from one case to a related case (same network, same victims, a split-off).</summary>
public sealed class CaseLink : IBelongsToCase
{
    public const int NoteMaxLength = 500;

    private CaseLink() { }

    internal CaseLink(Guid caseId, Guid linkedCaseId, string? note, Guid createdBy, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        CaseId = caseId;
        LinkedCaseId = linkedCaseId;
        Note = note;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid LinkedCaseId { get; private set; }

    public string? Note { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
