using System.Net;
using TipCases.Domain.Cases;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Cases;

/// <summary>
/// The access rule as a matrix: each role × its relation to a case (on the team, not on it,
/// another office) × what it tries (list, page, edit, assign). What is refused reveals nothing:
/// an unreadable case is "not found", exactly like one that does not exist.
/// </summary>
public sealed class CaseAccessMatrixTests(TipCasesApp app) : WebTest(app)
{
    public enum Relation { Member, NotMember, OtherOffice }

    public enum Outcome { Allowed, Forbidden, NotFound }

    public static TheoryData<string, Relation, Outcome, Outcome, Outcome, Outcome> Matrix => new()
    {
        // role, relation, list, page, edit, assign
        { Roles.Investigator, Relation.Member, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Forbidden },
        { Roles.Investigator, Relation.NotMember, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound },
        { Roles.Investigator, Relation.OtherOffice, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound },
        // The prosecutor on the team is its lead (the first prosecutor leads), who may add members.
        { Roles.Prosecutor, Relation.Member, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed },
        { Roles.Prosecutor, Relation.NotMember, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound },
        { Roles.Prosecutor, Relation.OtherOffice, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound },
        { Roles.VictimLiaisonOfficer, Relation.Member, Outcome.Allowed, Outcome.Allowed, Outcome.Forbidden, Outcome.Forbidden },
        { Roles.VictimLiaisonOfficer, Relation.NotMember, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound },
        { Roles.VictimLiaisonOfficer, Relation.OtherOffice, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound },
        // Supervisors are not team members: they see and steer every case of their own office.
        { Roles.Supervisor, Relation.NotMember, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed },
        { Roles.Supervisor, Relation.OtherOffice, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound },
        // Administrators see no case content at all, in their office or any other.
        { Roles.Administrator, Relation.NotMember, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden },
        { Roles.Administrator, Relation.OtherOffice, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_sees_and_changes_only_what_its_relation_to_the_case_allows(
        string role, Relation relation, Outcome list, Outcome page, Outcome edit, Outcome assign)
    {
        var lead = await App.UserAsync("lead.prosecutor", Roles.Prosecutor);
        var candidate = await App.UserAsync("new.investigator", Roles.Investigator);
        var viewer = await App.UserAsync("viewer", role, relation == Relation.OtherOffice ? "NRO" : "CPO");
        var team = new List<(Guid, TeamRole)>();
        if (relation == Relation.Member)
        {
            team.Add((viewer.Id, role switch
            {
                Roles.Investigator => TeamRole.Investigator,
                Roles.VictimLiaisonOfficer => TeamRole.VictimLiaisonOfficer,
                _ => TeamRole.Prosecutor,
            }));
        }
        else
        {
            team.Add((lead.Id, TeamRole.Prosecutor));
        }
        var target = await App.CaseAsync("CPO", "Harbour Lights forced labour", [.. team]);
        var client = await App.SignedInClientAsync("viewer");

        (await ListOutcome(client, target.Reference)).ShouldBe(list, "list");
        Classify(await client.GetAsync($"/Cases/{target.Id}")).ShouldBe(page, "page");
        (await EditOutcome(client, target)).ShouldBe(edit, "edit");
        (await AssignOutcome(client, target, candidate.Id)).ShouldBe(assign, "assign");

        var stored = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCases.Web.Data.TipCasesDbContext>().Cases
            .Include(c => c.Team).AsNoTracking().SingleAsync(c => c.Id == target.Id));
        stored.Title.ShouldBe(edit == Outcome.Allowed ? "Edited by viewer" : "Harbour Lights forced labour", "nothing is saved when refused");
        stored.Team.Any(m => m.UserId == candidate.Id).ShouldBe(assign == Outcome.Allowed, "nobody is assigned when refused");
    }

    private static async Task<Outcome> ListOutcome(HttpClient client, string reference)
    {
        var response = await client.GetAsync("/Cases");
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return Outcome.Forbidden;
        }
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadAsStringAsync()).Contains(reference, StringComparison.Ordinal) ? Outcome.Allowed : Outcome.NotFound;
    }

    /// <summary>Posts the edit form with an antiforgery token taken from a page the user can open.</summary>
    private static async Task<Outcome> EditOutcome(HttpClient client, Case target)
    {
        var token = await client.AntiforgeryTokenAsync();
        var response = await client.PostFormAsync($"/Cases/{target.Id}/Edit", new Dictionary<string, string>
        {
            ["Version"] = target.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Title"] = "Edited by viewer",
            ["Form.Origin"] = nameof(CaseOrigin.TipOff),
            ["Form.Scope"] = nameof(CaseScope.Domestic),
            ["Form.OpenedOn"] = target.OpenedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, token);
        return Classify(response);
    }

    private static async Task<Outcome> AssignOutcome(HttpClient client, Case target, Guid candidate)
    {
        var token = await client.AntiforgeryTokenAsync();
        var response = await client.PostFormAsync($"/Cases/{target.Id}/Team?handler=Add",
            new Dictionary<string, string> { ["userId"] = candidate.ToString() }, token);
        return Classify(response);
    }


    private static Outcome Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK or HttpStatusCode.Redirect => Outcome.Allowed,
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        HttpStatusCode.NotFound => Outcome.NotFound,
        var other => throw new ShouldAssertException($"unexpected {(int)other}"),
    };
}
