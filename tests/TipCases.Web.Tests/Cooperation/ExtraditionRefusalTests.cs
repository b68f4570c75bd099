using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Cooperation;
using TipCases.Domain.Jurisdiction;
using TipCases.Domain.Reference;
using TipCases.Web.Data;
using TipCases.Web.Tests.Charges;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;

namespace TipCases.Web.Tests.Cooperation;

/// <summary>Refusing an incoming extradition request records the refusal on the defendants it
/// concerns, so the case's jurisdiction analysis shows Art. 15(3) (national) or 15(4).</summary>
public sealed class ExtraditionRefusalTests(TipCasesApp app) : WebTest(app)
{
    private async Task<(VictimScenario S, Defendant D, CooperationRequest R)> IncomingExtraditionAsync()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Investigation);
        var d = await App.DefendantAsync(s.Case.Id, ChargeTestData.Person("Ola Nordmann") with { Nationality = "NO", IsPresentInTerritory = false });
        var details = CooperationTestData.Mla("Extradition of the suspect to Germany") with
        {
            Kind = CooperationKind.Extradition,
            Direction = CooperationDirection.Incoming,
            Assistance = [],
            DefendantIds = [d.Id],
        };
        var r = await App.RequestAsync(s.Case.Id, details, (x, t) => x.MarkSent(t.AddDays(-3), null, t));
        return (s, d, r);
    }

    private Task<Defendant> StoredDefendantAsync(Guid id) => App.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().Defendants.AsNoTracking().SingleAsync(x => x.Id == id));

    private static async Task<IHtmlTableRowElement?> BaseRowAsync(HttpClient client, Guid caseId, string article) =>
        (await client.GetHtmlAsync($"/Cases/{caseId}/Jurisdiction")).QuerySelectorAll<IHtmlTableRowElement>("[data-testid=applying-bases] tbody tr")
            .FirstOrDefault(r => r.Cells[0].TextContent.Trim() == article);

    [Fact]
    public async Task Refusing_to_extradite_a_national_defendant_makes_art_15_3_jurisdiction_mandatory_with_the_reason()
    {
        var (s, d, r) = await IncomingExtraditionAsync();
        var client = await App.SignedInClientAsync("paula");
        (await BaseRowAsync(client, s.Case.Id, "Art. 15(3)")).ShouldBeNull();

        var response = await client.SubmitFormAsync($"/Cases/{s.Case.Id}/Cooperation/{r.Id}", new()
        {
            ["Status.To"] = nameof(CooperationStatus.Refused),
            ["Status.On"] = App.Today().Iso(),
            ["Status.Grounds"] = "The person is a national of Norway.",
            ["Status.BecauseNational"] = "true",
        }, handler: "Status");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await StoredDefendantAsync(d.Id);
        stored.IsPresentInTerritory.ShouldBeTrue();
        stored.ExtraditionRefusal.ShouldBe(ExtraditionRefusal.RefusedBecauseNational);
        stored.ExtraditionRefusalNote!.ShouldContain("The person is a national of Norway.");
        var row = (await BaseRowAsync(client, s.Case.Id, "Art. 15(3)")).ShouldNotBeNull();
        row.Cells[2].TextContent.Trim().ShouldBe("Mandatory");
        row.Cells[3].TextContent.ShouldContain("national");
        (await BaseRowAsync(client, s.Case.Id, "Art. 15(4)")).ShouldBeNull();
    }

    [Fact]
    public async Task Refusing_extradition_for_another_reason_allows_art_15_4_jurisdiction()
    {
        var (s, d, r) = await IncomingExtraditionAsync();
        var client = await App.SignedInClientAsync("paula");

        (await client.SubmitFormAsync($"/Cases/{s.Case.Id}/Cooperation/{r.Id}", new()
        {
            ["Status.To"] = nameof(CooperationStatus.Refused),
            ["Status.On"] = App.Today().Iso(),
            ["Status.Grounds"] = "Risk of an unfair trial.",
        }, handler: "Status")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await StoredDefendantAsync(d.Id)).ExtraditionRefusal.ShouldBe(ExtraditionRefusal.RefusedOtherReason);
        var row = (await BaseRowAsync(client, s.Case.Id, "Art. 15(4)")).ShouldNotBeNull();
        row.Cells[2].TextContent.Trim().ShouldNotBe("Mandatory");
        (await BaseRowAsync(client, s.Case.Id, "Art. 15(3)")).ShouldBeNull();
    }
}

