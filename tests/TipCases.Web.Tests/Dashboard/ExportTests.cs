using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;

namespace TipCases.Web.Tests.Dashboard;

/// <summary>CSV exports: safe against spreadsheet formula injection, complete, audited, and never carrying a victim's identity.</summary>
public sealed class ExportTests(TipCasesApp app) : WebTest(app)
{
    private DashboardData Data { get; } = new(app);

    [Theory]
    [InlineData("plain title", "\"plain title\"")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"open\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\"")]
    [InlineData("+cmd|' /C calc'!A0", "\"'+cmd|' /C calc'!A0\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1:A9)", "\"'@SUM(A1:A9)\"")]
    [InlineData("\tindented", "\"'\tindented\"")]
    [InlineData("\rreturn", "\"'\rreturn\"")]
    [InlineData("   =1+1", "\"'   =1+1\"")]
    [InlineData("a \"quoted\", with comma\nand line", "\"a \"\"quoted\"\", with comma\nand line\"")]
    [InlineData("", "\"\"")]
    [InlineData("total = 3", "\"total = 3\"")]
    public void A_cell_a_spreadsheet_would_run_is_made_text_and_every_cell_is_quoted(string value, string cell) =>
        Csv.Cell(value).ShouldBe(cell);

    [Fact]
    public async Task The_case_list_exports_every_case_its_filters_select_escaped_and_audited_without_any_victim()
    {
        var sam = await App.UserAsync("sam", Roles.Supervisor);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var titles = new List<string> { "=HYPERLINK(\"http://evil.example\",\"open\")", "@SUM(A1)", "Quote \"x\", and comma" };
        titles.AddRange(Enumerable.Range(1, 25).Select(i => $"Labour case {i:D2}")); // more than one page of the list
        var intake = new List<TipCases.Domain.Cases.Case>();
        foreach (var title in titles)
        {
            intake.Add(await App.CaseAsync("CPO", title, (paula.Id, TeamRole.Prosecutor)));
        }
        var ines = await App.UserAsync("ines", Roles.Investigator);
        await Data.CaseAsync("CPO", "Labour case under investigation", CaseStage.Investigation, CaseOrigin.TipOff, CaseScope.Domestic, 1,
            (ines.Id, TeamRole.Investigator), (paula.Id, TeamRole.Prosecutor));
        var victim = await App.VictimAsync(intake[0]);
        var client = await App.SignedInClientAsync("sam");

        var response = await client.GetAsync("/Cases?handler=Csv&stage=Intake&q=labour%20case&sort=Reference&dir=Ascending");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("\"Reference\",\"Title\",\"Stage\",\"Approach\",\"Scope\",\"Opened on\",\"Lead prosecutor\",\"Team size\"");
        var expected = intake.Where(c => c.Title.StartsWith("Labour case", StringComparison.Ordinal)).Select(c => c.Reference).Order(StringComparer.Ordinal).ToList();
        lines.Skip(1).Select(l => l.Split(',')[0].Trim('"')).ShouldBe(expected);
        csv.ShouldNotContain("Labour case under investigation");

        var all = await (await client.GetAsync("/Cases?handler=Csv&stage=Intake")).Content.ReadAsStringAsync();
        all.ShouldContain("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\"");
        all.ShouldContain("\"'@SUM(A1)\"");
        all.ShouldContain("\"Quote \"\"x\"\", and comma\"");
        all.ShouldNotContain(victim.Pseudonym);
        all.ShouldNotContain("Amina");
        all.ShouldNotContain("Testperson");

        var events = await ExportEventsAsync(sam.Id);
        events.Count.ShouldBe(2);
        events[0].EntityId.ShouldBe("cases");
        Filter(events[0], "stage").ShouldBe("Intake");
        Filter(events[0], "search").ShouldBe("yes");
        Filter(events[1], "search").ShouldBeNull();
        events[0].Details!.ShouldNotContain("labour", Shouldly.Case.Insensitive); // the words searched for stay out of the trail
    }

    [Fact]
    public async Task The_case_list_offers_the_download_with_its_current_filters()
    {
        await App.UserAsync("sam", Roles.Supervisor);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        await App.CaseAsync("CPO", "Any case", (paula.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("sam");

        var page = await client.GetHtmlAsync("/Cases?stage=Intake&overdue=tasks&open=true");
        page.QuerySelector(".empty-state").ShouldNotBeNull(); // no overdue task: nothing listed
        var list = await client.GetHtmlAsync("/Cases?stage=Intake");
        var href = list.QuerySelectorAll("main a").Single(a => a.TextContent.Contains("Download CSV", StringComparison.Ordinal)).GetAttribute("href")!;

        href.ShouldContain("handler=Csv");
        href.ShouldContain("stage=Intake");
        (await client.GetAsync(href)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Each_dashboard_table_downloads_with_the_pages_numbers_and_each_download_is_audited()
    {
        var sam = await App.UserAsync("sam", Roles.Supervisor);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var c = await Data.CaseAsync("CPO", "Fields", CaseStage.Investigation, CaseOrigin.TipOff, CaseScope.Domestic, 3,
            (ines.Id, TeamRole.Investigator), (paula.Id, TeamRole.Prosecutor));
        await Data.CaseAsync("CPO", "Harbour", CaseStage.Intake, CaseOrigin.IntelligenceOperation, CaseScope.Transnational, 3, (paula.Id, TeamRole.Prosecutor));
        var victim = await Data.VictimAsync(c, Sex.Female, [ExploitationForm.ForcedLabourOrServices], null);
        await Data.ClaimAsync(victim, c, "EUR", 100.5m, 50m, 25m);
        var client = await App.SignedInClientAsync("sam");

        foreach (var table in Enum.GetValues<TipCases.Web.Pages.Dashboard.DashboardTable>())
        {
            var response = await client.GetAsync($"/Dashboard/Export?table={table}&scope=Office");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, table.ToString());
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
            var csv = await response.Content.ReadAsStringAsync();
            csv.ShouldNotContain(victim.Pseudonym);
            csv.ShouldNotContain("Amina");
        }

        var stages = await (await client.GetAsync("/Dashboard/Export?table=Stages&scope=Office")).Content.ReadAsStringAsync();
        stages.ShouldContain("\"Intake\",\"1\"\r\n");
        stages.ShouldContain("\"Investigation\",\"1\"\r\n");
        stages.ShouldContain("\"Total\",\"2\"\r\n");
        var people = await (await client.GetAsync("/Dashboard/Export?table=People&scope=Office")).Content.ReadAsStringAsync();
        people.ShouldContain("\"Test paula\",\"1\",\"1\",\"0\",\"0\",\"0\",\"2\",\"0\",\"0\"\r\n");
        var money = await (await client.GetAsync("/Dashboard/Export?table=Compensation&scope=Office")).Content.ReadAsStringAsync();
        money.ShouldContain("\"EUR\",\"1\",\"1\",\"100.50\",\"50.00\",\"25.00\",\"25.00\"\r\n");

        var events = await ExportEventsAsync(sam.Id);
        events.Count.ShouldBe(Enum.GetValues<TipCases.Web.Pages.Dashboard.DashboardTable>().Length + 3);
        events.ShouldAllBe(e => e.EntityType == "Export" && e.EntityId!.StartsWith("dashboard:"));
    }

    [Fact]
    public async Task My_work_tables_download_for_the_users_own_cases()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var peter = await App.UserAsync("peter", Roles.Prosecutor);
        await App.CaseAsync("CPO", "Mine", (paula.Id, TeamRole.Prosecutor));
        await App.CaseAsync("CPO", "Not mine", (peter.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");

        var csv = await (await client.GetAsync("/Dashboard/Export?table=Stages&scope=MyCases")).Content.ReadAsStringAsync();

        csv.ShouldContain("\"Total\",\"1\"\r\n");
        Filter((await ExportEventsAsync(paula.Id)).ShouldHaveSingleItem(), "scope").ShouldBe("MyCases");
    }

    [Fact]
    public async Task The_statistics_publish_no_combination_of_fewer_than_11_victims_generalising_first_and_carry_no_identity()
    {
        var sam = await App.UserAsync("sam", Roles.Supervisor);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var trial = await Data.CaseAsync("CPO", "Greenhouses", CaseStage.Trial, CaseOrigin.TipOff, CaseScope.Transnational, 0,
            (await App.UserAsync("ines", Roles.Investigator)).Id is var ines ? [(ines, TeamRole.Investigator), (paula.Id, TeamRole.Prosecutor)] : []);
        var victims = new List<Victim>();
        // Six aged 19 and six aged 25 at the time: two bands of six, which only the wider band 18--29 can publish.
        for (var i = 0; i < 12; i++)
        {
            var born = Data.Today.AddYears(i < 6 ? -19 : -25).AddDays(-40);
            victims.Add(await Data.VictimAsync(trial, Sex.Female, [ExploitationForm.ForcedLabourOrServices], born, nationality: "Moldova"));
        }
        // Two who share nothing with anyone else: suppressed.
        victims.Add(await Data.VictimAsync(trial, Sex.Male, [ExploitationForm.RemovalOfOrgans], Data.Today.AddYears(-50), nationality: "Atlantis"));
        victims.Add(await Data.VictimAsync(trial, Sex.Male, [ExploitationForm.ForcedBegging], Data.Today.AddYears(-10), nationality: "Elsewhere"));
        var client = await App.SignedInClientAsync("sam");

        var response = await client.GetAsync("/Dashboard/Statistics?handler=Csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("\"gender\",\"majorityStatusAtExploit\",\"ageBroad\",\"typeOfExploit\",\"caseOutcome\",\"citizenship\",\"meansOfControl\"");
        var rows = lines.Skip(1).ToList();
        rows.Count.ShouldBe(12);
        rows.GroupBy(r => r).ShouldAllBe(g => g.Count() >= 11);
        rows.Distinct().ShouldHaveSingleItem().ShouldBe("\"Female\",\"Adult\",\"18--29\",\"ForcedLabourOrServices\",\"Trial\",\"MD\",\"NotRecorded\"");
        // Whatever was recorded, none of it identifies anyone.
        foreach (var victim in victims)
        {
            csv.ShouldNotContain(victim.Pseudonym);
            csv.ShouldNotContain(victim.Id.ToString());
        }
        foreach (var secret in new[] { "Amina", "Testperson", "555 0100", "amina@example.test", "Hidden Street", "X1234567", trial.Reference, "ATLANTIS", "ELSEWHERE" })
        {
            csv.ShouldNotContain(secret, Shouldly.Case.Insensitive);
        }

        var report = (await (await client.GetAsync("/Dashboard/Statistics?handler=Report")).Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        report.ShouldContain("\"victims\",\"14\"");
        report.ShouldContain("\"victims published\",\"12\"");
        report.ShouldContain("\"victims suppressed (in a group smaller than k after generalisation)\",\"2\"");
        report.ShouldContain("\"attribute ageBroad\",\"generalised: wide age bands (0--17, 18--29, 30+)\"");
        report.ShouldContain("\"attribute gender\",\"as recorded:");

        var page = await client.GetHtmlAsync("/Dashboard/Statistics");
        page.QuerySelector("#victims-suppressed")!.TextContent.Trim().ShouldBe("2");
        page.QuerySelectorAll("#groups tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain("12");

        var events = await ExportEventsAsync(sam.Id);
        events.Select(e => e.EntityId).ShouldBe(["statistics", "statistics"]);
        JsonDocument.Parse(events[0].Details!).RootElement.GetProperty("suppressed").GetInt32().ShouldBe(2);

        // Another office's supervisor counts none of these victims.
        await App.UserAsync("nils", Roles.Supervisor, "NRO");
        var north = await (await App.SignedInClientAsync("nils")).GetHtmlAsync("/Dashboard/Statistics");
        north.QuerySelector("#victims-in")!.TextContent.Trim().ShouldBe("0");
    }

    [Fact]
    public async Task The_statistics_cover_whole_calendar_years_only_so_two_reports_never_differ_by_a_few_days()
    {
        await App.UserAsync("sam", Roles.Supervisor);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var @case = await Data.CaseAsync("CPO", "Greenhouses", CaseStage.Intake, CaseOrigin.TipOff, CaseScope.Transnational, 0,
            [(paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator)]);
        await Data.VictimAsync(@case, Sex.Female, [ExploitationForm.ForcedLabourOrServices], Data.Today.AddYears(-30), nationality: "Moldova");
        var client = await App.SignedInClientAsync("sam");
        var thisYear = Data.Today.Year;

        // Dates are not a period here: the report is of this year, whatever from and to say.
        var page = await client.GetHtmlAsync($"/Dashboard/Statistics?from={Data.Today.Iso()}&to={Data.Today.Iso()}");
        page.QuerySelector("#year option[selected]")!.TextContent.ShouldBe(thisYear.ToString(CultureInfo.InvariantCulture));
        page.QuerySelector("#victims-in")!.TextContent.Trim().ShouldBe("1");
        page.QuerySelector("#year-help")!.TextContent.ShouldContain("is not over");

        var lastYear = await client.GetHtmlAsync($"/Dashboard/Statistics?year={thisYear - 1}");
        lastYear.QuerySelector("#victims-in")!.TextContent.Trim().ShouldBe("0");
        lastYear.QuerySelector("#year-help")!.TextContent.ShouldNotContain("is not over");

        (await client.GetHtmlAsync("/Dashboard/Statistics?year=1990")).QuerySelector("#year-error")!.TextContent.ShouldBe("Choose a year from the list.");
        (await client.GetAsync("/Dashboard/Statistics?handler=Csv&year=1990")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/Dashboard/Statistics?handler=Report&year=not-a-year")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync($"/Dashboard/Statistics?handler=Csv&year={thisYear - 1}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string? Filter(AuditEvent e, string name) =>
        JsonDocument.Parse(e.Details!).RootElement.GetProperty("filters").TryGetProperty(name, out var value) ? value.GetString() : null;

    private Task<List<AuditEvent>> ExportEventsAsync(Guid actorId) => App.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.ActorId == actorId && e.Action == AuditAction.Exported)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .ToListAsync());
}
