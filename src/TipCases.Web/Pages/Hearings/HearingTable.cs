using TipCases.Domain.Hearings;

namespace TipCases.Web.Pages.Hearings;

/// <summary>A list of hearings as <c>_HearingTable</c> shows it.</summary>
/// <param name="ShowCase">Whether rows name their case (lists across cases).</param>
/// <param name="EditableCaseId">The case whose hearings the user may edit from the list (null: none).</param>
public sealed record HearingTable(IReadOnlyList<HearingRow> Rows, string Caption, string TestId, bool ShowCase, Guid? EditableCaseId = null);

public static class HearingNames
{
    public static string StatusBadge(HearingStatus status) => status switch
    {
        HearingStatus.Scheduled => "text-bg-primary",
        HearingStatus.Held => "text-bg-success",
        HearingStatus.Adjourned => "text-bg-warning",
        _ => "text-bg-light border",
    };
}

/// <summary>What <c>_HearingFields</c> needs: the form, the case's victims and the courts already used on the case.</summary>
public sealed record HearingFields(HearingInput Form, IReadOnlyList<WitnessChoice> Choices, IReadOnlyList<string> KnownCourts, string ZoneId);
