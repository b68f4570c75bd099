using TipCases.Domain.Victims;

namespace TipCases.Web.Pages.Victims;

/// <summary>Words for the kinds of support steps and threats, as liaison officers say them.</summary>
public static class SupportStepNames
{
    public static string DisplayName(this SupportStepKind kind) => kind switch
    {
        SupportStepKind.InformationGiven => "Information given",
        SupportStepKind.SafetyCheck => "Safety check",
        _ => kind.ToString(),
    };

    public static string DisplayName(this ThreatKind kind) => kind switch
    {
        ThreatKind.VerbalThreat => "Verbal threat",
        ThreatKind.ContactBySuspect => "Contact by a suspect",
        ThreatKind.ThreatToFamily => "Threat to family",
        ThreatKind.OnlineHarassment => "Online harassment",
        _ => kind.ToString(),
    };
}
