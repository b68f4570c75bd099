using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TipCases.Domain.Cases;
using TipCases.Web.Data;
using TipCases.Web.Data.Summaries;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Scale;

/// <summary>Pre-computed figures: kept with the moment they describe, recomputed in the background,
/// one instance at a time, a failing one never holding up the others.</summary>
public sealed class SummaryTests(TipCasesApp app) : WebTest(app)
{
    private sealed record Figures(int OpenCases, IReadOnlyDictionary<CaseStage, int> ByStage);

    /// <summary>A summary that counts the open cases into a snapshot, and counts its own runs.</summary>
    private sealed class OpenCasesSummary(string name = "test-open-cases") : ISummary
    {
        public int Runs { get; private set; }

        public string Name => name;

        public async Task RefreshAsync(IServiceProvider services, CancellationToken ct)
        {
            Runs++;
            var db = services.GetRequiredService<TipCasesDbContext>();
            await services.GetRequiredService<SummaryStore>().ComputeAsync(Name, async token =>
            {
                var byStage = await db.Cases.GroupBy(c => c.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, token);
                return new Figures(byStage.Where(x => x.Key is not (CaseStage.Closed or CaseStage.Discontinued)).Sum(x => x.Value), byStage);
            }, ct);
        }
    }

    private sealed class FailingSummary : ISummary
    {
        public string Name => "test-failing";

        public Task RefreshAsync(IServiceProvider services, CancellationToken ct) => throw new InvalidOperationException("no");
    }

    private SummaryRefresher Refresher(params ISummary[] summaries) => new(App.Services.GetRequiredService<IServiceScopeFactory>(), summaries,
        Options.Create(new SummaryOptions()), App.Clock, NullLogger<SummaryRefresher>.Instance);

    private Task<T> InScopeAsync<T>(Func<SummaryStore, Task<T>> work) => App.WithScopeAsync(sp => work(sp.GetRequiredService<SummaryStore>()));

