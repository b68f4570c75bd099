using System.Net;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Pages.Victims;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Victims;

public sealed class InformationAndResidenceTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task Information_is_not_recorded_without_confirming_the_channel_is_safe()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.PostTrial);
        var client = await App.SignedInClientAsync("lena");

        var response = await client.SubmitFormAsync($"/Victims/{s.Victim.Id}/Information", new()
        {
            ["Form.CaseId"] = s.Case.Id.ToString(),
            ["Form.Topic"] = nameof(InformationTopic.Outcome),
            ["Form.InformedOn"] = App.Today().Iso(),
            ["Form.Channel"] = nameof(InformationChannel.Phone),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).FieldError("Form.ChannelConfirmedSafe").ShouldBe(InformationModel.Validator.SafeChannelMessage);
        (await App.StoredVictimAsync(s.Victim.Id)).InformationGiven.ShouldBeEmpty();
    }

    [Fact]
    public async Task After_trial_each_topic_told_is_listed_and_the_rest_are_outstanding()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.PostTrial);
        var client = await App.SignedInClientAsync("lena");
        var url = $"/Victims/{s.Victim.Id}/Information";

        var response = await client.SubmitFormAsync(url, new()
        {
            ["Form.CaseId"] = s.Case.Id.ToString(),
            ["Form.Topic"] = nameof(InformationTopic.Sentence),
            ["Form.InformedOn"] = App.Today().AddDays(-1).Iso(),
            ["Form.Channel"] = nameof(InformationChannel.InPerson),
            ["Form.ChannelConfirmedSafe"] = "true",
            ["Form.Notes"] = "At the shelter, with an interpreter",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = (await App.StoredVictimAsync(s.Victim.Id)).InformationGiven.Single();
        stored.ShouldSatisfyAllConditions(i => i.Topic.ShouldBe(InformationTopic.Sentence), i => i.ChannelConfirmedSafe.ShouldBeTrue(),
            i => i.ByUserId.ShouldBe(s.Lena), i => i.CaseId.ShouldBe(s.Case.Id));
        var page = await client.GetHtmlAsync(url);
        page.Text("[role=status]").ShouldContain("Recorded");
        var duties = page.QuerySelector($"[data-testid='duties-{s.Case.Reference}']")!;
        duties.QuerySelector("[data-testid=topic-Sentence]")!.TextContent.ShouldContain("Given");
        duties.QuerySelector("[data-testid=topic-Sentence]")!.TextContent.ShouldContain("in person");
        foreach (var topic in new[] { InformationTopic.Outcome, InformationTopic.SentenceLength, InformationTopic.ReleaseDate, InformationTopic.AppealOptions })
        {
            duties.QuerySelector($"[data-testid=topic-{topic}]")!.TextContent.ShouldContain("Outstanding");
        }
        duties.QuerySelector("[data-testid=outstanding-summary]")!.TextContent.ShouldContain("4 of 5");
    }

    [Fact]
    public async Task Before_the_trial_ends_no_topic_is_outstanding()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Trial);
        var client = await App.SignedInClientAsync("lena");

        var page = await client.GetHtmlAsync($"/Victims/{s.Victim.Id}/Information");

        var duties = page.QuerySelector($"[data-testid='duties-{s.Case.Reference}']")!.TextContent;
        duties.ShouldContain("These duties start when the case reaches post-trial.");
        duties.ShouldNotContain("Outstanding");
    }

    [Fact]
    public async Task A_permit_expiring_in_ten_days_is_flagged_in_words()
    {
        var s = await VictimScenario.CreateAsync(App);
        var client = await App.SignedInClientAsync("lena");
        var url = $"/Victims/{s.Victim.Id}/Residence";

        var response = await client.SubmitFormAsync(url, new()
        {
            ["Form.Kind"] = nameof(ResidenceKind.TemporaryStayPermit),
            ["Form.StartsOn"] = App.Today().AddDays(-80).Iso(),
            ["Form.ExpiresOn"] = App.Today().AddDays(10).Iso(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetHtmlAsync(url);
        page.Text("[data-testid=residence-TemporaryStayPermit]").ShouldContain("Expires in 10 days");
        page.Text("[data-testid=expiry-warning]").ShouldContain("Temporary stay permit: expires in 10 days");
    }

    [Fact]
    public async Task An_expired_permit_is_marked_expired_and_one_far_off_is_not_flagged()
    {
        var s = await VictimScenario.CreateAsync(App);
        await App.ChangeVictimAsync(s.Victim.Id, v =>
        {
            v.RecordResidence(ResidenceKind.ReflectionPeriod, App.Today().AddDays(-120), App.Today().AddDays(-30), null, null, App.Clock.GetUtcNow());
            v.RecordResidence(ResidenceKind.TemporaryStayPermit, App.Today().AddDays(-29), App.Today().AddDays(ResidenceRecord.ExpiryWarningDays + 1), null,
                null, App.Clock.GetUtcNow());
        });
        var client = await App.SignedInClientAsync("lena");

        var page = await client.GetHtmlAsync($"/Victims/{s.Victim.Id}/Residence");

        page.Text("[data-testid=residence-ReflectionPeriod]").ShouldContain("Expired 30 days ago");
        page.Text("[data-testid=residence-TemporaryStayPermit]").ShouldNotContain("Expire");
        page.QuerySelector("[data-testid=expiry-warning]").ShouldBeNull("the expired period was followed by a permit that runs on");
    }

    [Theory]
    [InlineData(nameof(ResidenceKind.ReflectionPeriod), "Form.ExpiresOn", "Enter the expiry date: a reflection period or temporary permit always has one.")]
    [InlineData(nameof(ResidenceKind.Return), "Form.RiskAssessedOn", "Enter the date of the risk assessment: a return needs one.")]
    public async Task Residence_records_need_their_dates(string kind, string field, string message)
    {
        var s = await VictimScenario.CreateAsync(App);
        var client = await App.SignedInClientAsync("lena");

        var response = await client.SubmitFormAsync($"/Victims/{s.Victim.Id}/Residence",
            new() { ["Form.Kind"] = kind, ["Form.StartsOn"] = App.Today().Iso() });

        (await response.ReadHtmlAsync()).FieldError(field).ShouldBe(message);
        (await App.StoredVictimAsync(s.Victim.Id)).Residence.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_return_before_its_risk_assessment_is_refused_by_the_rule()
    {
        var s = await VictimScenario.CreateAsync(App);
        var client = await App.SignedInClientAsync("lena");

        var response = await client.SubmitFormAsync($"/Victims/{s.Victim.Id}/Residence", new()
        {
            ["Form.Kind"] = nameof(ResidenceKind.Return),
            ["Form.StartsOn"] = App.Today().Iso(),
            ["Form.RiskAssessedOn"] = App.Today().AddDays(3).Iso(),
        });

        (await response.ReadHtmlAsync()).Summary().ShouldBe("The risk assessment comes before the return.");
        (await App.StoredVictimAsync(s.Victim.Id)).Residence.ShouldBeEmpty();
    }
}
