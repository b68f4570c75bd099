using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Pages.Victims;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Victims;

public sealed class ProtectionPlanTests(TipCasesApp app) : WebTest(app)
{
    private static readonly DateOnly OffenceFrom = new(2024, 6, 15);

    [Fact]
    public async Task A_liaison_officer_plans_a_measure_and_puts_it_in_place()
    {
        var s = await VictimScenario.CreateAsync(App);
        var client = await App.SignedInClientAsync("lena");
        var url = $"/Victims/{s.Victim.Id}/Protection";

        var plan = await client.SubmitFormAsync(url, new()
        {
            ["Plan.Kind"] = nameof(ProtectionMeasureKind.CounsellingAndEmotionalSupport),
            ["Plan.Notes"] = "Weekly sessions at the shelter",
        }, handler: "Plan");

        plan.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var measure = (await App.StoredVictimAsync(s.Victim.Id)).Measures.Single();
        measure.ShouldSatisfyAllConditions(
            m => m.Kind.ShouldBe(ProtectionMeasureKind.CounsellingAndEmotionalSupport),
            m => m.Status.ShouldBe(MeasureStatus.Planned),
            m => m.Notes.ShouldBe("Weekly sessions at the shelter"));

        var update = await client.SubmitFormAsync(url, UpdateFields(measure, MeasureStatus.InPlace, started: App.Today().AddDays(-2)), handler: "Update");

        update.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = (await App.StoredVictimAsync(s.Victim.Id)).Measures.Single();
        stored.Status.ShouldBe(MeasureStatus.InPlace);
        stored.StartedOn.ShouldBe(App.Today().AddDays(-2));
        var page = await client.GetHtmlAsync(url);
        page.Text("[role=status]").ShouldContain("Counselling and emotional support");
        var item = page.QuerySelector($"[data-testid='measure-{measure.Id}']")!;
        item.TextContent.ShouldContain("Counselling and emotional support");
        item.QuerySelector("[data-testid=measure-status]")!.TextContent.ShouldBe("In place");
        page.QuerySelector("[data-testid=stage-PreTrial]")!.TextContent.ShouldContain("Counselling and emotional support");
    }

