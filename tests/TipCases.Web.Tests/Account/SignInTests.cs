using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Pages.Account;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Account;

public sealed class SignInTests(TipCasesApp app) : WebTest(app)
{
    public static TheoryData<string, string[], string[]> NavigationByRole => new()
    {
        { Roles.Investigator, ["My work", "Cases", "Hearings", "Cooperation"], ["Users", "Offices", "Offences", "Audit trail", "Dashboard"] },
        { Roles.Prosecutor, ["My work", "Cases", "Hearings", "Cooperation"], ["Users", "Offices", "Offences", "Audit trail", "Dashboard"] },
        { Roles.VictimLiaisonOfficer, ["My work", "Cases", "Hearings", "Cooperation"], ["Users", "Offices", "Offences", "Audit trail", "Dashboard"] },
        { Roles.Supervisor, ["My work", "Cases", "Hearings", "Cooperation", "Dashboard"], ["Users", "Offices", "Offences", "Audit trail"] },
        { Roles.Administrator, ["Users", "Offices", "Offences", "Audit trail"], ["My work", "Cases", "Hearings", "Cooperation", "Dashboard"] },
    };

    [Theory]
    [MemberData(nameof(NavigationByRole))]
    public async Task Each_role_signs_in_and_sees_its_own_navigation(string role, string[] shown, string[] hidden)
    {
        await App.UserAsync("someone", role);

        var client = await App.SignedInClientAsync("someone");
        var home = await client.GetHtmlAsync("/");

        var links = home.QuerySelectorAll("nav[aria-label=Main] .navbar-nav a").Select(a => a.TextContent.Trim()).ToList();
        links.ShouldBe(shown, ignoreOrder: true);
        links.ShouldNotContain(l => hidden.Contains(l));
        home.QuerySelector("[data-testid=current-user]")!.TextContent.ShouldContain("Test someone");
        home.QuerySelector("[data-testid=current-user]")!.TextContent.ShouldContain("Office CPO");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Admin/Users")]
    [InlineData("/Account/ChangePassword")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string url)
    {
        var response = await App.NewClient().GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("https://localhost/Account/Login?ReturnUrl=");
    }

    [Fact]
    public async Task A_successful_sign_in_and_sign_out_are_audited()
    {
        var user = await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        var signOut = await client.SubmitFormAsync("/Account/Logout", []);

        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the session has ended");
        var actions = await AuditActionsFor(user.Id);
        actions.ShouldBe([AuditAction.PasswordAccepted, AuditAction.SignedIn, AuditAction.SignedOut]);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_that_reveals_nothing_and_is_audited()
    {
        var user = await App.UserAsync("paula", Roles.Prosecutor);
        var client = App.NewClient();

        var known = await (await client.SubmitFormAsync("/Account/Login", Login("paula", "not the password at all"))).ReadHtmlAsync();
        var unknown = await (await client.SubmitFormAsync("/Account/Login", Login("nobody", "not the password at all"))).ReadHtmlAsync();

        known.Summary().ShouldBe(LoginModel.RefusedMessage);
        unknown.Summary().ShouldBe(LoginModel.RefusedMessage);
        (await AuditActionsFor(user.Id)).ShouldBe([AuditAction.SignInFailed]);
        var unknownAttempt = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuditEvents
            .Where(e => e.ActorName == "nobody" && e.ActorId == null).Select(e => e.Action).ToListAsync());
        unknownAttempt.ShouldContain(AuditAction.SignInFailed);
    }

    [Theory]
    [InlineData("my secret passphrase")]
    [InlineData("Jane Smith <jane@example.org>")]
    [InlineData("o'brien")]
    public async Task An_unknown_name_that_could_not_be_a_user_name_is_audited_as_invalid(string typed)
    {
        // The audit trail outlives the reset between tests: count what this attempt adds.
        Task<int> Count(string actorName) => App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuditEvents
            .CountAsync(e => e.Action == AuditAction.SignInFailed && e.ActorId == null && e.ActorName == actorName));
        var before = await Count(LoginModel.Handler.InvalidUserName);

        await App.NewClient().SubmitFormAsync("/Account/Login", Login(typed, "not the password at all"));

        (await Count(LoginModel.Handler.InvalidUserName)).ShouldBe(before + 1);
        (await Count(typed.ToLowerInvariant())).ShouldBe(0);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var user = await App.UserAsync("paula", Roles.Prosecutor);
        var client = App.NewClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SubmitFormAsync("/Account/Login", Login("paula", "wrong password " + attempt));
        }
        var withRightPassword = await client.SubmitFormAsync("/Account/Login", Login("paula", TipCasesApp.Password));

