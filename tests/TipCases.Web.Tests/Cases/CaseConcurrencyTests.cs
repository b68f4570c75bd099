using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Cases;

/// <summary>
/// Changes to a case's team, tasks and links racing another change to the same case. The other
/// change is saved first but not yet committed, so the page loads the case as it was; the page's
/// save must then wait for it and be refused, never saved on top of a case it did not see.
/// </summary>
public sealed class CaseConcurrencyTests(TipCasesApp app) : WebTest(app)
{
    private DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Removing_the_investigator_while_the_case_moves_into_the_investigation_is_refused()
    {
        await App.UserAsync("sam", Roles.Supervisor);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var target = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator));
        var sam = await App.SignedInClientAsync("sam");

        var response = await WhileAnotherChangeIsSavingAsync(target.Id,
            c => c.MoveTo(CaseStage.Investigation, paula.Id, App.Clock.GetUtcNow(), null, ChargeProgress.None),
            () => sam.SubmitFormAsync($"/Cases/{target.Id}/Team", new() { ["userId"] = ines.Id.ToString() }, handler: "Remove"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.Summary().ShouldBe(CaseConcurrency.ConflictMessage);
        page.QuerySelector("main table")!.TextContent.ShouldContain("Test ines", customMessage: "the page shows the current team");
        var stored = await Load(target.Id);
        stored.Stage.ShouldBe(CaseStage.Investigation);
        stored.Team.Select(m => m.UserId).ShouldContain(ines.Id);
    }

    [Fact]
    public async Task Adding_a_task_while_the_case_is_discontinued_is_refused()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var target = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator));
        var client = await App.SignedInClientAsync("ines");

        var response = await WhileAnotherChangeIsSavingAsync(target.Id,
            c => c.MoveTo(CaseStage.Discontinued, paula.Id, App.Clock.GetUtcNow(), "The only witness withdrew.", ChargeProgress.None),
            () => client.SubmitFormAsync($"/Cases/{target.Id}/Tasks", new()
            {
                ["Form.Title"] = "Trace the bank accounts",
                ["Form.AssigneeId"] = ines.Id.ToString(),
                ["Form.DueOn"] = Today.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }, handler: "Add"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.Summary().ShouldBe(CaseConcurrency.ConflictMessage);
        page.QuerySelector("#Form_Title").ShouldBeNull("the case is discontinued now, so no task can be added");
        var stored = await Load(target.Id);
        stored.Stage.ShouldBe(CaseStage.Discontinued);
        stored.Tasks.ShouldBeEmpty();
    }

    [Fact]
    public async Task Linking_a_case_while_it_is_discontinued_is_refused()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var target = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor));
        var other = await App.CaseAsync("CPO", "Harbour Lights II", (paula.Id, TeamRole.Prosecutor));
        var client = await App.SignedInClientAsync("paula");

        var response = await WhileAnotherChangeIsSavingAsync(target.Id,
            c => c.MoveTo(CaseStage.Discontinued, paula.Id, App.Clock.GetUtcNow(), "Merged into the other case.", ChargeProgress.None),
            () => client.SubmitFormAsync($"/Cases/{target.Id}", new() { ["reference"] = other.Reference }, handler: "Add"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = await client.GetHtmlAsync(response.Headers.Location!.OriginalString);
        details.QuerySelector("[data-testid=case-warning]")!.TextContent.ShouldBe(CaseConcurrency.ConflictMessage);
        details.QuerySelector("[data-testid=case-stage]")!.TextContent.ShouldBe("Discontinued");
        (await Load(target.Id)).Links.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_team_change_alone_still_saves_and_records_no_change_to_the_case_itself()
    {
        await App.UserAsync("sam", Roles.Supervisor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var target = await App.CaseAsync("CPO", "Harbour Lights");
        var client = await App.SignedInClientAsync("sam");
        var before = await Load(target.Id);

        var response = await client.SubmitFormAsync($"/Cases/{target.Id}/Team", new() { ["userId"] = ines.Id.ToString() }, handler: "Add");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await Load(target.Id);
        after.Team.Select(m => m.UserId).ShouldBe([ines.Id]);
        after.Version.ShouldNotBe(before.Version, "the case row was written, so a racing save is checked against it");
        after.StageChangedAt.ShouldBe(before.StageChangedAt);
        var caseUpdates = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuditEvents
            .CountAsync(e => e.CaseId == target.Id && e.EntityType == "Case" && e.Action == AuditAction.RecordUpdated));
        caseUpdates.ShouldBe(0);
    }

    /// <summary>
    /// Saves <paramref name="otherChange"/> to the case in a transaction of its own, sends the
    /// page's request, and commits the other change only once the request waits for it (its
    /// update of the case row blocks on the row lock) or has finished without touching the row.
    /// </summary>
    private async Task<HttpResponseMessage> WhileAnotherChangeIsSavingAsync(Guid caseId, Action<Case> otherChange,
        Func<Task<HttpResponseMessage>> request)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TipCasesDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var @case = await db.Cases.Include(c => c.Team).Include(c => c.StageHistory).Include(c => c.Tasks).Include(c => c.Links)
            .SingleAsync(c => c.Id == caseId);
        otherChange(@case);
        await db.SaveChangesAsync();

        var pending = request();
        await using (var monitor = new NpgsqlConnection(App.ConnectionString))
        {
            await monitor.OpenAsync();
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", monitor);
            // A bound on the test's own waiting, measured on the wall clock, not the app's time.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!pending.IsCompleted && (long)(await waiting.ExecuteScalarAsync())! == 0)
            {
                waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "the page's request neither finished nor waited for the other change");
                await Task.Delay(20);
            }
        }
        await transaction.CommitAsync();
        return await pending;
    }

    private Task<Case> Load(Guid id) => App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Cases.AsNoTracking()
        .Include(c => c.Team).Include(c => c.StageHistory).Include(c => c.Tasks).Include(c => c.Links).SingleAsync(c => c.Id == id));
}
