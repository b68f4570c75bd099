using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Assets;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;

namespace TipCases.Web.Tests.Assets;

public sealed class AssetTests(TipCasesApp app) : WebTest(app)
{
    private static Dictionary<string, string> AssetForm(DateOnly identifiedOn) => new()
    {
        ["Form.Description"] = "Apartment, 4 Quay Street",
        ["Form.Kind"] = nameof(AssetKind.RealEstate),
        ["Form.Country"] = "CY",
        ["Form.EstimatedValue"] = "250000",
        ["Form.EstimatedCurrency"] = "EUR",
        ["Form.PredicateOffenceAbroad"] = "true",
        ["Form.IdentifiedOn"] = identifiedOn.Iso(),
    };

    private Task<List<Asset>> StoredAsync() => App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Assets.AsNoTracking()
        .Include(a => a.Steps).Include(a => a.Allocations).ToListAsync());

    private Task<Asset> AssetAsync(Guid caseId, Action<Asset, DateOnly>? shape = null) => App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var c = await db.Cases.SingleAsync(x => x.Id == caseId);
        var today = App.Today();
        var asset = Asset.Identify(caseId, new AssetDetails("Account at Northwind Bank", AssetKind.BankAccount, "CY", null, null, [], false, null, 10_000m, "EUR"),
            today.AddDays(-60), null, c.CreatedBy, App.Clock.GetUtcNow(), today);
        shape?.Invoke(asset, today);
        db.Assets.Add(asset);
        await db.SaveChangesAsync();
        return asset;
    });

    [Fact]
    public async Task A_prosecutor_records_an_asset_identified_with_its_predicate_abroad_and_bad_input_saves_nothing()
    {
        var s = await VictimScenario.CreateAsync(App);
        var client = await App.SignedInClientAsync("paula");
        var url = $"/Cases/{s.Case.Id}/Assets/Edit";
        var bad = AssetForm(App.Today().AddDays(1));
        bad["Form.EstimatedValue"] = "12,5";
        bad["Form.Description"] = "";

        var refused = await (await client.SubmitFormAsync(url, bad)).ReadHtmlAsync();
        refused.FieldError("Form.Description").ShouldBe("Describe the asset.");
        refused.FieldError("Form.EstimatedValue").ShouldContain("Enter an amount such as 1250.50");
        refused.FieldError("Form.IdentifiedOn").ShouldBe("The date cannot be in the future.");
        (await StoredAsync()).ShouldBeEmpty();

        (await client.SubmitFormAsync(url, AssetForm(App.Today().AddDays(-3)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var asset = (await StoredAsync()).ShouldHaveSingleItem();
        asset.CurrentStep.ShouldBe(AssetStep.Identified);
        asset.Steps.ShouldHaveSingleItem().On.ShouldBe(App.Today().AddDays(-3));
        asset.PredicateOffenceAbroad.ShouldBeTrue();
        asset.EstimatedValue.ShouldBe(250_000m);
        (await client.GetHtmlAsync($"/Cases/{s.Case.Id}")).QuerySelector("[data-testid=case-assets]")!.TextContent.ShouldContain("predicate offence abroad");
    }

    [Fact]
    public async Task Steps_follow_in_order_each_dated_no_earlier_than_the_one_before()
    {
        var s = await VictimScenario.CreateAsync(App);
        var asset = await AssetAsync(s.Case.Id);
        var client = await App.SignedInClientAsync("paula");
        var url = $"/Cases/{s.Case.Id}/Assets/{asset.Id}";

        var skip = await client.SubmitFormAsync(url, new() { ["step"] = nameof(AssetStep.Confiscated), ["on"] = App.Today().Iso(), ["basis"] = "ConvictionBased" }, handler: "Step");
        (await skip.ReadHtmlAsync()).Summary().ShouldContain("cannot be confiscated next");
        var early = await client.SubmitFormAsync(url, new() { ["step"] = nameof(AssetStep.Frozen), ["on"] = App.Today().AddDays(-61).Iso() }, handler: "Step");
        (await early.ReadHtmlAsync()).Summary().ShouldContain("cannot be dated before the previous one");
        (await StoredAsync()).Single().Steps.Count.ShouldBe(1);

        (await client.SubmitFormAsync(url, new() { ["step"] = nameof(AssetStep.Frozen), ["on"] = App.Today().AddDays(-30).Iso() }, handler: "Step"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var noBasis = await client.SubmitFormAsync(url, new() { ["step"] = nameof(AssetStep.Confiscated), ["on"] = App.Today().Iso() }, handler: "Step");
        (await noBasis.ReadHtmlAsync()).FieldError("basis").ShouldContain("conviction-based");
        (await client.SubmitFormAsync(url, new() { ["step"] = nameof(AssetStep.Confiscated), ["on"] = App.Today().Iso(), ["basis"] = "NonConvictionBased" }, handler: "Step"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stored = (await StoredAsync()).Single();
        stored.CurrentStep.ShouldBe(AssetStep.Confiscated);
        stored.Basis.ShouldBe(ConfiscationBasis.NonConvictionBased);
        stored.Steps.Select(x => x.Step).Order().ShouldBe([AssetStep.Identified, AssetStep.Frozen, AssetStep.Confiscated]);
    }

    [Fact]
    public async Task Allocation_never_exceeds_the_realised_value_nor_the_award_and_raises_what_the_claim_shows_as_paid()
    {
        var s = await VictimScenario.CreateAsync(App);
        var now = App.Clock.GetUtcNow();
        await App.ChangeVictimAsync(s.Victim.Id, v => v.AddClaim(s.Case.Id, CompensationRoute.CriminalCourtOrder, [CompensationHead.UnpaidWages], "EUR",
            20_000m, 8_000m, 0m, null, null, now));
        var asset = await AssetAsync(s.Case.Id, (a, t) =>
        {
            a.RecordStep(AssetStep.Frozen, t.AddDays(-30), null, null, now, t);
            a.RecordStep(AssetStep.Confiscated, t.AddDays(-5), ConfiscationBasis.ConvictionBased, null, now, t);
        });
        var client = await App.SignedInClientAsync("paula");
        var url = $"/Cases/{s.Case.Id}/Assets/{asset.Id}";
        (await client.SubmitFormAsync(url, new() { ["value"] = "6000.00", ["currency"] = "EUR" }, handler: "Realised")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var claimId = (await App.StoredVictimAsync(s.Victim.Id)).Claims.Single().Id.ToString();

        var tooMuch = await client.SubmitFormAsync(url, new() { ["claimId"] = claimId, ["amount"] = "6000.01" }, handler: "Allocate");
        (await tooMuch.ReadHtmlAsync()).Summary().ShouldContain("Only 6000.00 EUR of the realised value is left to allocate.");
        (await App.StoredVictimAsync(s.Victim.Id)).Claims.Single().AmountPaid.ShouldBe(0m);

        var allocated = await client.SubmitFormAsync(url, new() { ["claimId"] = claimId, ["amount"] = "4500" }, handler: "Allocate");
        allocated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var claim = (await App.StoredVictimAsync(s.Victim.Id)).Claims.Single();
        claim.AmountPaid.ShouldBe(4_500m);
        claim.Source.ShouldBe(CompensationSource.TraffickersAssets);

        var beyondRealised = await client.SubmitFormAsync(url, new() { ["claimId"] = claimId, ["amount"] = "2000" }, handler: "Allocate");
        (await beyondRealised.ReadHtmlAsync()).Summary().ShouldContain("Only 1500.00 EUR");
        (await StoredAsync()).Single().Allocations.Sum(a => a.Amount).ShouldBe(4_500m);
        (await App.StoredVictimAsync(s.Victim.Id)).Claims.Single().AmountPaid.ShouldBe(4_500m);

        var compensation = await (await App.SignedInClientAsync("lena")).GetHtmlAsync($"/Victims/{s.Victim.Id}/Compensation");
        compensation.QuerySelector("[data-testid=victim-total-EUR]")!.TextContent.ShouldContain("4,500.00");
    }

    [Fact]
    public async Task Only_prosecutors_and_supervisors_record_assets_others_on_the_team_read_them()
    {
        var s = await VictimScenario.CreateAsync(App);
        var asset = await AssetAsync(s.Case.Id);
        await App.UserAsync("otto", TipCases.Web.Security.Roles.Prosecutor);
        var url = $"/Cases/{s.Case.Id}/Assets/{asset.Id}";

        foreach (var member in new[] { "ines", "lena" })
        {
            var client = await App.SignedInClientAsync(member);
            (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, member);
            (await client.GetAsync($"/Cases/{s.Case.Id}/Assets/Edit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, member);
            (await client.PostFormAsync(url + "?handler=Step", [new("step", "Frozen"), new("on", App.Today().Iso()), new("version", "0")], await client.AntiforgeryTokenAsync()))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden, member);
        }
        (await (await App.SignedInClientAsync("otto")).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await StoredAsync()).Single().CurrentStep.ShouldBe(AssetStep.Identified);
    }
}