    [Fact]
    public async Task A_refreshed_summary_holds_the_figures_of_that_moment_until_the_next_refresh()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor));
        var summary = new OpenCasesSummary();
        var before = App.Clock.GetUtcNow();

        (await Refresher(summary).RefreshAllAsync(default)).ShouldBe([summary.Name]);

        var first = (await InScopeAsync(s => s.ReadAsync<Figures>(summary.Name, default)))!;
        first.Value.OpenCases.ShouldBe(1);
        first.Value.ByStage[CaseStage.Intake].ShouldBe(1);
        first.AsOf.ShouldBeInRange(before, App.Clock.GetUtcNow());

        // A change shows only after the next refresh, which moves "as of" on.
        await App.CaseAsync("CPO", "Quarry Road", CaseStage.Closed, (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator));
        (await InScopeAsync(s => s.ReadAsync<Figures>(summary.Name, default)))!.Value.OpenCases.ShouldBe(1);
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await Refresher(summary).RefreshAllAsync(default);
        var second = (await InScopeAsync(s => s.ReadAsync<Figures>(summary.Name, default)))!;
        second.Value.OpenCases.ShouldBe(1);
        second.Value.ByStage[CaseStage.Closed].ShouldBe(1);
        second.AsOf.ShouldBeGreaterThan(first.AsOf.AddMinutes(4));
    }

    [Fact]
    public async Task A_snapshot_younger_than_the_maximum_age_is_reused_and_an_older_one_recomputed()
    {
        var computed = 0;
        Task<int> Compute(CancellationToken _) => Task.FromResult(++computed);

        var first = await InScopeAsync(s => s.GetOrComputeAsync("test-counter", TimeSpan.FromMinutes(5), Compute, default));
        var again = await InScopeAsync(s => s.GetOrComputeAsync("test-counter", TimeSpan.FromMinutes(5), Compute, default));
        App.Clock.Advance(TimeSpan.FromMinutes(6));
        var later = await InScopeAsync(s => s.GetOrComputeAsync("test-counter", TimeSpan.FromMinutes(5), Compute, default));

        first.Value.ShouldBe(1);
        again.ShouldBe(first);
        later.Value.ShouldBe(2);
        later.AsOf.ShouldBeGreaterThan(first.AsOf);
        (await InScopeAsync(s => s.ComputedAtAsync("test-counter", default))).ShouldBe(later.AsOf);
    }

    [Fact]
    public async Task A_snapshot_read_again_is_not_sent_again_but_a_newer_one_another_instance_wrote_is_read_from_the_table()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor));
        var summary = new OpenCasesSummary("test-read-again");
        await Refresher(summary).RefreshAllAsync(default);
        var first = (await InScopeAsync(s => s.ReadAsync<Figures>(summary.Name, default)))!;
        first.Value.OpenCases.ShouldBe(1);

        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        async Task WriteAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("key", summary.Name);
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        // The same moment: no writer changes a snapshot in place, so the payload is not fetched again
        // (this one, changed underneath, is not seen).
        await WriteAsync("""UPDATE summary_snapshots SET payload = '{"openCases": 7, "byStage": {}}' WHERE key = @key""");
        var again = (await InScopeAsync(s => s.ReadAsync<Figures>(summary.Name, default)))!;
        again.Value.OpenCases.ShouldBe(1);
        again.AsOf.ShouldBe(first.AsOf);

        // A later moment, as another instance's refresh writes it: read from the table.
        await WriteAsync("""UPDATE summary_snapshots SET computed_at = computed_at + interval '1 second', payload = '{"openCases": 9, "byStage": {}}' WHERE key = @key""");
        var newer = (await InScopeAsync(s => s.ReadAsync<Figures>(summary.Name, default)))!;
        newer.Value.OpenCases.ShouldBe(9);
        newer.AsOf.ShouldBe(first.AsOf.AddSeconds(1));

        // Gone from the table: gone for the readers too.
        await WriteAsync("DELETE FROM summary_snapshots WHERE key = @key");
        (await InScopeAsync(s => s.ReadAsync<Figures>(summary.Name, default))).ShouldBeNull();
    }

    [Fact]
    public async Task A_failing_summary_is_tried_again_next_round_and_does_not_stop_the_others()
    {
        var good = new OpenCasesSummary();

        var refreshed = await Refresher(new FailingSummary(), good).RefreshAllAsync(default);

        refreshed.ShouldBe([good.Name]);
        (await InScopeAsync(s => s.ReadAsync<Figures>(good.Name, default))).ShouldNotBeNull();
        (await InScopeAsync(s => s.ComputedAtAsync("test-failing", default))).ShouldBeNull();
    }

    [Fact]
    public async Task A_summary_another_instance_is_refreshing_is_left_to_it()
    {
        var summary = new OpenCasesSummary("test-locked");
        await using var other = new NpgsqlConnection(App.ConnectionString);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended('tipcases-summary:test-locked', 0))", other))
        {
            await take.ExecuteNonQueryAsync();
        }

        (await Refresher(summary).RefreshAllAsync(default)).ShouldBeEmpty();
        summary.Runs.ShouldBe(0);

        await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended('tipcases-summary:test-locked', 0))", other))
        {
            await release.ExecuteNonQueryAsync();
        }
        (await Refresher(summary).RefreshAllAsync(default)).ShouldBe([summary.Name]);
        summary.Runs.ShouldBe(1);
    }

    [Fact]
    public async Task A_materialized_view_is_refreshed_without_blocking_readers_and_its_refresh_time_kept()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        async Task RunAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
        await RunAsync("""
            CREATE MATERIALIZED VIEW test_cases_by_office AS SELECT office_id, count(*) AS cases FROM cases GROUP BY office_id;
            CREATE UNIQUE INDEX ON test_cases_by_office (office_id);
            """);
        try
        {
            var paula = await App.UserAsync("paula", Roles.Prosecutor);
            var @case = await App.CaseAsync("CPO", "Harbour Lights", (paula.Id, TeamRole.Prosecutor));

            (await Refresher(new MaterializedViewSummary("test_cases_by_office")).RefreshAllAsync(default)).ShouldBe(["test_cases_by_office"]);

            await using var read = new NpgsqlCommand("SELECT cases FROM test_cases_by_office WHERE office_id = @office", connection);
            read.Parameters.AddWithValue("office", @case.OfficeId);
            ((long)(await read.ExecuteScalarAsync())!).ShouldBe(1);
            (await InScopeAsync(s => s.ComputedAtAsync("test_cases_by_office", default))).ShouldNotBeNull();
        }
        finally
        {
            await RunAsync("DROP MATERIALIZED VIEW test_cases_by_office");
        }
    }

    [Theory]
    [InlineData("cases; DROP TABLE cases")]
    [InlineData("Cases")]
    [InlineData("")]
    public void A_materialized_view_name_must_be_a_plain_identifier(string name) =>
        Should.Throw<ArgumentException>(() => new MaterializedViewSummary(name));
}
