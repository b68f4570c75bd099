using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
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

    [Fact]
    public async Task Demo_victims_are_added_once_with_liaison_work_children_and_a_threat()
    {
        var configuration = App.Services.GetRequiredService<IConfiguration>();
        await DemoData.SeedAsync(App.Services, configuration);
        var first = await VictimCountsAsync();
        await DemoData.SeedAsync(App.Services, configuration);

        (await VictimCountsAsync()).ShouldBe(first, "the second run adds no victims");
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var perOffice = await db.Victims.Join(db.Offices, v => v.OfficeId, o => o.Id, (v, o) => o.Code)
                .GroupBy(code => code).Select(g => new { Code = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Code, x => x.Count);
            perOffice["CPO"].ShouldBeGreaterThanOrEqualTo(30);
            perOffice["NRO"].ShouldBeGreaterThanOrEqualTo(8);
            (await db.Cases.CountAsync(c => !db.CaseVictims.Any(l => l.CaseId == c.Id))).ShouldBe(0, "every demo case has a victim");
            (await db.Victims.CountAsync(v => v.ChildStatus == ChildStatus.Child)).ShouldBeGreaterThanOrEqualTo(2);

            var liaison = await db.Users.SingleAsync(u => u.UserName == "liaison");
            var supported = await db.Victims.Include(v => v.Cases).Include(v => v.SupportSteps)
                .Where(v => v.LiaisonOfficerId == liaison.Id).ToListAsync();
            supported.Count.ShouldBeGreaterThan(10);
            (await db.Victims.CountAsync(v => v.LiaisonOfficerId != null && v.LiaisonOfficerId != liaison.Id)).ShouldBe(0);
            var liaisonCases = await db.TeamMembers.Where(m => m.UserId == liaison.Id && m.Role == TeamRole.VictimLiaisonOfficer)
                .Select(m => m.CaseId).ToListAsync();
            supported.ShouldAllBe(v => v.Cases.Any(l => liaisonCases.Contains(l.CaseId)), "the liaison officer is on the team of a case of each");
            supported.ShouldContain(v => v.NextFollowUp < today, "some follow-ups are overdue");
            supported.ShouldContain(v => v.NextFollowUp >= today && v.NextFollowUp <= today.AddDays(7), "some are due this week");
            supported.ShouldContain(v => v.SupportSteps.Count == 0, "some victims have no step yet");
            supported.ShouldContain(v => v.SupportSteps.Count > 0 && v.SupportSteps.Max(s => s.TookPlaceOn) < today.AddDays(-30),
                "some have had no step for more than 30 days");
            (await db.SupportSteps.CountAsync(s => s.TookPlaceOn > today || s.ByUserId != liaison.Id)).ShouldBe(0);

            var threat = (await db.Set<ThreatIncident>().ToListAsync()).ShouldHaveSingleItem();
            var review = await db.CaseTasks.SingleAsync(t => t.Id == threat.SafetyReviewTaskId);
            review.CaseId.ShouldBe(threat.CaseId);
            review.AssigneeId.ShouldBe(liaison.Id);

            var protector = sp.GetRequiredService<IIdentityProtector>();
            foreach (var victim in await db.Victims.ToListAsync())
            {
                var identity = protector.Unprotect(victim.IdentityCiphertext, victim.Id);
                DemoVictims.Names.ShouldContain(identity.GivenNames);
                DemoVictims.Names.ShouldContain(identity.FamilyName);
            }
        });
    }

    private Task<(int Victims, int Steps, int Threats, int Tasks)> VictimCountsAsync() => App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        return (await db.Victims.CountAsync(), await db.SupportSteps.CountAsync(), await db.Set<ThreatIncident>().CountAsync(),
            await db.CaseTasks.CountAsync());
    });

    private Task<(int Cases, int Members, int Tasks, int StageChanges, int Users)> CountsAsync() => App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        return (await db.Cases.CountAsync(), await db.TeamMembers.CountAsync(), await db.CaseTasks.CountAsync(),
            await db.StageChanges.CountAsync(), await db.Users.CountAsync());
    });
}
