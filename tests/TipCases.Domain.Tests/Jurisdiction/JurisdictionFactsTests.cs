using TipCases.Domain.Charges;
using TipCases.Domain.Cases;
using TipCases.Domain.Jurisdiction;
using TipCases.Domain.Tests.Cases;
using static TipCases.Domain.Tests.Cases.CaseBuilder;

namespace TipCases.Domain.Tests.Jurisdiction;

public sealed class JurisdictionFactsTests
{
    [Theory]
    [InlineData("NO", "NO")]
    [InlineData("no", "NO")]
    [InlineData(" Norway ", "NO")]
    [InlineData("NORWAY", "NO")]
    [InlineData("Türkiye", "TR")]
    [InlineData("Turkiye", "TR")]
    [InlineData("cote d'ivoire", "CI")]
    [InlineData("Russian   Federation", "RU")]
    [InlineData("Norwegian", null)]
    [InlineData("UK", null)]
    [InlineData("XX", null)]
    [InlineData("Nor", null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void A_nationality_is_a_state_by_its_code_or_name_and_nothing_is_guessed(string? typed, string? code)
    {
        NationalityMatch.Resolve(typed)?.Code.ShouldBe(code);
        (NationalityMatch.Resolve(typed) is null).ShouldBe(code is null);
    }

    [Fact]
    public void A_victim_with_an_unmatched_nationality_is_marked_unrecognised_and_one_without_is_not()
    {
        VictimFacts.FromRecorded("V-1", "Moldovan").IsUnrecognised.ShouldBeTrue();
        VictimFacts.FromRecorded("V-1", "Moldova").ShouldBe(new VictimFacts("V-1", "MD", "Moldova"));
        VictimFacts.FromRecorded("V-1", "  ").ShouldBe(new VictimFacts("V-1", null, null));
        VictimFacts.FromRecorded("V-1", null).IsUnrecognised.ShouldBeFalse();
    }

    [Fact]
    public void Places_are_recorded_once_each_and_read_in_the_order_they_were_recorded()
    {
        var @case = New();
        var facts = CaseJurisdiction.Start(@case, Now);

        facts.AddPlace(@case, ConductPlaceKind.Territory, "vn", " recruitment ", Now);
        facts.AddPlace(@case, ConductPlaceKind.VesselFlaggedIn, "NO", null, Now.AddMinutes(1));
        var duplicate = Should.Throw<DomainRuleViolation>(() => facts.AddPlace(@case, ConductPlaceKind.Territory, "VN", null, Now.AddMinutes(2)));

        duplicate.Message.ShouldBe("This place is already recorded: in Vietnam.");
        facts.ToFacts().Places.ShouldBe([new ConductPlace(ConductPlaceKind.Territory, "VN", "recruitment"), new ConductPlace(ConductPlaceKind.VesselFlaggedIn, "NO")]);
    }

    [Theory]
    [InlineData(ConductPlaceKind.Territory, "XX", "Choose a state from the list.")]
    [InlineData(ConductPlaceKind.Territory, "", "Choose a state from the list.")]
    [InlineData((ConductPlaceKind)42, "NO", "Choose where the conduct took place: in a state's territory, on a vessel or on an aircraft.")]
    public void A_place_needs_a_known_state_and_kind(ConductPlaceKind kind, string code, string message)
    {
        var @case = New();
        var facts = CaseJurisdiction.Start(@case, Now);

        Should.Throw<DomainRuleViolation>(() => facts.AddPlace(@case, kind, code, null, Now)).Message.ShouldBe(message);
        facts.Places.ShouldBeEmpty();
    }

    [Fact]
    public void Conduct_abroad_aimed_at_the_territory_needs_a_note_and_the_note_goes_when_the_aim_does()
    {
        var @case = New();
        var facts = CaseJurisdiction.Start(@case, Now);

        Should.Throw<DomainRuleViolation>(() => facts.UpdateFacts(@case, true, "  ", null))
            .Message.ShouldBe("Say which serious crime in the territory the conduct abroad aimed at, and what shows it.");
        facts.UpdateFacts(@case, true, " Recruitment for the fish plant ", " Notes ");
        facts.AimNote.ShouldBe("Recruitment for the fish plant");
        facts.Notes.ShouldBe("Notes");
        facts.UpdateFacts(@case, false, "Recruitment for the fish plant", null);
        facts.ConductAbroadAimedAtTerritory.ShouldBeFalse();
        facts.AimNote.ShouldBeNull();
        facts.Notes.ShouldBeNull();
    }

    [Fact]
    public void The_facts_of_a_closed_case_cannot_change()
    {
        var (@case, _, prosecutor) = CaseBuilder.Staffed();
        var facts = CaseJurisdiction.Start(@case, Now);
        @case.MoveTo(CaseStage.Discontinued, prosecutor, Now, "No evidence.", ChargeProgress.None);

        Should.Throw<DomainRuleViolation>(() => facts.AddPlace(@case, ConductPlaceKind.Territory, "NO", null, Now))
            .Message.ShouldBe("This case is discontinued: its jurisdiction facts can no longer be changed.");
        Should.Throw<DomainRuleViolation>(() => CaseJurisdiction.Start(@case, Now));
    }

    [Fact]
    public void Facts_cannot_be_changed_through_another_case()
    {
        var @case = New();
        var facts = CaseJurisdiction.Start(@case, Now);

        Should.Throw<DomainRuleViolation>(() => facts.UpdateFacts(New(), false, null, "x")).Message.ShouldBe("These jurisdiction facts belong to another case.");
    }
}
