using TipCases.Domain.Assets;
using TipCases.Domain.Victims;
using static TipCases.Domain.Tests.Cases.CaseBuilder;
using static TipCases.Domain.Tests.Victims.VictimBuilder;

namespace TipCases.Domain.Tests.Assets;

public sealed class AssetTests
{
    private static AssetDetails Details(Guid? holder = null) => new("Account at Northwind Bank", AssetKind.BankAccount, "CY", "Limassol branch",
        holder, [], true, "Trafficking committed in Romania", 120_000m, "EUR");

    private static Asset NewAsset(Guid? caseId = null, int identifiedDaysAgo = 60) =>
        Asset.Identify(caseId ?? Guid.NewGuid(), Details(), Today.AddDays(-identifiedDaysAgo), null, Opener, Now, Today);

    [Fact]
    public void An_identified_asset_keeps_its_predicate_abroad_and_its_estimate()
    {
        var asset = NewAsset();

        asset.CurrentStep.ShouldBe(AssetStep.Identified);
        asset.Steps.Single().On.ShouldBe(Today.AddDays(-60));
        asset.PredicateOffenceAbroad.ShouldBeTrue();
        asset.EstimatedValue.ShouldBe(120_000m);
        asset.EstimatedCurrency.ShouldBe("EUR");
    }

    [Theory]
    [InlineData("XX", null, "EUR", "Choose the state where the asset is")]
    [InlineData("CY", -1.0, "EUR", "positive amount with at most two decimals")]
    [InlineData("CY", 10.005, "EUR", "positive amount with at most two decimals")]
    [InlineData("CY", 10.0, "XYZ", "Choose the currency of the estimated value")]
    public void Bad_details_are_refused(string country, double? estimate, string currency, string message) =>
        Should.Throw<DomainRuleViolation>(() => Asset.Identify(Guid.NewGuid(), Details() with
        {
            Country = country, EstimatedValue = estimate is null ? null : (decimal)estimate.Value, EstimatedCurrency = currency,
        }, Today, null, Opener, Now, Today)).Message.ShouldContain(message);

    [Fact]
    public void An_asset_cannot_be_identified_in_the_future() =>
        Should.Throw<DomainRuleViolation>(() => Asset.Identify(Guid.NewGuid(), Details(), Today.AddDays(1), null, Opener, Now, Today));

    // path of steps already taken (days ago), then the step tried → allowed or the error
    [Theory]
    [InlineData("", AssetStep.Frozen, null)]
    [InlineData("", AssetStep.Seized, null)]
    [InlineData("", AssetStep.Confiscated, "cannot be confiscated next")]
    [InlineData("", AssetStep.Returned, "cannot be returned next")]
    [InlineData("", AssetStep.Disposed, "cannot be disposed next")]
    [InlineData("Frozen", AssetStep.Confiscated, null)]
    [InlineData("Frozen", AssetStep.Seized, null)]
    [InlineData("Frozen", AssetStep.Returned, null)]
    [InlineData("Frozen", AssetStep.Disposed, "cannot be disposed next")]
    [InlineData("Seized", AssetStep.Frozen, "cannot be frozen next")]
    [InlineData("Seized", AssetStep.Confiscated, null)]
    [InlineData("Frozen,Seized,Confiscated", AssetStep.Disposed, null)]
    [InlineData("Frozen,Seized,Confiscated", AssetStep.Returned, null)]
    [InlineData("Frozen,Confiscated,Disposed", AssetStep.Returned, "no further step can follow")]
    [InlineData("Seized,Returned", AssetStep.Confiscated, "no further step can follow")]
    public void Steps_follow_in_order(string path, AssetStep next, string? error)
    {
        var asset = NewAsset();
        var day = -50;
        foreach (var step in path.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<AssetStep>))
        {
            asset.RecordStep(step, Today.AddDays(day += 10), ConfiscationBasis.ConvictionBased, null, Now, Today);
        }
        var before = asset.CurrentStep;