        withRightPassword.StatusCode.ShouldBe(HttpStatusCode.OK, "the sign-in page is shown again, not a redirect");
        (await withRightPassword.ReadHtmlAsync()).Summary().ShouldBe(LoginModel.RefusedMessage);
        var actions = await AuditActionsFor(user.Id);
        actions.Count(a => a == AuditAction.SignInFailed).ShouldBe(4);
        actions.Count(a => a == AuditAction.LockedOut).ShouldBe(2, "the fifth failure and the attempt after it");
        actions.ShouldNotContain(AuditAction.SignedIn);
    }

    [Fact]
    public async Task Four_failures_do_not_lock_the_account()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = App.NewClient();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await client.SubmitFormAsync("/Account/Login", Login("paula", "wrong password " + attempt));
        }

        var response = await client.SubmitFormAsync("/Account/Login", Login("paula", TipCasesApp.Password));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Empty_fields_get_messages_next_to_them()
    {
        var response = await App.NewClient().SubmitFormAsync("/Account/Login", Login("", ""));

        var page = await response.ReadHtmlAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.FieldError("Form.UserName").ShouldBe("Enter your user name.");
        page.FieldError("Form.Password").ShouldBe("Enter your password.");
    }

    [Fact]
    public async Task A_nul_character_in_the_user_name_is_refused_with_400_not_a_server_error()
    {
        await App.UserAsync("paula", Roles.Prosecutor);

        var response = await App.NewClient().SubmitFormAsync("/Account/Login", Login("a\0", TipCasesApp.Password));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Request not accepted");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        await App.UserAsync("paula", Roles.Prosecutor);

        var response = await App.NewClient().PostFormAsync("/Account/Login", Login("paula", TipCasesApp.Password), antiforgeryToken: null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_return_url_must_be_local()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = App.NewClient();

        var password = await client.SubmitFormAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F", Login("paula", TipCasesApp.Password));
        var codePage = password.Headers.Location!.OriginalString;
        var response = await client.SubmitFormAsync(codePage, new() { ["Form.Code"] = await App.CodeAsync("paula") });

        codePage.ShouldBe("/Account/Mfa?ReturnUrl=%2F");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task The_session_cookie_is_host_only_secure_http_only_and_strict()
    {
        await App.UserAsync("paula", Roles.Prosecutor);

        var client = App.NewClient();

        var password = await client.SubmitFormAsync("/Account/Login", Login("paula", TipCasesApp.Password));
        var code = await client.SubmitFormAsync(password.Headers.Location!.OriginalString, new() { ["Form.Code"] = await App.CodeAsync("paula") });

        password.Headers.GetValues("Set-Cookie").ShouldNotContain(c => c.StartsWith("__Host-TipCases=", StringComparison.Ordinal),
            "a password alone gives no session");
        var between = password.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-TipCases.SignIn=", StringComparison.Ordinal));
        var session = code.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-TipCases=", StringComparison.Ordinal));
        foreach (var cookie in new[] { between, session })
        {
            cookie.ShouldContain("secure");
            cookie.ShouldContain("httponly");
            cookie.ShouldContain("samesite=strict");
            cookie.ShouldContain("path=/");
            cookie.ShouldNotContain("domain=");
            cookie.ShouldNotContain("expires=", customMessage: "a session cookie, gone when the browser closes");
        }
    }

    private static Dictionary<string, string> Login(string userName, string password) =>
        new() { ["Form.UserName"] = userName, ["Form.Password"] = password };

    private Task<List<AuditAction>> AuditActionsFor(Guid userId) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuditEvents
            .Where(e => e.ActorId == userId).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Select(e => e.Action).ToListAsync());
}
