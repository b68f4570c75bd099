using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Home;

/// <summary>"My work" for victim liaison officers: follow-ups due and victims without recent support.</summary>
public sealed class MyWorkVictimTests(TipCasesApp app) : WebTest(app)
{
    private DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    private async Task<(Guid Lena, Guid Liam, Case Case)> ArrangeAsync()
    {
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var lena = await App.UserAsync("lena", Roles.VictimLiaisonOfficer);
        var liam = await App.UserAsync("liam", Roles.VictimLiaisonOfficer);
        var @case = await App.CaseAsync("CPO", "Nail salon network – debt bondage",
            (ines.Id, TeamRole.Investigator), (lena.Id, TeamRole.VictimLiaisonOfficer), (liam.Id, TeamRole.VictimLiaisonOfficer));
        return (lena.Id, liam.Id, @case);
    }

    /// <summary>Logs a step as it was logged on its day, with a follow-up counted from that day.</summary>
    private Task LogStepAsync(Victim victim, Guid by, int daysAgo, int? followUpAfter) => App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var loaded = await db.Victims.Include(v => v.Cases).Include(v => v.SupportSteps).SingleAsync(v => v.Id == victim.Id);
        var on = Today.AddDays(-daysAgo);
        loaded.LogSupportStep(loaded.Cases.First().CaseId, on, SupportStepKind.Contact, "Phoned the victim.", by,
            followUpAfter is { } after ? on.AddDays(after) : null, App.Clock.GetUtcNow(), on);
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Follow_ups_due_within_a_week_are_listed_overdue_first_and_only_for_my_victims()
    {
        var (lena, liam, @case) = await ArrangeAsync();
        var dueSoon = await App.VictimAsync(@case, liaisonOfficer: lena);
        var overdue = await App.VictimAsync(@case, liaisonOfficer: lena);
        var later = await App.VictimAsync(@case, liaisonOfficer: lena);
        var followUpDropped = await App.VictimAsync(@case, liaisonOfficer: lena);
        var liams = await App.VictimAsync(@case, liaisonOfficer: liam);
        await LogStepAsync(dueSoon, lena, daysAgo: 1, followUpAfter: 4);        // due in 3 days
        await LogStepAsync(overdue, lena, daysAgo: 9, followUpAfter: 7);        // 2 days overdue
        await LogStepAsync(later, lena, daysAgo: 0, followUpAfter: 10);         // beyond a week
        await LogStepAsync(followUpDropped, lena, daysAgo: 9, followUpAfter: 7);
        await LogStepAsync(followUpDropped, lena, daysAgo: 1, followUpAfter: null); // the latest step sets none
        await LogStepAsync(liams, liam, daysAgo: 9, followUpAfter: 7);
        var client = await App.SignedInClientAsync("lena");

        var page = await client.GetHtmlAsync("/");

        var rows = Rows(page, "follow-ups-heading");
        rows.Select(r => r.Cells[0].TextContent.Trim()).ShouldBe([overdue.Pseudonym, dueSoon.Pseudonym]);
        rows[0].Cells[1].TextContent.ShouldContain("Overdue");
        rows[1].Cells[1].TextContent.ShouldNotContain("Overdue");
        rows[0].Cells[2].TextContent.Trim().ShouldBe(@case.Reference);
        rows[0].Cells[3].QuerySelector("a")!.GetAttribute("href").ShouldBe($"/Victims/{overdue.Id}/Support");
        page.Body!.TextContent.ShouldNotContain(liams.Pseudonym);
    }

