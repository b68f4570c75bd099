using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Dashboard;

/// <summary>The victim list the dashboard links to: only victims of cases the user may read, by pseudonym, never the identity.</summary>
public sealed class VictimListTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task A_team_member_sees_only_the_victims_of_their_cases_by_pseudonym_and_never_another_offices()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var peter = await App.UserAsync("peter", Roles.Prosecutor);
        var olga = await App.UserAsync("olga", Roles.Prosecutor, "NRO");
        var mine = await App.VictimAsync(await App.CaseAsync("CPO", "Mine", (paula.Id, TeamRole.Prosecutor)));
        var theirs = await App.VictimAsync(await App.CaseAsync("CPO", "Theirs", (peter.Id, TeamRole.Prosecutor)));
        var north = await App.VictimAsync(await App.CaseAsync("NRO", "North", (olga.Id, TeamRole.Prosecutor), (paula.Id, TeamRole.Prosecutor)));

        var page = await (await App.SignedInClientAsync("paula")).GetHtmlAsync("/Victims");

        page.QuerySelectorAll("#victims tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ShouldBe([mine.Pseudonym]);
        var text = page.QuerySelector("main")!.TextContent;
        text.ShouldNotContain(theirs.Pseudonym);
        text.ShouldNotContain(north.Pseudonym);
        text.ShouldNotContain("Amina");
        text.ShouldNotContain("Testperson");
    }

    [Fact]
    public async Task Filters_that_cannot_be_applied_are_reported_and_the_applied_ones_can_be_removed()
    {
        await App.UserAsync("sam", Roles.Supervisor);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var victim = await App.VictimAsync(await App.CaseAsync("CPO", "Case", (paula.Id, TeamRole.Prosecutor)));
        var client = await App.SignedInClientAsync("sam");

        var refused = await client.GetHtmlAsync("/Victims?purpose=Nonsense&claims=euro");
        var filtered = await client.GetHtmlAsync("/Victims?purpose=ForcedLabourOrServices&child=Adult");

        refused.QuerySelector("[role=alert]")!.TextContent.ShouldContain("Choose a form of exploitation from the list.");
        refused.QuerySelector("[role=alert]")!.TextContent.ShouldContain("three-letter code");
        refused.QuerySelectorAll("#victims tbody tr").Length.ShouldBe(1);
        var chips = filtered.QuerySelectorAll("#applied-filters li").ToList();
        chips.Select(c => c.TextContent).ShouldContain(t => t.Contains("Suffered forced labour or services", StringComparison.Ordinal));
        chips.Single(c => c.TextContent.Contains("Adults", StringComparison.Ordinal)).QuerySelector("a")!.GetAttribute("href")
            .ShouldBe("/Victims?purpose=ForcedLabourOrServices");
        victim.ChildStatus.ShouldBe(ChildStatus.Adult);
        filtered.QuerySelectorAll("#victims tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ShouldBe([victim.Pseudonym]);
        (await client.GetHtmlAsync("/Victims?purpose=Servitude")).QuerySelectorAll("#victims tbody tr").ShouldBeEmpty();
    }
}
