using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using static TipCases.Domain.Tests.Cases.CaseBuilder;

namespace TipCases.Domain.Tests.Victims;

public sealed class ThreatRulesTests
{
    [Fact]
    public void A_threat_on_an_open_case_opens_a_safety_review_for_the_lead_prosecutor_due_in_two_days()
    {
        var (c, _, prosecutor) = Staffed();
        var victim = VictimBuilder.Victim(c);

        var threat = victim.LogThreat(c, Today, ThreatKind.ContactBySuspect, "The suspect phoned her.", false, prosecutor, Now, Today);

        var task = c.Tasks.Single(t => t.Id == threat.SafetyReviewTaskId);
        task.AssigneeId.ShouldBe(prosecutor);
        task.DueOn.ShouldBe(Today.AddDays(2));
    }

    [Fact]
    public void A_threat_after_the_case_is_closed_is_still_recorded_without_a_task()
    {
        var (c, _, prosecutor) = Staffed();
        var victim = VictimBuilder.Victim(c);
        foreach (var stage in new[] { CaseStage.Investigation, CaseStage.PreTrial, CaseStage.Trial, CaseStage.PostTrial, CaseStage.Closed })
        {
            c.MoveTo(stage, prosecutor, Now, null, ChargesDecided);
        }

        var threat = victim.LogThreat(c, Today, ThreatKind.VerbalThreat, "Threatened after the release.", true, prosecutor, Now, Today);

        victim.Threats.ShouldContain(threat);
        threat.SafetyReviewTaskId.ShouldBeNull();
        c.Tasks.ShouldBeEmpty();
    }

    [Fact]
    public void A_threat_needs_a_description_and_cannot_be_in_the_future()
    {
        var (c, _, prosecutor) = Staffed();
        var victim = VictimBuilder.Victim(c);

        Should.Throw<DomainRuleViolation>(() => victim.LogThreat(c, Today, ThreatKind.Intimidation, " ", false, prosecutor, Now, Today));
        Should.Throw<DomainRuleViolation>(() => victim.LogThreat(c, Today.AddDays(1), ThreatKind.Intimidation, "x", false, prosecutor, Now, Today));
        victim.Threats.ShouldBeEmpty();
    }
}