    [Fact]
    public async Task A_measure_put_in_place_without_its_date_is_refused_next_to_the_field()
    {
        var s = await VictimScenario.CreateAsync(App);
        var measure = await PlanAsync(s.Victim.Id, ProtectionMeasureKind.PreparationForCourt);
        var client = await App.SignedInClientAsync("lena");

        var response = await client.SubmitFormAsync($"/Victims/{s.Victim.Id}/Protection", UpdateFields(measure, MeasureStatus.InPlace, started: null),
            handler: "Update");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).FieldError($"Update.{measure.Id:N}.StartedOn").ShouldBe("Enter the date the measure was put in place.");
        (await App.StoredVictimAsync(s.Victim.Id)).Measures.Single().Status.ShouldBe(MeasureStatus.Planned);
    }

    [Fact]
    public async Task A_measure_that_ends_before_it_started_is_refused_in_the_summary()
    {
        var s = await VictimScenario.CreateAsync(App);
        var measure = await PlanAsync(s.Victim.Id, ProtectionMeasureKind.PreparationForCourt);
        var client = await App.SignedInClientAsync("lena");

        var response = await client.SubmitFormAsync($"/Victims/{s.Victim.Id}/Protection",
            UpdateFields(measure, MeasureStatus.Ended, started: App.Today().AddDays(-1), ended: App.Today().AddDays(-5)), handler: "Update");

        (await response.ReadHtmlAsync()).Summary().ShouldBe("A measure cannot end before it started.");
        (await App.StoredVictimAsync(s.Victim.Id)).Measures.Single().Status.ShouldBe(MeasureStatus.Planned);
    }

    [Fact]
    public async Task Planning_a_measure_already_in_the_plan_is_refused()
    {
        var s = await VictimScenario.CreateAsync(App);
        await PlanAsync(s.Victim.Id, ProtectionMeasureKind.PreparationForCourt);
        var client = await App.SignedInClientAsync("lena");

        var response = await client.SubmitFormAsync($"/Victims/{s.Victim.Id}/Protection",
            new() { ["Plan.Kind"] = nameof(ProtectionMeasureKind.PreparationForCourt) }, handler: "Plan");

        (await response.ReadHtmlAsync()).Summary().ShouldBe("This measure is already in the plan.");
        (await App.StoredVictimAsync(s.Victim.Id)).Measures.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Two_people_updating_one_measure_never_overwrite_each_other()
    {
        var s = await VictimScenario.CreateAsync(App);
        var measure = await PlanAsync(s.Victim.Id, ProtectionMeasureKind.CounsellingAndEmotionalSupport);
        var lena = await App.SignedInClientAsync("lena");
        var paula = await App.SignedInClientAsync("paula");
        var url = $"/Victims/{s.Victim.Id}/Protection";

        // Both loaded the measure at the same version; lena saves first.
        var first = await lena.SubmitFormAsync(url, UpdateFields(measure, MeasureStatus.InPlace, started: App.Today(), notes: "Started today"), handler: "Update");
        var second = await paula.SubmitFormAsync(url, UpdateFields(measure, MeasureStatus.Planned, notes: "Postponed"), handler: "Update");

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await second.ReadHtmlAsync();
        page.Summary().ShouldBe(ProtectionModel.ConflictMessage);
        page.QuerySelector<IHtmlSelectElement>($"#Update_{measure.Id:N}_Status")!.Value.ShouldBe(nameof(MeasureStatus.InPlace));
        page.QuerySelector<IHtmlTextAreaElement>($"#Update_{measure.Id:N}_Notes")!.Value.ShouldBe("Started today");
        var stored = (await App.StoredVictimAsync(s.Victim.Id)).Measures.Single();
        stored.Status.ShouldBe(MeasureStatus.InPlace);
        stored.Notes.ShouldBe("Started today");
    }

    [Fact]
    public async Task A_case_in_trial_shows_the_trial_measures_still_missing()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Trial);
        await PlanAsync(s.Victim.Id, ProtectionMeasureKind.ClosedCourt);
        await PlanAsync(s.Victim.Id, ProtectionMeasureKind.CounsellingAndEmotionalSupport);
        var client = await App.SignedInClientAsync("lena");

        var page = await client.GetHtmlAsync($"/Victims/{s.Victim.Id}/Protection");

        var card = page.QuerySelector($"[data-testid='case-needs-{s.Case.Reference}']")!.TextContent;
        card.ShouldContain("Case stage: Trial");
        card.ShouldContain("plan stage: Trial");
        var adultTrialMeasures = ProtectionCatalogue.All.Where(e => e.Stage == ProtectionStage.Trial && !e.ForChildren).ToList();
        card.ShouldContain($"Still missing ({adultTrialMeasures.Count - 1})");
        foreach (var entry in adultTrialMeasures.Where(e => e.Kind != ProtectionMeasureKind.ClosedCourt))
        {
            card.ShouldContain(entry.Name);
        }
        card.ShouldNotContain("Closed court");
        card.ShouldNotContain("The child is not required to take part", customMessage: "an adult needs no children's measures");
        card.ShouldNotContain("Counselling", customMessage: "a pre-trial measure is not a trial need");
    }

    [Fact]
    public async Task A_victim_aged_17_at_the_start_of_the_offence_gets_the_childrens_measures_proposed()
    {
        var born = OffenceFrom.AddYears(-18).AddDays(1);
        var s = await VictimScenario.CreateAsync(App, offenceFrom: OffenceFrom, born: born);
        var client = await App.SignedInClientAsync("lena");

        var page = await client.GetHtmlAsync($"/Victims/{s.Victim.Id}/Protection");

        page.Text("[data-testid=child-victim]").ShouldContain("Child victim.");
        page.Text("[data-testid=child-victim]").ShouldContain("Aged 17");
        var proposed = page.QuerySelectorAll("[data-testid=proposed-automatically]").Select(b => b.Closest("li")!.TextContent).ToList();
        proposed.Count.ShouldBe(3);
        foreach (var entry in ProtectionCatalogue.All.Where(e => e.ForChildren))
        {
            proposed.ShouldContain(text => text.Contains(entry.Name, StringComparison.Ordinal));
        }
        page.QuerySelector("[data-testid=stage-Trial]")!.TextContent.ShouldContain("The child is not required to take part");
    }

    [Fact]
    public async Task A_victim_who_turned_18_on_the_first_day_of_the_offence_is_not_a_child()
    {
        var born = OffenceFrom.AddYears(-18);
        var s = await VictimScenario.CreateAsync(App, offenceFrom: OffenceFrom, born: born);
        var client = await App.SignedInClientAsync("lena");

        var page = await client.GetHtmlAsync($"/Victims/{s.Victim.Id}/Protection");

        page.QuerySelector("[data-testid=child-victim]").ShouldBeNull();
        page.QuerySelectorAll("[data-testid=proposed-automatically]").ShouldBeEmpty();
        (await App.StoredVictimAsync(s.Victim.Id)).ShouldSatisfyAllConditions(
            v => v.ChildStatus.ShouldBe(ChildStatus.Adult), v => v.AgeAtOffence.ShouldBe(18), v => v.Measures.ShouldBeEmpty());
    }

    [Fact]
    public async Task The_catalogue_is_offered_grouped_by_stage_with_childrens_measures_marked()
    {
        var s = await VictimScenario.CreateAsync(App);
        await PlanAsync(s.Victim.Id, ProtectionMeasureKind.ClosedCourt);
        var client = await App.SignedInClientAsync("lena");

        var page = await client.GetHtmlAsync($"/Victims/{s.Victim.Id}/Protection");

        var groups = page.QuerySelectorAll("#Plan_Kind optgroup").Select(g => g.GetAttribute("label")).ToList();
        groups.ShouldBe(["Pre-trial", "Trial", "Post-trial"]);
        page.QuerySelector($"#Plan_Kind option[value={nameof(ProtectionMeasureKind.ChildSpecialInterviewing)}]")!.TextContent.ShouldContain("(children)");
        var closedCourt = page.QuerySelector<IHtmlOptionElement>($"#Plan_Kind option[value={nameof(ProtectionMeasureKind.ClosedCourt)}]")!;
        closedCourt.IsDisabled.ShouldBeTrue();
        closedCourt.TextContent.ShouldContain("already in the plan");
    }

    private async Task<ProtectionMeasure> PlanAsync(Guid victimId, ProtectionMeasureKind kind)
    {
        var id = Guid.Empty;
        await App.ChangeVictimAsync(victimId, v => id = v.PlanMeasure(kind, null, App.Today(), App.Clock.GetUtcNow()).Id);
        return (await App.StoredVictimAsync(victimId)).Measures.Single(m => m.Id == id);
    }

    private static Dictionary<string, string> UpdateFields(ProtectionMeasure measure, MeasureStatus status, DateOnly? started = null,
        DateOnly? ended = null, string notes = "") => new()
    {
        ["Update.MeasureId"] = measure.Id.ToString(),
        ["Update.Version"] = measure.Version.ToString(CultureInfo.InvariantCulture),
        ["Update.Status"] = status.ToString(),
        ["Update.StartedOn"] = started?.Iso() ?? "",
        ["Update.EndedOn"] = ended?.Iso() ?? "",
        ["Update.Notes"] = notes,
    };
}
