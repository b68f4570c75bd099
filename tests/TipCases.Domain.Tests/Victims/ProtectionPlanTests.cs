using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using static TipCases.Domain.Tests.Cases.CaseBuilder;
using static TipCases.Domain.Tests.Victims.VictimBuilder;

namespace TipCases.Domain.Tests.Victims;

public sealed class ProtectionPlanTests
{
    [Fact]
    public void What_is_missing_is_every_measure_of_the_stage_not_planned_or_in_place()
    {
        var victim = Victim();
        var closedCourt = victim.PlanMeasure(ProtectionMeasureKind.ClosedCourt, null, Today, Now);
        var videoLink = victim.PlanMeasure(ProtectionMeasureKind.VideoLinkTestimony, null, Today, Now);
        victim.UpdateMeasure(videoLink.Id, MeasureStatus.InPlace, Today, null, null, Today);
        victim.PlanMeasure(ProtectionMeasureKind.CounsellingAndEmotionalSupport, null, Today, Now);

        var missing = victim.MissingFor(ProtectionStage.Trial).Select(e => e.Kind).ToList();

        missing.ShouldBe(ProtectionCatalogue.All
            .Where(e => e.Stage == ProtectionStage.Trial && !e.ForChildren && e.Kind is not (ProtectionMeasureKind.ClosedCourt or ProtectionMeasureKind.VideoLinkTestimony))
            .Select(e => e.Kind), ignoreOrder: true);
        closedCourt.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void An_ended_measure_is_missing_again_and_can_be_planned_anew()
    {
        var victim = Victim();
        var measure = victim.PlanMeasure(ProtectionMeasureKind.PhysicalSafetyMeasures, null, Today, Now);
        victim.UpdateMeasure(measure.Id, MeasureStatus.Ended, Today.AddDays(-10), Today.AddDays(-1), null, Today);

        victim.MissingFor(ProtectionStage.Trial).ShouldContain(e => e.Kind == ProtectionMeasureKind.PhysicalSafetyMeasures);
        victim.PlanMeasure(ProtectionMeasureKind.PhysicalSafetyMeasures, null, Today, Now);
        victim.Measures.Count(m => m.Kind == ProtectionMeasureKind.PhysicalSafetyMeasures).ShouldBe(2);
    }

    [Fact]
    public void For_a_child_the_childrens_measures_count_and_are_already_proposed()
    {
        var child = Victim(CaseWithOffence(new DateOnly(2026, 3, 10)), born: new DateOnly(2010, 1, 1));
        var adult = Victim();

        child.MissingFor(ProtectionStage.Trial).ShouldNotContain(e => e.ForChildren, "proposed automatically");
        var proposed = child.Measures.Single(m => m.Kind == ProtectionMeasureKind.ChildNotRequiredToTakePart);
        child.UpdateMeasure(proposed.Id, MeasureStatus.Ended, Today.AddDays(-3), Today, null, Today);
        child.MissingFor(ProtectionStage.Trial).ShouldContain(e => e.Kind == ProtectionMeasureKind.ChildNotRequiredToTakePart);
        adult.MissingFor(ProtectionStage.Trial).ShouldNotContain(e => e.ForChildren);
    }

    [Theory]
    [InlineData(CaseStage.Intake, ProtectionStage.PreTrial)]
    [InlineData(CaseStage.Investigation, ProtectionStage.PreTrial)]
    [InlineData(CaseStage.PreTrial, ProtectionStage.PreTrial)]
    [InlineData(CaseStage.Trial, ProtectionStage.Trial)]
    [InlineData(CaseStage.PostTrial, ProtectionStage.PostTrial)]
    [InlineData(CaseStage.Closed, ProtectionStage.PostTrial)]
    public void Each_case_stage_calls_for_one_stage_of_the_plan(CaseStage caseStage, ProtectionStage planStage) =>
        ProtectionCatalogue.StageFor(caseStage).ShouldBe(planStage);

    [Fact]
    public void A_discontinued_case_calls_for_no_stage_of_the_plan() =>
        ProtectionCatalogue.StageFor(CaseStage.Discontinued).ShouldBeNull();

    [Fact]
    public void A_measure_already_in_the_plan_is_not_planned_twice() =>
        Should.Throw<DomainRuleViolation>(() =>
        {
            var victim = Victim();
            victim.PlanMeasure(ProtectionMeasureKind.ClosedCourt, null, Today, Now);
            victim.PlanMeasure(ProtectionMeasureKind.ClosedCourt, null, Today, Now);
        }).Message.ShouldBe("This measure is already in the plan.");

    [Theory]
    [InlineData(MeasureStatus.InPlace, null, null, "Give the date the measure was put in place.")]
    [InlineData(MeasureStatus.Ended, -5, null, "Give the date the measure ended.")]
    [InlineData(MeasureStatus.InPlace, 1, null, "A measure cannot start or end in the future; keep it planned until then.")]
    [InlineData(MeasureStatus.Ended, -1, -5, "A measure cannot end before it started.")]
    public void A_measure_changes_state_only_with_consistent_dates(MeasureStatus status, int? startedInDays, int? endedInDays, string message)
    {
        var victim = Victim();
        var measure = victim.PlanMeasure(ProtectionMeasureKind.ClosedCourt, null, Today, Now);

        var refusal = Should.Throw<DomainRuleViolation>(() => victim.UpdateMeasure(measure.Id, status,
            startedInDays is { } s ? Today.AddDays(s) : null, endedInDays is { } e ? Today.AddDays(e) : null, null, Today));

        refusal.Message.ShouldBe(message);
        measure.Status.ShouldBe(MeasureStatus.Planned);
    }

    [Fact]
    public void Going_back_to_planned_clears_the_dates_and_acting_on_a_proposal_makes_it_ours()
    {
        var child = Victim(CaseWithOffence(new DateOnly(2026, 3, 10)), born: new DateOnly(2010, 1, 1));
        var measure = child.Measures.First();

        child.UpdateMeasure(measure.Id, MeasureStatus.InPlace, Today, null, "  with the shelter  ", Today);
        measure.ProposedAutomatically.ShouldBeFalse();
        measure.Notes.ShouldBe("with the shelter");
        child.UpdateMeasure(measure.Id, MeasureStatus.Planned, Today, Today, null, Today);

        measure.StartedOn.ShouldBeNull();
        measure.EndedOn.ShouldBeNull();
        measure.Notes.ShouldBeNull();
    }
}
