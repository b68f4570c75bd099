using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Assets;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Web.Data;
using TipCases.Web.Tests.Charges;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;

namespace TipCases.Web.Tests.Assets;

/// <summary>The defendant holding an asset and the charges it concerns: chosen from the case's own,
/// named to the team and numbered to others, and never another case's.</summary>
public sealed class AssetHolderTests(TipCasesApp app) : WebTest(app)
{
    private Dictionary<string, string> Form(Guid? holder, params Guid[] charges)
    {
        var form = new Dictionary<string, string>
        {
            ["Form.Description"] = "Account at Northwind Bank",
            ["Form.Kind"] = nameof(AssetKind.BankAccount),
            ["Form.Country"] = "CY",
            ["Form.EstimatedValue"] = "48000",
            ["Form.EstimatedCurrency"] = "EUR",
            ["Form.IdentifiedOn"] = App.Today().AddDays(-2).Iso(),
            ["Form.HolderDefendantId"] = holder?.ToString() ?? "",
        };
        if (charges.Length > 0)
        {
            form["Form.ChargeIds"] = charges[0].ToString();
        }
        return form;
    }

    private Task<List<Asset>> StoredAsync(Guid caseId) => App.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().Assets.AsNoTracking().Where(a => a.CaseId == caseId).ToListAsync());

    [Fact]
    public async Task The_form_offers_the_cases_defendants_and_charges_and_the_asset_page_names_them_to_the_team_only()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var company = await App.DefendantAsync(s.Case.Id, ChargeTestData.Company());
        var laundering = await App.ChargeAsync(s.Case.Id, company.Id, DefaultOffences.MoneyLaunderingId);
        var paula = await App.SignedInClientAsync("paula");

        var form = await paula.GetHtmlAsync($"/Cases/{s.Case.Id}/Assets/Edit");
        form.QuerySelector("#Form_HolderDefendantId")!.TextContent.ShouldContain("Harbour Test Staffing Ltd");
        form.QuerySelector("label[for=Form_ChargeIds_0]")!.TextContent.ShouldContain("Harbour Test Staffing Ltd");

        (await paula.SubmitFormAsync($"/Cases/{s.Case.Id}/Assets/Edit", Form(company.Id, laundering.Id))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var asset = (await StoredAsync(s.Case.Id)).ShouldHaveSingleItem();
        asset.HolderDefendantId.ShouldBe(company.Id);
        asset.ChargeIds.ShouldBe([laundering.Id]);

        var teamView = await paula.GetHtmlAsync($"/Cases/{s.Case.Id}/Assets/{asset.Id}");
        teamView.QuerySelector("[data-testid=asset-holder]")!.TextContent.ShouldBe("Harbour Test Staffing Ltd");
        teamView.QuerySelector("[data-testid=asset-charges]")!.TextContent.ShouldContain("Harbour Test Staffing Ltd");

        var history = (await paula.GetHtmlAsync($"/Cases/{s.Case.Id}/History")).Body!.TextContent;
        history.ShouldContain("Charges: Money laundering (ML) against Harbour Test Staffing Ltd");
        history.ShouldContain("Holder defendant: Harbour Test Staffing Ltd");
        history.ShouldNotContain(laundering.Id.ToString());

        // A supervisor reads the asset but not the defendant's identity.
        var sam = await App.SignedInClientAsync("sam");
        var supervisorView = await sam.GetHtmlAsync($"/Cases/{s.Case.Id}/Assets/{asset.Id}");
        supervisorView.QuerySelector("[data-testid=asset-holder]")!.TextContent.ShouldBe("Defendant 1");
        supervisorView.QuerySelector("[data-testid=asset-charges]")!.TextContent.ShouldContain("Defendant 1");
        supervisorView.Body!.TextContent.ShouldNotContain("Harbour Test Staffing");
    }

    [Fact]
    public async Task Another_cases_defendant_or_charge_is_refused_next_to_its_field_and_nothing_is_saved()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var own = await App.DefendantAsync(s.Case.Id);
        var other = await App.CaseAsync("CPO", "Another case of paula's", (s.Paula, TeamRole.Prosecutor));
        var stranger = await App.DefendantAsync(other.Id, ChargeTestData.Person("Someone Elsewhere"));
        var strangerCharge = await App.ChargeAsync(other.Id, stranger.Id);
        var paula = await App.SignedInClientAsync("paula");
        var url = $"/Cases/{s.Case.Id}/Assets/Edit";

        var holder = await (await paula.SubmitFormAsync(url, Form(stranger.Id))).ReadHtmlAsync();
        holder.FieldError("Form.HolderDefendantId").ShouldBe("Choose a defendant of this case, or nobody.");
        var charge = await (await paula.SubmitFormAsync(url, Form(own.Id, strangerCharge.Id))).ReadHtmlAsync();
        charge.FieldError("Form.ChargeIds").ShouldBe("Choose charges of this case.");
        var malformed = Form(own.Id);
        malformed["Form.HolderDefendantId"] = "not-an-id";
        (await (await paula.SubmitFormAsync(url, malformed)).ReadHtmlAsync()).FieldError("Form.HolderDefendantId").ShouldNotBeNullOrEmpty();

        (await StoredAsync(s.Case.Id)).ShouldBeEmpty();
        (await StoredAsync(other.Id)).ShouldBeEmpty();
    }
}