/// <summary>Who may change defendants, and what others read of them on the jurisdiction page.</summary>
public sealed class ExtraditionRefusalAccessTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task A_supervisor_records_the_refusal_but_only_the_team_records_it_on_the_defendants()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Investigation);
        await App.UserAsync("sam", TipCases.Web.Security.Roles.Supervisor);
        var d = await App.DefendantAsync(s.Case.Id, ChargeTestData.Person("Ola Nordmann") with { Nationality = "NO", IsPresentInTerritory = false });
        var r = await App.RequestAsync(s.Case.Id, CooperationTestData.Mla("Extradition of the suspect to Germany") with
        {
            Kind = CooperationKind.Extradition, Direction = CooperationDirection.Incoming, Assistance = [], DefendantIds = [d.Id],
        }, (x, t) => x.MarkSent(t.AddDays(-3), null, t));
        var sam = await App.SignedInClientAsync("sam");

        var response = await sam.SubmitFormAsync($"/Cases/{s.Case.Id}/Cooperation/{r.Id}", new()
        {
            ["Status.To"] = nameof(CooperationStatus.Refused),
            ["Status.On"] = App.Today().Iso(),
            ["Status.Grounds"] = "Ola Nordmann is a national of Norway.",
            ["Status.BecauseNational"] = "true",
        }, handler: "Status");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.StoredRequestAsync(r.Id))!.Status.ShouldBe(CooperationStatus.Refused);
        var stored = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Defendants.AsNoTracking().SingleAsync(x => x.Id == d.Id));
        stored.ExtraditionRefusal.ShouldBe(ExtraditionRefusal.None);
        stored.IsPresentInTerritory.ShouldBeFalse();
        (await sam.GetHtmlAsync($"/Cases/{s.Case.Id}/Cooperation/{r.Id}")).Body!.TextContent
            .ShouldContain("A prosecutor or investigator on the case team records it on the defendants concerned.");
    }

    [Fact]
    public async Task The_jurisdiction_page_numbers_defendants_as_the_charges_page_does_and_names_them_and_their_note_to_the_team_only()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Investigation);
        await App.UserAsync("sam", TipCases.Web.Security.Roles.Supervisor);
        await App.DefendantAsync(s.Case.Id, ChargeTestData.Company());
        await App.DefendantAsync(s.Case.Id, ChargeTestData.Person("Ola Nordmann") with
        {
            Nationality = "NO", IsPresentInTerritory = true, ExtraditionRefusal = ExtraditionRefusal.RefusedBecauseNational,
            ExtraditionRefusalNote = "Ola Nordmann, refused by the ministry",
        });
        var url = $"/Cases/{s.Case.Id}/Jurisdiction";

        var team = (await (await App.SignedInClientAsync("paula")).GetHtmlAsync(url)).Body!.TextContent;
        team.ShouldContain("Ola Nordmann");
        team.ShouldContain("refused by the ministry");

        var supervisor = (await (await App.SignedInClientAsync("sam")).GetHtmlAsync(url)).Body!.TextContent;
        supervisor.ShouldContain("Defendant 2"); // the company is Defendant 1 on the charges page too
        supervisor.ShouldNotContain("Defendant 1 ");
        supervisor.ShouldNotContain("Ola Nordmann");
        supervisor.ShouldNotContain("refused by the ministry");
    }
}

public sealed class CooperationDefendantChoiceTests(TipCasesApp app) : WebTest(app)
{
    private static Dictionary<string, string> Form() => new()
    {
        ["Form.Kind"] = nameof(CooperationKind.Extradition),
        ["Form.Direction"] = nameof(CooperationDirection.Incoming),
        ["Form.CounterpartState"] = "DE",
        ["Form.Subject"] = "Extradition of the suspect to Germany",
        ["Form.LegalBasis"] = nameof(LegalBasis.Convention),
    };

    [Fact]
    public async Task The_request_form_offers_the_case_defendants_and_the_request_page_names_the_chosen_one()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Investigation);
        var d = await App.DefendantAsync(s.Case.Id, ChargeTestData.Person("Ola Nordmann"));
        var client = await App.SignedInClientAsync("paula");
        var url = $"/Cases/{s.Case.Id}/Cooperation/Edit";
        (await client.GetHtmlAsync(url)).QuerySelector($"label[for=Form_DefendantIds_1]")!.TextContent.ShouldContain("Ola Nordmann");

        var form = Form();
        form["Form.DefendantIds"] = d.Id.ToString();
        (await client.SubmitFormAsync(url, form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stored = (await App.StoredRequestsAsync()).Single(r => r.CaseId == s.Case.Id);
        stored.DefendantIds.ShouldBe([d.Id]);
        (await client.GetHtmlAsync($"/Cases/{s.Case.Id}/Cooperation/{stored.Id}")).QuerySelector("[data-testid=defendants-concerned]")!
            .TextContent.ShouldBe("Ola Nordmann");
    }

    [Fact]
    public async Task A_defendant_of_another_case_is_refused_next_to_the_field_and_nothing_is_saved()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Investigation);
        var other = await App.CaseAsync("CPO", "Another case of paula's", (s.Paula, TeamRole.Prosecutor));
        await App.DefendantAsync(s.Case.Id);
        var stranger = await App.DefendantAsync(other.Id);
        var client = await App.SignedInClientAsync("paula");
        var form = Form();
        form["Form.DefendantIds"] = stranger.Id.ToString();

        var response = await client.SubmitFormAsync($"/Cases/{s.Case.Id}/Cooperation/Edit", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).FieldError("Form.DefendantIds").ShouldBe("Choose defendants of this case.");
        (await App.StoredRequestsAsync()).ShouldNotContain(r => r.CaseId == s.Case.Id);
    }
}
