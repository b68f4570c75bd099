using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Victims;

public sealed class SupportStepTests(TipCasesApp app) : WebTest(app)
{
    private DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Url(Victim victim) => $"/Victims/{victim.Id}/Support";

    /// <summary>Lena is the victim's liaison officer; Ines investigates and Paula prosecutes the case.</summary>
    private async Task<(Guid Lena, Case Case, Victim Victim)> ArrangeAsync()
    {
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var lena = await App.UserAsync("lena", Roles.VictimLiaisonOfficer);
        var @case = await App.CaseAsync("CPO", "Nail salon network – debt bondage",
            (ines.Id, TeamRole.Investigator), (paula.Id, TeamRole.Prosecutor), (lena.Id, TeamRole.VictimLiaisonOfficer));
        var victim = await App.VictimAsync(@case, liaisonOfficer: lena.Id);
        return (lena.Id, @case, victim);
    }

    private Task<List<SupportStep>> StepsAsync() =>
        App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().SupportSteps.AsNoTracking().ToListAsync());

    [Fact]
    public async Task The_form_proposes_a_contact_today_on_the_only_case_with_a_follow_up_in_a_week_and_focuses_the_summary()
    {
        var (_, @case, victim) = await ArrangeAsync();
        var client = await App.SignedInClientAsync("lena");

        var page = await client.GetHtmlAsync(Url(victim));

        page.QuerySelector("h1")!.TextContent.ShouldContain(victim.Pseudonym);
        page.QuerySelector<IHtmlInputElement>("input[name='Form.Kind']:checked")!.Value.ShouldBe(nameof(SupportStepKind.Contact));
        page.QuerySelector<IHtmlInputElement>("#Form_TookPlaceOn")!.Value.ShouldBe(Day(Today));
        page.QuerySelector<IHtmlSelectElement>("#Form_CaseId")!.Value.ShouldBe(@case.Id.ToString());
        page.QuerySelector<IHtmlInputElement>("#Form_NextFollowUpOn")!.Value.ShouldBe(Day(Today.AddDays(7)));
        page.QuerySelector("#Form_Summary")!.HasAttribute("autofocus").ShouldBeTrue();
        page.QuerySelector("#support-steps").ShouldBeNull();
        page.QuerySelector(".empty-state")!.TextContent.ShouldContain("No support step has been logged");
    }

    [Fact]
    public async Task A_liaison_officer_logs_a_step_that_is_stored_with_who_did_it_and_audited_on_the_victim()
    {
        var (lena, @case, victim) = await ArrangeAsync();
        var client = await App.SignedInClientAsync("lena");

        var response = await client.SubmitFormAsync(Url(victim), new()
        {
            ["Form.Kind"] = nameof(SupportStepKind.Counselling),
            ["Form.Summary"] = "Accompanied to the first counselling session.",
            ["Form.TookPlaceOn"] = Day(Today.AddDays(-1)),
            ["Form.NextFollowUpOn"] = Day(Today.AddDays(3)),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe(Url(victim));
        var step = (await StepsAsync()).ShouldHaveSingleItem();
        step.VictimId.ShouldBe(victim.Id);
        step.CaseId.ShouldBe(@case.Id);
        step.ByUserId.ShouldBe(lena);
        step.Kind.ShouldBe(SupportStepKind.Counselling);
        step.TookPlaceOn.ShouldBe(Today.AddDays(-1));
        step.NextFollowUpOn.ShouldBe(Today.AddDays(3));
        step.Summary.ShouldBe("Accompanied to the first counselling session.");
        var audit = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.VictimId == victim.Id && e.EntityType == nameof(SupportStep)).ToListAsync());
        var created = audit.ShouldHaveSingleItem();
        created.Action.ShouldBe(AuditAction.RecordCreated);
        created.ActorId.ShouldBe(lena);
        created.EntityId.ShouldBe(step.Id.ToString());
        created.CaseId.ShouldBe(@case.Id);

        var page = await client.GetHtmlAsync(Url(victim));
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain($"Support step logged for {victim.Pseudonym}.");
        var row = page.QuerySelectorAll<IHtmlTableRowElement>("#support-steps tbody tr").ShouldHaveSingleItem();
        row.Cells[1].TextContent.Trim().ShouldBe("Counselling");
        row.Cells[2].TextContent.Trim().ShouldBe("Accompanied to the first counselling session.");
        row.Cells[3].TextContent.Trim().ShouldBe("Test lena");
        row.Cells[4].TextContent.Trim().ShouldBe(@case.Reference);
        page.QuerySelector("#next-follow-up")!.TextContent.ShouldContain(Today.AddDays(3).ToString("d MMM yyyy", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Steps_are_listed_newest_first_and_an_overdue_follow_up_is_marked_in_words()
    {
        var (lena, @case, victim) = await ArrangeAsync();
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var loaded = await db.Victims.Include(v => v.Cases).Include(v => v.SupportSteps).SingleAsync(v => v.Id == victim.Id);
            foreach (var (daysAgo, summary) in new[] { (20, "Older step"), (10, "Newer step"), (15, "Middle step") })
            {
                var on = Today.AddDays(-daysAgo);
                loaded.LogSupportStep(@case.Id, on, SupportStepKind.Contact, summary, lena, on.AddDays(7), App.Clock.GetUtcNow(), on);
            }
            await db.SaveChangesAsync();
        });
        var client = await App.SignedInClientAsync("lena");

        var page = await client.GetHtmlAsync(Url(victim));

        page.QuerySelectorAll<IHtmlTableRowElement>("#support-steps tbody tr").Select(r => r.Cells[2].TextContent.Trim())
            .ShouldBe(["Newer step", "Middle step", "Older step"]);
        page.QuerySelector("#next-follow-up")!.TextContent.ShouldContain("Overdue");
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        { "Form.Summary", "", "Form.Summary", "Say what was done." },
        { "Form.Summary", "   ", "Form.Summary", "Say what was done." },
        { "Form.Summary", new string('x', SupportStep.SummaryMaxLength + 1), "Form.Summary", $"Use at most {SupportStep.SummaryMaxLength} characters." },
        { "Form.TookPlaceOn", "day:+1", "Form.TookPlaceOn", "A step cannot be logged for a day that has not come yet." },
        { "Form.TookPlaceOn", "31/31/2026", "Form.TookPlaceOn", "Enter the date of the step." },
        { "Form.TookPlaceOn", "", "Form.TookPlaceOn", "Enter the date of the step." },
        { "Form.NextFollowUpOn", "day:-1", "Form.NextFollowUpOn", "The next follow-up cannot be in the past." },
        { "Form.Kind", "Pirate", "Form.Kind", "Choose what kind of step it was." },
        { "Form.Kind", "99", "Form.Kind", "Choose what kind of step it was." },
        { "Form.CaseId", "another victim's case", "Form.CaseId", "Choose one of the victim's cases." },
        { "Form.CaseId", Guid.Empty.ToString(), "Form.CaseId", "Choose one of the victim's cases." },
        { "Form.CaseId", "", "Form.CaseId", "Choose one of the victim's cases." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_message_next_to_the_field_and_nothing_is_saved(string field, string value, string errorField, string message)
    {
        var (lena, _, victim) = await ArrangeAsync();
        // Another victim on another case Lena works on: its case is not this victim's.
        var otherCase = await App.CaseAsync("CPO", "Car wash chain", (lena, TeamRole.VictimLiaisonOfficer));
        await App.VictimAsync(otherCase, VictimFactory.Identity("Other", "Person"), lena);
        var client = await App.SignedInClientAsync("lena");
        var form = new Dictionary<string, string> { ["Form.Summary"] = "Phoned the victim." };
        form[field] = value switch
        {
            "another victim's case" => otherCase.Id.ToString(),
            _ when value.StartsWith("day:", StringComparison.Ordinal) => Day(Today.AddDays(int.Parse(value[4..], CultureInfo.InvariantCulture))),
            _ => value,
        };

        var response = await client.SubmitFormAsync(Url(victim), form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.FieldError(errorField).ShouldBe(message);
        var control = page.QuerySelector($"[name='{errorField}']")!;
        control.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelectorAll("[autofocus]").ShouldHaveSingleItem().ShouldBe(control, "the field to correct has the focus");
        (await StepsAsync()).ShouldBeEmpty();
    }

    public enum Who { LiaisonOfficer, Prosecutor, Supervisor, Investigator }

    [Theory]
    [InlineData(Who.LiaisonOfficer, HttpStatusCode.Redirect)]
    [InlineData(Who.Prosecutor, HttpStatusCode.Redirect)]
    [InlineData(Who.Supervisor, HttpStatusCode.Redirect)]
    [InlineData(Who.Investigator, HttpStatusCode.Forbidden)]
    public async Task Liaison_officers_prosecutors_and_supervisors_log_steps_and_investigators_only_read_them(Who who, HttpStatusCode expected)
    {
        var (_, _, victim) = await ArrangeAsync();
        await App.UserAsync("sam", Roles.Supervisor);
        var userName = who switch { Who.LiaisonOfficer => "lena", Who.Prosecutor => "paula", Who.Supervisor => "sam", _ => "ines" };
        var client = await App.SignedInClientAsync(userName);

        var page = await client.GetHtmlAsync(Url(victim));
        var response = await client.PostFormAsync(Url(victim), new Dictionary<string, string>
        {
            ["Form.Kind"] = nameof(SupportStepKind.Contact),
            ["Form.Summary"] = "Phoned the victim.",
            ["Form.TookPlaceOn"] = Day(Today),
            ["Form.CaseId"] = victim.Cases.Single().CaseId.ToString(),
        }, await client.AntiforgeryTokenAsync());

        response.StatusCode.ShouldBe(expected);
        (await StepsAsync()).Count.ShouldBe(expected == HttpStatusCode.Redirect ? 1 : 0);
        page.QuerySelector("h1")!.TextContent.ShouldContain(victim.Pseudonym);
        if (who == Who.Investigator)
        {
            page.QuerySelector("main form[method=post]").ShouldBeNull("an investigator sees no form");
            page.QuerySelector("#cannot-log").ShouldNotBeNull();
        }
        else
        {
            page.QuerySelector("#Form_Summary").ShouldNotBeNull();
        }
    }

    [Theory]
    [InlineData(Roles.VictimLiaisonOfficer, "NRO")]
    [InlineData(Roles.Supervisor, "NRO")]
    [InlineData(Roles.VictimLiaisonOfficer, "CPO")]
    public async Task Someone_who_may_not_read_the_victims_cases_gets_not_found_for_the_page_and_the_form(string role, string office)
    {
        var (_, _, victim) = await ArrangeAsync();
        await App.UserAsync("outsider", role, office);
        var client = await App.SignedInClientAsync("outsider");

        (await client.GetAsync(Url(victim))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var response = await client.PostFormAsync(Url(victim), new Dictionary<string, string>
        {
            ["Form.Kind"] = nameof(SupportStepKind.Contact),
            ["Form.Summary"] = "Phoned the victim.",
            ["Form.TookPlaceOn"] = Day(Today),
            ["Form.CaseId"] = victim.Cases.Single().CaseId.ToString(),
        }, await client.AntiforgeryTokenAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await StepsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_victim_is_not_found()
    {
        await ArrangeAsync();
        var client = await App.SignedInClientAsync("lena");

        (await client.GetAsync($"/Victims/{Guid.CreateVersion7()}/Support")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("lena")]
    [InlineData("paula")]
    [InlineData("ines")]
    public async Task The_page_shows_the_pseudonym_and_never_the_victims_name(string userName)
    {
        var (lena, @case, victim) = await ArrangeAsync();
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var loaded = await db.Victims.Include(v => v.Cases).Include(v => v.SupportSteps).SingleAsync(v => v.Id == victim.Id);
            loaded.LogSupportStep(@case.Id, Today, SupportStepKind.Contact, "Met at the shelter.", lena, null, App.Clock.GetUtcNow(), Today);
            await db.SaveChangesAsync();
        });
        var client = await App.SignedInClientAsync(userName);

        var html = await (await client.GetAsync(Url(victim))).Content.ReadAsStringAsync();

        html.ShouldContain(victim.Pseudonym);
        html.ShouldNotContain("Amina");
        html.ShouldNotContain("Testperson");
        html.ShouldNotContain("Hidden Street");
    }

    [Fact]
    public async Task Markup_in_a_summary_is_shown_as_text()
    {
        var (_, _, victim) = await ArrangeAsync();
        var client = await App.SignedInClientAsync("lena");

        await client.SubmitFormAsync(Url(victim), new() { ["Form.Summary"] = "<script>alert('x')</script>" });
        var html = await (await client.GetAsync(Url(victim))).Content.ReadAsStringAsync();

        html.ShouldNotContain("<script>alert('x')</script>");
        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
    }

}
