using System.Net;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Admin;

public sealed class AuditSearchTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task The_audit_search_finds_a_users_sign_in_events()
    {
        await App.UserAsync("root", Roles.Administrator);
        await App.UserAsync("searched.user", Roles.Prosecutor);
        await App.SignedInClientAsync("searched.user");
        var client = await App.SignedInClientAsync("root");

        var page = await client.GetHtmlAsync("/Admin/Audit?user=searched.user&action=SignedIn");

        var rows = page.QuerySelectorAll("tbody tr").ToList();
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.TextContent.Contains("searched.user") && r.TextContent.Contains("SignedIn"));
    }

    [Fact]
    public async Task An_end_date_before_the_start_date_is_explained_not_failed()
    {
        await App.UserAsync("root", Roles.Administrator);
        var client = await App.SignedInClientAsync("root");

        var response = await client.GetAsync("/Admin/Audit?from=2026-05-01&to=2026-04-01");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelector("[role=alert]")!.TextContent.ShouldContain("The end date is before the start date.");
    }

    [Fact]
    public async Task Nonsense_in_the_filters_does_not_fail_the_page()
    {
        await App.UserAsync("root", Roles.Administrator);
        var client = await App.SignedInClientAsync("root");

        var response = await client.GetAsync("/Admin/Audit?from=not-a-date&action=Nonsense&beforeId=zzz");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
