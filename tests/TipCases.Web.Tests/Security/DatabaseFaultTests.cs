using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TipCases.Domain.Cases;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Security;

/// <summary>
/// PostgreSQL going away and coming back, as an instance sees it: a second app instance reaches the
/// shared test server through a forwarder the test stops and starts (the server itself, which other
/// tests use, is never touched). While it is gone, pages answer 503 with the friendly page and a
/// Retry-After, and /health/ready fails; when it returns, the same instance serves again without a
/// restart, and what was committed before is all there.
/// </summary>
public sealed class DatabaseFaultTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task While_the_database_is_unreachable_pages_answer_503_and_the_app_recovers_when_it_returns()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var target = await App.CaseAsync("CPO", "Harbour Lights forced labour", (paula.Id, TeamRole.Prosecutor));
        var server = new NpgsqlConnectionStringBuilder(App.ConnectionString);
        await using var forwarder = new TcpForwarder(server.Host!, server.Port);
        forwarder.Start();
        var throughForwarder = new NpgsqlConnectionStringBuilder(App.ConnectionString) { Host = "127.0.0.1", Port = forwarder.Port, Timeout = 5 };
        await using var instance = App.AnotherInstance(throughForwarder.ConnectionString);
        var client = instance.ClientWith((await App.SignedInClientAsync("paula")).CookiesOf());
        var anonymous = instance.ClientWith(new CookieContainer());
        var caseUrl = $"/Cases/{target.Id}";
        var editUrl = $"/Cases/{target.Id}/Edit";
        (await client.SubmitFormAsync(editUrl, new() { ["Form.Title"] = "Saved before the outage" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var formOpenedBefore = await client.GetHtmlAsync(editUrl);
        var signInForm = await anonymous.GetHtmlAsync("/Account/Login");

        await forwarder.StopAsync();

        var page = await client.GetAsync(caseUrl);
        page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Temporarily unavailable");
        page.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(DatabaseUnavailableMiddleware.RetryAfterSeconds));
        var save = await client.SubmitFormAsync(formOpenedBefore, editUrl, new() { ["Form.Title"] = "Typed during the outage" });
        save.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await save.Content.ReadAsStringAsync()).ShouldContain("Nothing you saved is lost");
        var signIn = await anonymous.SubmitFormAsync(signInForm, "/Account/Login", new() { ["Form.UserName"] = "paula", ["Form.Password"] = TipCasesApp.Password });
        signIn.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, "an outage is not a wrong password");
        // Probed as a load balancer does, without a session.
        (await anonymous.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await anonymous.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK, "the process itself is alive");

        forwarder.Start();

        var recovered = await client.GetAsync(caseUrl);
        recovered.StatusCode.ShouldBe(HttpStatusCode.OK, "the same instance serves again, without a restart");
        (await recovered.Content.ReadAsStringAsync()).ShouldContain("Saved before the outage");
        (await anonymous.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StoredTitleAsync(target.Id)).ShouldBe("Saved before the outage", "what was committed is kept; what failed is not half-saved");
        (await client.SubmitFormAsync(editUrl, new() { ["Form.Title"] = "Saved after the outage" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StoredTitleAsync(target.Id)).ShouldBe("Saved after the outage");
    }

    [Theory]
    [InlineData(typeof(NpgsqlException))]
    [InlineData(typeof(TimeoutException))]
    [InlineData(typeof(System.Net.Sockets.SocketException))]
    public void A_failure_to_reach_the_database_counts_as_unavailable(Type type)
    {
        var inner = (Exception)Activator.CreateInstance(type)!;

        DatabaseUnavailableMiddleware.IsDatabaseUnavailable(inner).ShouldBeTrue();
        DatabaseUnavailableMiddleware.IsDatabaseUnavailable(new DbUpdateException("saving failed", inner)).ShouldBeTrue("wrapped by EF");
    }

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation, false)]
    [InlineData(PostgresErrorCodes.SerializationFailure, false)]
    [InlineData(PostgresErrorCodes.AdminShutdown, true)]
    [InlineData(PostgresErrorCodes.CannotConnectNow, true)]
    [InlineData(PostgresErrorCodes.TooManyConnections, true)]
    [InlineData(PostgresErrorCodes.ConnectionFailure, true)]
    public void A_database_error_counts_as_unavailable_only_when_the_server_cannot_serve(string sqlState, bool unavailable)
    {
        var error = new PostgresException("message", "ERROR", "ERROR", sqlState);

        DatabaseUnavailableMiddleware.IsDatabaseUnavailable(new DbUpdateException("saving failed", error)).ShouldBe(unavailable);
    }

    [Fact]
    public void Other_errors_are_not_mistaken_for_an_outage()
    {
        DatabaseUnavailableMiddleware.IsDatabaseUnavailable(new InvalidOperationException("a defect")).ShouldBeFalse();
        DatabaseUnavailableMiddleware.IsDatabaseUnavailable(
            new System.Text.RegularExpressions.RegexMatchTimeoutException("x", "y", TimeSpan.FromSeconds(1))).ShouldBeFalse();
    }

    private Task<string> StoredTitleAsync(Guid id) => App.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Title).SingleAsync());
}
