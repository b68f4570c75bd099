using System.Net;
using TipCases.Domain.Cooperation;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;

namespace TipCases.Web.Tests.Cooperation;

public sealed class InformalMaterialTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task Informal_material_is_flagged_on_the_case_and_for_the_supervisor_until_the_formal_request_covering_it_is_executed()
    {
        var s = await VictimScenario.CreateAsync(App);
        await App.UserAsync("sam", Roles.Supervisor);
        var informal = await App.RequestAsync(s.Case.Id, CooperationTestData.Informal(), (r, t) =>
        {
            r.AddMaterial("Subscriber details of the recruiter's phone", DateTimeOffset.UtcNow);
            r.MarkSent(t.AddDays(-20), null, t);
            r.RecordExecution(true, t.AddDays(-18), t);
        });
        var item = informal.Material.Single();
        var formal = await App.RequestAsync(s.Case.Id, CooperationTestData.Mla("Formal request for the subscriber details"), (r, t) => r.MarkSent(t.AddDays(-10), t.AddDays(20), t));
        var ines = await App.SignedInClientAsync("ines");
        var sam = await App.SignedInClientAsync("sam");

        var flaggedOnCase = (await ines.GetHtmlAsync($"/Cases/{s.Case.Id}")).QuerySelector("[data-testid=flagged-material]");
        flaggedOnCase.ShouldNotBeNull();
        flaggedOnCase.TextContent.ShouldContain("Subscriber details of the recruiter's phone");
        flaggedOnCase.TextContent.ShouldContain("no formal request covers it yet");
        (await sam.GetHtmlAsync("/Cooperation?FlaggedOnly=true&Status=all")).QuerySelectorAll("[data-testid=register-row]").ShouldHaveSingleItem()
            .TextContent.ShouldContain("1 item(s) to re-obtain formally");

        var url = $"/Cases/{s.Case.Id}/Cooperation/{informal.Id}";
        (await ines.SubmitFormAsync(url, new() { ["coveringId"] = formal.Id.ToString() }, handler: "Cover")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.StoredRequestAsync(informal.Id))!.Material.Single().CoveredByRequestId.ShouldBe(formal.Id);
        (await ines.GetHtmlAsync($"/Cases/{s.Case.Id}")).QuerySelector("[data-testid=flagged-material]")!.TextContent.ShouldContain("awaits execution");

        (await ines.SubmitFormAsync($"/Cases/{s.Case.Id}/Cooperation/{formal.Id}", new()
        {
            ["Status.To"] = nameof(CooperationStatus.Executed),
            ["Status.On"] = App.Today().Iso(),
        }, handler: "Status")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await ines.GetHtmlAsync($"/Cases/{s.Case.Id}")).QuerySelector("[data-testid=flagged-material]").ShouldBeNull();
        (await sam.GetHtmlAsync("/Cooperation?FlaggedOnly=true&Status=all")).QuerySelectorAll("[data-testid=register-row]").ShouldBeEmpty();
        (await ines.GetHtmlAsync(url)).QuerySelector("[data-testid=request-material]")!.TextContent.ShouldContain("Re-obtained formally");
        _ = item;
    }

    [Fact]
    public async Task Informal_material_cannot_be_covered_by_another_informal_request()
    {
        var s = await VictimScenario.CreateAsync(App);
        var informal = await App.RequestAsync(s.Case.Id, CooperationTestData.Informal(), (r, _) => r.AddMaterial("Hotel records", DateTimeOffset.UtcNow));
        var other = await App.RequestAsync(s.Case.Id, CooperationTestData.Informal("Another informal request"));
        var client = await App.SignedInClientAsync("paula");
        var url = $"/Cases/{s.Case.Id}/Cooperation/{informal.Id}";

        var response = await client.SubmitFormAsync(url, new() { ["coveringId"] = other.Id.ToString() }, handler: "Cover");

        (await response.ReadHtmlAsync()).Summary().ShouldContain("outgoing mutual legal assistance request");
        (await App.StoredRequestAsync(informal.Id))!.Material.Single().CoveredByRequestId.ShouldBeNull();
    }
}
