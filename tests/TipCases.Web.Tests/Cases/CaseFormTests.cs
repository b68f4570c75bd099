using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Web.Data;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Cases;

public sealed class CaseFormTests(TipCasesApp app) : WebTest(app)
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    private Dictionary<string, string> NewCase(string title) => new()
    {
        ["Form.Title"] = title,
        ["Form.Summary"] = "Workers recruited abroad, passports withheld.",
        ["Form.Origin"] = nameof(CaseOrigin.VictimReport),
        ["Form.Scope"] = nameof(CaseScope.Transnational),
        ["Form.InvolvesOrganizedCriminalGroup"] = "true",
        ["Form.OpenedOn"] = Day(Today),
    };

    [Fact]
    public async Task An_investigator_opens_a_case_that_gets_the_next_reference_and_puts_them_on_the_team()
    {
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var client = await App.SignedInClientAsync("ines");

        var response = await client.SubmitFormAsync("/Cases/Create", NewCase("Harbour Lights"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Cases.Include(c => c.Team).AsNoTracking().SingleAsync());
        response.Headers.Location!.ToString().ShouldBe($"/Cases/{stored.Id}");
        stored.Reference.ShouldBe($"CPO-{Today.Year}-000001");
        stored.Stage.ShouldBe(CaseStage.Intake);
        stored.Approach.ShouldBe(InvestigationApproach.Reactive);
        stored.Scope.ShouldBe(CaseScope.Transnational);
        stored.InvolvesOrganizedCriminalGroup.ShouldBeTrue();
        stored.Team.Single().ShouldSatisfyAllConditions(m => m.UserId.ShouldBe(ines.Id), m => m.Role.ShouldBe(TeamRole.Investigator));
    }

    [Fact]
    public async Task A_liaison_officer_cannot_open_a_case()
    {
        await App.UserAsync("lena", Roles.VictimLiaisonOfficer);
        var client = await App.SignedInClientAsync("lena");

        (await client.GetAsync("/Cases/Create")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        { "Form.Title", "", "Form.Title", "Give the case a title." },
        { "Form.Title", new string('x', 10_000), "Form.Title", "Use at most 200 characters." },
        { "Form.Origin", "Pirate", "Form.Origin", "Choose how the case started." },
        { "Form.Origin", "99", "Form.Origin", "Choose how the case started." },
        { "Form.Scope", "Galactic", "Form.Scope", "Choose the scope." },
        { "Form.OpenedOn", "2999-01-01", "Form.OpenedOn", "The case cannot be opened in the future." },
        { "Form.OpenedOn", "31/31/2026", "Form.OpenedOn", "Enter the date the case was opened." },
        { "Form.OffenceFrom", "2999-01-01", "Form.OffenceFrom", "Offence dates cannot be in the future." },
        { "Form.OffenceTo", "2000-01-01", "Form.OffenceTo", "The offence cannot end before it began." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_message_next_to_the_field_and_nothing_is_saved(string field, string value, string errorField, string message)
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");
        var form = NewCase("Harbour Lights");
        form["Form.OffenceFrom"] = "2010-06-01";
        form[field] = value;

        var response = await client.SubmitFormAsync("/Cases/Create", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).FieldError(errorField).ShouldBe(message);
        (await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Cases.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("Harbour\0Lights")]
    [InlineData("Harbour\u0001Lights")]
    public async Task A_control_character_in_a_title_is_refused_with_400_and_nothing_is_saved(string title)
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync("/Cases/Create", NewCase(title));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Request not accepted");
        (await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Cases.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Tabs_and_line_breaks_in_a_summary_are_accepted()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");
        var form = NewCase("Harbour Lights");
        form["Form.Summary"] = "First line\r\nSecond line\twith a tab";

        var response = await client.SubmitFormAsync("/Cases/Create", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Cases.SingleAsync())).Summary.ShouldBe("First line\r\nSecond line\twith a tab");
    }

    [Fact]
    public async Task Markup_in_a_title_is_stored_as_typed_and_shown_as_text()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync("/Cases/Create", NewCase("<script>alert('x')</script> & <b>bold</b>"));
        var html = await (await client.GetAsync(response.Headers.Location!.ToString())).Content.ReadAsStringAsync();

        html.ShouldNotContain("<script>alert('x')</script>");
        html.ShouldNotContain("<b>bold</b>");
        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
    }

    [Fact]
    public async Task Twenty_cases_opened_at_once_get_twenty_different_references()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var office = await App.OfficeAsync();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, paula.Id.ToString()),
            new Claim(ClaimTypes.Name, "paula"),
            new Claim(ClaimTypes.Role, Roles.Prosecutor),
            new Claim(TipCasesClaims.OfficeId, office.Id.ToString()),
        ], "test"));
        var input = new CreateModel.Input
        {
            Title = "Parallel",
            Origin = CaseOrigin.TipOff,
            Scope = CaseScope.Domestic,
            OpenedOn = Today,
        };

        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            App.WithScopeAsync(sp => sp.GetRequiredService<CreateModel.Handler>().HandleAsync(input, principal, default)))));

        var references = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Cases
            .Where(c => ids.Contains(c.Id)).Select(c => c.Reference).ToListAsync());
        references.Count.ShouldBe(20);
        references.Distinct().Count().ShouldBe(20);
        references.Order().ShouldBe(Enumerable.Range(1, 20).Select(n => $"CPO-{Today.Year}-{n:D6}"));
    }

    [Fact]
    public async Task Numbering_is_per_office_and_year()
    {
        var cpo = await App.CaseAsync("CPO", "First central");
        var nro = await App.CaseAsync("NRO", "First northern");
        var cpo2 = await App.CaseAsync("CPO", "Second central");

        cpo.Reference.ShouldEndWith("-000001");
        nro.Reference.ShouldStartWith($"NRO-{Today.Year}-000001");
        cpo2.Reference.ShouldBe($"CPO-{Today.Year}-000002");
    }
}
