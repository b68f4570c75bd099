using TipCases.Domain;
using TipCases.Domain.Offices;

namespace TipCases.Domain.Tests.Offices;

public sealed class OfficeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("cpo", "CPO")]
    [InlineData(" NRO ", "NRO")]
    [InlineData("ABCDEF", "ABCDEF")]
    public void A_code_is_stored_in_capitals(string typed, string stored) =>
        new Office(Guid.NewGuid(), typed, "Office", Now).Code.ShouldBe(stored);

    [Theory]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("ABCDEFG")]
    [InlineData("C1")]
    [InlineData("C-O")]
    [InlineData("ÆØÅ")]
    public void A_code_outside_two_to_six_letters_is_refused(string code)
    {
        var refusal = Should.Throw<DomainRuleViolation>(() => new Office(Guid.NewGuid(), code, "Office", Now));

        refusal.Message.ShouldContain("2 to 6 capital letters");
    }

    [Fact]
    public void A_rename_keeps_the_code_and_trims_the_name()
    {
        var office = new Office(Guid.NewGuid(), "CPO", "Central", Now);

        office.Rename("  Central Prosecution Office ");

        office.Name.ShouldBe("Central Prosecution Office");
        office.Code.ShouldBe("CPO");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_name_is_refused(string name) =>
        Should.Throw<DomainRuleViolation>(() => new Office(Guid.NewGuid(), "CPO", "Central", Now).Rename(name));

    [Fact]
    public void A_name_longer_than_the_limit_is_refused() =>
        Should.Throw<DomainRuleViolation>(() => new Office(Guid.NewGuid(), "CPO", new string('x', Office.NameMaxLength + 1), Now));
}
