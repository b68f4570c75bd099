using TipCases.Domain.Cases;

namespace TipCases.Domain.Cooperation;

/// <summary>An item of evidence or material a request concerns. On an outgoing informal request it
/// is material obtained informally, flagged until a formal request re-obtains it
/// (<see cref="InformalMaterialRule"/>).</summary>
public sealed class RequestMaterial : IBelongsToCase
{
    public const int DescriptionMaxLength = 300;

    private RequestMaterial() { }

    internal RequestMaterial(Guid requestId, Guid caseId, string description, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        RequestId = requestId;
        CaseId = caseId;
        Description = description;
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public Guid CaseId { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>The formal (mutual legal assistance) request that asks for this item again.</summary>
    public Guid? CoveredByRequestId { get; internal set; }

    /// <summary>When the item arrived through the covering request, if that request was only partly executed.</summary>
    public DateOnly? FormallyReceivedOn { get; internal set; }
}

public sealed record MaterialFlag(bool Flagged, string Explanation);

/// <summary>
/// Material obtained informally (police to police) may not be admissible; it is flagged "to be
/// re-obtained formally before trial" until a formal request brings it in. The flag:
/// <list type="bullet">
/// <item>applies only to items of an outgoing informal request that has yielded something (partly executed or executed);</item>
/// <item>clears when the covering mutual legal assistance request is executed, or, when that request is only partly
/// executed, once someone confirms this item arrived through it (a partial execution may have left this very item out);</item>
/// <item>stays while the covering request is pending, and comes back if it is refused or withdrawn.</item>
/// </list>
/// </summary>
public static class InformalMaterialRule
{
    public const string FlagText = "To be re-obtained formally before trial";

    public static MaterialFlag Evaluate(CooperationRequest informal, RequestMaterial item, CooperationRequest? covering)
    {
        if (!informal.YieldsInformalMaterial)
        {
            return new(false, "Material concerned by a formal request.");
        }
        if (informal.Status is not (CooperationStatus.PartlyExecuted or CooperationStatus.Executed))
        {
            return new(false, "Nothing has been obtained through this informal request yet.");
        }
        if (covering is null || item.CoveredByRequestId is null)
        {
            return new(true, $"{FlagText}: obtained informally and no formal request covers it yet.");
        }
        if (item.FormallyReceivedOn is not null || covering.Status == CooperationStatus.Executed)
        {
            return new(false, "Re-obtained formally through a mutual legal assistance request.");
        }
        return covering.Status switch
        {
            CooperationStatus.PartlyExecuted => new(true, $"{FlagText}: the formal request covering it was only partly executed; confirm whether this item arrived."),
            CooperationStatus.Refused or CooperationStatus.Withdrawn => new(true,
                $"{FlagText}: the formal request covering it was {covering.Status.DisplayName().ToLowerInvariant()}; cover it with another."),
            _ => new(true, $"{FlagText}: a formal request covers it ({covering.Status.DisplayName().ToLowerInvariant()}) and awaits execution."),
        };
    }
}
