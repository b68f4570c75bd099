using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using TipCases.Domain.Victims;
using TipCases.Web.Pages.Victims;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Victims;

public sealed class CompensationTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task A_claim_is_added_with_amounts_read_in_the_invariant_culture()
    {
        var s = await VictimScenario.CreateAsync(App);
        var client = await App.SignedInClientAsync("lena");

        var response = await client.SubmitFormAsync($"/Victims/{s.Victim.Id}/Compensation", Claim(s.Case.Id, claimed: "12500.75", awarded: "10000", paid: "2500.5"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var claim = (await App.StoredVictimAsync(s.Victim.Id)).Claims.Single();
        claim.ShouldSatisfyAllConditions(
            c => c.AmountClaimed.ShouldBe(12500.75m), c => c.AmountAwarded.ShouldBe(10000m), c => c.AmountPaid.ShouldBe(2500.50m),
            c => c.Currency.ShouldBe("EUR"), c => c.Route.ShouldBe(CompensationRoute.CriminalCourtOrder),
            c => c.Heads.ShouldBe([CompensationHead.UnpaidWages]), c => c.Source.ShouldBe(CompensationSource.TraffickersAssets));
    }

    [Fact]
    public async Task Paying_more_than_was_awarded_is_refused()
    {
        var s = await VictimScenario.CreateAsync(App);
        var client = await App.SignedInClientAsync("lena");

        var response = await client.SubmitFormAsync($"/Victims/{s.Victim.Id}/Compensation", Claim(s.Case.Id, claimed: "1000", awarded: "500", paid: "600"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Summary().ShouldBe("More cannot be paid than was awarded.");
        (await App.StoredVictimAsync(s.Victim.Id)).Claims.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("12,50")]
    [InlineData("1,250.00")]
    [InlineData("ten")]
    [InlineData("-5")]
    [InlineData("1e3")]
    [InlineData("10.005")]
    [InlineData("99999999999999999")]
    public async Task An_amount_that_is_not_a_plain_number_is_refused_next_to_its_field(string claimed)
    {
        var s = await VictimScenario.CreateAsync(App);
        var client = await App.SignedInClientAsync("lena");

        var response = await client.SubmitFormAsync($"/Victims/{s.Victim.Id}/Compensation", Claim(s.Case.Id, claimed: claimed));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.FieldError("Form.Claimed").ShouldBe(CompensationModel.Amounts.Message);
        page.QuerySelector<IHtmlInputElement>("#Form_Claimed")!.Value.ShouldBe(claimed, "what was typed is kept");
        (await App.StoredVictimAsync(s.Victim.Id)).Claims.ShouldBeEmpty();
    }

    [Fact]
    public async Task Totals_are_given_per_currency_for_the_victim_and_for_the_case_over_all_its_victims()
    {
        var s = await VictimScenario.CreateAsync(App);
        var other = await App.VictimAsync(s.Case, VictimFactory.Identity("Other", "Person"), s.Lena);
        var elsewhere = await App.CaseAsync("CPO", "Unrelated", (s.Lena, Domain.Cases.TeamRole.VictimLiaisonOfficer));
        var unrelated = await App.VictimAsync(elsewhere, null, s.Lena);
        var heads = new[] { CompensationHead.UnpaidWages };
        var now = App.Clock.GetUtcNow();
        await App.ChangeVictimAsync(s.Victim.Id, v =>
        {
            v.AddClaim(s.Case.Id, CompensationRoute.CriminalCourtOrder, heads, "EUR", 1000.50m, 800m, 300m, null, null, now);
            v.AddClaim(s.Case.Id, CompensationRoute.LabourCourt, heads, "EUR", 200m, null, 0m, null, null, now);
            v.AddClaim(s.Case.Id, CompensationRoute.StateFund, heads, "USD", 50m, 50m, 50m, CompensationSource.StateFund, null, now);
        });
        await App.ChangeVictimAsync(other.Id, v => v.AddClaim(s.Case.Id, CompensationRoute.CivilClaim, heads, "EUR", 500m, 500m, 500m, null, null, now));
        await App.ChangeVictimAsync(unrelated.Id, v => v.AddClaim(elsewhere.Id, CompensationRoute.CivilClaim, heads, "EUR", 9999m, 9999m, 9999m, null, null, now));
        var client = await App.SignedInClientAsync("lena");

        var page = await client.GetHtmlAsync($"/Victims/{s.Victim.Id}/Compensation");

        Cells(page, "[data-testid=victim-total-EUR] td").ShouldBe(["1,200.50", "800.00", "300.00", "500.00"]);
        Cells(page, "[data-testid=victim-total-USD] td").ShouldBe(["50.00", "50.00", "50.00", "0.00"]);
        Cells(page, $"[data-testid='case-total-{s.Case.Reference}-EUR'] td").ShouldBe(["EUR", "2", "1,700.50", "1,300.00", "800.00"]);
        Cells(page, $"[data-testid='case-total-{s.Case.Reference}-USD'] td").ShouldBe(["USD", "1", "50.00", "50.00", "50.00"]);
        page.Text("[data-testid=case-totals]").ShouldNotContain(elsewhere.Reference);
    }

    [Fact]
    public async Task A_claim_is_edited_and_a_stale_edit_is_refused_with_the_current_values()
    {
        var s = await VictimScenario.CreateAsync(App);
        var now = App.Clock.GetUtcNow();
        var claimId = Guid.Empty;
        await App.ChangeVictimAsync(s.Victim.Id, v => claimId = v.AddClaim(s.Case.Id, CompensationRoute.CivilClaim, [CompensationHead.LegalFees], "EUR",
            1000m, null, 0m, null, null, now).Id);
        var version = (await App.StoredVictimAsync(s.Victim.Id)).Claims.Single().Version;
        var lena = await App.SignedInClientAsync("lena");
        var paula = await App.SignedInClientAsync("paula");
        var editUrl = $"/Victims/{s.Victim.Id}/Compensation?claim={claimId}";

        var first = await lena.SubmitFormAsync(editUrl, EditFields(claimId, version, awarded: "900", paid: "100"));
        var second = await paula.SubmitFormAsync(editUrl, EditFields(claimId, version, awarded: "1000", paid: "0"));

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await second.ReadHtmlAsync();
        page.Summary().ShouldBe(CompensationModel.ConflictMessage);
        page.QuerySelector<IHtmlInputElement>("#Form_Awarded")!.Value.ShouldBe("900.00");
        var stored = (await App.StoredVictimAsync(s.Victim.Id)).Claims.Single();
        stored.AmountAwarded.ShouldBe(900m);
        stored.AmountPaid.ShouldBe(100m);
    }

    private static List<string> Cells(IHtmlDocument page, string selector) =>
        page.QuerySelectorAll(selector).Select(c => c.TextContent.Trim()).ToList();

    private static Dictionary<string, string> Claim(Guid caseId, string claimed, string awarded = "", string paid = "") => new()
    {
        ["Form.CaseId"] = caseId.ToString(),
        ["Form.Route"] = nameof(CompensationRoute.CriminalCourtOrder),
        ["Form.Heads"] = nameof(CompensationHead.UnpaidWages),
        ["Form.Currency"] = "eur",
        ["Form.Claimed"] = claimed,
        ["Form.Awarded"] = awarded,
        ["Form.Paid"] = paid,
        ["Form.Source"] = nameof(CompensationSource.TraffickersAssets),
    };

    private static Dictionary<string, string> EditFields(Guid claimId, uint version, string awarded, string paid) => new()
    {
        ["Form.ClaimId"] = claimId.ToString(),
        ["Form.Version"] = version.ToString(CultureInfo.InvariantCulture),
        ["Form.Awarded"] = awarded,
        ["Form.Paid"] = paid,
    };
}
