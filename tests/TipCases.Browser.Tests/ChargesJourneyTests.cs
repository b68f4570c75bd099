using Microsoft.Playwright;
using TipCases.Browser.Tests.Infrastructure;
using TipCases.Domain.Charges;
using TipCases.Web.Data.Seeding;

namespace TipCases.Browser.Tests;

[Collection(BrowserTestGroup.Name)]
public sealed class ChargesJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_prosecutor_charges_a_company_with_trafficking_a_child_without_means_and_sees_the_elements_met_with_the_means_not_required()
    {
        var page = await fixture.SignedInPageAsync("prosecutor");

        // The demo case of a 16-year-old taken abroad: the prosecutor is on its team, its first victim a child.
        await page.GetByRole(AriaRole.Link, new() { Name = "Cases", Exact = true }).ClickAsync();
        await page.GetByLabel("Reference or title words").FillAsync("forced marriage");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^CPO-\d{4}-\d{6}$") }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Forced marriage of a 16-year-old");
        var child = (await page.GetByTestId("case-victims").Locator("tbody tr").Filter(new() { HasText = "Child" }).First.Locator("td a").InnerTextAsync()).Trim();
        child.ShouldStartWith("V-CPO-");
        await Assertions.Expect(page.GetByTestId("case-charges")).ToContainTextAsync("No defendants recorded.");

        // A company as defendant.
        await page.GetByRole(AriaRole.Link, new() { Name = "All defendants and charges · add" }).ClickAsync();
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a defendant" }).ClickAsync();
        await page.GetByLabel("a legal person (company, charity, association)").CheckAsync();
        await Assertions.Expect(page.GetByLabel("Custody status")).ToBeHiddenAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Golden Ring Matchmaking Ltd");
        await page.GetByLabel("Legal form").SelectOptionAsync(nameof(LegalForm.Company));
        await page.GetByLabel("Registration number").FillAsync("REG-2024-118");
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add defendant" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Golden Ring Matchmaking Ltd is added to the case.");
        await Assertions.Expect(page.GetByTestId("defendant")).ToContainTextAsync("Golden Ring Matchmaking Ltd · company");

        // A trafficking charge for the child victim.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a charge", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Defendant", new() { Exact = true })).ToContainTextAsync("Golden Ring Matchmaking Ltd");
        await page.GetByLabel("Offence", new() { Exact = true }).SelectOptionAsync(DefaultOffences.TraffickingId.ToString());
        await page.GetByLabel(child, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Particulars").FillAsync("Arranged the girl's journey abroad and her marriage, for her servitude in the husband's household.");
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose charge" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The charge of Trafficking in persons (TIP) is proposed.");

        // The facts: an act and a purpose, each with its evidence, and no means.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record facts" }).ClickAsync();
        await page.GetByLabel("Transportation", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Evidence of Transportation").FillAsync("Flight tickets bought by the company, in the girl's name");
        await page.GetByLabel("Servitude", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Evidence of Servitude").FillAsync("The girl's statement to her school and the marriage contract");
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save facts" }).ClickAsync();

        // The elements are met; the means are not required, and the page says why.
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The facts are saved.");
        await Assertions.Expect(page.GetByTestId("elements-conclusion")).ToContainTextAsync(
            "All elements of trafficking in persons are supported: act and purpose; the means are not required for a child victim.");
        await Assertions.Expect(page.GetByTestId("element-Act").GetByTestId("element-state")).ToHaveTextAsync("Met");
        await Assertions.Expect(page.GetByTestId("element-Purpose").GetByTestId("element-state")).ToHaveTextAsync("Met");
        var means = page.GetByTestId("element-Means");
        await Assertions.Expect(means.GetByTestId("element-state")).ToHaveTextAsync("Not required");
        await Assertions.Expect(means).ToContainTextAsync($"Means not required: {child} was a child at the time of the offence, and for a child only the act and the purpose must be proved.");
        await Assertions.Expect(means).ToContainTextAsync("Protocol Art. 3(c)");
        await Assertions.Expect(page.GetByTestId("ceiling")).ToContainTextAsync("12 years");
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();

        // The case page shows the charge with its elements and ceiling.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^CPO-\d{4}-\d{6}$") }).First.ClickAsync();
        var section = page.GetByTestId("case-charges");
        await Assertions.Expect(section).ToContainTextAsync("Golden Ring Matchmaking Ltd");
        await Assertions.Expect(section).ToContainTextAsync("Elements met");
        await Assertions.Expect(section).ToContainTextAsync("12 years");
        var html = await page.ContentAsync();
        foreach (var name in DemoVictims.Names)
        {
            html.ShouldNotContain(name);
        }
        await page.Context.CloseAsync();
    }
}
