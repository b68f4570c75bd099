using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Web.Data;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Home;

public sealed class MyWorkTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task An_overdue_task_is_listed_before_a_later_one_and_marked_overdue_in_words()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var @case = await App.CaseAsync("CPO", "Nail salon network – debt bondage", (paula.Id, TeamRole.Prosecutor));
        var today = Today();
        await AddTaskAsync(@case.Id, "Draft the indictment", paula.Id, today.AddDays(10));
        await AddTaskAsync(@case.Id, "Request bank records", paula.Id, today.AddDays(2));
        App.Clock.Advance(TimeSpan.FromDays(5));
        var client = await App.SignedInClientAsync("paula");

        var rows = TaskRows(await client.GetHtmlAsync("/"));

        rows.Select(r => r.Cells[0].TextContent.Trim()).ShouldBe(["Request bank records", "Draft the indictment"]);
        rows[0].Cells[1].TextContent.ShouldContain("Overdue");
        rows[1].Cells[1].TextContent.ShouldNotContain("Overdue");
        rows[0].Cells[2].TextContent.ShouldContain(@case.Reference);
        rows[0].Cells[2].TextContent.ShouldContain("Nail salon network – debt bondage");
        rows[0].Cells[2].QuerySelector("a")!.TextContent.Trim().ShouldBe(@case.Reference);
    }

    [Fact]
    public async Task Done_tasks_and_other_peoples_tasks_are_not_shown()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var @case = await App.CaseAsync("CPO", "Forced begging ring", (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator));
        var today = Today();
        await AddTaskAsync(@case.Id, "Mine and open", paula.Id, today.AddDays(3));
        await AddTaskAsync(@case.Id, "Mine but done", paula.Id, today.AddDays(1), done: true);
        await AddTaskAsync(@case.Id, "Assigned to Ines", ines.Id, today.AddDays(1));
        var client = await App.SignedInClientAsync("paula");

        var rows = TaskRows(await client.GetHtmlAsync("/"));

        rows.Select(r => r.Cells[0].TextContent.Trim()).ShouldBe(["Mine and open"]);
    }

    [Fact]
    public async Task A_task_on_a_case_of_another_office_is_never_shown()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        // A membership the access rule does not honour: the case belongs to another office.
        var northern = await App.CaseAsync("NRO", "Northern case", (paula.Id, TeamRole.Prosecutor));
        await AddTaskAsync(northern.Id, "Task on a northern case", paula.Id, Today().AddDays(1));
        var client = await App.SignedInClientAsync("paula");

        var page = await client.GetHtmlAsync("/");

        TaskRows(page).ShouldBeEmpty();
        CaseRows(page).ShouldBeEmpty();
        page.Body!.TextContent.ShouldNotContain("Task on a northern case");
        page.Body.TextContent.ShouldNotContain(northern.Reference);
    }

    [Fact]
    public async Task My_cases_lists_the_cases_i_am_on_the_team_of_with_my_role_and_lead()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var petra = await App.UserAsync("petra", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var led = await App.CaseAsync("CPO", "Operation Harbour Lights", CaseStage.Investigation,
            (ines.Id, TeamRole.Investigator), (paula.Id, TeamRole.Prosecutor));
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var notLed = await App.CaseAsync("CPO", "Domestic servitude in diplomatic household",
            (petra.Id, TeamRole.Prosecutor), (paula.Id, TeamRole.Prosecutor));
        var others = await App.CaseAsync("CPO", "Someone else's case", (petra.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");

        var page = await client.GetHtmlAsync("/");
        var rows = CaseRows(page);

        // Most recent stage change first: the second case was opened five minutes later.
        rows.Select(r => r.Cells[0].TextContent.Trim()).ShouldBe([notLed.Reference, led.Reference]);
        rows[0].Cells[1].TextContent.Trim().ShouldBe("Domestic servitude in diplomatic household");
        rows[0].Cells[2].TextContent.Trim().ShouldBe("Intake");
        rows[0].Cells[3].TextContent.ShouldNotContain("Lead");
        rows[1].Cells[2].TextContent.Trim().ShouldBe("Investigation");
        rows[1].Cells[3].TextContent.ShouldContain("Prosecutor");
        rows[1].Cells[3].TextContent.ShouldContain("Lead");
        page.Body!.TextContent.ShouldNotContain(others.Reference);
        page.QuerySelector("#office-open-cases").ShouldBeNull("only supervisors see the office's count");
    }

    [Fact]
    public async Task A_supervisor_sees_the_count_of_open_cases_of_the_office_and_only_team_cases_as_theirs()
    {
        await App.UserAsync("sam", Roles.Supervisor);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var nora = await App.UserAsync("nora", Roles.Prosecutor, "NRO");
        (Guid, TeamRole)[] team = [(paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator)];
        await App.CaseAsync("CPO", "Open one", team);
        await App.CaseAsync("CPO", "Open two", CaseStage.PreTrial, team);
        await App.CaseAsync("CPO", "Closed one", CaseStage.Closed, team);
        await App.CaseAsync("CPO", "Discontinued one", CaseStage.Discontinued, team);
        await App.CaseAsync("NRO", "Another office's", (nora.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("sam");

        var page = await client.GetHtmlAsync("/");

        page.QuerySelector("#office-open-cases strong")!.TextContent.Trim().ShouldBe("2");
        page.QuerySelector("#office-open-cases a")!.TextContent.ShouldContain("See the office's cases");
        CaseRows(page).ShouldBeEmpty();
        page.QuerySelector("section[aria-labelledby=cases-heading] .empty-state").ShouldNotBeNull();
    }

    [Fact]
    public async Task With_nothing_assigned_the_empty_states_are_shown()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var petra = await App.UserAsync("petra", Roles.Prosecutor);
        await App.CaseAsync("CPO", "Someone else's case", (petra.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");

        var page = await client.GetHtmlAsync("/");

        page.QuerySelector("h1")!.TextContent.ShouldBe("My work");
        page.QuerySelector("section[aria-labelledby=tasks-heading] .empty-state")!.TextContent.ShouldContain("You have no open tasks.");
        page.QuerySelector("section[aria-labelledby=cases-heading] .empty-state")!.TextContent.ShouldContain("No cases are assigned to you yet.");
        page.QuerySelectorAll("table").ShouldBeEmpty();
    }

    [Fact]
    public async Task More_than_the_limit_of_open_tasks_shows_the_soonest_and_says_there_are_more()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var @case = await App.CaseAsync("CPO", "Busy case", (paula.Id, TeamRole.Prosecutor));
        var today = Today();
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var loaded = await LoadAsync(db, @case.Id);
            for (var i = 0; i <= TipCases.Web.Pages.IndexModel.Handler.Limit; i++)
            {
                db.CaseTasks.Add(loaded.AddTask($"Task {i:D2}", null, paula.Id, today.AddDays(i), paula.Id, App.Clock.GetUtcNow(), today));
            }
            await db.SaveChangesAsync();
        });
        var client = await App.SignedInClientAsync("paula");

        var page = await client.GetHtmlAsync("/");

        var rows = TaskRows(page);
        rows.Count.ShouldBe(TipCases.Web.Pages.IndexModel.Handler.Limit);
        rows[0].Cells[0].TextContent.Trim().ShouldBe("Task 00");
        page.QuerySelector("#more-tasks").ShouldNotBeNull();
    }

    private DateOnly Today() => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    private static List<IHtmlTableRowElement> TaskRows(IHtmlDocument page) =>
        page.QuerySelectorAll<IHtmlTableRowElement>("section[aria-labelledby=tasks-heading] tbody tr").ToList();

    private static List<IHtmlTableRowElement> CaseRows(IHtmlDocument page) =>
        page.QuerySelectorAll<IHtmlTableRowElement>("section[aria-labelledby=cases-heading] tbody tr").ToList();

    private static Task<Case> LoadAsync(TipCasesDbContext db, Guid caseId) =>
        db.Cases.Include(c => c.Team).Include(c => c.Tasks).SingleAsync(c => c.Id == caseId);

    private Task AddTaskAsync(Guid caseId, string title, Guid assigneeId, DateOnly dueOn, bool done = false) =>
        App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var @case = await LoadAsync(db, caseId);
            var now = App.Clock.GetUtcNow();
            var task = @case.AddTask(title, null, assigneeId, dueOn, assigneeId, now, Today());
            // EF maps the task's key as generated, so a task it discovers on a loaded case with its
            // key already set is taken for an existing row (an UPDATE of nothing); say it is new.
            db.CaseTasks.Add(task);
            if (done)
            {
                @case.CompleteTask(task.Id, assigneeId, now);
            }
            await db.SaveChangesAsync();
        });
}
