using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TipCases.Web.Data;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Platform;

public sealed class PlatformTests(TipCasesApp app) : WebTest(app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_without_signing_in(string url)
    {
        var response = await App.NewClient().GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_are_never_cached()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        var response = await client.GetAsync("/");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Https_responses_outside_development_carry_hsts()
    {
        // Browsers ignore HSTS from localhost, so ASP.NET Core leaves it out there: ask as a real host.
        var client = App.NewClient();
        client.BaseAddress = new Uri("https://tipcases.example");

        var response = await client.GetAsync("/Account/Login");

        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000; includeSubDomains");
    }

    [Fact]
    public async Task An_unknown_page_answers_404_with_a_friendly_page()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        var response = await client.GetAsync("/No/Such/Page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [Theory]
    [InlineData("/Error/204")]
    [InlineData("/Error/304")]
    [InlineData("/Error/200")]
    [InlineData("/Error/101")]
    [InlineData("/Error/-1")]
    [InlineData("/Error/600")]
    public async Task The_error_page_treats_a_code_that_is_not_an_error_as_not_found(string url)
    {
        var response = await App.NewClient().GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [Theory]
    [InlineData("/Error/403", HttpStatusCode.Forbidden, "Not available to you")]
    [InlineData("/Error/503", HttpStatusCode.ServiceUnavailable, "Temporarily unavailable")]
    public async Task The_error_page_answers_an_error_code_with_that_status(string url, HttpStatusCode status, string title)
    {
        var response = await App.NewClient().GetAsync(url);

        response.StatusCode.ShouldBe(status);
        (await response.Content.ReadAsStringAsync()).ShouldContain(title);
    }

    [Theory]
    [InlineData("/Cases?q=%00")]
    [InlineData("/Cases?q=harbour%1B")]
    [InlineData("/Cases?q%00=harbour")]
    [InlineData("/Admin/Audit?user=%00")]
    public async Task A_control_character_in_the_query_string_answers_400_with_a_friendly_page(string url)
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Request not accepted");
    }

    [Theory]
    [InlineData("UPDATE audit_events SET actor_name = 'someone else'")]
    [InlineData("DELETE FROM audit_events")]
    [InlineData("TRUNCATE audit_events")]
    public async Task The_audit_trail_refuses_changes_and_deletions(string sql)
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        await App.SignedInClientAsync("paula");
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var error = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        error.MessageText.ShouldContain("audit_events is append-only");
    }

    [Fact]
    public async Task The_migrations_describe_the_whole_model()
    {
        var pending = await App.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<TipCasesDbContext>().Database.HasPendingModelChanges()));

        pending.ShouldBeFalse("add a migration: dotnet ef migrations add NAME --project src/TipCases.Web --output-dir Data/Migrations");
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database_for_every_instance()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        await App.SignedInClientAsync("paula");

        var keys = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().DataProtectionKeys.CountAsync());

        keys.ShouldBeGreaterThan(0);
    }
}
