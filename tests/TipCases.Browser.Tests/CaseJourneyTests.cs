using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TipCases.Browser.Tests.Infrastructure;

namespace TipCases.Browser.Tests;

[Collection(BrowserTestGroup.Name)]
public sealed partial class CaseJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_prosecutor_opens_a_case_adds_a_task_moves_it_on_and_sees_both_in_its_history()
    {
        var page = await fixture.SignedInPageAsync("prosecutor");

        // From the list: find the demo case at intake and open it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Cases", Exact = true }).ClickAsync();
        await page.GetByLabel("Reference or title words").FillAsync("au pair");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = ReferencePattern() }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Au pair exploited");
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        var caseUrl = page.Url;

        // Add a task.
        await page.GetByRole(AriaRole.Link, new() { Name = "All tasks · add a task" }).ClickAsync();
        await page.GetByLabel("Task", new() { Exact = true }).FillAsync("Take the au pair's statement with an interpreter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The task is added.");
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();

        // Move the case to the investigation.
        await page.GotoAsync(caseUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change stage" }).ClickAsync();
        await page.GetByLabel("Investigation").CheckAsync();
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change stage" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("case-stage")).ToHaveTextAsync("Investigation");
        var history = page.GetByTestId("case-history");
        await Assertions.Expect(history).ToContainTextAsync("Stage: Intake → Investigation");
        await Assertions.Expect(history).ToContainTextAsync("Title: Take the au pair's statement with an interpreter");
        await page.Context.CloseAsync();

        // A prosecutor of another office who has the address learns nothing.
        var north = await fixture.SignedInPageAsync("prosecutor.north");
        var response = await north.GotoAsync(caseUrl);
        response!.Status.ShouldBe(404);
        await Assertions.Expect(north.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        (await north.ContentAsync()).ShouldNotContain("Au pair");
        await north.Context.CloseAsync();
    }

    [GeneratedRegex(@"^CPO-\d{4}-\d{6}$")]
    private static partial Regex ReferencePattern();
}
