using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Security;

/// <summary>Idle timeout, absolute lifetime, a new session at each sign-in, and sessions that end
/// for good at sign-out or when the account changes. <see cref="TipCasesApp.Clock"/> drives the
/// cookie's expiry and the session checks alike.</summary>
public sealed class SessionTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task A_session_ends_after_thirty_minutes_without_a_request()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        App.Clock.Advance(TimeSpan.FromMinutes(29));
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        App.Clock.Advance(TimeSpan.FromMinutes(31));
        var idle = await client.GetAsync("/");

        idle.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        idle.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Fact]
    public async Task An_active_session_ends_twelve_hours_after_the_sign_in()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");
        var signedInAt = App.Clock.GetUtcNow();

        while (App.Clock.GetUtcNow() - signedInAt < TimeSpan.FromHours(11.5))
        {
            App.Clock.Advance(TimeSpan.FromMinutes(25));
            (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, $"active after {App.Clock.GetUtcNow() - signedInAt}");
        }
        App.Clock.Advance(signedInAt + UserSessions.AbsoluteLifetime - App.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        var late = await client.GetAsync("/");

        late.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        late.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Fact]
    public async Task After_sign_out_a_copy_of_the_session_cookie_is_useless()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var (client, cookie) = await SignInCapturingCookieAsync("paula");
        var copy = ClientWithCookie(cookie);
        (await copy.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works while the session stands");

        await client.SubmitFormAsync("/Account/Logout", []);

        var afterwards = await copy.GetAsync("/");
        afterwards.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterwards.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Fact]
    public async Task Signing_out_ends_that_session_only()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var office = await App.SignedInClientAsync("paula");
        var laptop = await App.SignedInClientAsync("paula");

        await laptop.SubmitFormAsync("/Account/Logout", []);

        (await laptop.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Each_sign_in_starts_a_new_session_and_one_in_the_same_browser_ends_the_previous()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var (client, first) = await SignInCapturingCookieAsync("paula");

        var (_, second) = await SignInCapturingCookieAsync("paula", client);

        second.ShouldNotBe(first);
        (await ClientWithCookie(second).GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClientWithCookie(first).GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the session it replaced has ended");
        var sessions = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().UserSessions
            .Where(s => s.UserId == paula.Id).OrderBy(s => s.StartedAt).Select(s => s.EndedAt).ToListAsync());
        sessions.Count.ShouldBe(2);
        sessions[0].ShouldNotBeNull();
        sessions[1].ShouldBeNull();
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_sessions_at_once()
    {
        await App.UserAsync("root", Roles.Administrator);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var first = await App.SignedInClientAsync("paula");
        var second = await App.SignedInClientAsync("paula");
        var admin = await App.SignedInClientAsync("root");

        await admin.SubmitFormAsync($"/Admin/Users/Edit/{paula.Id}", [], handler: "Disable");

        (await first.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "no waiting for a revalidation interval");
        (await second.GetAsync("/Cases")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Changing_a_users_roles_ends_their_sessions_at_once()
    {
        await App.UserAsync("root", Roles.Administrator);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var session = await App.SignedInClientAsync("paula");
        var admin = await App.SignedInClientAsync("root");
        var form = await admin.GetHtmlAsync($"/Admin/Users/Edit/{paula.Id}");

        var save = await admin.SubmitFormAsync(form, $"/Admin/Users/Edit/{paula.Id}", new() { ["Form.Roles"] = Roles.Supervisor });

        save.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // Signing in again gives the new roles.
        var again = await App.SignedInClientAsync("paula");
        (await again.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_out_is_audited_and_the_session_row_is_ended()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        await client.SubmitFormAsync("/Account/Logout", []);

        var ended = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().UserSessions
            .Where(s => s.UserId == paula.Id).Select(s => s.EndedAt).SingleAsync());
        ended.ShouldNotBeNull();
        var actions = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuditEvents
            .Where(e => e.ActorId == paula.Id).Select(e => e.Action).ToListAsync());
        actions.ShouldContain(AuditAction.SignedOut);
    }

    /// <summary>Signs in step by step and returns the session cookie's value as the browser got it.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInCapturingCookieAsync(string userName, HttpClient? client = null)
    {
        var login = new Dictionary<string, string> { ["Form.UserName"] = userName, ["Form.Password"] = TipCasesApp.Password };
        // Already signed in, the sign-in page redirects; post to it as a second sign-in would.
        var password = client is null
            ? await (client = App.NewClient()).SubmitFormAsync("/Account/Login", login)
            : await client.PostFormAsync("/Account/Login", login, await client.AntiforgeryTokenAsync("/Account/Logout"));
        password.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var codePage = password.Headers.Location!.OriginalString;
        var code = await client.SubmitFormAsync(codePage, new() { ["Form.Code"] = await App.CodeAsync(userName) });
        code.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = code.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-TipCases=", StringComparison.Ordinal));
        return (client, cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
    }

    private HttpClient ClientWithCookie(string cookie)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
