using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Cases;

/// <summary>Stage changes, team, tasks and links through the pages, each leaving its audit rows.</summary>
public sealed class CaseWorkflowTests(TipCasesApp app) : WebTest(app)
{
    private DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Moving_to_the_investigation_is_refused_without_an_investigator_and_explained()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var target = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync($"/Cases/{target.Id}/Stage", new() { ["Target"] = nameof(CaseStage.Investigation) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Summary().ShouldBe("Assign an investigator to the team before the investigation starts.");
        (await Load(target.Id)).Stage.ShouldBe(CaseStage.Intake);
    }

    [Fact]
    public async Task A_stage_change_is_dated_kept_in_the_stage_history_and_audited()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var target = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator));
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync($"/Cases/{target.Id}/Stage", new() { ["Target"] = nameof(CaseStage.Investigation) });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await Load(target.Id);
        stored.Stage.ShouldBe(CaseStage.Investigation);
        stored.StageHistory.OrderBy(h => h.At).Last().ShouldSatisfyAllConditions(
            h => h.From.ShouldBe(CaseStage.Intake), h => h.To.ShouldBe(CaseStage.Investigation), h => h.ByUserId.ShouldBe(paula.Id));
        var events = await CaseEvents(target.Id);
        events.ShouldContain(e => e.Action == AuditAction.RecordUpdated && e.EntityType == "Case" && e.ActorId == paula.Id
            && Field(e.Details, "Stage", "old") == "Intake" && Field(e.Details, "Stage", "new") == "Investigation");
        events.ShouldContain(e => e.Action == AuditAction.RecordCreated && e.EntityType == "StageChange" && e.ActorId == paula.Id);
        var page = await client.GetHtmlAsync($"/Cases/{target.Id}");
        page.QuerySelector("[data-testid=case-stage]")!.TextContent.ShouldBe("Investigation");
        page.QuerySelector("[data-testid=case-history]")!.TextContent.ShouldContain("Stage: Intake → Investigation");
    }

    [Fact]
    public async Task Discontinuing_needs_a_reason_and_an_investigator_may_not_change_the_stage()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var target = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator));
        var paulaClient = await App.SignedInClientAsync("paula");
        var inesClient = await App.SignedInClientAsync("ines");

        var withoutReason = await paulaClient.SubmitFormAsync($"/Cases/{target.Id}/Stage", new() { ["Target"] = nameof(CaseStage.Discontinued) });
        var byInvestigator = await inesClient.GetAsync($"/Cases/{target.Id}/Stage");
        var withReason = await paulaClient.SubmitFormAsync($"/Cases/{target.Id}/Stage",
            new() { ["Target"] = nameof(CaseStage.Discontinued), ["Reason"] = "The only witness withdrew." });

        (await withoutReason.ReadHtmlAsync()).Summary().ShouldBe("Give the reason the case is discontinued.");
        byInvestigator.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        withReason.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await Load(target.Id);
        stored.Stage.ShouldBe(CaseStage.Discontinued);
        stored.StageHistory.Single(h => h.To == CaseStage.Discontinued).Reason.ShouldBe("The only witness withdrew.");
    }

    [Fact]
    public async Task Two_people_editing_one_case_never_overwrite_each_other()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var target = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator));
        var first = await App.SignedInClientAsync("paula");
        var second = await App.SignedInClientAsync("ines");
        var firstForm = await first.GetHtmlAsync($"/Cases/{target.Id}/Edit");
        var secondForm = await second.GetHtmlAsync($"/Cases/{target.Id}/Edit");

        var firstSave = await SaveTitle(first, target.Id, firstForm, "Harbour Lights (fish processing)");
        var secondSave = await SaveTitle(second, target.Id, secondForm, "Harbour Lights (restaurants)");

        firstSave.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        secondSave.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await secondSave.ReadHtmlAsync();
        page.Summary().ShouldBe(EditModel.ConflictMessage);
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_Title")!.Value.ShouldBe("Harbour Lights (fish processing)");
        (await Load(target.Id)).Title.ShouldBe("Harbour Lights (fish processing)");
    }

    [Fact]
    public async Task An_edit_is_audited_with_the_fields_that_changed()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var target = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");

        var save = await SaveTitle(client, target.Id, await client.GetHtmlAsync($"/Cases/{target.Id}/Edit"), "Harbour Lights II");

        save.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var update = (await CaseEvents(target.Id)).Single(e => e.Action == AuditAction.RecordUpdated && e.EntityType == "Case");
        update.ActorId.ShouldBe(paula.Id);
        Field(update.Details, "Title", "old").ShouldBe("Harbour Lights");
        Field(update.Details, "Title", "new").ShouldBe("Harbour Lights II");
        JsonDocument.Parse(update.Details!).RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["Title"], "only what changed");
    }

    [Fact]
    public async Task Adding_and_removing_a_team_member_is_audited()
    {
        var sam = await App.UserAsync("sam", Roles.Supervisor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var target = await App.CaseAsync("CPO", "Harbour Lights");
        var client = await App.SignedInClientAsync("sam");

        var add = await client.SubmitFormAsync($"/Cases/{target.Id}/Team", new() { ["userId"] = ines.Id.ToString() }, handler: "Add");
        var remove = await client.SubmitFormAsync($"/Cases/{target.Id}/Team", new() { ["userId"] = ines.Id.ToString() }, handler: "Remove");

        add.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        remove.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var events = await CaseEvents(target.Id);
        events.ShouldContain(e => e.Action == AuditAction.RecordCreated && e.EntityType == "TeamMember" && e.ActorId == sam.Id
            && Field(e.Details, "UserId", "new") == ines.Id.ToString());
        events.ShouldContain(e => e.Action == AuditAction.RecordDeleted && e.EntityType == "TeamMember" && e.ActorId == sam.Id);
        (await Load(target.Id)).Team.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_supervisor_hands_the_lead_to_another_prosecutor()
    {
        await App.UserAsync("sam", Roles.Supervisor);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var pete = await App.UserAsync("pete", Roles.Prosecutor);
        var target = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor), (pete.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("sam");

        var response = await client.SubmitFormAsync($"/Cases/{target.Id}/Team", new() { ["userId"] = pete.Id.ToString() }, handler: "MakeLead");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var team = (await Load(target.Id)).Team;
        team.Single(m => m.IsLead).UserId.ShouldBe(pete.Id);
    }

    [Fact]
    public async Task A_person_of_another_office_cannot_be_put_on_the_team()
    {
        await App.UserAsync("sam", Roles.Supervisor);
        await App.UserAsync("ines", Roles.Investigator); // someone the form offers
        var nora = await App.UserAsync("nora", Roles.Prosecutor, "NRO");
        var target = await App.CaseAsync("CPO", "Harbour Lights");
        var client = await App.SignedInClientAsync("sam");

        var response = await client.SubmitFormAsync($"/Cases/{target.Id}/Team", new() { ["userId"] = nora.Id.ToString() }, handler: "Add");

        (await response.ReadHtmlAsync()).Summary().ShouldBe("Choose a person of this office who works on cases.");
        (await Load(target.Id)).Team.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_task_is_added_completed_and_both_are_audited()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var target = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator));
        var client = await App.SignedInClientAsync("paula");

        var add = await client.SubmitFormAsync($"/Cases/{target.Id}/Tasks", new()
        {
            ["Form.Title"] = "Trace the bank accounts",
            ["Form.AssigneeId"] = ines.Id.ToString(),
            ["Form.DueOn"] = Today.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, handler: "Add");
        add.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var task = (await Load(target.Id)).Tasks.Single();
        var complete = await client.SubmitFormAsync($"/Cases/{target.Id}/Tasks", new()
        {
            ["taskId"] = task.Id.ToString(),
            ["taskVersion"] = task.Version.ToString(CultureInfo.InvariantCulture),
        }, handler: "Complete");

        complete.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = (await Load(target.Id)).Tasks.Single();
        stored.AssigneeId.ShouldBe(ines.Id);
        stored.DoneBy.ShouldBe(paula.Id);
        var events = await CaseEvents(target.Id);
        events.ShouldContain(e => e.Action == AuditAction.RecordCreated && e.EntityType == "CaseTask" && Field(e.Details, "Title", "new") == "Trace the bank accounts");
        events.ShouldContain(e => e.Action == AuditAction.RecordUpdated && e.EntityType == "CaseTask" && Field(e.Details, "DoneBy", "new") == paula.Id.ToString());
    }

    [Theory]
    [InlineData("", "2030-01-01", "Form.Title", "Say what needs doing.")]
    [InlineData("Call the embassy", "2000-01-01", "Form.DueOn", "The due date is in the past.")]
    [InlineData("Call the embassy", "not-a-date", "Form.DueOn", "Enter the date it is due.")]
    public async Task A_bad_task_is_refused_next_to_its_field(string title, string due, string field, string message)
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var target = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync($"/Cases/{target.Id}/Tasks",
            new() { ["Form.Title"] = title, ["Form.AssigneeId"] = paula.Id.ToString(), ["Form.DueOn"] = due }, handler: "Add");

        (await response.ReadHtmlAsync()).FieldError(field).ShouldBe(message);
        (await Load(target.Id)).Tasks.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_task_cannot_be_assigned_to_someone_off_the_team()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var outsider = await App.UserAsync("outsider", Roles.Investigator);
        var target = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync($"/Cases/{target.Id}/Tasks", new()
        {
            ["Form.Title"] = "Call the embassy",
            ["Form.AssigneeId"] = outsider.Id.ToString(),
            ["Form.DueOn"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, handler: "Add");

        (await response.ReadHtmlAsync()).Summary().ShouldBe("A task can only be assigned to a member of the case's team.");
        (await Load(target.Id)).Tasks.ShouldBeEmpty();
    }

    [Fact]
    public async Task Cases_are_linked_by_reference_only_when_the_user_can_see_the_other_case()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var target = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor));
        var mine = await App.CaseAsync("CPO", "Harbour Lights II", (paula.Id, TeamRole.Prosecutor));
        var notMine = await App.CaseAsync("CPO", "Someone else's case");
        var client = await App.SignedInClientAsync("paula");

        var refused = await client.SubmitFormAsync($"/Cases/{target.Id}", new() { ["reference"] = notMine.Reference }, handler: "Add");
        var linked = await client.SubmitFormAsync($"/Cases/{target.Id}", new() { ["reference"] = mine.Reference.ToLowerInvariant(), ["note"] = "same network" }, handler: "Add");

        (await refused.ReadHtmlAsync()).Summary().ShouldBe("No case you can see has that reference. Check it and try again.");
        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var links = (await Load(target.Id)).Links;
        links.Single().LinkedCaseId.ShouldBe(mine.Id);
        (await CaseEvents(target.Id)).ShouldContain(e => e.Action == AuditAction.RecordCreated && e.EntityType == "CaseLink");
        (await client.GetHtmlAsync($"/Cases/{target.Id}")).Body!.TextContent.ShouldContain(mine.Reference);
    }

    [Fact]
    public async Task The_history_never_names_a_linked_case_the_user_cannot_see_nor_shows_that_links_note()
    {
        var (shared, hidden, visible) = await LinkedCasesOnlyPeterSeesAsync();
        var paula = await App.SignedInClientAsync("paula");

        foreach (var url in new[] { $"/Cases/{shared.Id}", $"/Cases/{shared.Id}/History" })
        {
            var response = await paula.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            var text = (await response.ReadHtmlAsync()).QuerySelector("main")!.TextContent;

            text.ShouldContain("Linked case: " + CaseHistory.HiddenCase, customMessage: url);
            text.ShouldContain("Linked case: " + visible.Reference, customMessage: url);
            text.ShouldContain("Note: same network", customMessage: url);
            html.ShouldNotContain(hidden.Reference, customMessage: url);
            html.ShouldNotContain(hidden.Id.ToString(), customMessage: url);
            html.ShouldNotContain("informant", customMessage: url);
        }
        var peters = (await (await App.SignedInClientAsync("peter")).GetHtmlAsync($"/Cases/{shared.Id}/History")).QuerySelector("main")!.TextContent;
        peters.ShouldContain("Linked case: " + hidden.Reference);
        peters.ShouldContain("Note: informant in the port authority");
    }

    [Fact]
    public async Task A_link_to_a_case_the_user_cannot_see_cannot_be_removed_by_them()
    {
        var (shared, hidden, _) = await LinkedCasesOnlyPeterSeesAsync();
        var paula = await App.SignedInClientAsync("paula");

        var response = await paula.SubmitFormAsync($"/Cases/{shared.Id}", new() { ["linkedCaseId"] = hidden.Id.ToString() }, handler: "Remove");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Summary().ShouldBe(LinksModel.NotLinkedMessage);
        (await Load(shared.Id)).Links.Select(l => l.LinkedCaseId).ShouldContain(hidden.Id);
    }

    /// <summary>Paula and Peter share a case that Peter linked to his own case (which Paula
    /// cannot see) and to a case they both work on.</summary>
    private async Task<(Case Shared, Case Hidden, Case Visible)> LinkedCasesOnlyPeterSeesAsync()
    {
        var peter = await App.UserAsync("peter", Roles.Prosecutor);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var shared = await App.CaseAsync("CPO", "Harbour Lights", (peter.Id, TeamRole.Prosecutor), (paula.Id, TeamRole.Prosecutor));
        var hidden = await App.CaseAsync("CPO", "Peter's own case", (peter.Id, TeamRole.Prosecutor));
        var visible = await App.CaseAsync("CPO", "Harbour Lights II", (peter.Id, TeamRole.Prosecutor), (paula.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("peter");
        foreach (var (other, note) in new[] { (hidden, "informant in the port authority"), (visible, "same network") })
        {
            var link = await client.SubmitFormAsync($"/Cases/{shared.Id}", new() { ["reference"] = other.Reference, ["note"] = note }, handler: "Add");
            link.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        return (shared, hidden, visible);
    }

    [Fact]
    public async Task A_history_cursor_with_a_non_utc_offset_is_read_as_the_same_instant()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var target = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");
        var later = App.Clock.GetUtcNow().AddHours(1).ToOffset(TimeSpan.FromHours(-5));

        var response = await client.GetAsync($"/Cases/{target.Id}/History?beforeAt="
            + Uri.EscapeDataString(later.ToString("O", CultureInfo.InvariantCulture)) + "&beforeId=" + Guid.NewGuid());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelectorAll("main tbody tr").ShouldNotBeEmpty("the case's creation is older than the cursor");
    }

    [Fact]
    public async Task The_administrator_sees_case_events_in_the_audit_search_without_their_content()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        await App.UserAsync("root", Roles.Administrator);
        var target = await App.CaseAsync("CPO", "Secret operation name", (paula.Id, TeamRole.Prosecutor));
        var admin = await App.SignedInClientAsync("root");

        var page = await admin.GetHtmlAsync($"/Admin/Audit?case={target.Reference}");

        var rows = page.QuerySelectorAll("tbody tr").ToList();
        rows.ShouldNotBeEmpty();
        rows.ShouldContain(r => r.TextContent.Contains("RecordCreated") && r.TextContent.Contains("Case"));
        page.Body!.TextContent.ShouldNotContain("Secret operation name");
    }

    private static async Task<HttpResponseMessage> SaveTitle(HttpClient client, Guid id, AngleSharp.Html.Dom.IHtmlDocument form, string title)
    {
        string Value(string name) => form.QuerySelector($"main form input[name='{name}']")!.GetAttribute("value") ?? "";
        string Selected(string name) => form.QuerySelector($"main form select[name='{name}'] option[selected]")!.GetAttribute("value")!;
        return await client.PostFormAsync($"/Cases/{id}/Edit", new Dictionary<string, string>
        {
            ["Version"] = Value("Version"),
            ["Form.Title"] = title,
            ["Form.Origin"] = Selected("Form.Origin"),
            ["Form.Scope"] = Selected("Form.Scope"),
            ["Form.OpenedOn"] = Value("Form.OpenedOn"),
            ["Form.Summary"] = form.QuerySelector("main form textarea[name='Form.Summary']")!.TextContent,
        }, Value("__RequestVerificationToken"));
    }

    private Task<Case> Load(Guid id) => App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Cases.AsNoTracking()
        .Include(c => c.Team).Include(c => c.StageHistory).Include(c => c.Tasks).Include(c => c.Links).SingleAsync(c => c.Id == id));

    private Task<List<AuditEvent>> CaseEvents(Guid caseId) => App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>()
        .AuditEvents.AsNoTracking().Where(e => e.CaseId == caseId).ToListAsync());

    private static string? Field(string? details, string field, string which) =>
        details is not null && JsonDocument.Parse(details).RootElement.TryGetProperty(field, out var change) && change.TryGetProperty(which, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
