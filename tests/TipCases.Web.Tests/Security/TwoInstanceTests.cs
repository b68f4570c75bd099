using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Web.Data;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Security;

/// <summary>
/// Two app instances (two hosts, each with its own services, caches and connection pool) on one
/// database, as behind a load balancer: a session started on one is honoured by the other (Data
/// Protection keys live in PostgreSQL), and two people saving one case through different instances
/// never overwrite each other.
/// </summary>
public sealed class TwoInstanceTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task A_session_started_on_one_instance_is_honoured_by_the_other()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var target = await App.CaseAsync("CPO", "Harbour Lights forced labour", (paula.Id, TeamRole.Prosecutor));
        await using var second = App.AnotherInstance();
        var signedInOnFirst = await App.SignedInClientAsync("paula");

        var onSecond = second.ClientWith(signedInOnFirst.CookiesOf());
        var response = await onSecond.GetAsync($"/Cases/{target.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Harbour Lights forced labour");
        // It is the session that opens the page: without it, the second instance sends the client to sign in.
        var stranger = second.ClientWith(new CookieContainer());
        (await stranger.GetAsync($"/Cases/{target.Id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_form_opened_on_one_instance_is_accepted_by_the_other()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var target = await App.CaseAsync("CPO", "Harbour Lights forced labour", (paula.Id, TeamRole.Prosecutor));
        await using var second = App.AnotherInstance();
        var first = await App.SignedInClientAsync("paula");
        var page = await first.GetHtmlAsync($"/Cases/{target.Id}/Edit");

        // The antiforgery token was issued by the first instance; the second validates it with the same keys.
        var response = await second.ClientWith(first.CookiesOf()).SubmitFormAsync(page, $"/Cases/{target.Id}/Edit",
            new() { ["Form.Title"] = "Harbour Lights, saved on the second instance" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StoredAsync(target.Id)).Title.ShouldBe("Harbour Lights, saved on the second instance");
    }

    [Fact]
    public async Task Two_edits_of_one_case_through_two_instances_are_detected_not_lost()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var target = await App.CaseAsync("CPO", "Harbour Lights forced labour", (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator));
        await using var second = App.AnotherInstance();
        var paulaOnFirst = await App.SignedInClientAsync("paula");
        var inesOnSecond = second.ClientWith((await App.SignedInClientAsync("ines")).CookiesOf());
        var url = $"/Cases/{target.Id}/Edit";
        // Both open the form before either saves.
        var paulasForm = await paulaOnFirst.GetHtmlAsync(url);
        var inesForm = await inesOnSecond.GetHtmlAsync(url);

        var paulaSaves = await paulaOnFirst.SubmitFormAsync(paulasForm, url, new() { ["Form.Title"] = "Harbour Lights, as Paula saw it" });
        var inesSaves = await inesOnSecond.SubmitFormAsync(inesForm, url, new() { ["Form.Title"] = "Harbour Lights, as Ines saw it" });

        paulaSaves.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        inesSaves.StatusCode.ShouldBe(HttpStatusCode.OK, "the second save is refused, not written over the first");
        var refused = await inesSaves.ReadHtmlAsync();
        refused.Summary().ShouldBe(EditModel.ConflictMessage);
        refused.QuerySelector<IHtmlInputElement>("#Form_Title")!.Value.ShouldBe("Harbour Lights, as Paula saw it", "the form shows what is saved now");
        (await StoredAsync(target.Id)).Title.ShouldBe("Harbour Lights, as Paula saw it");

        // Trying again from the refreshed form, on the second instance, succeeds.
        var retry = await inesOnSecond.SubmitFormAsync(refused, url, new() { ["Form.Title"] = "Harbour Lights, both edits seen" });
        retry.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StoredAsync(target.Id)).Title.ShouldBe("Harbour Lights, both edits seen");
    }

    private Task<Case> StoredAsync(Guid id) => App.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().Cases.AsNoTracking().SingleAsync(c => c.Id == id));
}
