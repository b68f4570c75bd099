using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Admin;

public sealed class AdminAccessTests(TipCasesApp app) : WebTest(app)
{
    public static TheoryData<string, string> OtherRolesAndAdminPages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var role in new[] { Roles.Investigator, Roles.Prosecutor, Roles.VictimLiaisonOfficer, Roles.Supervisor })
            {
                foreach (var page in new[] { "/Admin/Users", "/Admin/Users/Create", "/Admin/Offices", "/Admin/Offices/Edit", "/Admin/Audit" })
                {
                    data.Add(role, page);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(OtherRolesAndAdminPages))]
    public async Task Admin_pages_are_refused_to_every_other_role(string role, string page)
    {
        await App.UserAsync("someone", role);
        var client = await App.SignedInClientAsync("someone");

        var response = await client.GetAsync(page);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Not available to you");
    }

    [Fact]
    public async Task A_post_to_an_admin_page_by_another_role_is_refused_and_saves_nothing()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");
        var token = await client.AntiforgeryTokenAsync();

        var response = await client.PostFormAsync("/Admin/Offices/Edit", new Dictionary<string, string>
        {
            ["Form.Code"] = "EVIL",
            ["Form.Name"] = "Made by a prosecutor",
        }, token);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.WithScopeAsync(sp => sp.GetRequiredService<TipCases.Web.Data.TipCasesDbContext>().Offices.AnyAsync(o => o.Code == "EVIL")))
            .ShouldBeFalse();
    }

    [Theory]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Offices")]
    [InlineData("/Admin/Audit")]
    public async Task An_administrator_reaches_the_admin_pages(string page)
    {
        await App.UserAsync("root", Roles.Administrator);
        var client = await App.SignedInClientAsync("root");

        (await client.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
