namespace TipCases.Domain.Cases;

/// <summary>A person on a case's team. One prosecutor of the team is the lead.</summary>
public sealed class TeamMember : IBelongsToCase
{
    private TeamMember() { }

    internal TeamMember(Guid caseId, Guid userId, TeamRole role, DateTimeOffset addedAt)
    {
        Id = Guid.CreateVersion7(addedAt);
        CaseId = caseId;
        UserId = userId;
        Role = role;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid UserId { get; private set; }

    public TeamRole Role { get; private set; }

    public bool IsLead { get; internal set; }

    public DateTimeOffset AddedAt { get; private set; }
}
