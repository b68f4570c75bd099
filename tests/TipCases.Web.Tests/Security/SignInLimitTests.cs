using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Security;

/// <summary>Sign-in and code attempts are limited per account and per network address, answered
/// 429 with a page that says what to do and a Retry-After header. The test host gives each client
/// an address of its own (<see cref="TipCasesApp.RemoteAddressHeader"/>).</summary>
public sealed class SignInLimitTests(TipCasesApp app) : WebTest(app)
{
    private SignInLimitOptions Limits => App.Services.GetRequiredService<SignInLimits>().Options;

    [Theory]
    [InlineData("paula")]
    [InlineData("nobody")]
    public async Task Password_attempts_for_one_account_are_limited_whoever_makes_them(string userName)
    {
        await App.UserAsync("paula", Roles.Prosecutor);

        for (var attempt = 0; attempt < Limits.PerAccount; attempt++)
        {
            var allowed = await App.NewClient().SubmitFormAsync("/Account/Login", Login(userName, "wrong password " + attempt));
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt + 1}");
        }
        var refused = await App.NewClient().SubmitFormAsync("/Account/Login", Login(userName, TipCasesApp.Password));

        refused.StatusCode.ShouldBe((HttpStatusCode)429);
        var wait = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        wait.ShouldBeInRange(1, (int)Limits.Window.TotalSeconds);
        var page = await refused.ReadHtmlAsync();
        page.QuerySelector("h1")!.TextContent.ShouldBe("Too many attempts");
        page.QuerySelector("main p")!.TextContent.ShouldContain("Wait 15 minutes, then try again.");
        // Another account is not affected.
        await App.UserAsync("petra", Roles.Prosecutor);
        (await App.SignedInClientAsync("petra")).ShouldNotBeNull();
    }

    [Fact]
    public async Task The_limit_answers_the_same_for_an_account_that_exists_and_one_that_does_not()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var answers = new Dictionary<string, string>();
        foreach (var userName in new[] { "paula", "nobody" })
        {
            for (var attempt = 0; attempt < Limits.PerAccount; attempt++)
            {
                await App.NewClient().SubmitFormAsync("/Account/Login", Login(userName, "wrong password"));
            }
            var refused = await App.NewClient().SubmitFormAsync("/Account/Login", Login(userName, "wrong password"));
            answers[userName] = (await refused.ReadHtmlAsync()).QuerySelector("main")!.TextContent;
        }

        answers["paula"].ShouldBe(answers["nobody"]);
    }

    [Fact]
    public async Task Password_attempts_from_one_address_are_limited_across_accounts()
    {
        var client = App.NewClient("192.0.2.10");
        var token = await client.AntiforgeryTokenAsync("/Account/Login");

        for (var attempt = 0; attempt < Limits.PerAddress; attempt++)
        {
            var allowed = await client.PostFormAsync("/Account/Login", Login($"name{attempt}", "wrong password"), token);
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt + 1}");
        }
        var refused = await client.PostFormAsync("/Account/Login", Login("yet.another", "wrong password"), token);
        var elsewhere = await App.NewClient("192.0.2.11").SubmitFormAsync("/Account/Login", Login("yet.another", "wrong password"));

        refused.StatusCode.ShouldBe((HttpStatusCode)429);
        refused.Headers.Contains("Retry-After").ShouldBeTrue();
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.OK, "another address is not limited");
    }

    [Fact]
    public async Task Code_attempts_for_one_account_are_limited()
    {
        await App.UserAsync("paula", Roles.Prosecutor, enrolled: false);
        var client = App.NewClient();
        await client.SubmitFormAsync("/Account/Login", Login("paula", TipCasesApp.Password));
        var enrol = await client.GetHtmlAsync("/Account/Enrol");
        var wrong = App.CodeFor(Totp.NewKey());

        for (var attempt = 0; attempt < Limits.PerAccount; attempt++)
        {
            (await client.SubmitFormAsync(enrol, "/Account/Enrol", new() { ["Form.Code"] = wrong })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var refused = await client.SubmitFormAsync(enrol, "/Account/Enrol", new() { ["Form.Code"] = wrong });

        refused.StatusCode.ShouldBe((HttpStatusCode)429);
        (await refused.ReadHtmlAsync()).QuerySelector("h1")!.TextContent.ShouldBe("Too many attempts");
    }

    [Fact]
    public async Task Attempts_are_allowed_again_once_the_window_has_passed()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        for (var attempt = 0; attempt < Limits.PerAccount; attempt++)
        {
            await App.NewClient().SubmitFormAsync("/Account/Login", Login("nobody", "wrong password"));
        }
        (await App.NewClient().SubmitFormAsync("/Account/Login", Login("nobody", "wrong"))).StatusCode.ShouldBe((HttpStatusCode)429);

        App.Clock.Advance(Limits.Window);

        (await App.NewClient().SubmitFormAsync("/Account/Login", Login("nobody", "wrong"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Dictionary<string, string> Login(string userName, string password) =>
        new() { ["Form.UserName"] = userName, ["Form.Password"] = password };
}
