using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Victims;

public sealed class ThreatTests(TipCasesApp app) : WebTest(app)
{
    private DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Url(Victim victim) => $"/Victims/{victim.Id}/Threats";

    private static Dictionary<string, string> Threat() => new()
    {
        ["Form.Kind"] = nameof(ThreatKind.ContactBySuspect),
        ["Form.Description"] = "A relative of a suspect waited outside the shelter and told her to withdraw her statement.",
        ["Form.ReportedToPolice"] = "true",
    };

    private async Task<(Guid Lena, Guid Paula, Case Case)> ArrangeAsync()
    {
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var lena = await App.UserAsync("lena", Roles.VictimLiaisonOfficer);
        var @case = await App.CaseAsync("CPO", "Massage parlours on the east side", CaseStage.PreTrial,
            (ines.Id, TeamRole.Investigator), (paula.Id, TeamRole.Prosecutor), (lena.Id, TeamRole.VictimLiaisonOfficer));
        return (lena.Id, paula.Id, @case);
    }

    private Task<(List<ThreatIncident> Threats, List<CaseTask> Tasks)> StoredAsync() => App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        return (await db.Set<ThreatIncident>().AsNoTracking().ToListAsync(), await db.CaseTasks.AsNoTracking().ToListAsync());
    });

    [Fact]
    public async Task A_threat_opens_a_safety_review_task_on_the_case_for_the_victims_liaison_officer_due_in_two_days()
    {
        var (lena, _, @case) = await ArrangeAsync();
        var victim = await App.VictimAsync(@case, liaisonOfficer: lena);
        var client = await App.SignedInClientAsync("ines");
        var form = Threat();
        form["Form.OccurredOn"] = Day(Today.AddDays(-1));

        var response = await client.SubmitFormAsync(Url(victim), form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (threats, tasks) = await StoredAsync();
        var threat = threats.ShouldHaveSingleItem();
        threat.VictimId.ShouldBe(victim.Id);
        threat.CaseId.ShouldBe(@case.Id);
        threat.Kind.ShouldBe(ThreatKind.ContactBySuspect);
        threat.OccurredOn.ShouldBe(Today.AddDays(-1));
        threat.ReportedToPolice.ShouldBeTrue();
        var task = tasks.ShouldHaveSingleItem();
        threat.SafetyReviewTaskId.ShouldBe(task.Id);
        task.CaseId.ShouldBe(@case.Id);
        task.AssigneeId.ShouldBe(lena);
        task.DueOn.ShouldBe(Today.AddDays(2));
        task.Title.ShouldContain(victim.Pseudonym);

        var page = await client.GetHtmlAsync(response.Headers.Location!.ToString());
        var message = page.QuerySelector("[role=status]")!.TextContent;
        message.ShouldContain("A safety review task was opened for Test lena");
        message.ShouldContain(@case.Reference);
        var row = page.QuerySelectorAll<IHtmlTableRowElement>("#threats tbody tr").ShouldHaveSingleItem();
        row.Cells[1].TextContent.Trim().ShouldBe("Contact by a suspect");
        row.Cells[4].TextContent.Trim().ShouldBe("Reported");
        row.Cells[5].TextContent.ShouldContain("Test lena");
        row.Cells[5].TextContent.ShouldContain(Today.AddDays(2).ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        row.Cells[5].TextContent.ShouldContain("Open");
    }

    [Fact]
    public async Task Without_a_liaison_officer_the_safety_review_goes_to_the_lead_prosecutor()
    {
        var (_, paula, @case) = await ArrangeAsync();
        var victim = await App.VictimAsync(@case);
        var client = await App.SignedInClientAsync("ines");
        var form = Threat();

        (await client.SubmitFormAsync(Url(victim), form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, tasks) = await StoredAsync();
        tasks.ShouldHaveSingleItem().AssigneeId.ShouldBe(paula);
        var page = await client.GetHtmlAsync(Url(victim));
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain("A safety review task was opened for Test paula");
    }

    [Fact]
    public async Task The_safety_review_shows_as_overdue_when_its_due_date_has_passed()
    {
        var (lena, _, @case) = await ArrangeAsync();
        var victim = await App.VictimAsync(@case, liaisonOfficer: lena);
        var client = await App.SignedInClientAsync("lena");
        await client.SubmitFormAsync(Url(victim), Threat());
        App.Clock.Advance(TimeSpan.FromDays(3));

        // Three days on, the sign-in has expired: sign in again.
        var page = await (await App.SignedInClientAsync("lena")).GetHtmlAsync(Url(victim));

        page.QuerySelector("#threats tbody tr")!.QuerySelectorAll("td")[5].TextContent.ShouldContain("Overdue");
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        { "Form.Description", "", "Form.Description", "Describe what happened." },
        { "Form.Description", new string('x', ThreatIncident.DescriptionMaxLength + 1), "Form.Description", $"Use at most {ThreatIncident.DescriptionMaxLength} characters." },
        { "Form.Kind", "", "Form.Kind", "Choose what kind of threat it was." },
        { "Form.Kind", "Pirate", "Form.Kind", "Choose what kind of threat it was." },
        { "Form.Kind", "42", "Form.Kind", "Choose what kind of threat it was." },
        { "Form.OccurredOn", "day:+1", "Form.OccurredOn", "A threat cannot have happened in the future." },
        { "Form.OccurredOn", "not a date", "Form.OccurredOn", "Enter the date it happened." },
        { "Form.CaseId", "another case", "Form.CaseId", "Choose one of the victim's cases." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_message_next_to_the_field_and_neither_a_threat_nor_a_task_is_saved(string field, string value,
        string errorField, string message)
    {
        var (lena, _, @case) = await ArrangeAsync();
        var victim = await App.VictimAsync(@case, liaisonOfficer: lena);
        var otherCase = await App.CaseAsync("CPO", "Car wash chain", (lena, TeamRole.VictimLiaisonOfficer));
        var client = await App.SignedInClientAsync("lena");
        var form = Threat();
        form[field] = value switch
        {
            "another case" => otherCase.Id.ToString(),
            _ when value.StartsWith("day:", StringComparison.Ordinal) => Day(Today.AddDays(int.Parse(value[4..], CultureInfo.InvariantCulture))),
            _ => value,
        };

        var response = await client.SubmitFormAsync(Url(victim), form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).FieldError(errorField).ShouldBe(message);
        var (threats, tasks) = await StoredAsync();
        threats.ShouldBeEmpty();
        tasks.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_threat_after_the_case_closed_is_still_recorded_and_the_message_says_no_task_was_opened()
    {
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var lena = await App.UserAsync("lena", Roles.VictimLiaisonOfficer);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var closed = await App.CaseAsync("CPO", "Hotel laundry", CaseStage.Closed,
            (ines.Id, TeamRole.Investigator), (paula.Id, TeamRole.Prosecutor), (lena.Id, TeamRole.VictimLiaisonOfficer));
        var victim = await App.VictimAsync(closed, liaisonOfficer: lena.Id);
        var client = await App.SignedInClientAsync("lena");

        var response = await client.SubmitFormAsync(Url(victim), Threat());

        // Protection does not end with the case: the threat is kept; a closed case takes no task.
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (threats, tasks) = await StoredAsync();
        threats.ShouldHaveSingleItem();
        tasks.ShouldBeEmpty();
        (await client.GetHtmlAsync(response.Headers.Location!.ToString())).QuerySelector("[role=status]")!.TextContent
            .ShouldContain("the case is closed. Review the victim's safety and protection plan now.");
    }

    [Fact]
    public async Task Someone_of_another_office_gets_not_found_and_nothing_is_saved()
    {
        var (lena, _, @case) = await ArrangeAsync();
        var victim = await App.VictimAsync(@case, liaisonOfficer: lena);
        await App.UserAsync("nora", Roles.Prosecutor, "NRO");
        var client = await App.SignedInClientAsync("nora");
        var token = await client.AntiforgeryTokenAsync();
        var form = Threat();
        form["Form.CaseId"] = @case.Id.ToString();
        form["Form.OccurredOn"] = Day(Today);

        (await client.GetAsync(Url(victim))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostFormAsync(Url(victim), form, token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await StoredAsync()).Threats.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_page_never_shows_the_victims_name()
    {
        var (lena, _, @case) = await ArrangeAsync();
        var victim = await App.VictimAsync(@case, liaisonOfficer: lena);
        var client = await App.SignedInClientAsync("lena");
        await client.SubmitFormAsync(Url(victim), Threat());

        var html = await (await client.GetAsync(Url(victim))).Content.ReadAsStringAsync();

        html.ShouldContain(victim.Pseudonym);
        html.ShouldNotContain("Amina");
        html.ShouldNotContain("Testperson");
    }
}
