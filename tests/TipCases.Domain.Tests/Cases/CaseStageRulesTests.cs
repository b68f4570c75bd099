using TipCases.Domain.Cases;
using static TipCases.Domain.Tests.Cases.CaseBuilder;

namespace TipCases.Domain.Tests.Cases;

public sealed class CaseStageRulesTests
{
    [Fact]
    public void A_new_case_starts_at_intake_with_its_opening_in_the_history()
    {
        var c = New();

        c.Stage.ShouldBe(CaseStage.Intake);
        c.StageHistory.Single().ShouldSatisfyAllConditions(h => h.From.ShouldBeNull(), h => h.To.ShouldBe(CaseStage.Intake));
    }

    [Fact]
    public void A_staffed_case_walks_every_stage_in_order_and_each_move_is_dated()
    {
        var (c, _, prosecutor) = Staffed();
        var at = Now;

        foreach (var stage in new[] { CaseStage.Investigation, CaseStage.PreTrial, CaseStage.Trial, CaseStage.PostTrial, CaseStage.Closed })
        {
            at = at.AddDays(1);
            c.MoveTo(stage, prosecutor, at, null, ChargesDecided);
            c.Stage.ShouldBe(stage);
            c.StageChangedAt.ShouldBe(at);
        }
        c.StageHistory.Select(h => h.To).ShouldBe([CaseStage.Intake, CaseStage.Investigation, CaseStage.PreTrial, CaseStage.Trial, CaseStage.PostTrial, CaseStage.Closed]);
    }

    [Fact]
    public void The_investigation_needs_an_investigator_on_the_team()
    {
        var c = New();

        var refusal = Should.Throw<DomainRuleViolation>(() => c.MoveTo(CaseStage.Investigation, Opener, Now, null, ChargesDecided));

        refusal.Message.ShouldBe("Assign an investigator to the team before the investigation starts.");
        c.Stage.ShouldBe(CaseStage.Intake);
    }

    [Fact]
    public void Pre_trial_needs_a_lead_prosecutor()
    {
        var c = New();
        c.AddMember(Guid.NewGuid(), TeamRole.Investigator, Now);
        c.MoveTo(CaseStage.Investigation, Opener, Now, null, ChargesDecided);

        var refusal = Should.Throw<DomainRuleViolation>(() => c.MoveTo(CaseStage.PreTrial, Opener, Now, null, ChargesDecided));

        refusal.Message.ShouldBe("Assign a lead prosecutor before the case moves to pre-trial.");
    }

    [Theory]
    [InlineData(CaseStage.PreTrial)]
    [InlineData(CaseStage.Trial)]
    [InlineData(CaseStage.Closed)]
    public void A_case_cannot_skip_a_stage(CaseStage target)
    {
        var (c, _, p) = Staffed();

        var refusal = Should.Throw<DomainRuleViolation>(() => c.MoveTo(target, p, Now, null, ChargesDecided));

        refusal.Message.ShouldBe("From intake a case moves to investigation (or is discontinued); it cannot skip or go back.");
    }

    [Fact]
    public void A_case_cannot_go_back()
    {
        var (c, _, p) = Staffed();
        c.MoveTo(CaseStage.Investigation, p, Now, null, ChargesDecided);

        Should.Throw<DomainRuleViolation>(() => c.MoveTo(CaseStage.Intake, p, Now, null, ChargesDecided)).Message.ShouldContain("cannot skip or go back");
    }

    [Fact]
    public void Moving_to_the_current_stage_is_refused()
    {
        var c = New();

        Should.Throw<DomainRuleViolation>(() => c.MoveTo(CaseStage.Intake, Opener, Now, null, ChargesDecided)).Message.ShouldBe("The case is already in intake.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Discontinuing_needs_a_reason(string? reason)
    {
        var c = New();

        Should.Throw<DomainRuleViolation>(() => c.MoveTo(CaseStage.Discontinued, Opener, Now, reason, ChargesDecided))
            .Message.ShouldBe("Give the reason the case is discontinued.");
    }

    [Fact]
    public void A_discontinued_case_keeps_its_reason_and_can_only_be_reopened_where_it_was()
    {
        var (c, _, p) = Staffed();
        c.MoveTo(CaseStage.Investigation, p, Now, null, ChargesDecided);
        c.MoveTo(CaseStage.Discontinued, p, Now.AddDays(1), "  Victim withdrew and no other evidence. ", ChargesDecided);

        c.StageHistory.Last().Reason.ShouldBe("Victim withdrew and no other evidence.");
        CaseStageRules.Targets(c).ShouldBe([CaseStage.Investigation]);
        Should.Throw<DomainRuleViolation>(() => c.MoveTo(CaseStage.PreTrial, p, Now.AddDays(2), "new evidence", ChargesDecided))
            .Message.ShouldContain("can only be reopened to investigation");
        Should.Throw<DomainRuleViolation>(() => c.MoveTo(CaseStage.Investigation, p, Now.AddDays(2), null, ChargesDecided))
            .Message.ShouldBe("Give the reason the case is reopened.");

        c.MoveTo(CaseStage.Investigation, p, Now.AddDays(2), "New witness came forward.", ChargesDecided);

        c.Stage.ShouldBe(CaseStage.Investigation);
    }

    [Fact]
    public void A_closed_case_cannot_change_stage_or_be_changed()
    {
        var (c, _, p) = Staffed();
        foreach (var stage in new[] { CaseStage.Investigation, CaseStage.PreTrial, CaseStage.Trial, CaseStage.PostTrial, CaseStage.Closed })
        {
            c.MoveTo(stage, p, Now, null, ChargesDecided);
        }

        CaseStageRules.Targets(c).ShouldBeEmpty();
        Should.Throw<DomainRuleViolation>(() => c.MoveTo(CaseStage.Discontinued, p, Now, "x", ChargesDecided)).Message.ShouldBe("A closed case cannot change stage.");
        Should.Throw<DomainRuleViolation>(() => c.UpdateDetails(Details("New title"), Today)).Message.ShouldContain("can no longer be changed");
        Should.Throw<DomainRuleViolation>(() => c.AddMember(Guid.NewGuid(), TeamRole.Investigator, Now));
    }

    [Fact]
    public void An_undefined_stage_is_refused() =>
        Should.Throw<DomainRuleViolation>(() => New().MoveTo((CaseStage)99, Opener, Now, null, ChargesDecided)).Message.ShouldBe("Choose a stage from the list.");

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused() =>
        Should.Throw<DomainRuleViolation>(() => New().MoveTo(CaseStage.Discontinued, Opener, Now, new string('x', StageChange.ReasonMaxLength + 1), ChargesDecided))
            .Message.ShouldContain("limited to");
}
