using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using TipCases.Domain.Cases;
using TipCases.Domain.Hearings;
using TipCases.Web.Auditing;
using TipCases.Web.Pages.Hearings;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;
using static TipCases.Web.Tests.Hearings.HearingTestData;

namespace TipCases.Web.Tests.Hearings;

public sealed class HearingFormTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task A_hearing_is_recorded_in_office_time_stored_as_an_instant_and_listed_with_its_witness()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Trial);
        var client = await App.SignedInClientAsync("ines");
        var day = App.Time().Today.AddDays(7);

        var response = await client.PostAsync(NewUrl(s.Case), App.Form(days: 7, witnesses: s.Victim.Id).With("Form.Time", "14:15"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe(ListUrl(s.Case));
        var hearing = (await App.HearingsOfAsync(s.Case.Id)).ShouldHaveSingleItem();
        var expected = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(14, 15)), TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo"));
        hearing.StartsAt.UtcDateTime.ShouldBe(expected);
        hearing.Court.ShouldBe("Oslo District Court");
        hearing.Kind.ShouldBe(HearingKind.Trial);
        hearing.Status.ShouldBe(HearingStatus.Scheduled);
        hearing.Witnesses.ShouldHaveSingleItem().VictimId.ShouldBe(s.Victim.Id);

        var page = await client.GetHtmlAsync(ListUrl(s.Case));
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain("is recorded");
        var row = page.HearingRows("case-hearings").ShouldHaveSingleItem();
        row.Cells[0].TextContent.Trim().ShouldBe(day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture) + ", 14:15");
        row.Cells[3].TextContent.ShouldContain(s.Victim.Pseudonym);
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        // field, value, field with the message, message
        { "Form.Date", "", "Form.Date", "Enter the date of the hearing." },
        { "Form.Date", "not a date", "Form.Date", "Enter the date of the hearing." },
        { "Form.Date", "days:+1830", "Form.Date", "Enter a date within the last 10 years or the next 5." },
        { "Form.Date", "days:-3660", "Form.Date", "Enter a date within the last 10 years or the next 5." },
        { "Form.Date", "0001-01-01", "Form.Date", "Enter a date within the last 10 years or the next 5." },
        { "Form.Time", "", "Form.Time", "Enter the time the hearing starts." },
        { "Form.Time", "25:99", "Form.Time", "Enter the time the hearing starts." },
        { "Form.Court", " ", "Form.Court", "Name the court." },
        { "Form.Court", "long", "Form.Court", "Use at most 200 characters." },
        { "Form.Kind", "", "Form.Kind", "Choose the kind of hearing." },
        { "Form.Kind", "Pirate", "Form.Kind", "Choose the kind of hearing." },
        { "Form.Kind", "42", "Form.Kind", "Choose the kind of hearing." },
        { "Form.Status", "Postponed", "Form.Status", "Choose the status of the hearing." },
        { "Form.Status", "Held", "Form.Status", "A hearing cannot have been held on a day that has not come yet." },
        { "Form.Outcome", "long", "Form.Outcome", "Use at most 2000 characters." },
        { "Form.WitnessIds", "unknown victim", "Form.WitnessIds", "Choose the witnesses among the victims of this case." },
        { "Form.WitnessIds", "victim of another case", "Form.WitnessIds", "Choose the witnesses among the victims of this case." },
        { "Form.WitnessIds", "not-a-guid", "Form.WitnessIds", "This is not one of the values the form offers. Choose again." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_message_next_to_the_field_and_nothing_is_saved(string field, string value, string errorField, string message)
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Trial);
        var other = await App.CaseAsync("CPO", "Another case", (s.Paula, TeamRole.Prosecutor));
        var otherVictim = await App.VictimAsync(other);
        var client = await App.SignedInClientAsync("paula");
        var form = App.Form(days: 7, witnesses: s.Victim.Id);
        var posted = value switch
        {
            "long" => new string('x', field == "Form.Court" ? Hearing.CourtMaxLength + 1 : Hearing.OutcomeMaxLength + 1),
            "unknown victim" => Guid.NewGuid().ToString(),
            "victim of another case" => otherVictim.Id.ToString(),
            _ when value.StartsWith("days:", StringComparison.Ordinal) => Iso(App.Time().Today.AddDays(int.Parse(value[5..], CultureInfo.InvariantCulture))),
            _ => value,
        };
        // A tampered witness is added to the real one, as a forged form would.
        form = field == "Form.WitnessIds" ? [.. form, new(field, posted)] : form.With(field, posted);

        var response = await client.PostAsync(NewUrl(s.Case), form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.FieldError(errorField).ShouldBe(message);
        (await App.HearingsOfAsync(s.Case.Id)).ShouldBeEmpty();
    }

    public static TheoryData<int, string, string, string, string> StatusRules => new()
    {
        // days from today, status, outcome, field, message
        { -1, nameof(HearingStatus.Scheduled), "", "Form.Status", "The day of this hearing has passed: record whether it was held, adjourned or cancelled." },
        { -1, nameof(HearingStatus.Held), " ", "Form.Outcome", "Record the outcome: what the court decided, or why the hearing was adjourned and to when." },
        { 3, nameof(HearingStatus.Adjourned), "", "Form.Outcome", "Record the outcome: what the court decided, or why the hearing was adjourned and to when." },
    };

    [Theory]
    [MemberData(nameof(StatusRules))]
    public async Task The_status_must_fit_the_day_and_say_what_happened(int days, string status, string outcome, string field, string message)
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Trial);
        var client = await App.SignedInClientAsync("paula");

        var response = await client.PostAsync(NewUrl(s.Case), App.Form(days, status).With("Form.Outcome", outcome));

        (await response.ReadHtmlAsync()).FieldError(field).ShouldBe(message);
        (await App.HearingsOfAsync(s.Case.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_hearing_held_yesterday_is_recorded_with_its_outcome()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Trial);
        var client = await App.SignedInClientAsync("paula");

        var response = await client.PostAsync(NewUrl(s.Case), App.Form(-1, nameof(HearingStatus.Held)).With("Form.Outcome", "Remanded for four weeks."));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var hearing = (await App.HearingsOfAsync(s.Case.Id)).ShouldHaveSingleItem();
        hearing.Status.ShouldBe(HearingStatus.Held);
        hearing.Outcome.ShouldBe("Remanded for four weeks.");
    }

    [Fact]
    public async Task A_closed_case_takes_no_hearing()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var @case = await App.CaseAsync("CPO", "Closed case", CaseStage.Discontinued, (paula.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");

        (await client.GetHtmlAsync(NewUrl(@case))).QuerySelector("main form[method=post]").ShouldBeNull();
        var response = await client.PostAsync(NewUrl(@case), App.Form());

        (await response.ReadHtmlAsync()).Summary().ShouldBe("This case is discontinued: its hearings can no longer be changed.");
        (await App.HearingsOfAsync(@case.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Editing_changes_the_status_outcome_and_witnesses()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Trial);
        var second = await App.VictimAsync(s.Case);
        var hearing = await App.HearingAsync(s.Case, 0, witnesses: s.Victim.Id);
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync(EditUrl(s.Case, hearing.Id), new()
        {
            ["Form.Status"] = nameof(HearingStatus.Adjourned),
            ["Form.Outcome"] = "Adjourned: the interpreter did not come.",
            ["Form.WitnessIds"] = second.Id.ToString(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await App.StoredHearingAsync(hearing.Id);
        stored.Status.ShouldBe(HearingStatus.Adjourned);
        stored.Outcome.ShouldBe("Adjourned: the interpreter did not come.");
        stored.Witnesses.Select(w => w.VictimId).ShouldBe([second.Id]);
        stored.StartsAt.ShouldBe(hearing.StartsAt, "the form showed the stored time and it was kept");
    }

    [Fact]
    public async Task A_hearing_is_reached_only_through_its_own_case()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Trial);
        var other = await App.CaseAsync("CPO", "Another case of Paula", (s.Paula, TeamRole.Prosecutor));
        var hearing = await App.HearingAsync(other, 3);
        var client = await App.SignedInClientAsync("paula");

        (await client.GetAsync(EditUrl(s.Case, hearing.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var response = await client.PostAsync(EditUrl(s.Case, hearing.Id),
            App.Form(days: 20).With("Version", hearing.Version.ToString(CultureInfo.InvariantCulture)));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.StoredHearingAsync(hearing.Id)).StartsAt.ShouldBe(hearing.StartsAt);
        (await client.GetAsync(EditUrl(s.Case, Guid.NewGuid()))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_second_of_two_people_editing_one_hearing_is_told_and_overwrites_nothing(bool onlyWitnesses)
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Trial);
        var second = await App.VictimAsync(s.Case);
        var hearing = await App.HearingAsync(s.Case, 5, witnesses: s.Victim.Id);
        var paula = await App.SignedInClientAsync("paula");
        var ines = await App.SignedInClientAsync("ines");
        var url = EditUrl(s.Case, hearing.Id);
        var version = (await ines.GetHtmlAsync(url)).QuerySelector<IHtmlInputElement>("main input[name=Version]")!.Value;

        // Paula adds a second witness; the hearing's own row is unchanged by it.
        (await paula.PostAsync(url, App.Form(days: 5, witnesses: [s.Victim.Id, second.Id]).With("Version", version)))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // Ines then saves the form she loaded before: without the first witness (a change to witness
        // rows only, which must still be checked against the hearing's version), or with another court.
        var fields = onlyWitnesses
            ? App.Form(days: 5)
            : App.Form(days: 5, witnesses: s.Victim.Id).With("Form.Court", "Oslo District Court, room 3");
        var response = await ines.PostAsync(url, fields.With("Version", version));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.Summary().ShouldBe(EditModel.ConflictMessage);
        page.QuerySelector<IHtmlInputElement>($"#Form_WitnessIds_{second.Id:N}")!.IsChecked.ShouldBeTrue("the form shows the hearing as it now is");
        var stored = await App.StoredHearingAsync(hearing.Id);
        stored.Court.ShouldBe("Oslo District Court");
        stored.Witnesses.Select(w => w.VictimId).ShouldBe([s.Victim.Id, second.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task Adding_and_changing_a_hearing_is_in_the_audit_trail_and_the_case_history()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Trial);
        var client = await App.SignedInClientAsync("paula");
        await client.PostAsync(NewUrl(s.Case), App.Form(days: 7, witnesses: s.Victim.Id));
        var hearing = (await App.HearingsOfAsync(s.Case.Id)).ShouldHaveSingleItem();
        await client.SubmitFormAsync(EditUrl(s.Case, hearing.Id), new() { ["Form.Court"] = "Court of Appeal" });

        var events = await App.AuditOfCaseAsync(s.Case.Id);

        var mine = events.Where(e => e.ActorId == s.Paula).ToList();
        mine.ShouldContain(e => e.EntityType == "Hearing" && e.Action == AuditAction.RecordCreated && e.EntityId == hearing.Id.ToString());
        mine.ShouldContain(e => e.EntityType == "HearingWitness" && e.Action == AuditAction.RecordCreated && e.Details!.Contains(s.Victim.Id.ToString()));
        var change = mine.Single(e => e.EntityType == "Hearing" && e.Action == AuditAction.RecordUpdated);
        change.Details!.ShouldContain("Court of Appeal");
        change.Details!.ShouldNotContain("CreatedAt", customMessage: "the column written back for the version check is no change");
        var history = (await client.GetHtmlAsync($"/Cases/{s.Case.Id}/History")).QuerySelector("main")!.TextContent;
        history.ShouldContain("Added hearing");
        history.ShouldContain("Changed hearing");
        history.ShouldContain("Court: Oslo District Court → Court of Appeal");
        history.ShouldContain("Added hearing witness");
    }
}
