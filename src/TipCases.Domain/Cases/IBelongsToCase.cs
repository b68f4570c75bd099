namespace TipCases.Domain.Cases;

/// <summary>A record that is part of a case's file, so its changes appear in the case's history.</summary>
public interface IBelongsToCase
{
    Guid CaseId { get; }
}
