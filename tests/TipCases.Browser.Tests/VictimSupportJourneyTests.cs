using System.Globalization;
using Microsoft.Playwright;
using TipCases.Browser.Tests.Infrastructure;
using TipCases.Web.Data.Seeding;

namespace TipCases.Browser.Tests;

[Collection(BrowserTestGroup.Name)]
public sealed class VictimSupportJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_liaison_officer_logs_a_step_from_my_work_and_an_investigator_on_the_case_sees_only_the_pseudonym()
    {
        var page = await fixture.SignedInPageAsync("liaison");

        // My work lists a demo victim who has had no support step yet.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My work");
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        var withoutSupport = page.Locator("section[aria-labelledby=without-support-heading]");
        var followUps = page.Locator("section[aria-labelledby=follow-ups-heading]");
        var first = withoutSupport.Locator("tbody tr").Filter(new() { HasText = "None yet" }).First;
        var pseudonym = (await first.Locator("td").First.InnerTextAsync()).Trim();
        pseudonym.ShouldStartWith("V-CPO-");
        await Assertions.Expect(followUps).Not.ToContainTextAsync(pseudonym);

        // Log a step with a follow-up in three days, from the keyboard.
        await first.GetByRole(AriaRole.Link, new() { Name = $"Log a step for {pseudonym}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(pseudonym);
        await Assertions.Expect(page.GetByLabel("What was done")).ToBeFocusedAsync();
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        var followUp = page.GetByLabel("Next follow-up");
        var today = DateOnly.ParseExact((await followUp.GetAttributeAsync("min"))!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByLabel("Counselling").CheckAsync();
        await followUp.FillAsync(today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("What was done").FillAsync("Phoned through the shelter; agreed to meet at the counselling centre.");
        await page.GetByLabel("What was done").PressAsync("Control+Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Support step logged for {pseudonym}.");
        await Assertions.Expect(page.Locator("#support-steps tbody tr").First).ToContainTextAsync("Phoned through the shelter");
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        var supportUrl = page.Url;

        // The threats page of the same victim.
        await page.GetByRole(AriaRole.Link, new() { Name = "Threats and intimidation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(pseudonym);
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();

        // Back on My work, the victim is among the follow-ups due, no longer among those without support.
        await page.GetByRole(AriaRole.Link, new() { Name = "My work" }).ClickAsync();
        await Assertions.Expect(followUps.Locator("tbody tr").Filter(new() { HasText = pseudonym })).ToHaveCountAsync(1);
        await Assertions.Expect(withoutSupport).Not.ToContainTextAsync(pseudonym);
        await AssertNoDemoNameAsync(page);
        await page.Context.CloseAsync();

        // The investigator on the same case reads the steps under the pseudonym, and cannot log one.
        var investigator = await fixture.SignedInPageAsync("investigator");
        var response = await investigator.GotoAsync(supportUrl);
        response!.Status.ShouldBe(200);
        await Assertions.Expect(investigator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(pseudonym);
        await Assertions.Expect(investigator.Locator("#support-steps")).ToContainTextAsync("Phoned through the shelter");
        await Assertions.Expect(investigator.GetByLabel("What was done")).ToHaveCountAsync(0);
        await AssertNoDemoNameAsync(investigator);
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(investigator)).ShouldBeEmpty();
        await investigator.Context.CloseAsync();
    }

    /// <summary>No demo victim's given or family name on the page: only pseudonyms are ever shown here.</summary>
    private static async Task AssertNoDemoNameAsync(IPage page)
    {
        var html = await page.ContentAsync();
        foreach (var name in DemoVictims.Names)
        {
            html.ShouldNotContain(name);
        }
    }
}
