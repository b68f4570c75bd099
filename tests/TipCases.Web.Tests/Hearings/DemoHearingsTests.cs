using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Hearings;
using TipCases.Web.Data;
using TipCases.Web.Data.Seeding;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Hearings;

public sealed class DemoHearingsTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task The_demo_has_hearings_in_both_offices_one_witness_warning_and_places_of_conduct_and_a_second_run_adds_nothing()
    {
        var configuration = App.Services.GetRequiredService<IConfiguration>();
        await DemoData.SeedAsync(App.Services, configuration);
        var first = await CountsAsync();
        await DemoData.SeedAsync(App.Services, configuration);

        (await CountsAsync()).ShouldBe(first, "the second run adds nothing");
        first.Hearings.ShouldBeGreaterThanOrEqualTo(10);
        first.Places.ShouldBeGreaterThanOrEqualTo(10);
        foreach (var (user, office) in new[] { ("supervisor", "CPO"), ("supervisor.north", "NRO") })
        {
            var client = await App.SignedInClientAsync(user, DemoData.DefaultPassword);
            var rows = (await client.GetHtmlAsync("/Hearings/Upcoming")).HearingRows("upcoming-hearings");
            rows.Count.ShouldBeGreaterThanOrEqualTo(2, office);
            rows.Count(r => r.QuerySelector("[data-testid=witness-warning]") is not null).ShouldBe(office == "CPO" ? 1 : 0, office);
        }
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            // One hearing is still "scheduled" after its day, for the outcome to be recorded.
            var today = App.Time().Today;
            var scheduled = await db.Hearings.Where(h => h.Status == HearingStatus.Scheduled).Select(h => h.StartsAt).ToListAsync();
            scheduled.Count(at => App.Time().DayOf(at) < today).ShouldBe(1);
            scheduled.ShouldAllBe(at => App.Time().Local(at).DayOfWeek != DayOfWeek.Saturday && App.Time().Local(at).DayOfWeek != DayOfWeek.Sunday);
            var withFacts = await db.CaseJurisdictions.Join(db.Cases, j => j.CaseId, c => c.Id, (j, c) => c.Scope).ToListAsync();
            withFacts.Count(scope => scope == CaseScope.Transnational).ShouldBeGreaterThanOrEqualTo(6);
        });
    }

    private Task<(int Hearings, int Witnesses, int Facts, int Places)> CountsAsync() => App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        return (await db.Hearings.CountAsync(), await db.Set<HearingWitness>().CountAsync(), await db.CaseJurisdictions.CountAsync(),
            await db.Set<TipCases.Domain.Jurisdiction.PlaceOfConduct>().CountAsync());
    });
}
