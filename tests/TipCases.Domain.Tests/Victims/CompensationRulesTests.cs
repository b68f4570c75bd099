using TipCases.Domain.Victims;
using static TipCases.Domain.Tests.Cases.CaseBuilder;
using static TipCases.Domain.Tests.Victims.VictimBuilder;

namespace TipCases.Domain.Tests.Victims;

public sealed class CompensationRulesTests
{
    private static readonly CompensationHead[] Wages = [CompensationHead.UnpaidWages];

    [Fact]
    public void A_victim_in_an_irregular_situation_claims_like_anyone_else()
    {
        var c = New();
        var victim = Victim(c, status: MigrationStatus.IrregularMigrant);

        var claim = victim.AddClaim(c.Id, CompensationRoute.LabourCourt, [CompensationHead.PainAndSuffering, CompensationHead.UnpaidWages, CompensationHead.UnpaidWages],
            " eur ", 5000m, null, 0m, null, "  ", Now);

        claim.Currency.ShouldBe("EUR");
        claim.Heads.ShouldBe([CompensationHead.UnpaidWages, CompensationHead.PainAndSuffering]);
        claim.Notes.ShouldBeNull();
    }

    [Theory]
    [InlineData(100, 50, 60, "More cannot be paid than was awarded.")]
    [InlineData(100, null, 10, "More cannot be paid than was awarded.")]
    [InlineData(-1, null, 0, "Amounts cannot be negative.")]
    [InlineData(100, -1, 0, "Amounts cannot be negative.")]
    public void Amounts_must_add_up(int claimed, int? awarded, int paid, string message)
    {
        var c = New();
        var victim = Victim(c);

        Should.Throw<DomainRuleViolation>(() => victim.AddClaim(c.Id, CompensationRoute.CivilClaim, Wages, "EUR", claimed, awarded, paid, null, null, Now))
            .Message.ShouldContain(message);
        victim.Claims.ShouldBeEmpty();
    }

    [Fact]
    public void Paying_exactly_what_was_awarded_is_allowed()
    {
        var c = New();
        var victim = Victim(c);

        var claim = victim.AddClaim(c.Id, CompensationRoute.StateFund, Wages, "EUR", 100m, 80m, 80m, CompensationSource.StateFund, null, Now);

        claim.AmountPaid.ShouldBe(80m);
    }

    [Theory]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    public void The_currency_is_a_three_letter_code(string currency)
    {
        var c = New();

        Should.Throw<DomainRuleViolation>(() => Victim(c).AddClaim(c.Id, CompensationRoute.CivilClaim, Wages, currency, 1m, null, 0m, null, null, Now))
            .Message.ShouldBe("Give the currency as a three-letter code such as EUR.");
    }

    [Fact]
    public void A_claim_needs_a_head_of_damage_and_one_of_the_victims_cases()
    {
        var c = New();
        var victim = Victim(c);

        Should.Throw<DomainRuleViolation>(() => victim.AddClaim(c.Id, CompensationRoute.CivilClaim, [], "EUR", 1m, null, 0m, null, null, Now))
            .Message.ShouldBe("Choose at least one head of damage.");
        Should.Throw<DomainRuleViolation>(() => victim.AddClaim(Guid.NewGuid(), CompensationRoute.CivilClaim, Wages, "EUR", 1m, null, 0m, null, null, Now))
            .Message.ShouldBe("Choose one of the victim's cases.");
    }

    [Fact]
    public void An_update_that_breaks_a_rule_leaves_the_claim_as_it_was()
    {
        var c = New();
        var victim = Victim(c);
        var claim = victim.AddClaim(c.Id, CompensationRoute.CivilClaim, Wages, "EUR", 100m, 100m, 20m, null, null, Now);

        Should.Throw<DomainRuleViolation>(() => victim.UpdateClaim(claim.Id, CompensationRoute.CivilClaim, Wages, "EUR", 100m, 10m, 20m, null, null));

        claim.AmountAwarded.ShouldBe(100m);
        claim.AmountPaid.ShouldBe(20m);
    }
}
