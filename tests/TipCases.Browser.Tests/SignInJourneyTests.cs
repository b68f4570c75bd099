using Microsoft.Playwright;
using TipCases.Browser.Tests.Infrastructure;

namespace TipCases.Browser.Tests;

[Collection(BrowserTestGroup.Name)]
public sealed class SignInJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_prosecutor_signs_in_and_reaches_my_work()
    {
        var page = await fixture.SignedInPageAsync("prosecutor");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My work", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("current-user")).ToContainTextAsync("Central Prosecution Office");
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sign_in_page_is_accessible_and_a_wrong_password_is_explained()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();

        await page.GetByLabel("User name").FillAsync("prosecutor");
        await page.GetByLabel("Password").FillAsync("certainly not the password");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sign-in failed");
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("admin", "Users")]
    [InlineData("supervisor.north", "My work")]
    public async Task Each_demo_account_sees_its_own_navigation(string userName, string firstLink)
    {
        var page = await fixture.SignedInPageAsync(userName);

        var links = await page.Locator("nav[aria-label=Main] .navbar-nav a").AllInnerTextsAsync();

        links[0].ShouldBe(firstLink);
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        await page.Context.CloseAsync();
    }
}
