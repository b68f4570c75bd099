using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Web.Data;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Cases;

public sealed class CaseListTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task A_team_member_sees_their_case_and_not_another_case_of_their_office()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var peter = await App.UserAsync("peter", Roles.Prosecutor);
        var mine = await App.CaseAsync("CPO", "Forced labour on fishing vessels", (paula.Id, TeamRole.Prosecutor));
        var theirs = await App.CaseAsync("CPO", "Sexual exploitation in bars", (peter.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");

        var page = await client.GetHtmlAsync("/Cases");

        References(page).ShouldBe([mine.Reference]);
        page.QuerySelector("main")!.TextContent.ShouldNotContain(theirs.Title);
        var row = page.QuerySelector("tbody tr")!;
        row.TextContent.ShouldContain("Forced labour on fishing vessels");
        row.TextContent.ShouldContain("Intake");
        row.TextContent.ShouldContain("Test paula"); // the lead prosecutor
    }

    [Fact]
    public async Task A_supervisor_sees_every_case_of_their_office_and_none_of_another_office()
    {
        await App.UserAsync("sam", Roles.Supervisor);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var peter = await App.UserAsync("peter", Roles.Prosecutor);
        var olga = await App.UserAsync("olga", Roles.Prosecutor, "OTH");
        var first = await App.CaseAsync("CPO", "Forced labour on fishing vessels", (paula.Id, TeamRole.Prosecutor));
        var second = await App.CaseAsync("CPO", "Sexual exploitation in bars", (peter.Id, TeamRole.Prosecutor));
        var elsewhere = await App.CaseAsync("OTH", "Domestic servitude in the capital", (olga.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("sam");

        var page = await client.GetHtmlAsync("/Cases");

        References(page).ShouldBe([first.Reference, second.Reference], ignoreOrder: true);
        page.QuerySelector("main")!.TextContent.ShouldNotContain(elsewhere.Reference);
        // Nor by searching for it.
        References(await client.GetHtmlAsync("/Cases?q=" + elsewhere.Reference)).ShouldBeEmpty();
        References(await client.GetHtmlAsync("/Cases?q=servitude")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_administrator_is_refused_the_case_list()
    {
        await App.UserAsync("root", Roles.Administrator);
        var client = await App.SignedInClientAsync("root");

        var response = await client.GetAsync("/Cases");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_new_case_button_is_shown_only_to_those_who_may_open_cases()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        await App.UserAsync("vera", Roles.VictimLiaisonOfficer);

        var prosecutorPage = await (await App.SignedInClientAsync("paula")).GetHtmlAsync("/Cases");
        var liaisonPage = await (await App.SignedInClientAsync("vera")).GetHtmlAsync("/Cases");

        Links(prosecutorPage, "New case").ShouldHaveSingleItem();
        Links(liaisonPage, "New case").ShouldBeEmpty();
        liaisonPage.QuerySelector(".empty-state")!.TextContent.ShouldContain("There are no cases for you to see yet");
    }

    [Theory]
    [InlineData("labour", new[] { "Forced labour on fishing vessels", "Labour camp near the port" })]
    [InlineData("LAB", new[] { "Forced labour on fishing vessels", "Labour camp near the port" })]
    [InlineData("fish", new[] { "Forced labour on fishing vessels" })]
    [InlineData("labour port", new[] { "Labour camp near the port" })]
    [InlineData("  bars!  ", new[] { "Sexual exploitation in bars" })]
    [InlineData("camp & (port | near)", new[] { "Labour camp near the port" })]
    [InlineData("vessel:* | bars", new string[0])]
    [InlineData("trafficking", new string[0])]
    public async Task Searching_by_title_words_matches_every_word_as_the_start_of_a_word(string search, string[] expectedTitles)
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        await App.CaseAsync("CPO", "Forced labour on fishing vessels", (paula.Id, TeamRole.Prosecutor));
        await App.CaseAsync("CPO", "Sexual exploitation in bars", (paula.Id, TeamRole.Prosecutor));
        await App.CaseAsync("CPO", "Labour camp near the port", (paula.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");

        var page = await client.GetHtmlAsync("/Cases?q=" + Uri.EscapeDataString(search));

        Titles(page).ShouldBe(expectedTitles, ignoreOrder: true);
        page.QuerySelector<IHtmlInputElement>("#q")!.Value.ShouldBe(search);
    }

    [Fact]
    public async Task Searching_by_a_reference_or_its_start_finds_the_cases_it_begins()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var first = await App.CaseAsync("CPO", "Forced labour on fishing vessels", (paula.Id, TeamRole.Prosecutor));
        var second = await App.CaseAsync("CPO", "Sexual exploitation in bars", (paula.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");
        var year = second.Reference.Split('-')[1];

        References(await client.GetHtmlAsync("/Cases?q=" + second.Reference)).ShouldBe([second.Reference]);
        References(await client.GetHtmlAsync("/Cases?q=" + second.Reference.ToLowerInvariant())).ShouldBe([second.Reference]);
        References(await client.GetHtmlAsync($"/Cases?q=cpo-{year}")).ShouldBe([first.Reference, second.Reference], ignoreOrder: true);
        References(await client.GetHtmlAsync("/Cases?q=CPO-")).ShouldBe([first.Reference, second.Reference], ignoreOrder: true);
        References(await client.GetHtmlAsync("/Cases?q=ABC-" + year)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_stage_filter_shows_only_cases_in_that_stage()
    {
        var (paula, ivan) = await ProsecutorAndInvestigatorAsync();
        var intake = await App.CaseAsync("CPO", "Case in intake", CaseStage.Intake, (paula.Id, TeamRole.Prosecutor), (ivan.Id, TeamRole.Investigator));
        var investigated = await App.CaseAsync("CPO", "Case under investigation", CaseStage.Investigation, (paula.Id, TeamRole.Prosecutor), (ivan.Id, TeamRole.Investigator));
        var client = await App.SignedInClientAsync("paula");

        References(await client.GetHtmlAsync("/Cases?stage=Investigation")).ShouldBe([investigated.Reference]);
        References(await client.GetHtmlAsync("/Cases?stage=Intake")).ShouldBe([intake.Reference]);
        References(await client.GetHtmlAsync("/Cases?stage=Trial")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_approach_and_scope_filters_show_only_matching_cases()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var reactive = await App.CaseAsync("CPO", "Reported by a victim", (paula.Id, TeamRole.Prosecutor));
        var proactive = await App.CaseAsync("CPO", "Found by intelligence", (paula.Id, TeamRole.Prosecutor));
        await ChangeDetailsAsync(proactive, d => d with { Origin = CaseOrigin.IntelligenceOperation, Scope = CaseScope.Transnational });
        var client = await App.SignedInClientAsync("paula");

        References(await client.GetHtmlAsync("/Cases?approach=Proactive")).ShouldBe([proactive.Reference]);
        References(await client.GetHtmlAsync("/Cases?approach=Reactive")).ShouldBe([reactive.Reference]);
        References(await client.GetHtmlAsync("/Cases?scope=Transnational")).ShouldBe([proactive.Reference]);
        References(await client.GetHtmlAsync("/Cases?scope=Domestic")).ShouldBe([reactive.Reference]);
        References(await client.GetHtmlAsync("/Cases?scope=Domestic&approach=Proactive")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_person_filter_shows_the_cases_whose_team_includes_that_person()
    {
        await App.UserAsync("sam", Roles.Supervisor);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var peter = await App.UserAsync("peter", Roles.Prosecutor);
        var ivan = await App.UserAsync("ivan", Roles.Investigator);
        await App.UserAsync("idle", Roles.Investigator);
        var olga = await App.UserAsync("olga", Roles.Prosecutor, "OTH");
        var paulas = await App.CaseAsync("CPO", "Forced labour on fishing vessels", (paula.Id, TeamRole.Prosecutor), (ivan.Id, TeamRole.Investigator));
        var peters = await App.CaseAsync("CPO", "Sexual exploitation in bars", (peter.Id, TeamRole.Prosecutor), (ivan.Id, TeamRole.Investigator));
        await App.CaseAsync("OTH", "Domestic servitude in the capital", (olga.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("sam");

        var page = await client.GetHtmlAsync("/Cases?person=" + paula.Id);

        References(page).ShouldBe([paulas.Reference]);
        // The list offers the office's people who are on a team, and no one else.
        page.QuerySelectorAll("#person option").Select(o => o.TextContent.Trim())
            .ShouldBe(["Anyone", "Test ivan", "Test paula", "Test peter"]);
        References(await client.GetHtmlAsync("/Cases?person=" + ivan.Id)).ShouldBe([paulas.Reference, peters.Reference], ignoreOrder: true);
    }

    [Fact]
    public async Task A_team_member_is_offered_only_the_people_on_their_own_cases()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var peter = await App.UserAsync("peter", Roles.Prosecutor);
        var ivan = await App.UserAsync("ivan", Roles.Investigator);
        await App.CaseAsync("CPO", "Forced labour on fishing vessels", (paula.Id, TeamRole.Prosecutor), (ivan.Id, TeamRole.Investigator));
        var peters = await App.CaseAsync("CPO", "Sexual exploitation in bars", (peter.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");

        var page = await client.GetHtmlAsync("/Cases");

        page.QuerySelectorAll("#person option").Select(o => o.TextContent.Trim()).ShouldBe(["Anyone", "Test ivan", "Test paula"]);
        // Asking for someone not offered is refused, and still never reveals another team's case.
        var refused = await client.GetHtmlAsync("/Cases?person=" + peter.Id);
        refused.QuerySelector("#person-error")!.TextContent.ShouldContain("Choose a person from the list.");
        References(refused).ShouldNotContain(peters.Reference);
    }

    [Fact]
    public async Task The_opened_on_dates_show_only_cases_opened_within_them()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var today = Today();
        var old = await App.CaseAsync("CPO", "Opened long ago", (paula.Id, TeamRole.Prosecutor));
        var recent = await App.CaseAsync("CPO", "Opened last week", (paula.Id, TeamRole.Prosecutor));
        var current = await App.CaseAsync("CPO", "Opened today", (paula.Id, TeamRole.Prosecutor));
        await ChangeDetailsAsync(old, d => d with { OpenedOn = today.AddDays(-60) });
        await ChangeDetailsAsync(recent, d => d with { OpenedOn = today.AddDays(-7) });
        var client = await App.SignedInClientAsync("paula");

        References(await client.GetHtmlAsync($"/Cases?from={Iso(today.AddDays(-10))}")).ShouldBe([current.Reference, recent.Reference]);
        References(await client.GetHtmlAsync($"/Cases?to={Iso(today.AddDays(-7))}")).ShouldBe([recent.Reference, old.Reference]);
        References(await client.GetHtmlAsync($"/Cases?from={Iso(today.AddDays(-7))}&to={Iso(today.AddDays(-7))}")).ShouldBe([recent.Reference]);
        References(await client.GetHtmlAsync($"/Cases?from={Iso(today.AddDays(-59))}&to={Iso(today.AddDays(-8))}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_list_is_newest_first_and_can_be_sorted_by_title_either_way()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var bravo = await App.CaseAsync("CPO", "Bravo", (paula.Id, TeamRole.Prosecutor));
        var alpha = await App.CaseAsync("CPO", "Alpha", (paula.Id, TeamRole.Prosecutor));
        var charlie = await App.CaseAsync("CPO", "Charlie", (paula.Id, TeamRole.Prosecutor));
        await ChangeDetailsAsync(bravo, d => d with { OpenedOn = Today().AddDays(-1) });
        await ChangeDetailsAsync(alpha, d => d with { OpenedOn = Today().AddDays(-2) });
        var client = await App.SignedInClientAsync("paula");

        Titles(await client.GetHtmlAsync("/Cases")).ShouldBe(["Charlie", "Bravo", "Alpha"]);
        Titles(await client.GetHtmlAsync("/Cases?sort=Title")).ShouldBe(["Alpha", "Bravo", "Charlie"]);
        var descending = await client.GetHtmlAsync("/Cases?sort=Title&dir=Descending");
        Titles(descending).ShouldBe(["Charlie", "Bravo", "Alpha"]);
        descending.QuerySelector("th[aria-sort]")!.TextContent.Trim().ShouldStartWith("Title");
        descending.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort").ShouldBe("descending");
        References(await client.GetHtmlAsync("/Cases?sort=Reference")).ShouldBe([bravo.Reference, alpha.Reference, charlie.Reference]);
    }

    [Fact]
    public async Task Sorting_by_stage_follows_the_prosecutions_order()
    {
        var (paula, ivan) = await ProsecutorAndInvestigatorAsync();
        var team = new[] { (paula.Id, TeamRole.Prosecutor), (ivan.Id, TeamRole.Investigator) };
        await App.CaseAsync("CPO", "At trial", CaseStage.Trial, team);
        await App.CaseAsync("CPO", "Just in", CaseStage.Intake, team);
        await App.CaseAsync("CPO", "Before trial", CaseStage.PreTrial, team);
        await App.CaseAsync("CPO", "Being investigated", CaseStage.Investigation, team);
        var client = await App.SignedInClientAsync("paula");

        Titles(await client.GetHtmlAsync("/Cases?sort=Stage")).ShouldBe(["Just in", "Being investigated", "Before trial", "At trial"]);
        Titles(await client.GetHtmlAsync("/Cases?sort=Stage&dir=Descending")).ShouldBe(["At trial", "Before trial", "Being investigated", "Just in"]);
    }

    [Theory]
    [InlineData("/Cases")]
    [InlineData("/Cases?sort=OpenedOn&dir=Ascending")]
    [InlineData("/Cases?sort=Title")]
    [InlineData("/Cases?sort=Reference&dir=Descending")]
    [InlineData("/Cases?sort=Stage")]
    [InlineData("/Cases?q=cas&sort=Title&dir=Descending")]
    public async Task Paging_through_30_cases_shows_every_case_exactly_once(string firstPage)
    {
        var (paula, ivan) = await ProsecutorAndInvestigatorAsync();
        var created = new List<Case>();
        for (var i = 0; i < 30; i++)
        {
            // Many equal sort keys (titles, stages, dates), so the id must break the ties.
            var stage = (i % 3) switch { 0 => CaseStage.Intake, 1 => CaseStage.Investigation, _ => CaseStage.Trial };
            var @case = await App.CaseAsync("CPO", $"Case {i % 7}", stage, (paula.Id, TeamRole.Prosecutor), (ivan.Id, TeamRole.Investigator));
            if (i % 4 == 0 && stage != CaseStage.Trial)
            {
                await ChangeDetailsAsync(@case, d => d with { OpenedOn = Today().AddDays(-(i % 5)) });
            }
            created.Add(@case);
        }
        var client = await App.SignedInClientAsync("paula");

        var seen = new List<string>();
        var pages = 0;
        string? next = firstPage;
        while (next is not null)
        {
            var page = await client.GetHtmlAsync(next);
            pages++;
            var references = References(page);
            references.Count.ShouldBeLessThanOrEqualTo(25);
            seen.AddRange(references);
            if (pages > 1)
            {
                Links(page, "First page").ShouldHaveSingleItem();
            }
            next = Links(page, "Next page").SingleOrDefault()?.GetAttribute("href");
            pages.ShouldBeLessThan(5);
        }

        pages.ShouldBe(2);
        seen.ShouldBe(created.Select(c => c.Reference), ignoreOrder: true);
        seen.Distinct().Count().ShouldBe(30);
    }

    [Fact]
    public async Task The_next_page_link_never_carries_a_case_title()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        for (var i = 0; i < 26; i++)
        {
            await App.CaseAsync("CPO", $"Nightingale operation {i:00}", (paula.Id, TeamRole.Prosecutor));
        }
        var client = await App.SignedInClientAsync("paula");

        var first = await client.GetHtmlAsync("/Cases?sort=Title");
        var next = Links(first, "Next page").Single().GetAttribute("href")!;
        var second = await client.GetHtmlAsync(next);

        Titles(first).Last().ShouldBe("Nightingale operation 24");
        Uri.UnescapeDataString(next).ShouldNotContain("Nightingale", Shouldly.Case.Insensitive);
        Uri.UnescapeDataString(next).ShouldNotContain("operation", Shouldly.Case.Insensitive);
        Titles(second).ShouldBe(["Nightingale operation 25"]);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("other sort")]
    [InlineData("other direction")]
    public async Task A_next_page_token_that_was_tampered_with_or_made_for_another_order_shows_the_first_page(string change)
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        for (var i = 0; i < 26; i++)
        {
            await App.CaseAsync("CPO", $"Case {i:00}", (paula.Id, TeamRole.Prosecutor));
        }
        var client = await App.SignedInClientAsync("paula");
        var first = await client.GetHtmlAsync("/Cases?sort=Title");
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("https://localhost"), Links(first, "Next page").Single().GetAttribute("href")!).Query)["after"]!;
        var url = change switch
        {
            "tampered" => "/Cases?sort=Title&dir=Ascending&after=" + Uri.EscapeDataString(token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA")),
            "other sort" => "/Cases?sort=Reference&dir=Ascending&after=" + Uri.EscapeDataString(token),
            _ => "/Cases?sort=Title&dir=Descending&after=" + Uri.EscapeDataString(token),
        };

        var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        References(page).Count.ShouldBe(25, "the first page, in full");
        Links(page, "First page").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("stage=Nonsense", "stage", "Choose a stage from the list.")]
    [InlineData("stage=99", "stage", "Choose a stage from the list.")]
    [InlineData("approach=Sideways", "approach", "Choose an approach from the list.")]
    [InlineData("scope=Galactic", "scope", "Choose a scope from the list.")]
    [InlineData("from=notadate", "from", "Enter the date as YYYY-MM-DD.")]
    [InlineData("to=2026-02-31", "to", "Enter the date as YYYY-MM-DD.")]
    [InlineData("person=not-a-guid", "person", "Choose a person from the list.")]
    [InlineData("q=%3C%3E%21%26%7C", "q", "Type words of the title or a case reference")]
    public async Task A_bad_filter_value_is_explained_next_to_its_filter_and_ignored(string query, string field, string message)
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var @case = await App.CaseAsync("CPO", "Forced labour on fishing vessels", (paula.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");

        var response = await client.GetAsync("/Cases?" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.QuerySelector($"#{field}-error")!.TextContent.ShouldContain(message);
        page.QuerySelector($"#{field}")!.GetAttribute("aria-describedby").ShouldBe($"{field}-error");
        References(page).ShouldBe([@case.Reference]);
    }

    [Theory]
    [InlineData("q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("q='%20OR%201%3D1%20--")]
    [InlineData("q=%22%3B%20DROP%20TABLE%20cases%3B%20--")]
    [InlineData("q=a%3A*%20%7C%20!b")]
    [InlineData("sort=Bogus&dir=Sideways")]
    [InlineData("after=garbage")]
    [InlineData("sort=OpenedOn&after=2026-01-01")]
    [InlineData("sort=Stage&after=%27")]
    [InlineData("sort=Title&after=CfDJ8" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("person=0193a5b0-0000-7000-8000-000000000000")]
    public async Task Hostile_query_values_never_fail_the_page(string query)
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var peter = await App.UserAsync("peter", Roles.Prosecutor);
        await App.CaseAsync("CPO", "Forced labour on fishing vessels", (paula.Id, TeamRole.Prosecutor));
        var theirs = await App.CaseAsync("CPO", "Sexual exploitation in bars", (peter.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");

        var response = await client.GetAsync("/Cases?" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain(theirs.Reference);
        html.ShouldNotContain("<script>alert", Shouldly.Case.Insensitive);
    }

    [Fact]
    public async Task Search_text_is_shown_back_encoded_and_an_injection_attempt_matches_nothing()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        await App.CaseAsync("CPO", "Forced labour on fishing vessels", (paula.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");

        var response = await client.GetAsync("/Cases?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("<script>alert(1)</script>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        var page = await response.ReadHtmlAsync();
        page.QuerySelector<IHtmlInputElement>("#q")!.Value.ShouldBe("<script>alert(1)</script>");

        var injection = await client.GetHtmlAsync("/Cases?q=" + Uri.EscapeDataString("' OR 1=1 --"));
        References(injection).ShouldBeEmpty();
        injection.QuerySelector(".empty-state")!.TextContent.ShouldContain("No cases match");
    }

    [Fact]
    public async Task An_end_date_before_the_start_date_is_explained_and_the_dates_ignored()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var @case = await App.CaseAsync("CPO", "Forced labour on fishing vessels", (paula.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");

        var response = await client.GetAsync($"/Cases?from={Iso(Today())}&to={Iso(Today().AddDays(-30))}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.QuerySelector("#to-error")!.TextContent.ShouldContain("The end date is before the start date");
        References(page).ShouldBe([@case.Reference]);
    }

    private async Task<(AppUser Prosecutor, AppUser Investigator)> ProsecutorAndInvestigatorAsync() =>
        (await App.UserAsync("paula", Roles.Prosecutor), await App.UserAsync("ivan", Roles.Investigator));

    /// <summary>Changes a case's details through the domain, as the edit page would.</summary>
    private Task ChangeDetailsAsync(Case @case, Func<CaseDetails, CaseDetails> change) => App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var stored = await db.Cases.SingleAsync(c => c.Id == @case.Id);
        var details = new CaseDetails(stored.Title, stored.Summary, stored.Origin, stored.Scope, stored.InvolvesOrganizedCriminalGroup,
            stored.InvolvesTaskForce, stored.OpenedOn, stored.OffenceFrom, stored.OffenceTo);
        stored.UpdateDetails(change(details), Today());
        await db.SaveChangesAsync();
    });

    private DateOnly Today() => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<string> References(IDocument page) =>
        page.QuerySelectorAll("main tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    private static List<string> Titles(IDocument page) =>
        page.QuerySelectorAll("main tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();

    private static List<IElement> Links(IDocument page, string text) =>
        page.QuerySelectorAll("main a").Where(a => a.TextContent.Trim() == text).ToList();
}
