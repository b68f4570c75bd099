using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Statistics;
using TipCases.Domain.Victims;

namespace TipCases.Domain.Tests.Statistics;

public sealed class HtcdsVictimRecordTests
{
    [Theory]
    [InlineData(null, "Unknown")]
    [InlineData(0, "0--8")]
    [InlineData(8, "0--8")]
    [InlineData(9, "9--17")]
    [InlineData(17, "9--17")]
    [InlineData(18, "18--20")]
    [InlineData(21, "21--23")]
    [InlineData(26, "24--26")]
    [InlineData(29, "27--29")]
    [InlineData(30, "30--38")]
    [InlineData(47, "39--47")]
    [InlineData(48, "48+")]
    [InlineData(90, "48+")]
    public void Ages_fall_in_the_CTDC_bands(int? age, string band) => HtcdsVictimRecord.AgeBand(age).ShouldBe(band);

    [Theory]
    [InlineData("9--17", "0--17")]
    [InlineData("27--29", "18--29")]
    [InlineData("48+", "30+")]
    [InlineData("Unknown", "Unknown")]
    public void Bands_widen_without_crossing_the_age_of_majority(string band, string wide) => HtcdsVictimRecord.WideAgeBand(band).ShouldBe(wide);

    [Theory]
    [InlineData(null, "Unknown")]
    [InlineData("  ", "Unknown")]
    [InlineData("md", "MD")]
    [InlineData("Moldova", "MD")]
    [InlineData("  moldovan ", "MOLDOVAN")]
    [InlineData("Moldovan (born   in 1990, +00 555)", "MOLDOVAN BORN IN")]
    public void Citizenship_is_a_state_code_or_tidied_text(string? nationality, string expected) =>
        HtcdsVictimRecord.Citizenship(nationality).ShouldBe(expected);

    [Theory]
    [InlineData("ProstitutionOfOthers;OtherSexualExploitation", "SexualExploitation")]
    [InlineData("ForcedBegging;ForcedCriminalActivities;ForcedLabourOrServices", "ForcedLabour")]
    [InlineData("ForcedLabourOrServices;Servitude", "ForcedLabour;SlaveryAndPractices")]
    [InlineData("RemovalOfOrgans", "OrganRemoval")]
    [InlineData("Unknown", "Unknown")]
    public void Exploitation_forms_group_into_broad_types(string forms, string broad) => HtcdsVictimRecord.BroadExploitation(forms).ShouldBe(broad);

    [Fact]
    public void A_victims_values_follow_the_published_columns_and_means_wait_for_the_charges()
    {
        var values = HtcdsVictimRecord.Values(new HtcdsVictimFacts(Sex.Female, 16, ChildStatus.Child, "Moldova",
            [ExploitationForm.Servitude, ExploitationForm.ForcedLabourOrServices], [], CaseStage.Trial));

        HtcdsVictimRecord.Attributes.Select(a => a.Name).ShouldBe(
            ["gender", "majorityStatusAtExploit", "ageBroad", "typeOfExploit", "caseOutcome", "citizenship", "meansOfControl"]);
        values.ShouldBe(["Female", "Minor", "9--17", "ForcedLabourOrServices;Servitude", "Trial", "MD", "NotRecorded"]);
    }

    [Theory]
    [InlineData("Trial", "Open")]
    [InlineData("Closed", "Closed")]
    [InlineData("Discontinued", "Discontinued")]
    public void Case_stages_generalise_to_open_or_ended(string stage, string outcome) => HtcdsVictimRecord.OpenOrEnded(stage).ShouldBe(outcome);

    [Theory]
    [InlineData(TraffickingMeans.ThreatOfForce, "Threats")]
    [InlineData(TraffickingMeans.UseOfForce, "PhysicalAbuse")]
    [InlineData(TraffickingMeans.Fraud, "FalsePromises")]
    [InlineData(TraffickingMeans.Deception, "FalsePromises")]
    [InlineData(TraffickingMeans.PaymentsToPersonInControl, "TakesEarnings")]
    [InlineData(TraffickingMeans.OtherCoercion, "Other")]
    [InlineData(TraffickingMeans.Abduction, "Other")]
    [InlineData(TraffickingMeans.AbuseOfPower, "Other")]
    [InlineData(TraffickingMeans.AbuseOfVulnerability, "Other")]
    public void Each_means_on_a_charge_is_an_htcds_method_of_control(TraffickingMeans means, string method) =>
        HtcdsVictimRecord.MeansOfControl(means).ShouldBe(method);

    [Fact]
    public void The_means_recorded_on_charges_publish_sorted_and_once_each_and_unknown_names_are_skipped()
    {
        var methods = HtcdsVictimRecord.MeansOfControl(["Fraud", "ThreatOfForce", "Deception", "NoSuchMeans", "99"]);

        methods.ShouldBe(["FalsePromises", "Threats"]);
        HtcdsVictimRecord.Values(new HtcdsVictimFacts(Sex.Male, 30, ChildStatus.Adult, "DE", [ExploitationForm.ForcedLabourOrServices], methods, CaseStage.Trial))[^1]
            .ShouldBe("FalsePromises;Threats");
        HtcdsVictimRecord.MeansOfControl([]).ShouldBeEmpty();
    }
}
