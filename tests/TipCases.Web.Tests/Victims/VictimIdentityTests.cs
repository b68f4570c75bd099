using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Victims;

/// <summary>The protected identity: encrypted at rest, revealed only to the victim's liaison
/// officer and the case's prosecutors with a reason, every reveal audited, never leaked.</summary>
public sealed class VictimIdentityTests(TipCasesApp app) : WebTest(app)
{
    private const string GivenName = "Zerafina";
    private const string FamilyName = "Oduya-Kestrel";

    private sealed record Setup(TipCases.Domain.Cases.Case Case, Victim Victim);

    private async Task<Setup> ArrangeAsync()
    {
        var lena = await App.UserAsync("lena", Roles.VictimLiaisonOfficer);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var lars = await App.UserAsync("lars", Roles.VictimLiaisonOfficer);
        await App.UserAsync("sam", Roles.Supervisor);
        await App.UserAsync("root", Roles.Administrator);
        await App.UserAsync("nora", Roles.Prosecutor, "NRO");
        var @case = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator),
            (lena.Id, TeamRole.VictimLiaisonOfficer), (lars.Id, TeamRole.VictimLiaisonOfficer));
        var victim = await App.VictimAsync(@case, VictimFactory.Identity(GivenName, FamilyName), lena.Id);
        return new(@case, victim);
    }

    [Fact]
    public async Task The_database_never_holds_the_identity_in_plain_text()
    {
        var setup = await ArrangeAsync();
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();

        await using var row = new NpgsqlCommand("SELECT identity_ciphertext, row_to_json(v)::text FROM victims v WHERE id = @id", connection);
        row.Parameters.AddWithValue("id", setup.Victim.Id);
        await using var reader = await row.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        var ciphertext = (byte[])reader[0];
        var wholeRow = reader.GetString(1);
        await reader.CloseAsync();

        Encoding.UTF8.GetString(ciphertext).ShouldNotContain(GivenName);
        wholeRow.ShouldNotContain(GivenName);
        wholeRow.ShouldNotContain(FamilyName);
        wholeRow.ShouldNotContain("1 Hidden Street");
        await using var audit = new NpgsqlCommand("SELECT count(*) FROM audit_events WHERE details::text ILIKE @name", connection);
        audit.Parameters.AddWithValue("name", $"%{GivenName}%");
        ((long)(await audit.ExecuteScalarAsync())!).ShouldBe(0, "no audit value holds the identity");
    }

    [Theory]
    [InlineData("lena", HttpStatusCode.OK)]       // the victim's own liaison officer
    [InlineData("paula", HttpStatusCode.OK)]      // a prosecutor on the case's team
    [InlineData("ines", HttpStatusCode.Forbidden)] // an investigator on the team
    [InlineData("lars", HttpStatusCode.Forbidden)] // another liaison officer on the team
    [InlineData("sam", HttpStatusCode.Forbidden)]  // the office's supervisor
    [InlineData("nora", HttpStatusCode.NotFound)]  // a prosecutor of another office
    [InlineData("root", HttpStatusCode.Forbidden)] // an administrator
    public async Task Only_the_liaison_officer_and_the_cases_prosecutors_can_reveal_the_identity(string userName, HttpStatusCode expected)
    {
        var setup = await ArrangeAsync();
        var client = await App.SignedInClientAsync(userName);
        var token = await client.AntiforgeryTokenAsync();

        var response = await client.PostFormAsync($"/Victims/{setup.Victim.Id}?handler=Reveal",
            new Dictionary<string, string> { ["Reason"] = "Preparing the court summons for the hearing." }, token);

        response.StatusCode.ShouldBe(expected);
        var html = await response.Content.ReadAsStringAsync();
        var reveals = await RevealsOf(setup.Victim.Id);
        if (expected == HttpStatusCode.OK)
        {
            html.ShouldContain(GivenName);
            html.ShouldContain(FamilyName);
            response.Headers.CacheControl!.NoStore.ShouldBeTrue();
            var reveal = reveals.ShouldHaveSingleItem();
            reveal.ActorName.ShouldBe(userName);
            reveal.Details!.ShouldContain("Preparing the court summons");
        }
        else
        {
            html.ShouldNotContain(GivenName);
            reveals.ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("because")]
    public async Task A_reveal_without_a_real_reason_is_refused(string reason)
    {
        var setup = await ArrangeAsync();
        var client = await App.SignedInClientAsync("lena");

        var response = await client.SubmitFormAsync($"/Victims/{setup.Victim.Id}", new() { ["Reason"] = reason }, handler: "Reveal");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.QuerySelector("#Reason-error")!.TextContent.ShouldStartWith("Say why you need to see the identity");
        page.Body!.TextContent.ShouldNotContain(GivenName);
        (await RevealsOf(setup.Victim.Id)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("lena")]
    [InlineData("ines")]
    [InlineData("sam")]
    public async Task Pages_show_the_pseudonym_and_never_the_identity(string userName)
    {
        var setup = await ArrangeAsync();
        var client = await App.SignedInClientAsync(userName);

        foreach (var url in new[] { "/", "/Cases", $"/Cases/{setup.Case.Id}", $"/Cases/{setup.Case.Id}/History", $"/Victims/{setup.Victim.Id}" })
        {
            var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
            html.ShouldNotContain(GivenName, customMessage: url);
            html.ShouldNotContain(FamilyName, customMessage: url);
        }
        (await client.GetStringAsync($"/Cases/{setup.Case.Id}")).ShouldContain(setup.Victim.Pseudonym);
        // Searching by a victim's name finds nothing: identities are not searchable.
        (await client.GetHtmlAsync($"/Cases?q={FamilyName}")).QuerySelectorAll("tbody tr").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_identity_never_reaches_the_logs_or_a_url()
    {
        var setup = await ArrangeAsync();
        var client = await App.SignedInClientAsync("lena");

        var reveal = await client.SubmitFormAsync($"/Victims/{setup.Victim.Id}", new() { ["Reason"] = "Checking the address for a safety visit." }, handler: "Reveal");
        var page = await reveal.ReadHtmlAsync();
        var changed = await client.SubmitFormAsync(page, $"/Victims/{setup.Victim.Id}", new() { ["IdentityForm.Address"] = "2 Secret Lane" }, handler: "ChangeIdentity");

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        changed.Headers.Location!.ToString().ShouldNotContain(GivenName);
        page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ShouldAllBe(href => !href.Contains(GivenName));
        App.Logs.Lines.ShouldNotBeEmpty();
        App.Logs.Lines.ShouldAllBe(line => !line.Contains(GivenName) && !line.Contains(FamilyName) && !line.Contains("Secret Lane"));
        var stored = await App.WithScopeAsync(async sp =>
        {
            var v = await sp.GetRequiredService<TipCasesDbContext>().Victims.AsNoTracking().SingleAsync(x => x.Id == setup.Victim.Id);
            return sp.GetRequiredService<IIdentityProtector>().Unprotect(v.IdentityCiphertext, v.Id);
        });
        stored.Address.ShouldBe("2 Secret Lane");
        stored.GivenNames.ShouldBe(GivenName, "the other fields are kept");
    }

    [Fact]
    public async Task A_ciphertext_moved_to_another_victim_does_not_decrypt()
    {
        var setup = await ArrangeAsync();
        var protector = App.Services.GetRequiredService<IIdentityProtector>();

        Should.Throw<System.Security.Cryptography.CryptographicException>(() => protector.Unprotect(setup.Victim.IdentityCiphertext, Guid.NewGuid()));
        protector.Unprotect(setup.Victim.IdentityCiphertext, setup.Victim.Id).FamilyName.ShouldBe(FamilyName);
    }


    private Task<List<AuditEvent>> RevealsOf(Guid victimId) => App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuditEvents
        .AsNoTracking().Where(e => e.VictimId == victimId && e.Action == AuditAction.IdentityRevealed).ToListAsync());
}
