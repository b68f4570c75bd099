using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Web.Data;
using TipCases.Web.Data.Seeding;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Home;

public sealed class DemoDataTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task Demo_cases_cover_both_offices_and_every_stage_and_a_second_run_adds_nothing()
    {
        var configuration = App.Services.GetRequiredService<IConfiguration>();

        await DemoData.SeedAsync(App.Services, configuration);
        var first = await CountsAsync();
        await DemoData.SeedAsync(App.Services, configuration);
        var second = await CountsAsync();

        second.ShouldBe(first, "the second run adds nothing");
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var perOffice = await db.Cases.Join(db.Offices, c => c.OfficeId, o => o.Id, (c, o) => o.Code)
                .GroupBy(code => code).Select(g => new { Code = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Code, x => x.Count);
            perOffice["CPO"].ShouldBeGreaterThanOrEqualTo(20);
            perOffice["NRO"].ShouldBeGreaterThanOrEqualTo(8);

            (await db.Cases.Select(c => c.Stage).Distinct().ToListAsync()).Order().ShouldBe(Enum.GetValues<CaseStage>());
            (await db.StageChanges.CountAsync(h => h.To == CaseStage.Discontinued && h.Reason != null))
                .ShouldBe(await db.Cases.CountAsync(c => c.Stage == CaseStage.Discontinued));
        });
    }

    [Fact]
    public async Task Demo_teams_belong_to_the_cases_office_and_leave_out_supervisors_and_the_prosecutor_on_some_cases()
    {
        await DemoData.SeedAsync(App.Services, App.Services.GetRequiredService<IConfiguration>());

        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var members = await db.TeamMembers
                .Join(db.Cases, m => m.CaseId, c => c.Id, (m, c) => new { m.UserId, CaseOffice = c.OfficeId })
                .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { x.CaseOffice, UserOffice = u.OfficeId, u.UserName })
                .ToListAsync();
            members.ShouldNotBeEmpty();
            members.ShouldAllBe(m => m.CaseOffice == m.UserOffice);
            members.ShouldNotContain(m => m.UserName == "supervisor" || m.UserName == "supervisor.north" || m.UserName == "admin");

            var cpo = await db.Offices.SingleAsync(o => o.Code == "CPO");
            var prosecutor = await db.Users.SingleAsync(u => u.UserName == "prosecutor");
            var cpoCases = await db.Cases.CountAsync(c => c.OfficeId == cpo.Id);
            var withProsecutor = await db.Cases.CountAsync(c => c.OfficeId == cpo.Id && c.Team.Any(m => m.UserId == prosecutor.Id));
            withProsecutor.ShouldBeGreaterThan(0);
            withProsecutor.ShouldBeLessThan(cpoCases, "some CPO cases leave the prosecutor out, to show the access rule");
        });
    }

    [Fact]
    public async Task Demo_tasks_are_assigned_to_team_members_and_include_done_and_overdue_ones()
    {
        await DemoData.SeedAsync(App.Services, App.Services.GetRequiredService<IConfiguration>());
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            (await db.CaseTasks.CountAsync(t => !db.TeamMembers.Any(m => m.CaseId == t.CaseId && m.UserId == t.AssigneeId))).ShouldBe(0);
            (await db.CaseTasks.CountAsync(t => t.DoneAt != null)).ShouldBeGreaterThan(0);
            (await db.CaseTasks.CountAsync(t => t.DoneAt == null && t.DueOn < today)).ShouldBeGreaterThan(0);
            (await db.CaseTasks.CountAsync(t => t.DoneAt == null && t.DueOn >= today)).ShouldBeGreaterThan(0);
            (await db.CaseTasks.Join(db.Cases, t => t.CaseId, c => c.Id, (t, c) => new { t.DoneAt, c.Stage })
                .CountAsync(x => x.DoneAt == null && (x.Stage == CaseStage.Closed || x.Stage == CaseStage.Discontinued)))
                .ShouldBe(0, "a case that ended has no open tasks");
        });
    }

    private Task<(int Cases, int Members, int Tasks, int StageChanges, int Users)> CountsAsync() => App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        return (await db.Cases.CountAsync(), await db.TeamMembers.CountAsync(), await db.CaseTasks.CountAsync(),
            await db.StageChanges.CountAsync(), await db.Users.CountAsync());
    });
}
