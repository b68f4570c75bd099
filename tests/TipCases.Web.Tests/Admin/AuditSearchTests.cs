using System.Globalization;
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

    [Fact]
    public async Task A_paging_cursor_with_a_non_utc_offset_is_read_as_the_same_instant()
    {
        await App.UserAsync("root", Roles.Administrator);
        var client = await App.SignedInClientAsync("root");
        var later = App.Clock.GetUtcNow().AddHours(1).ToOffset(TimeSpan.FromHours(2));

        var response = await client.GetAsync("/Admin/Audit?beforeAt=" + Uri.EscapeDataString(later.ToString("O", CultureInfo.InvariantCulture))
            + "&beforeId=" + Guid.NewGuid());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelectorAll("tbody tr").ShouldContain(r => r.TextContent.Contains("SignedIn"));
    }

    [Fact]
    public async Task The_last_possible_end_date_means_no_upper_bound()
    {
        await App.UserAsync("root", Roles.Administrator);
        var client = await App.SignedInClientAsync("root");

        var response = await client.GetAsync("/Admin/Audit?from=0001-01-01&to=9999-12-31");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelectorAll("tbody tr").ShouldContain(r => r.TextContent.Contains("SignedIn"));
    }

    [Fact]
    public async Task An_unknown_case_reference_shows_no_events_and_says_so()
    {
        await App.UserAsync("root", Roles.Administrator);
        var client = await App.SignedInClientAsync("root");

        var page = await client.GetHtmlAsync("/Admin/Audit?case=CPO-2026-999999");

        page.QuerySelectorAll("tbody tr").ShouldBeEmpty("the sign-in events belong to no case and must not be shown for one");
        page.QuerySelector("[role=alert]")!.TextContent.ShouldBe(TipCases.Web.Pages.Admin.Audit.IndexModel.UnknownCaseMessage);
    }
}
