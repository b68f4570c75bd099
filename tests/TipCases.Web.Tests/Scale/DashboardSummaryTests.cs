using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TipCases.Domain.Cases;
using TipCases.Web.Data.Summaries;
using TipCases.Web.Pages.Dashboard;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Security;

namespace TipCases.Web.Tests.Scale;

/// <summary>The office dashboard as the app runs it outside the tests: figures counted in the
/// background and kept, read with the moment they describe, counted again when too old or for a
/// period no round covers, and per office.</summary>
public sealed class DashboardSummaryTests(TipCasesApp app) : WebTest(app)
{
    private static ClaimsPrincipal Supervisor(Guid officeId) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
        new Claim(TipCasesClaims.OfficeId, officeId.ToString()),
        new Claim(ClaimTypes.Role, Roles.Supervisor),
    ], "test"));

    private async Task RefreshAsync() =>
        (await new SummaryRefresher(App.Services.GetRequiredService<IServiceScopeFactory>(), [new DashboardSummary(App.Clock)],
            Options.Create(new SummaryOptions()), App.Clock, NullLogger<SummaryRefresher>.Instance).RefreshAllAsync(default)).ShouldBe(["dashboard"]);

    /// <summary>Read as the pages read, with the default maximum age (the tests' app counts every time).</summary>
    private Task<Summary<DashboardFigures>> ReadAsync(ClaimsPrincipal user, DashboardPeriod period) =>
        App.WithScopeAsync(sp => Reader(sp).ReadAsync(user, DashboardScope.Office, period, default));

    private DashboardFiguresReader Reader(IServiceProvider sp) => new(sp.GetRequiredService<DashboardQueries>(), sp.GetRequiredService<DashboardWatchlist>(), sp.GetRequiredService<SummaryStore>(),
        Options.Create(new SummaryOptions()), App.Clock, sp.GetRequiredService<IServiceScopeFactory>(), NullLogger<DashboardFiguresReader>.Instance);

    [Fact]
    public async Task My_works_figures_are_counted_once_in_the_background_at_the_first_visit_and_kept_for_the_next()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor));
        await App.CaseAsync("CPO", "Fishing fleet", (paula.Id, TeamRole.Prosecutor));
        var user = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, paula.Id.ToString()),
            new Claim(TipCasesClaims.OfficeId, paula.OfficeId.ToString()),
            new Claim(ClaimTypes.Role, Roles.Prosecutor),
        ], "test"));

        // Two visits at once: neither waits, one count runs.
        var first = await Task.WhenAll(
            App.WithScopeAsync(sp => Reader(sp).ReadMineAsync(user, DashboardPeriod.All, default)),
            App.WithScopeAsync(sp => Reader(sp).ReadMineAsync(user, DashboardPeriod.All, default)));
        first.ShouldAllBe(f => f == null);

        Summary<DashboardFigures>? kept = null;
        for (var i = 0; i < 100 && kept is null; i++)
        {
            await Task.Delay(100);
            kept = await App.WithScopeAsync(sp => Reader(sp).ReadMineAsync(user, DashboardPeriod.All, default));
        }
        kept.ShouldNotBeNull();
        kept.Value.TotalCases.ShouldBe(2);
        kept.Value.Scope.ShouldBe(DashboardScope.MyCases);
    }

    [Fact]
    public async Task The_office_figures_are_those_of_the_last_refresh_until_the_next_one_and_each_office_counts_its_own()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var olga = await App.UserAsync("olga", Roles.Prosecutor, "NRO");
        var central = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor));
        var north = await App.CaseAsync("NRO", "Northern farm", (olga.Id, TeamRole.Prosecutor));
        await App.CaseAsync("NRO", "Northern mine", (olga.Id, TeamRole.Prosecutor));
        var (sam, nils) = (Supervisor(central.OfficeId), Supervisor(north.OfficeId));

        var before = App.Clock.GetUtcNow();
        await RefreshAsync();
        var first = await ReadAsync(sam, DashboardPeriod.All);
        first.Value.TotalCases.ShouldBe(1);
        first.AsOf.ShouldBeGreaterThanOrEqualTo(before.AddTicks(-10));
        (await ReadAsync(nils, DashboardPeriod.All)).Value.TotalCases.ShouldBe(2);

        // A change is not in the kept figures (they say when they were counted) until the next round.
        await App.CaseAsync("CPO", "Fishing fleet", (paula.Id, TeamRole.Prosecutor));
        var kept = await ReadAsync(sam, DashboardPeriod.All);
        kept.Value.TotalCases.ShouldBe(1);
        kept.AsOf.ShouldBe(first.AsOf);

        await RefreshAsync();
        var refreshed = await ReadAsync(sam, DashboardPeriod.All);
        refreshed.Value.TotalCases.ShouldBe(2);
        refreshed.AsOf.ShouldBeGreaterThan(first.AsOf);
        (await ReadAsync(nils, DashboardPeriod.All)).Value.TotalCases.ShouldBe(2);

        // Too old (the rounds stopped): counted when asked for.
        await App.CaseAsync("CPO", "Farm labour", (paula.Id, TeamRole.Prosecutor));
        App.Clock.Advance(new SummaryOptions().MaxAge + TimeSpan.FromMinutes(1));
        var recounted = await ReadAsync(sam, DashboardPeriod.All);
        recounted.Value.TotalCases.ShouldBe(3);
        recounted.AsOf.ShouldBeGreaterThan(refreshed.AsOf);

        // A period of dates no round covers is counted when asked for, and then kept.
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        var custom = DashboardPeriod.Resolve(PeriodPreset.Custom, today.AddDays(-30), today.AddDays(1), today);
        (await ReadAsync(sam, custom)).Value.TotalCases.ShouldBe(3);
    }

    [Fact]
    public async Task The_dashboard_page_shows_each_offices_kept_figures_and_the_new_ones_after_the_next_round()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var olga = await App.UserAsync("olga", Roles.Prosecutor, "NRO");
        await App.UserAsync("sam", Roles.Supervisor);
        await App.UserAsync("nils", Roles.Supervisor, "NRO");
        await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor));
        await App.CaseAsync("NRO", "Northern farm", (olga.Id, TeamRole.Prosecutor));
        await App.CaseAsync("NRO", "Northern mine", (olga.Id, TeamRole.Prosecutor));
        // An instance configured as the app runs outside the tests: figures kept up to 15 minutes,
        // the page rendered once per kept snapshot.
        await using var instance = App.WithWebHostBuilder(builder => builder.UseSetting("Summaries:MaxAge", "00:15:00"));
        var sam = instance.ClientWith((await App.SignedInClientAsync("sam")).CookiesOf());
        var nils = instance.ClientWith((await App.SignedInClientAsync("nils")).CookiesOf());
        async Task<string> TotalAsync(HttpClient client) =>
            (await client.GetHtmlAsync("/Dashboard")).QuerySelector("#office-total-cases")!.TextContent.Trim();

        await RefreshAsync();
        (await TotalAsync(sam)).ShouldBe("1");
        (await TotalAsync(sam)).ShouldBe("1");
        // The same period's page of another office is that office's, not the one rendered for the first.
        (await TotalAsync(nils)).ShouldBe("2");

        // A change waits for the next round (the page says as of when) ...
        await App.CaseAsync("CPO", "Fishing fleet", (paula.Id, TeamRole.Prosecutor));
        (await TotalAsync(sam)).ShouldBe("1");

        // ... which the page then shows, not what it rendered before.
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await RefreshAsync();
        (await TotalAsync(sam)).ShouldBe("2");
        (await TotalAsync(nils)).ShouldBe("2");
    }

    [Fact]
    public async Task A_supervisors_my_work_shows_the_offices_open_cases_of_the_last_round_and_counts_them_when_there_is_none()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        await App.UserAsync("sam", Roles.Supervisor);
        await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor));
        await App.CaseAsync("CPO", "Closed case", CaseStage.Closed, (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator));
        await using var instance = App.WithWebHostBuilder(builder => builder.UseSetting("Summaries:MaxAge", "00:15:00"));
        var sam = instance.ClientWith((await App.SignedInClientAsync("sam")).CookiesOf());
        async Task<(string Count, string? AsOf)> OfficeAsync()
        {
            var page = await sam.GetHtmlAsync("/");
            return (page.QuerySelector("#office-open-cases strong")!.TextContent.Trim(), page.QuerySelector("#office-open-cases-as-of")?.TextContent);
        }

        // No round yet: counted now, and no "as of".
        (await OfficeAsync()).ShouldBe(("1", null));

        await RefreshAsync();
        await App.CaseAsync("CPO", "Fishing fleet", (paula.Id, TeamRole.Prosecutor));
        var kept = await OfficeAsync();
        kept.Count.ShouldBe("1");
        kept.AsOf.ShouldNotBeNull().ShouldContain(" UTC");

        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await RefreshAsync();
        (await OfficeAsync()).Count.ShouldBe("2");
    }
}
