using System.Net;
using TipCases.Domain.Cases;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using static TipCases.Web.Tests.Hearings.HearingTestData;

namespace TipCases.Web.Tests.Hearings;

/// <summary>
/// Who reads and who records hearings: the case access rule, with prosecutors and investigators on
/// the team (and supervisors of the office) recording, others on the case reading. What is refused
/// reveals nothing and saves nothing.
/// </summary>
public sealed class HearingAccessTests(TipCasesApp app) : WebTest(app)
{
    public enum Relation { Member, NotMember, OtherOffice }

    public enum Outcome { Allowed, Forbidden, NotFound }

    public static TheoryData<string, Relation, Outcome, Outcome> Matrix => new()
    {
        // role, relation, read the hearings, record one
        { Roles.Prosecutor, Relation.Member, Outcome.Allowed, Outcome.Allowed },
        { Roles.Investigator, Relation.Member, Outcome.Allowed, Outcome.Allowed },
        { Roles.VictimLiaisonOfficer, Relation.Member, Outcome.Allowed, Outcome.Forbidden },
        { Roles.Prosecutor, Relation.NotMember, Outcome.NotFound, Outcome.NotFound },
        { Roles.Investigator, Relation.OtherOffice, Outcome.NotFound, Outcome.NotFound },
        { Roles.Supervisor, Relation.NotMember, Outcome.Allowed, Outcome.Allowed },
        { Roles.Supervisor, Relation.OtherOffice, Outcome.NotFound, Outcome.NotFound },
        { Roles.Administrator, Relation.NotMember, Outcome.Forbidden, Outcome.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_reads_and_records_hearings_as_its_relation_to_the_case_allows(string role, Relation relation, Outcome read, Outcome record)
    {
        var lead = await App.UserAsync("lead", Roles.Prosecutor);
        var viewer = await App.UserAsync("viewer", role, relation == Relation.OtherOffice ? "NRO" : "CPO");
        var team = new List<(Guid, TeamRole)> { (lead.Id, TeamRole.Prosecutor) };
        if (relation == Relation.Member)
        {
            team.Add((viewer.Id, role switch
            {
                Roles.Investigator => TeamRole.Investigator,
                Roles.VictimLiaisonOfficer => TeamRole.VictimLiaisonOfficer,
                _ => TeamRole.Prosecutor,
            }));
        }
        var @case = await App.CaseAsync("CPO", "Harbour Lights", [.. team]);
        var existing = await App.HearingAsync(@case, 5);
        var client = await App.SignedInClientAsync("viewer");

        Classify(await client.GetAsync(ListUrl(@case))).ShouldBe(read, "list");
        Classify(await client.GetAsync(NewUrl(@case))).ShouldBe(record, "add form");
        Classify(await client.GetAsync(EditUrl(@case, existing.Id))).ShouldBe(record, "edit form");
        Classify(await client.PostAsync(NewUrl(@case), App.Form(days: 9))).ShouldBe(record, "add");
        Classify(await client.PostAsync(EditUrl(@case, existing.Id), App.Form(days: 12).With("Version", existing.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .ShouldBe(record, "edit");
        Classify(await client.GetAsync($"/Cases/{@case.Id}/Jurisdiction")).ShouldBe(read, "jurisdiction page");

        var stored = await App.HearingsOfAsync(@case.Id);
        stored.Count.ShouldBe(record == Outcome.Allowed ? 2 : 1, "nothing is added when refused");
        var kept = stored.Single(h => h.Id == existing.Id);
        (App.Time().DayOf(kept.StartsAt) == App.Time().Today.AddDays(12)).ShouldBe(record == Outcome.Allowed, "nothing is changed when refused");
    }

    [Fact]
    public async Task The_case_page_shows_hearings_to_readers_and_the_add_link_only_to_those_who_record()
    {
        var scenario = await TipCases.Web.Tests.Victims.VictimScenario.CreateAsync(App, CaseStage.Trial);
        await App.HearingAsync(scenario.Case, 4, witnesses: scenario.Victim.Id);

        var asLiaison = await (await App.SignedInClientAsync("lena")).GetHtmlAsync($"/Cases/{scenario.Case.Id}");
        var asProsecutor = await (await App.SignedInClientAsync("paula")).GetHtmlAsync($"/Cases/{scenario.Case.Id}");

        asLiaison.HearingRows("case-next-hearings").Count.ShouldBe(1);
        asLiaison.QuerySelector("#case-hearings-heading")!.ParentElement!.TextContent.ShouldNotContain("add a hearing");
        asProsecutor.QuerySelector("#case-hearings-heading")!.ParentElement!.TextContent.ShouldContain("add a hearing");
    }

    private static Outcome Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK or HttpStatusCode.Redirect => Outcome.Allowed,
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        HttpStatusCode.NotFound => Outcome.NotFound,
        var other => throw new ShouldAssertException($"unexpected {(int)other}"),
    };
}
