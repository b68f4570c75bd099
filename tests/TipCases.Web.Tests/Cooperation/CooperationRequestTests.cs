using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Cooperation;
using TipCases.Web.Data;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;

namespace TipCases.Web.Tests.Cooperation;

public sealed class CooperationRequestTests(TipCasesApp app) : WebTest(app)
{
    private static Dictionary<string, string> MlaForm() => new()
    {
        ["Form.Kind"] = nameof(CooperationKind.MutualLegalAssistance),
        ["Form.Direction"] = nameof(CooperationDirection.Outgoing),
        ["Form.CounterpartState"] = "DE",
        ["Form.Subject"] = "Bank records of Northwind Ltd and a search of its offices",
        ["Form.LegalBasis"] = nameof(LegalBasis.Convention),
        ["Form.Authority"] = "Federal Office of Justice",
        ["Form.Confidential"] = "true",
        ["Form.Material"] = "Statements of account 2024-2025\nBusiness register extract",
    };

    private static string New(VictimScenario s) => $"/Cases/{s.Case.Id}/Cooperation/Edit";

    private static string Page(VictimScenario s, CooperationRequest r) => $"/Cases/{s.Case.Id}/Cooperation/{r.Id}";

    [Fact]
    public async Task An_investigator_records_an_mla_request_as_a_draft_with_its_assistance_material_and_conditions_and_the_case_history_shows_it()
    {
        var s = await VictimScenario.CreateAsync(App);
        var client = await App.SignedInClientAsync("ines");
        var form = MlaForm();

        var response = await client.PostFormAsync(New(s), [.. form, new("Form.Assistance", nameof(AssistanceKind.RecordsOriginalsOrCertifiedCopies)),
            new("Form.Assistance", nameof(AssistanceKind.SearchesSeizuresAndFreezing)), new("__RequestVerificationToken", await client.AntiforgeryTokenAsync(New(s)))],
            antiforgeryToken: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = (await App.StoredRequestsAsync()).ShouldHaveSingleItem();
        request.CaseId.ShouldBe(s.Case.Id);
        request.Status.ShouldBe(CooperationStatus.Draft);
        request.CounterpartState.ShouldBe("DE");
        request.Assistance.ShouldBe([AssistanceKind.SearchesSeizuresAndFreezing, AssistanceKind.RecordsOriginalsOrCertifiedCopies]);
        request.Confidential.ShouldBeTrue();
        request.Material.Select(m => m.Description).Order().ShouldBe(["Business register extract", "Statements of account 2024-2025"]);
        var audit = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.CaseId == s.Case.Id && e.EntityType == nameof(CooperationRequest)).ToListAsync());
        audit.ShouldHaveSingleItem().ActorId.ShouldBe(s.Ines);
        var history = await client.GetHtmlAsync($"/Cases/{s.Case.Id}/History");
        history.Body!.TextContent.ShouldContain("Added cooperation request");
        // The kinds of assistance read as names, not as the numbers they are stored as.
        history.Body.TextContent.ShouldContain("Assistance: SearchesSeizuresAndFreezing; RecordsOriginalsOrCertifiedCopies");
        var casePage = await client.GetHtmlAsync($"/Cases/{s.Case.Id}");
        casePage.QuerySelector("[data-testid=case-cooperation]")!.TextContent.ShouldContain("Bank records of Northwind Ltd");
    }

    [Fact]
    public async Task Bad_input_is_explained_next_to_each_field_and_nothing_is_saved()
    {
        var s = await VictimScenario.CreateAsync(App);
        var client = await App.SignedInClientAsync("paula");
        var form = MlaForm();
        form["Form.CounterpartState"] = "XX";
        form["Form.Subject"] = " ";
        form["Form.LegalBasis"] = nameof(LegalBasis.BilateralTreaty);

        var response = await client.SubmitFormAsync(New(s), form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.FieldError("Form.CounterpartState").ShouldBe("Choose the counterpart state from the list.");
        page.FieldError("Form.Subject").ShouldBe("Say in a line what the request asks for.");
        page.FieldError("Form.TreatyName").ShouldBe("Name the bilateral treaty the request rests on.");
        page.FieldError("Form.Assistance").ShouldBe("Choose at least one kind of assistance asked for.");
        (await App.StoredRequestsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Nothing_is_answered_before_it_is_sent()
    {
        var s = await VictimScenario.CreateAsync(App);
        var request = await App.RequestAsync(s.Case.Id, CooperationTestData.Mla());
        var client = await App.SignedInClientAsync("paula");

        // The form offers only what can follow a draft; a hand-made post asks for "executed".
        var response = await client.SubmitFormAsync(Page(s, request), new()
        {
            ["Status.To"] = nameof(CooperationStatus.Executed),
            ["Status.On"] = App.Today().Iso(),
        }, handler: "Status");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Summary().ShouldContain("Mark the request sent first");
        (await App.StoredRequestAsync(request.Id))!.Status.ShouldBe(CooperationStatus.Draft);
        (await App.StoredRequestAsync(request.Id))!.AnsweredOn.ShouldBeNull();
    }

    [Theory]
    [InlineData(1, 30, "Status.On", "The date cannot be in the future.")]
    [InlineData(-5, -6, "Status.DueOn", "The due date cannot be before the day the request was sent.")]
    public async Task Sending_checks_its_dates(int sentOffset, int dueOffset, string field, string message)
    {
        var s = await VictimScenario.CreateAsync(App);
        var request = await App.RequestAsync(s.Case.Id, CooperationTestData.Mla());
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync(Page(s, request), new()
        {
            ["Status.To"] = nameof(CooperationStatus.Sent),
            ["Status.On"] = App.Today().AddDays(sentOffset).Iso(),
            ["Status.DueOn"] = App.Today().AddDays(dueOffset).Iso(),
        }, handler: "Status");

        (await response.ReadHtmlAsync()).FieldError(field).ShouldBe(message);
        var stored = (await App.StoredRequestAsync(request.Id))!;
        stored.Status.ShouldBe(CooperationStatus.Draft);
        stored.SentOn.ShouldBeNull();
    }

    [Fact]
    public async Task Marked_sent_with_a_due_date_it_is_in_the_register_and_a_refusal_needs_grounds()
    {
        var s = await VictimScenario.CreateAsync(App);
        var request = await App.RequestAsync(s.Case.Id, CooperationTestData.Mla());
        var client = await App.SignedInClientAsync("paula");
        var due = App.Today().AddDays(30);

        (await client.SubmitFormAsync(Page(s, request), new()
        {
            ["Status.To"] = nameof(CooperationStatus.Sent),
            ["Status.On"] = App.Today().Iso(),
            ["Status.DueOn"] = due.Iso(),
        }, handler: "Status")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stored = (await App.StoredRequestAsync(request.Id))!;
        stored.Status.ShouldBe(CooperationStatus.Sent);
        stored.DueOn.ShouldBe(due);
        var register = await client.GetHtmlAsync("/Cooperation");
        var row = register.QuerySelectorAll("[data-testid=register-row]").ShouldHaveSingleItem();
        row.QuerySelector("[data-testid=register-due]")!.TextContent.ShouldContain(due.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));

        var refused = await client.SubmitFormAsync(Page(s, request), new()
        {
            ["Status.To"] = nameof(CooperationStatus.Refused),
            ["Status.On"] = App.Today().Iso(),
            ["Status.Grounds"] = "",
        }, handler: "Status");
        (await refused.ReadHtmlAsync()).FieldError("Status.Grounds").ShouldBe("Give the grounds the request was refused on.");
        (await App.StoredRequestAsync(request.Id))!.Status.ShouldBe(CooperationStatus.Sent);
    }

    [Fact]
    public async Task The_register_puts_overdue_requests_first_with_their_age_and_filters_them()
    {
        var s = await VictimScenario.CreateAsync(App);
        var today = App.Today();
        var onTime = await App.RequestAsync(s.Case.Id, CooperationTestData.Mla("On time"), (r, t) => r.MarkSent(t.AddDays(-5), t.AddDays(20), t));
        var late = await App.RequestAsync(s.Case.Id, CooperationTestData.Mla("Late") with { CounterpartState = "TH" },
            (r, t) => { r.MarkSent(t.AddDays(-40), t.AddDays(-10), t); r.MarkAcknowledged(t.AddDays(-38), t); });
        await App.RequestAsync(s.Case.Id, CooperationTestData.Mla("Done"), (r, t) => { r.MarkSent(t.AddDays(-40), t.AddDays(-10), t); r.RecordExecution(true, t.AddDays(-1), t); });
        var client = await App.SignedInClientAsync("ines");

        var rows = (await client.GetHtmlAsync("/Cooperation")).QuerySelectorAll<IHtmlTableRowElement>("[data-testid=register-row]").ToList();

        rows.Count.ShouldBe(2); // open only by default
        rows[0].Cells[0].TextContent.ShouldContain("Late");
        rows[0].Cells[5].TextContent.ShouldContain("Overdue 10 d");
        rows[0].Cells[6].TextContent.Trim().ShouldBe("40");
        rows[1].Cells[0].TextContent.ShouldContain("On time");
        rows[1].Cells[5].TextContent.ShouldNotContain("Overdue");

        (await client.GetHtmlAsync("/Cooperation?State=TH")).QuerySelectorAll("[data-testid=register-row]").ShouldHaveSingleItem().TextContent.ShouldContain("Late");
        (await client.GetHtmlAsync("/Cooperation?OverdueOnly=true")).QuerySelectorAll("[data-testid=register-row]").ShouldHaveSingleItem().TextContent.ShouldContain("Late");
        (await client.GetHtmlAsync("/Cooperation?Status=Executed")).QuerySelectorAll("[data-testid=register-row]").ShouldHaveSingleItem().TextContent.ShouldContain("Done");
        (await client.GetHtmlAsync("/Cooperation?Kind=Extradition")).QuerySelectorAll("[data-testid=register-row]").ShouldBeEmpty();
        (await client.GetHtmlAsync("/Cooperation?Direction=Incoming")).QuerySelectorAll("[data-testid=register-row]").ShouldBeEmpty();
        _ = (onTime, late, today);
    }

    [Fact]
    public async Task The_register_shows_only_requests_on_cases_the_user_may_read_and_a_supervisor_sees_the_office()
    {
        var s = await VictimScenario.CreateAsync(App);
        var other = await App.CaseAsync("CPO", "Someone else's case", ((await App.UserAsync("otto", Roles.Prosecutor)).Id, TeamRole.Prosecutor));
        var north = await App.CaseAsync("NRO", "Northern case", ((await App.UserAsync("nora", Roles.Prosecutor, "NRO")).Id, TeamRole.Prosecutor));
        await App.RequestAsync(s.Case.Id, CooperationTestData.Mla("Ours"));
        await App.RequestAsync(other.Id, CooperationTestData.Mla("Theirs"));
        await App.RequestAsync(north.Id, CooperationTestData.Mla("Northern"));
        await App.UserAsync("sam", Roles.Supervisor);

        var paula = (await (await App.SignedInClientAsync("paula")).GetHtmlAsync("/Cooperation")).QuerySelector("#register")!.TextContent;
        var sam = (await (await App.SignedInClientAsync("sam")).GetHtmlAsync("/Cooperation")).QuerySelector("#register")!.TextContent;

        paula.ShouldContain("Ours");
        paula.ShouldNotContain("Theirs");
        paula.ShouldNotContain("Northern");
        sam.ShouldContain("Ours");
        sam.ShouldContain("Theirs");
        sam.ShouldNotContain("Northern");
    }

    [Fact]
    public async Task Outsiders_get_not_found_and_a_liaison_officer_reads_but_cannot_record()
    {
        var s = await VictimScenario.CreateAsync(App);
        var request = await App.RequestAsync(s.Case.Id, CooperationTestData.Mla());
        await App.UserAsync("otto", Roles.Prosecutor);
        await App.UserAsync("nora", Roles.Supervisor, "NRO");
        await App.UserAsync("adam", Roles.Administrator);

        foreach (var outsider in new[] { "otto", "nora" })
        {
            var client = await App.SignedInClientAsync(outsider);
            (await client.GetAsync(Page(s, request))).StatusCode.ShouldBe(HttpStatusCode.NotFound, outsider);
            (await client.GetAsync(New(s))).StatusCode.ShouldBe(HttpStatusCode.NotFound, outsider);
        }
        (await (await App.SignedInClientAsync("adam")).GetAsync(Page(s, request))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var lena = await App.SignedInClientAsync("lena");
        (await lena.GetAsync(Page(s, request))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await lena.GetAsync(New(s))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var token = await lena.AntiforgeryTokenAsync();
        (await lena.PostFormAsync(Page(s, request) + "?handler=Status", [new("Status.To", "Sent"), new("Status.On", App.Today().Iso())], token))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.StoredRequestAsync(request.Id))!.Status.ShouldBe(CooperationStatus.Draft);
    }

    [Fact]
    public async Task A_change_made_against_an_older_version_is_refused_with_the_current_state()
    {
        var s = await VictimScenario.CreateAsync(App);
        var request = await App.RequestAsync(s.Case.Id, CooperationTestData.Mla());
        var client = await App.SignedInClientAsync("paula");
        var page = await client.GetHtmlAsync(Page(s, request));
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var r = await db.CooperationRequests.SingleAsync(x => x.Id == request.Id);
            r.Withdraw(App.Today(), App.Today());
            await db.SaveChangesAsync();
        });

        var response = await client.SubmitFormAsync(page, Page(s, request), new()
        {
            ["Status.To"] = nameof(CooperationStatus.Sent),
            ["Status.On"] = App.Today().Iso(),
        }, handler: "Status");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await response.ReadHtmlAsync();
        after.Summary().ShouldContain("Someone else changed this request");
        after.QuerySelector("[data-testid=request-status]")!.TextContent.ShouldBe("Withdrawn");
        (await App.StoredRequestAsync(request.Id))!.Status.ShouldBe(CooperationStatus.Withdrawn);
    }

    [Fact]
    public async Task A_due_date_that_cannot_be_read_changes_nothing_rather_than_removing_the_due_date()
    {
        var s = await VictimScenario.CreateAsync(App);
        var request = await App.RequestAsync(s.Case.Id, CooperationTestData.Mla(), (r, t) => r.MarkSent(t.AddDays(-5), t.AddDays(20), t));
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync($"/Cases/{s.Case.Id}/Cooperation/{request.Id}",
            new() { ["dueOn"] = "2026-02-30", ["version"] = request.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }, handler: "Due");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Summary().ShouldContain("could not be read");
        (await App.StoredRequestAsync(request.Id))!.DueOn.ShouldBe(App.Today().AddDays(20));
    }
}
