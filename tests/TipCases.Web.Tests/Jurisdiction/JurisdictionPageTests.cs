using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Jurisdiction;
using TipCases.Domain.Victims;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Security;
using TipCases.Web.Tests.Hearings;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;
using Case = TipCases.Domain.Cases.Case;
using IndexModel = TipCases.Web.Pages.Jurisdiction.IndexModel;

namespace TipCases.Web.Tests.Jurisdiction;

/// <summary>The jurisdiction page and the case page's section: the facts the team records, the
/// bases of Convention Art. 15 they give the configured state (Norway in the shipped settings),
/// the access rule, bad input, concurrency and the audit trail.</summary>
public sealed class JurisdictionPageTests(TipCasesApp app) : WebTest(app)
{
    private static string Url(Case c) => $"/Cases/{c.Id}/Jurisdiction";

    private Task<CaseJurisdiction?> StoredAsync(Guid caseId) => App.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().CaseJurisdictions.AsNoTracking().Include(j => j.Places).SingleOrDefaultAsync(j => j.CaseId == caseId));

    private static Task<HttpResponseMessage> AddPlaceAsync(HttpClient client, Case c, string kind, string code, string? what = null) =>
        client.SubmitFormAsync(Url(c), new() { ["Place.Kind"] = kind, ["Place.CountryCode"] = code, ["Place.Description"] = what ?? "" },
            handler: "AddPlace");

    [Fact]
    public async Task Conduct_in_the_territory_gives_mandatory_territorial_jurisdiction_shown_on_the_case_page()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Investigation);
        var client = await App.SignedInClientAsync("ines");

        (await AddPlaceAsync(client, s.Case, nameof(ConductPlaceKind.Territory), "NO", "exploitation at the fish plant")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await client.GetHtmlAsync(Url(s.Case));
        page.QuerySelector("[data-testid=jurisdiction-state]")!.TextContent.ShouldContain("Norway (NO)");
        page.QuerySelector("[role=status]")!.TextContent.ShouldBe("Recorded: conduct in Norway.");
        var row = page.QuerySelectorAll<IHtmlTableRowElement>("[data-testid=applying-bases] tbody tr").ShouldHaveSingleItem();
        row.Cells[0].TextContent.Trim().ShouldBe("Art. 15(1)");
        row.Cells[2].TextContent.Trim().ShouldBe("Mandatory");
        row.Cells[3].TextContent.Trim().ShouldBe("Conduct took place in Norway (exploitation at the fish plant).");
        var casePage = await client.GetHtmlAsync($"/Cases/{s.Case.Id}");
        var bases = casePage.QuerySelector("[data-testid=jurisdiction-bases]")!.TextContent;
        bases.ShouldContain("Art. 15(1)");
        bases.ShouldContain("Mandatory");
        bases.ShouldContain("Conduct took place in Norway (exploitation at the fish plant).");
    }

    [Fact]
    public async Task Conduct_abroad_aimed_at_the_territory_and_a_national_victim_give_the_optional_bases()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Investigation);
        await App.ChangeVictimAsync(s.Victim.Id, v => v.UpdateProfile(Profile("norway"), App.Today()));
        var unrecognised = await App.VictimAsync(s.Case);
        await App.ChangeVictimAsync(unrecognised.Id, v => v.UpdateProfile(Profile("Moldovan"), App.Today()));
        var client = await App.SignedInClientAsync("paula");

        await AddPlaceAsync(client, s.Case, nameof(ConductPlaceKind.Territory), "VN", "recruitment");
        var saved = await client.SubmitFormAsync(Url(s.Case), new()
        {
            ["Facts.ConductAbroadAimedAtTerritory"] = "true",
            ["Facts.AimNote"] = "Recruited for the fish plant in Norway",
        }, handler: "Facts");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetHtmlAsync(Url(s.Case));
        var rows = page.QuerySelectorAll<IHtmlTableRowElement>("[data-testid=applying-bases] tbody tr").ToList();
        rows.Select(r => r.Cells[0].TextContent.Trim()).ShouldBe(["Art. 15(2)(a)", "Art. 15(2)(c)"]);
        rows.ShouldAllBe(r => r.Cells[2].TextContent.Trim() == "Optional");
        rows[0].Cells[3].TextContent.Trim().ShouldBe($"The offence was committed against {s.Victim.Pseudonym}, a national of Norway. " +
            $"The nationality recorded for {unrecognised.Pseudonym} (\"Moldovan\") is not a recognised state: record the state's name or its ISO code.");
        rows[1].Cells[3].TextContent.Trim().ShouldBe("Conduct took place outside Norway, in Vietnam (recruitment), with a view to a serious crime in its territory: " +
            "Recruited for the fish plant in Norway.");
        page.QuerySelector("[data-testid=not-applying-bases]")!.TextContent.ShouldContain(
            "No conduct is recorded in Norway, on board a vessel flying its flag or an aircraft registered there: the conduct recorded took place in Vietnam (recruitment).");
        var nationalities = page.QuerySelector("[data-testid=victim-nationalities]")!.TextContent;
        nationalities.ShouldContain("Not a recognised state");
    }

    private static VictimProfile Profile(string nationality) => VictimFactory.Profile() with { Nationality = nationality };

    public static TheoryData<string, string, string, string, string> BadInput => new()
    {
        // handler, field, value, field with the message, message
        { "Facts", "Facts.AimNote", " ", "Facts.AimNote", "Say which serious crime in the territory the conduct abroad aimed at, and what shows it." },
        { "Facts", "Facts.AimNote", "long", "Facts.AimNote", "Use at most 1000 characters." },
        { "Facts", "Facts.Notes", "long", "Facts.Notes", "Use at most 4000 characters." },
        { "AddPlace", "Place.CountryCode", "XX", "Place.CountryCode", "Choose a state from the list." },
        { "AddPlace", "Place.CountryCode", "", "Place.CountryCode", "Choose a state from the list." },
        { "AddPlace", "Place.Kind", "Submarine", "Place.Kind", "Choose where the conduct took place." },
        { "AddPlace", "Place.Kind", "9", "Place.Kind", "Choose where the conduct took place." },
        { "AddPlace", "Place.Description", "long", "Place.Description", "Use at most 200 characters." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_message_next_to_the_field_and_nothing_is_saved(string handler, string field, string value, string errorField,
        string message)
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Investigation);
        var client = await App.SignedInClientAsync("paula");
        var fields = handler == "Facts"
            ? new Dictionary<string, string> { ["Facts.ConductAbroadAimedAtTerritory"] = "true", ["Facts.AimNote"] = "Aimed at the territory." }
            : new Dictionary<string, string> { ["Place.Kind"] = nameof(ConductPlaceKind.Territory), ["Place.CountryCode"] = "NO" };
        fields[field] = value == "long" ? new string('x', 4001) : value;

        var response = await client.SubmitFormAsync(Url(s.Case), fields, handler: handler);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).FieldError(errorField).ShouldBe(message);
        (await StoredAsync(s.Case.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task A_place_recorded_twice_is_refused_with_the_reason()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Investigation);
        var client = await App.SignedInClientAsync("paula");
        await AddPlaceAsync(client, s.Case, nameof(ConductPlaceKind.VesselFlaggedIn), "NO");

        var response = await AddPlaceAsync(client, s.Case, nameof(ConductPlaceKind.VesselFlaggedIn), "no");

        (await response.ReadHtmlAsync()).Summary().ShouldBe("This place is already recorded: on board a vessel flying the flag of Norway.");
        (await StoredAsync(s.Case.Id))!.Places.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_place_is_removed_only_through_its_own_case()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Investigation);
        var other = await App.CaseAsync("CPO", "Paula's other case", (s.Paula, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");
        await AddPlaceAsync(client, other, nameof(ConductPlaceKind.Territory), "SE");
        var foreign = (await StoredAsync(other.Id))!;
        await AddPlaceAsync(client, s.Case, nameof(ConductPlaceKind.Territory), "NO");
        var mine = (await StoredAsync(s.Case.Id))!;
        string Version(CaseJurisdiction j) => j.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var tampered = await client.PostAsync($"{Url(s.Case)}?handler=RemovePlace",
            [new("placeId", foreign.Places.Single().Id.ToString()), new("Version", Version(mine))]);
        tampered.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await StoredAsync(other.Id))!.Places.Count.ShouldBe(1);

        var removed = await client.PostAsync($"{Url(s.Case)}?handler=RemovePlace",
            [new("placeId", mine.Places.Single().Id.ToString()), new("Version", Version(mine))]);
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StoredAsync(s.Case.Id))!.Places.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_second_of_two_people_changing_the_facts_is_told_and_changes_nothing(bool firstFactsOfTheCase)
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Investigation);
        var paula = await App.SignedInClientAsync("paula");
        var ines = await App.SignedInClientAsync("ines");
        if (!firstFactsOfTheCase)
        {
            await AddPlaceAsync(paula, s.Case, nameof(ConductPlaceKind.Territory), "SE");
        }
        var inesPage = await ines.GetHtmlAsync(Url(s.Case));

        (await AddPlaceAsync(paula, s.Case, nameof(ConductPlaceKind.Territory), "NO")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await ines.SubmitFormAsync(inesPage, Url(s.Case), new() { ["Facts.Notes"] = "Ines's notes" }, handler: "Facts");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Summary().ShouldBe(IndexModel.ConflictMessage);
        var stored = (await StoredAsync(s.Case.Id))!;
        stored.Notes.ShouldBeNull();
        stored.Places.Select(p => p.CountryCode).ShouldContain("NO");
    }

    [Fact]
    public async Task Readers_who_may_not_change_the_case_see_the_analysis_without_forms_and_are_refused_a_change()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Investigation);
        var client = await App.SignedInClientAsync("lena");

        var page = await client.GetHtmlAsync(Url(s.Case));
        page.QuerySelectorAll("main form[method=post]").ShouldBeEmpty();
        var token = await client.AntiforgeryTokenAsync();
        (await client.PostFormAsync($"{Url(s.Case)}?handler=AddPlace",
            [new("Place.Kind", "Territory"), new("Place.CountryCode", "NO"), new("Version", "0")], token)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostFormAsync($"{Url(s.Case)}?handler=Facts", [new("Facts.Notes", "x"), new("Version", "0")], token))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await StoredAsync(s.Case.Id)).ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.Prosecutor, "CPO", HttpStatusCode.NotFound)]
    [InlineData(Roles.Supervisor, "NRO", HttpStatusCode.NotFound)]
    [InlineData(Roles.Administrator, "CPO", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Supervisor, "CPO", HttpStatusCode.Redirect)]
    public async Task Who_is_not_on_the_team_gets_what_the_case_access_rule_says(string role, string office, HttpStatusCode change)
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Investigation);
        await App.UserAsync("outsider", role, office);
        var client = await App.SignedInClientAsync("outsider");

        var read = await client.GetAsync(Url(s.Case));
        var post = await client.PostFormAsync($"{Url(s.Case)}?handler=AddPlace",
            [new("Place.Kind", "Territory"), new("Place.CountryCode", "NO"), new("Version", "0")], await client.AntiforgeryTokenAsync());

        read.StatusCode.ShouldBe(change == HttpStatusCode.Redirect ? HttpStatusCode.OK : change);
        post.StatusCode.ShouldBe(change);
        (await StoredAsync(s.Case.Id) is not null).ShouldBe(change == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Facts_and_places_are_in_the_audit_trail_and_the_version_check_adds_no_change()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Investigation);
        var client = await App.SignedInClientAsync("paula");
        await AddPlaceAsync(client, s.Case, nameof(ConductPlaceKind.AircraftRegisteredIn), "NO");
        await AddPlaceAsync(client, s.Case, nameof(ConductPlaceKind.Territory), "SE");

        var events = (await App.AuditOfCaseAsync(s.Case.Id)).Where(e => e.ActorId == s.Paula).ToList();

        events.Count(e => e.EntityType == "PlaceOfConduct" && e.Action == AuditAction.RecordCreated).ShouldBe(2);
        events.ShouldContain(e => e.EntityType == "PlaceOfConduct" && e.Details!.Contains("AircraftRegisteredIn"));
        events.Count(e => e.EntityType == "CaseJurisdiction").ShouldBe(1, "created once; the version check on the second place changes nothing");
        var history = (await client.GetHtmlAsync($"/Cases/{s.Case.Id}/History")).QuerySelector("main")!.TextContent;
        history.ShouldContain("Added place of conduct");
        history.ShouldContain("Country code: SE");
    }
}
