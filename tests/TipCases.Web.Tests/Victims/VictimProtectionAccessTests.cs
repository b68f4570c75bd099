using System.Net;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Victims;

/// <summary>Who reaches the protection, information, residence, compensation and non-punishment
/// pages, and that none of them ever shows the victim's identity.</summary>
public sealed class VictimProtectionAccessTests(TipCasesApp app) : WebTest(app)
{
    private static readonly string[] Sections = ["Protection", "Information", "Residence", "Compensation", "NonPunishment"];

    [Fact]
    public async Task An_investigator_on_the_case_sees_the_pages_but_cannot_change_the_plan_or_the_records()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.PostTrial);
        var ines = await App.SignedInClientAsync("ines");
        var baseUrl = $"/Victims/{s.Victim.Id}";

        foreach (var section in Sections)
        {
            (await ines.GetAsync($"{baseUrl}/{section}")).StatusCode.ShouldBe(HttpStatusCode.OK, section);
        }
        var protectionPage = await ines.GetHtmlAsync($"{baseUrl}/Protection");
        protectionPage.QuerySelector("#Plan_Kind").ShouldBeNull("no plan form for an investigator");

        (await ines.PostWithTokenAsync($"{baseUrl}/Protection", "Plan", new() { ["Plan.Kind"] = nameof(ProtectionMeasureKind.ClosedCourt) }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ines.PostWithTokenAsync($"{baseUrl}/Information", null, new()
        {
            ["Form.CaseId"] = s.Case.Id.ToString(), ["Form.Topic"] = nameof(InformationTopic.Outcome), ["Form.InformedOn"] = App.Today().Iso(),
            ["Form.Channel"] = nameof(InformationChannel.Letter), ["Form.ChannelConfirmedSafe"] = "true",
        })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ines.PostWithTokenAsync($"{baseUrl}/Residence", null, new()
        {
            ["Form.Kind"] = nameof(ResidenceKind.PermanentStay), ["Form.StartsOn"] = App.Today().Iso(),
        })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ines.PostWithTokenAsync($"{baseUrl}/Compensation", null, new()
        {
            ["Form.CaseId"] = s.Case.Id.ToString(), ["Form.Route"] = nameof(CompensationRoute.CivilClaim), ["Form.Heads"] = nameof(CompensationHead.LegalFees),
            ["Form.Currency"] = "EUR", ["Form.Claimed"] = "100",
        })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var stored = await App.StoredVictimAsync(s.Victim.Id);
        stored.Measures.ShouldBeEmpty();
        stored.InformationGiven.ShouldBeEmpty();
        stored.Residence.ShouldBeEmpty();
        stored.Claims.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_user_of_another_office_finds_nothing()
    {
        var s = await VictimScenario.CreateAsync(App);
        await App.UserAsync("nina", Roles.Supervisor, "NRO");
        var nina = await App.SignedInClientAsync("nina");

        foreach (var section in Sections)
        {
            (await nina.GetAsync($"/Victims/{s.Victim.Id}/{section}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, section);
        }
        (await nina.PostWithTokenAsync($"/Victims/{s.Victim.Id}/Protection", "Plan", new() { ["Plan.Kind"] = nameof(ProtectionMeasureKind.ClosedCourt) }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.StoredVictimAsync(s.Victim.Id)).Measures.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_colleague_of_the_same_office_off_the_case_finds_nothing()
    {
        var s = await VictimScenario.CreateAsync(App);
        await App.UserAsync("olga", Roles.VictimLiaisonOfficer);
        var olga = await App.SignedInClientAsync("olga");

        foreach (var section in Sections)
        {
            (await olga.GetAsync($"/Victims/{s.Victim.Id}/{section}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, section);
        }
    }

    [Fact]
    public async Task No_page_ever_shows_the_victims_identity()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.PostTrial, offenceFrom: new DateOnly(2024, 6, 15), born: new DateOnly(2008, 1, 1));
        var now = App.Clock.GetUtcNow();
        await App.ChangeVictimAsync(s.Victim.Id, v =>
        {
            v.PlanMeasure(ProtectionMeasureKind.ClosedCourt, "Requested at the hearing", App.Today(), now);
            v.RecordInformationGiven(s.Case.Id, InformationTopic.Outcome, App.Today(), InformationChannel.InPerson, true, null, s.Lena, now, App.Today());
            v.RecordResidence(ResidenceKind.TemporaryStayPermit, App.Today(), App.Today().AddDays(5), null, null, now);
            v.AddClaim(s.Case.Id, CompensationRoute.CivilClaim, [CompensationHead.UnpaidWages], "EUR", 100m, 100m, 50m, null, null, now);
            v.FlagNonPunishment(true, "Immigration offences", null);
        });
        var claimId = (await App.StoredVictimAsync(s.Victim.Id)).Claims.Single().Id;

        // The liaison officer and the prosecutor may reveal the identity elsewhere; these pages never do.
        foreach (var user in new[] { "lena", "paula", "ines" })
        {
            var client = await App.SignedInClientAsync(user);
            foreach (var url in Sections.Select(x => $"/Victims/{s.Victim.Id}/{x}").Append($"/Victims/{s.Victim.Id}/Compensation?claim={claimId}"))
            {
                var response = await client.GetAsync(url);
                if (user == "ines" && url.Contains("claim=", StringComparison.Ordinal))
                {
                    response.StatusCode.ShouldBe(HttpStatusCode.NotFound, "an investigator has no claim to edit");
                    continue;
                }
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{user} {url}");
                var html = await response.Content.ReadAsStringAsync();
                html.ShouldContain(s.Victim.Pseudonym, Shouldly.Case.Sensitive);
                html.ShouldNotContain("Amina", Shouldly.Case.Insensitive, $"{user} {url}");
                html.ShouldNotContain("Testperson", Shouldly.Case.Insensitive, $"{user} {url}");
                html.ShouldNotContain("Hidden Street", Shouldly.Case.Insensitive, $"{user} {url}");
                html.ShouldNotContain("2008-01-01", Shouldly.Case.Sensitive, $"{user} {url}");
            }
        }
    }
}
