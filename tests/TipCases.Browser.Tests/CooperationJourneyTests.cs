using System.Globalization;
using Microsoft.Playwright;
using TipCases.Browser.Tests.Infrastructure;

namespace TipCases.Browser.Tests;

[Collection(BrowserTestGroup.Name)]
public sealed class CooperationJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_prosecutor_records_an_outgoing_mla_request_for_bank_records_and_a_search_marks_it_sent_and_finds_it_in_the_register_with_its_due_date()
    {
        var page = await fixture.SignedInPageAsync("prosecutor");

        // From the register (demo requests on the prosecutor's cases) to a case of theirs.
        await page.GetByRole(AriaRole.Link, new() { Name = "Cooperation", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cooperation register");
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        await page.Locator("#register tbody tr").First.Locator("td").Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a request" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Record a cooperation request");
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();

        const string subject = "Bank records of Helvetia Holding AG and a search of its Zurich premises";
        await page.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Mutual legal assistance" });
        await page.GetByLabel("Outgoing").CheckAsync();
        await page.GetByLabel("Counterpart state").SelectOptionAsync(new SelectOptionValue { Label = "Switzerland" });
        await page.GetByLabel("What is asked, in a line").FillAsync(subject);
        await page.GetByLabel("Records (government, bank, financial, corporate, business)").CheckAsync();
        await page.GetByLabel("Searches, seizures and freezing").CheckAsync();
        await page.GetByLabel("Central authority or agency").FillAsync("Federal Office of Justice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record draft" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(subject);
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Draft");
        await Assertions.Expect(page.GetByTestId("request-assistance")).ToContainTextAsync("Searches, seizures and freezing");
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();

        // Mark it sent today, due in 30 days.
        var on = page.GetByLabel("On", new() { Exact = true });
        var today = DateOnly.ParseExact((await on.GetAttributeAsync("max"))!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var due = today.AddDays(30);
        await page.GetByLabel("New status").SelectOptionAsync("Sent");
        await on.FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Due (when sending)").FillAsync(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The request is now sent.");
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Sent");
        var dueText = due.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByTestId("request-due")).ToHaveTextAsync(dueText);

        // In the register, with its due date.
        await page.GetByRole(AriaRole.Link, new() { Name = "Cooperation", Exact = true }).ClickAsync();
        var row = page.Locator("#register tbody tr").Filter(new() { HasText = subject });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByTestId("register-due")).ToContainTextAsync(dueText);
        await Assertions.Expect(row).ToContainTextAsync("Switzerland");
        await Assertions.Expect(row).ToContainTextAsync("Sent");
        await page.Context.CloseAsync();
    }
}
