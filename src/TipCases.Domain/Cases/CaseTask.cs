namespace TipCases.Domain.Cases;

/// <summary>A piece of work on a case with an assignee and a due date.</summary>
public sealed class CaseTask : IBelongsToCase
{
    public const int TitleMaxLength = 200;
    public const int NotesMaxLength = 4000;

    private CaseTask() { }

    internal CaseTask(Guid caseId, string title, string? notes, Guid assigneeId, DateOnly dueOn, Guid createdBy, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        CaseId = caseId;
        Title = title;
        Notes = notes;
        AssigneeId = assigneeId;
        DueOn = dueOn;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public string Title { get; private set; } = "";

    public string? Notes { get; private set; }

    public Guid AssigneeId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public Guid? DoneBy { get; private set; }

    /// <summary>Row version (PostgreSQL xmin): two people completing or changing one task are told.</summary>
    public uint Version { get; private set; }

    public bool IsDone => DoneAt is not null;

    public bool IsOverdue(DateOnly today) => !IsDone && DueOn < today;

    internal void MarkDone(Guid by, DateTimeOffset at)
    {
        if (IsDone)
        {
            throw new DomainRuleViolation("This task is already done.");
        }
        DoneAt = at;
        DoneBy = by;
    }
}
