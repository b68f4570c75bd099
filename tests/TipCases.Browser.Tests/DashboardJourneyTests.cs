using Microsoft.Playwright;
using TipCases.Browser.Tests.Infrastructure;
using TipCases.Web.Data.Seeding;

namespace TipCases.Browser.Tests;

[Collection(BrowserTestGroup.Name)]
public sealed class DashboardJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_supervisor_follows_a_dashboard_figure_to_the_cases_behind_it_and_downloads_them_as_CSV()
    {
        var page = await fixture.SignedInPageAsync("supervisor");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Office dashboard");
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        // The charts are drawn (Chart.js from wwwroot/lib, no inline script) beside their tables.
        await Assertions.Expect(page.Locator(".chart-box canvas").First).ToBeVisibleAsync();

        // The investigation stage's figure: follow it.
        var figure = page.Locator("#office-stages tbody tr").Filter(new() { HasText = "Investigation" }).Locator("a.figure-link");
        var count = int.Parse((await figure.InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        count.ShouldBeGreaterThan(0);
        await figure.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cases");
        await Assertions.Expect(page.GetByLabel("Stage")).ToHaveValueAsync("Investigation");
        var rows = page.Locator("main table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(count);
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        var references = (await rows.Locator("td:first-child a").AllInnerTextsAsync()).Select(r => r.Trim()).ToList();

        // Download the list as CSV: the same cases, nothing about any victim.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        download.SuggestedFilename.ShouldStartWith("cases-");
        download.SuggestedFilename.ShouldEndWith(".csv");
        var path = await download.PathAsync();
        var csv = (await File.ReadAllTextAsync(path)).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("\"Reference\",\"Title\",\"Stage\",\"Approach\",\"Scope\",\"Opened on\",\"Lead prosecutor\",\"Team size\"");
        lines.Skip(1).Select(l => l.Split(',')[0].Trim('"')).ShouldBe(references, ignoreOrder: true);
        lines.Skip(1).ShouldAllBe(l => l.Contains("\"Investigation\"", StringComparison.Ordinal));
        csv.ShouldNotContain("V-CPO-");
        foreach (var name in DemoVictims.Names)
        {
            csv.ShouldNotContain(name);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_prosecutor_is_refused_the_dashboard_and_sees_the_figures_of_her_own_cases_on_my_work()
    {
        var page = await fixture.SignedInPageAsync("prosecutor");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Figures for my cases" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#my-total-cases a")).ToBeVisibleAsync();
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToHaveCountAsync(0);

        var response = await page.GotoAsync("/Dashboard");
        response!.Status.ShouldBe(403);
        await page.Context.CloseAsync();
    }
}