    [Fact]
    public async Task Victims_without_a_step_in_the_last_30_days_are_listed_never_supported_first_and_only_mine()
    {
        var (lena, liam, @case) = await ArrangeAsync();
        var recent = await App.VictimAsync(@case, liaisonOfficer: lena);
        var longAgo = await App.VictimAsync(@case, liaisonOfficer: lena);
        var never = await App.VictimAsync(@case, liaisonOfficer: lena);
        var liamsNever = await App.VictimAsync(@case, liaisonOfficer: liam);
        var unassigned = await App.VictimAsync(@case);
        await LogStepAsync(recent, lena, daysAgo: 29, followUpAfter: null);
        await LogStepAsync(longAgo, lena, daysAgo: 31, followUpAfter: null);
        var client = await App.SignedInClientAsync("lena");

        var page = await client.GetHtmlAsync("/");

        var rows = Rows(page, "without-support-heading");
        rows.Select(r => r.Cells[0].TextContent.Trim()).ShouldBe([never.Pseudonym, longAgo.Pseudonym]);
        rows[0].Cells[1].TextContent.Trim().ShouldBe("None yet");
        rows[1].Cells[2].TextContent.Trim().ShouldBe(@case.Reference);
        page.Body!.TextContent.ShouldNotContain(liamsNever.Pseudonym);
        page.Body.TextContent.ShouldNotContain(unassigned.Pseudonym);
        page.Body.TextContent.ShouldNotContain(recent.Pseudonym);
    }

    [Fact]
    public async Task A_victim_on_a_case_of_another_office_is_never_shown()
    {
        var lena = await App.UserAsync("lena", Roles.VictimLiaisonOfficer);
        // A membership the access rule does not honour: the case belongs to another office.
        var northern = await App.CaseAsync("NRO", "Northern case", (lena.Id, TeamRole.VictimLiaisonOfficer));
        var victim = await App.VictimAsync(northern, liaisonOfficer: lena.Id);
        await LogStepAsync(victim, lena.Id, daysAgo: 9, followUpAfter: 7);
        var client = await App.SignedInClientAsync("lena");

        var page = await client.GetHtmlAsync("/");

        page.Body!.TextContent.ShouldNotContain(victim.Pseudonym);
        Rows(page, "follow-ups-heading").ShouldBeEmpty();
        Rows(page, "without-support-heading").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_liaison_officer_with_nothing_due_sees_the_empty_states_and_a_prosecutor_sees_no_victim_sections()
    {
        var (lena, _, @case) = await ArrangeAsync();
        var victim = await App.VictimAsync(@case, liaisonOfficer: lena);
        await LogStepAsync(victim, lena, daysAgo: 0, followUpAfter: 14);
        await App.UserAsync("paula", Roles.Prosecutor);

        var lenaPage = await (await App.SignedInClientAsync("lena")).GetHtmlAsync("/");
        var paulaPage = await (await App.SignedInClientAsync("paula")).GetHtmlAsync("/");

        lenaPage.QuerySelector("section[aria-labelledby=follow-ups-heading] .empty-state")!.TextContent.ShouldContain("No follow-up is due");
        lenaPage.QuerySelector("section[aria-labelledby=without-support-heading] .empty-state")!.TextContent
            .ShouldContain("Every victim you support has had a support step in the last 30 days.");
        paulaPage.QuerySelector("#follow-ups-heading").ShouldBeNull();
        paulaPage.QuerySelector("#without-support-heading").ShouldBeNull();
    }

    [Fact]
    public async Task My_work_never_shows_a_victims_name()
    {
        var (lena, _, @case) = await ArrangeAsync();
        var victim = await App.VictimAsync(@case, liaisonOfficer: lena);
        await LogStepAsync(victim, lena, daysAgo: 40, followUpAfter: 7);
        var client = await App.SignedInClientAsync("lena");

        var html = await (await client.GetAsync("/")).Content.ReadAsStringAsync();

        html.ShouldContain(victim.Pseudonym);
        html.ShouldNotContain("Amina");
        html.ShouldNotContain("Testperson");
    }

    private static List<IHtmlTableRowElement> Rows(IHtmlDocument page, string heading) =>
        page.QuerySelectorAll<IHtmlTableRowElement>($"section[aria-labelledby={heading}] tbody tr").ToList();
}
