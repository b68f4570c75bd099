using Microsoft.Playwright;
using TipCases.Browser.Tests.Infrastructure;
using TipCases.Web.Pages.Account;
using TipCases.Web.Security;

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

    [Fact]
    public async Task A_demo_user_signs_in_with_a_code_from_the_authenticator_app_and_a_used_code_is_refused()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("User name").FillAsync("supervisor");
        await page.GetByLabel("Password").FillAsync(BrowserFixture.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your sign-in code" })).ToBeVisibleAsync();
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync("12345");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#code-error")).ToHaveTextAsync(Reauthentication.WrongCodeMessage);
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();

        var code = fixture.NextCode();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My work", Level = 1 })).ToBeVisibleAsync();

        // The same code, typed again in another browser, is refused.
        var other = await (await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl })).NewPageAsync();
        await other.GotoAsync("/Account/Login");
        await other.GetByLabel("User name").FillAsync("supervisor");
        await other.GetByLabel("Password").FillAsync(BrowserFixture.DemoPassword);
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await other.GetByLabel("Code", new() { Exact = true }).FillAsync(code);
        await other.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(other.Locator("#code-error")).ToHaveTextAsync(Reauthentication.CodeAlreadyUsedMessage);
        await other.Context.CloseAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_new_user_sets_up_the_authenticator_app_at_the_first_sign_in()
    {
        await fixture.CreateUserWithoutAuthenticatorAsync("newcomer", Roles.Investigator);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("User name").FillAsync("newcomer");
        await page.GetByLabel("Password").FillAsync(BrowserFixture.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up two-step sign-in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("QR code") })).ToBeVisibleAsync();
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Code from the app").FillAsync(fixture.NextCode(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(RecoveryCodes.Count);
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
        await page.GetByRole(AriaRole.Link, new() { Name = "I have saved them: continue to TipCases" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My work", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign-in security" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes-left")).ToContainTextAsync("10 of 10 left");
        (await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).ShouldBeEmpty();
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
