using TipCases.Domain.Victims;

namespace TipCases.Web.Pages.Victims;

/// <summary>How the protection, information, residence and compensation values read on the pages.</summary>
public static class ProtectionDisplayNames
{
    public static string DisplayName(this ProtectionStage stage) => stage switch
    {
        ProtectionStage.PreTrial => "Pre-trial",
        ProtectionStage.PostTrial => "Post-trial",
        _ => stage.ToString(),
    };

    public static string DisplayName(this MeasureStatus status) => status switch
    {
        MeasureStatus.InPlace => "In place",
        _ => status.ToString(),
    };

    public static string DisplayName(this InformationTopic topic) => topic switch
    {
        InformationTopic.Outcome => "The outcome",
        InformationTopic.Sentence => "The sentence",
        InformationTopic.SentenceLength => "The length of the sentence",
        InformationTopic.ReleaseDate => "The release date",
        InformationTopic.AppealOptions => "Appeal options",
        _ => topic.ToString(),
    };

    public static string DisplayName(this InformationChannel channel) => channel switch
    {
        InformationChannel.InPerson => "In person",
        InformationChannel.Email => "E-mail",
        InformationChannel.ThroughLawyer => "Through their lawyer",
        InformationChannel.ThroughSupportOrganisation => "Through a support organisation",
        _ => channel.ToString(),
    };

    public static string DisplayName(this ResidenceKind kind) => kind switch
    {
        ResidenceKind.ReflectionPeriod => "Reflection period",
        ResidenceKind.TemporaryStayPermit => "Temporary stay permit",
        ResidenceKind.PermanentStay => "Permanent stay",
        _ => kind.ToString(),
    };

    public static string DisplayName(this CompensationRoute route) => route switch
    {
        CompensationRoute.CriminalCourtOrder => "Order in the criminal case",
        CompensationRoute.CivilClaim => "Civil claim",
        CompensationRoute.LabourCourt => "Labour court",
        CompensationRoute.StateFund => "State fund",
        CompensationRoute.TrustFund => "Trust fund",
        _ => route.ToString(),
    };

    public static string DisplayName(this CompensationHead head) => head switch
    {
        CompensationHead.UnpaidWages => "Unpaid wages",
        CompensationHead.LegalFees => "Legal fees",
        CompensationHead.MedicalExpenses => "Medical expenses",
        CompensationHead.LostOpportunities => "Lost opportunities",
        CompensationHead.PainAndSuffering => "Pain and suffering",
        _ => head.ToString(),
    };

    public static string DisplayName(this CompensationSource source) => source switch
    {
        CompensationSource.TraffickersAssets => "The trafficker's assets",
        CompensationSource.StateFund => "State fund",
        CompensationSource.TrustFund => "Trust fund",
        _ => source.ToString(),
    };

    public static string DisplayName(this NonPunishmentReview review) => review switch
    {
        NonPunishmentReview.Pending => "Awaiting a prosecutor's review",
        NonPunishmentReview.DischargeRecommended => "Discharge recommended",
        NonPunishmentReview.ProsecutionContinues => "Prosecution continues",
        NonPunishmentReview.NotApplicable => "Not applicable",
        _ => review.ToString(),
    };
}
