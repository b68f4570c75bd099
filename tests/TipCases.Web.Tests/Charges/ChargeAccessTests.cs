using System.Net;
using TipCases.Domain.Charges;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;

namespace TipCases.Web.Tests.Charges;

/// <summary>Defendants and charges under the case access rule: the team, the office's supervisor,
/// another office (404), a liaison officer who may read but not change (403), an administrator.</summary>
public sealed class ChargeAccessTests(TipCasesApp app) : WebTest(app)
{
    public enum Page { CaseCharges, AddDefendant, EditDefendant, AddCharge, Charge, Facts, Status }

    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;

    public static TheoryData<string, Page, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, Page, HttpStatusCode>();
        void Row(Page page, HttpStatusCode paula, HttpStatusCode ines, HttpStatusCode lena, HttpStatusCode sam)
        {
            data.Add("paula", page, paula);
            data.Add("ines", page, ines);
            data.Add("lena", page, lena);
            data.Add("sam", page, sam);
            data.Add("nora", page, NotFound);
            data.Add("adam", page, Forbidden);
        }
        Row(Page.CaseCharges, Ok, Ok, Ok, Ok);
        Row(Page.AddDefendant, Ok, Ok, Forbidden, Forbidden);
        Row(Page.EditDefendant, Ok, Ok, Forbidden, Forbidden);
        Row(Page.AddCharge, Ok, Forbidden, Forbidden, Forbidden);
        Row(Page.Charge, Ok, Ok, Ok, Ok);
        Row(Page.Facts, Ok, Ok, Forbidden, Forbidden);
        Row(Page.Status, Ok, Forbidden, Forbidden, Forbidden);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_opens_which_page(string user, Page page, HttpStatusCode expected)
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id, victims: [s.Child.Id]);
        var client = await App.SignedInClientAsync(user);
        var url = page switch
        {
            Page.CaseCharges => s.ChargesUrl,
            Page.AddDefendant => s.NewDefendantUrl,
            Page.EditDefendant => $"{s.NewDefendantUrl}/{d.Id}",
            Page.AddCharge => s.NewChargeUrl,
            Page.Charge => $"/Charges/{charge.Id}",
            Page.Facts => $"/Charges/{charge.Id}/Facts",
            _ => $"/Charges/{charge.Id}/Status",
        };

        (await client.GetAsync(url)).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task Unknown_defendants_and_charges_answer_404_even_to_the_team()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var other = await App.CaseAsync("CPO", "Another case of paula's", (s.Paula, TipCases.Domain.Cases.TeamRole.Prosecutor));
        var d = await App.DefendantAsync(other.Id);
        var charge = await App.ChargeAsync(other.Id, d.Id);
        var paula = await App.SignedInClientAsync("paula");

        (await paula.GetAsync($"/Charges/{Guid.NewGuid()}")).StatusCode.ShouldBe(NotFound);
        // A defendant or charge of another case, reached through this case's address, is not found either.
        (await paula.GetAsync($"{s.NewDefendantUrl}/{d.Id}")).StatusCode.ShouldBe(NotFound);
        (await paula.GetAsync($"{s.NewChargeUrl}/{charge.Id}")).StatusCode.ShouldBe(NotFound);
    }

    [Fact]
    public async Task A_liaison_officer_may_not_add_a_defendant_nor_an_investigator_a_charge_and_nothing_is_saved()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var lena = await App.SignedInClientAsync("lena");
        var ines = await App.SignedInClientAsync("ines");
        var nora = await App.SignedInClientAsync("nora");

        (await lena.PostWithTokenAsync(s.NewDefendantUrl, null, new() { ["Form.Kind"] = "LegalPerson", ["Form.Name"] = "X Ltd", ["Form.LegalForm"] = "Company" }))
            .StatusCode.ShouldBe(Forbidden);
        (await ines.PostWithTokenAsync(s.NewChargeUrl, null, new() { ["Form.DefendantId"] = d.Id.ToString(), ["Form.OffenceId"] = DefaultOffences.TraffickingId.ToString() }))
            .StatusCode.ShouldBe(Forbidden);
        (await nora.PostWithTokenAsync(s.NewChargeUrl, null, new() { ["Form.DefendantId"] = d.Id.ToString(), ["Form.OffenceId"] = DefaultOffences.TraffickingId.ToString() }))
            .StatusCode.ShouldBe(NotFound);

        (await App.DefendantsOfAsync(s.Case.Id)).ShouldHaveSingleItem();
        (await App.ChargesOfAsync(s.Case.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_investigator_may_not_record_a_verdict_nor_decide_a_proposal()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id, filed: true);
        var ines = await App.SignedInClientAsync("ines");

        (await ines.PostWithTokenAsync($"/Charges/{charge.Id}/Status", "Status", new() { ["Form.To"] = "Convicted", ["Form.On"] = App.Today().Iso() }))
            .StatusCode.ShouldBe(Forbidden);
        (await ines.PostWithTokenAsync($"/Charges/{charge.Id}", "Accept", new() { ["proposalId"] = Guid.NewGuid().ToString(), ["version"] = "0" }))
            .StatusCode.ShouldBe(Forbidden);
        (await App.StoredChargeAsync(charge.Id)).Status.ShouldBe(ChargeStatus.Filed);
    }

    [Fact]
    public async Task The_team_sees_a_defendants_identity_and_the_supervisor_a_number()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id, ChargeTestData.Person("Viktor Testdefendant"));
        var charge = await App.ChargeAsync(s.Case.Id, d.Id);

        foreach (var user in new[] { "paula", "ines", "lena" })
        {
            var client = await App.SignedInClientAsync(user);
            (await client.GetHtmlAsync(s.ChargesUrl)).Text("main").ShouldContain("Viktor Testdefendant");
            (await client.GetHtmlAsync($"/Charges/{charge.Id}")).Text("[data-testid=charge-defendant]").ShouldBe("Viktor Testdefendant");
        }
        var sam = await App.SignedInClientAsync("sam");
        foreach (var url in new[] { s.ChargesUrl, $"/Charges/{charge.Id}", $"/Cases/{s.Case.Id}", $"/Cases/{s.Case.Id}/History" })
        {
            var page = await sam.GetHtmlAsync(url);
            page.DocumentElement.OuterHtml.ShouldNotContain("Viktor", customMessage: url);
            page.DocumentElement.OuterHtml.ShouldNotContain("the boss", customMessage: url);
            page.DocumentElement.OuterHtml.ShouldNotContain("1975", customMessage: url);
        }
        (await sam.GetHtmlAsync(s.ChargesUrl)).Text("main").ShouldContain("Defendant 1");
        (await sam.GetHtmlAsync($"/Charges/{charge.Id}")).Text("[data-testid=charge-defendant]").ShouldBe("Defendant 1");
        (await sam.GetHtmlAsync($"/Cases/{s.Case.Id}")).Text("[data-testid=case-charges]").ShouldContain("Defendant 1");
        (await sam.GetHtmlAsync($"/Cases/{s.Case.Id}/History")).Text("main").ShouldContain("Name: (case team only)");
        (await (await App.SignedInClientAsync("paula")).GetHtmlAsync($"/Cases/{s.Case.Id}/History")).Text("main").ShouldContain("Name: Viktor Testdefendant");
    }

    [Fact]
    public async Task Only_administrators_maintain_the_offence_catalogue()
    {
        await App.UserAsync("paula", TipCases.Web.Security.Roles.Prosecutor);
        await App.UserAsync("adam", TipCases.Web.Security.Roles.Administrator);

        (await (await App.SignedInClientAsync("paula")).GetAsync("/Admin/Offences")).StatusCode.ShouldBe(Forbidden);
        (await (await App.SignedInClientAsync("paula")).GetAsync($"/Admin/Offences/Edit/{DefaultOffences.TraffickingId}")).StatusCode.ShouldBe(Forbidden);
        (await (await App.SignedInClientAsync("adam")).GetAsync("/Admin/Offences")).StatusCode.ShouldBe(Ok);
    }
}
