using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Cooperation;
using TipCases.Domain.Jurisdiction;
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