        var record = () => asset.RecordStep(next, Today, ConfiscationBasis.NonConvictionBased, null, Now, Today);

        if (error is null)
        {
            record();
            asset.CurrentStep.ShouldBe(next);
        }
        else
        {
            Should.Throw<DomainRuleViolation>(record).Message.ShouldContain(error);
            asset.CurrentStep.ShouldBe(before);
        }
    }

    [Theory]
    [InlineData(-61, "cannot be dated before the previous one")]
    [InlineData(1, "cannot be dated in the future")]
    public void A_step_is_dated_between_the_previous_step_and_today(int offset, string message)
    {
        var asset = NewAsset();

        Should.Throw<DomainRuleViolation>(() => asset.RecordStep(AssetStep.Frozen, Today.AddDays(offset), null, null, Now, Today)).Message.ShouldContain(message);
        asset.Steps.Count.ShouldBe(1);
    }

    [Fact]
    public void Confiscation_needs_its_basis()
    {
        var asset = NewAsset();
        asset.RecordStep(AssetStep.Frozen, Today.AddDays(-30), null, null, Now, Today);

        Should.Throw<DomainRuleViolation>(() => asset.RecordStep(AssetStep.Confiscated, Today, null, null, Now, Today)).Message.ShouldContain("conviction-based");
        asset.RecordStep(AssetStep.Confiscated, Today, ConfiscationBasis.NonConvictionBased, null, Now, Today);
        asset.Basis.ShouldBe(ConfiscationBasis.NonConvictionBased);
    }

    [Fact]
    public void A_value_is_realised_only_after_confiscation() =>
        Should.Throw<DomainRuleViolation>(() => NewAsset().RecordRealisedValue(100m, "EUR")).Message.ShouldContain("record the confiscation first");

    private static (Asset Asset, CompensationClaim Claim, Victim Victim) Confiscated(decimal realised, decimal? awarded, decimal paid = 0, string claimCurrency = "EUR")
    {
        var c = New();
        var victim = Victim(c);
        var claim = victim.AddClaim(c.Id, CompensationRoute.CriminalCourtOrder, [CompensationHead.UnpaidWages], claimCurrency, 50_000m, awarded, paid, null, null, Now);
        var asset = NewAsset(c.Id);
        asset.RecordStep(AssetStep.Frozen, Today.AddDays(-40), null, null, Now, Today);
        asset.RecordStep(AssetStep.Confiscated, Today.AddDays(-10), ConfiscationBasis.ConvictionBased, null, Now, Today);
        asset.RecordRealisedValue(realised, "EUR");
        return (asset, claim, victim);
    }

    // realised, awarded, already paid, amounts allocated in turn → error on the last one (null: all allowed), claim's paid after
    [Theory]
    [InlineData(10_000, 20_000, 0, "4000", null, 4000)]
    [InlineData(10_000, 20_000, 0, "4000,6000", null, 10_000)]
    [InlineData(10_000, 20_000, 0, "4000,6000.01", "Only 6000.00 EUR of the realised value is left", 4000)]
    [InlineData(10_000, 5_000, 1_000, "4000.01", "4000.00 EUR of its award left unpaid", 1000)]
    [InlineData(10_000, 5_000, 1_000, "4000", null, 5000)]
    [InlineData(10_000, null, 0, "1", "no amount awarded yet", 0)]
    [InlineData(10_000, 20_000, 0, "0", "positive amount", 0)]
    [InlineData(10_000, 20_000, 0, "0.001", "positive amount", 0)]
    public void Allocation_never_exceeds_the_realised_value_nor_the_award(int realised, int? awarded, int paid, string amounts, string? error, int paidAfter)
    {
        var (asset, claim, _) = Confiscated(realised, awarded, paid);
        var list = amounts.Split(',').Select(a => decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var amount in list.SkipLast(1))
        {
            asset.Allocate(claim, amount, Today, Opener, Now, Today);
        }

        var last = () => asset.Allocate(claim, list[^1], Today, Opener, Now, Today);

        if (error is null)
        {
            last();
        }
        else
        {
            Should.Throw<DomainRuleViolation>(last).Message.ShouldContain(error);
        }
        claim.AmountPaid.ShouldBe(paidAfter);
        asset.Allocated.ShouldBe(paidAfter - paid);
        asset.Allocated.ShouldBeLessThanOrEqualTo(realised);
    }

    [Fact]
    public void An_allocation_marks_the_claim_as_paid_from_the_traffickers_assets()
    {
        var (asset, claim, _) = Confiscated(10_000m, 8_000m);

        var allocation = asset.Allocate(claim, 2_500m, Today, Opener, Now, Today);

        claim.AmountPaid.ShouldBe(2_500m);
        claim.Source.ShouldBe(CompensationSource.TraffickersAssets);
        allocation.ClaimId.ShouldBe(claim.Id);
        asset.Unallocated.ShouldBe(7_500m);
    }

    [Fact]
    public void A_claim_in_another_currency_gets_nothing()
    {
        var (asset, claim, _) = Confiscated(10_000m, 8_000m, claimCurrency: "USD");

        Should.Throw<DomainRuleViolation>(() => asset.Allocate(claim, 100m, Today, Opener, Now, Today)).Message.ShouldContain("same currency");
        claim.AmountPaid.ShouldBe(0m);
    }

    [Fact]
    public void A_claim_on_another_case_gets_nothing()
    {
        var (asset, _, _) = Confiscated(10_000m, 8_000m);
        var other = New();
        var claim = Victim(other).AddClaim(other.Id, CompensationRoute.CivilClaim, [CompensationHead.LegalFees], "EUR", 100m, 100m, 0m, null, null, Now);

        Should.Throw<DomainRuleViolation>(() => asset.Allocate(claim, 10m, Today, Opener, Now, Today)).Message.ShouldContain("made on this case");
    }

    [Fact]
    public void The_realised_value_cannot_fall_below_what_is_allocated()
    {
        var (asset, claim, _) = Confiscated(10_000m, 8_000m);
        asset.Allocate(claim, 6_000m, Today, Opener, Now, Today);

        Should.Throw<DomainRuleViolation>(() => asset.RecordRealisedValue(5_000m, "EUR")).Message.ShouldContain("cannot be less");
        Should.Throw<DomainRuleViolation>(() => asset.RecordRealisedValue(10_000m, "USD")).Message.ShouldContain("currency cannot change");
        asset.RealisedValue.ShouldBe(10_000m);
    }

    [Fact]
    public void What_was_paid_from_assets_cannot_be_edited_away_on_the_claim()
    {
        var (asset, claim, victim) = Confiscated(10_000m, 8_000m);
        asset.Allocate(claim, 3_000m, Today, Opener, Now, Today);

        Should.Throw<DomainRuleViolation>(() => victim.UpdateClaim(claim.Id, claim.Route, claim.Heads, "EUR", claim.AmountClaimed, claim.AmountAwarded, 1_000m,
            claim.Source, null)).Message.ShouldContain("3000.00 EUR was paid from confiscated assets");
        Should.Throw<DomainRuleViolation>(() => victim.UpdateClaim(claim.Id, claim.Route, claim.Heads, "USD", claim.AmountClaimed, claim.AmountAwarded, 3_000m,
            claim.Source, null)).Message.ShouldContain("its currency cannot change");
        victim.UpdateClaim(claim.Id, claim.Route, claim.Heads, "EUR", claim.AmountClaimed, claim.AmountAwarded, 4_000m, claim.Source, null);
        claim.AmountPaid.ShouldBe(4_000m);
        claim.AmountPaidFromAssets.ShouldBe(3_000m);
    }
}
