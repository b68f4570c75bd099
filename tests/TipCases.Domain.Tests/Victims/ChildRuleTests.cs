using TipCases.Domain.Victims;
using static TipCases.Domain.Tests.Victims.VictimBuilder;

namespace TipCases.Domain.Tests.Victims;

/// <summary>A child is a person under 18 on the first known day of the offence (Protocol Art. 3(d)).</summary>
public sealed class ChildRuleTests
{
    private static readonly DateOnly OffenceStart = new(2026, 3, 10);

    private static OffencePeriod Period(DateOnly? from, DateOnly? to = null, string reference = "CPO-2026-000001") =>
        new(reference, from, to, new DateOnly(2026, 11, 1));

    [Theory]
    [InlineData("2008-03-11", ChildStatus.Child, 17)] // the 18th birthday is the day after the offence began
    [InlineData("2008-03-10", ChildStatus.Adult, 18)] // 18 on the very day it began
    [InlineData("2008-03-09", ChildStatus.Adult, 18)] // 18 the day before
    public void The_18th_birthday_decides(string born, ChildStatus expected, int age)
    {
        var assessment = ChildRule.Assess(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), [Period(OffenceStart)]);

        assessment.Status.ShouldBe(expected);
        assessment.AgeAtOffence.ShouldBe(age);
    }

    [Theory]
    [InlineData("2026-02-27", ChildStatus.Child, 17)]
    [InlineData("2026-02-28", ChildStatus.Adult, 18)] // in a common year the birthday falls on 28 February
    [InlineData("2026-03-01", ChildStatus.Adult, 18)]
    public void Someone_born_on_29_February_turns_18_on_28_February_of_a_common_year(string offenceFrom, ChildStatus expected, int age)
    {
        var assessment = ChildRule.Assess(new DateOnly(2008, 2, 29), [Period(DateOnly.Parse(offenceFrom, System.Globalization.CultureInfo.InvariantCulture))]);

        assessment.Status.ShouldBe(expected);
        assessment.AgeAtOffence.ShouldBe(age);
    }

    [Fact]
    public void In_a_leap_year_the_birthday_of_someone_born_on_29_February_is_29_February()
    {
        ChildRule.AgeOn(new DateOnly(2008, 2, 29), new DateOnly(2024, 2, 28)).ShouldBe(15);
        ChildRule.AgeOn(new DateOnly(2008, 2, 29), new DateOnly(2024, 2, 29)).ShouldBe(16);
    }

    [Theory]
    [InlineData("2009-10-01", ChildStatus.Child, "Under 18 on 2025-03-01")]
    [InlineData("1990-01-01", ChildStatus.Adult, "18 or older on 2025-03-01")]
    public void For_a_reader_who_may_not_see_the_identity_the_reason_gives_no_exact_age(string born, ChildStatus status, string reason)
    {
        var assessment = ChildRule.Assess(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), [Period(new DateOnly(2025, 3, 1))], exactAge: false);

        assessment.Status.ShouldBe(status);
        assessment.Reason.ShouldStartWith(reason);
        assessment.Reason.ShouldNotContain("Aged");
    }

    [Fact]
    public void Without_a_date_of_birth_child_status_is_unknown_and_says_what_to_record()
    {
        var assessment = ChildRule.Assess(null, [Period(OffenceStart)]);

        assessment.Status.ShouldBe(ChildStatus.Unknown);
        assessment.AgeAtOffence.ShouldBeNull();
        assessment.Reason.ShouldContain("Date of birth not recorded");
    }

    [Fact]
    public void Without_offence_dates_the_day_the_case_was_opened_is_used_and_the_reason_says_so()
    {
        var assessment = ChildRule.Assess(new DateOnly(2009, 1, 1), [Period(null)]);

        assessment.Status.ShouldBe(ChildStatus.Child);
        assessment.AgeAtOffence.ShouldBe(17);
        assessment.Reason.ShouldContain("its offence dates are not recorded");
    }

    [Fact]
    public void The_end_of_the_offence_is_used_when_its_start_is_unknown()
    {
        var assessment = ChildRule.Assess(new DateOnly(2008, 3, 11), [Period(null, OffenceStart)]);

        assessment.Status.ShouldBe(ChildStatus.Child);
        assessment.Reason.ShouldContain("2026-03-10");
    }

    [Fact]
    public void A_victim_who_was_a_child_in_any_one_of_their_cases_is_a_child_victim()
    {
        var assessment = ChildRule.Assess(new DateOnly(2008, 3, 11), [Period(new DateOnly(2026, 6, 1), reference: "CPO-2026-000002"), Period(OffenceStart)]);

        assessment.Status.ShouldBe(ChildStatus.Child);
        assessment.Reason.ShouldContain("CPO-2026-000001");
    }

    [Fact]
    public void A_child_victim_gets_the_childrens_measures_proposed_and_an_adult_does_not()
    {
        var child = Victim(CaseWithOffence(OffenceStart), born: new DateOnly(2008, 3, 11));
        var adult = Victim(CaseWithOffence(OffenceStart), born: new DateOnly(2008, 3, 10));

        child.ChildStatus.ShouldBe(ChildStatus.Child);
        child.Measures.Select(m => m.Kind).ShouldBe(ProtectionCatalogue.All.Where(e => e.ForChildren).Select(e => e.Kind), ignoreOrder: true);
        child.Measures.ShouldAllBe(m => m.ProposedAutomatically && m.Status == MeasureStatus.Planned);
        adult.ChildStatus.ShouldBe(ChildStatus.Adult);
        adult.Measures.ShouldBeEmpty();
    }

    [Fact]
    public void Reassessing_a_child_does_not_propose_the_same_measures_twice()
    {
        var c = CaseWithOffence(OffenceStart);
        var child = Victim(c, born: new DateOnly(2008, 3, 11));

        child.AssessChildStatus(new DateOnly(2008, 3, 11), [c], Cases.CaseBuilder.Now, Cases.CaseBuilder.Today);

        child.Measures.Count.ShouldBe(ProtectionCatalogue.All.Count(e => e.ForChildren));
    }
}
