using TipCases.Domain.Cases;
using static TipCases.Domain.Tests.Cases.CaseBuilder;

namespace TipCases.Domain.Tests.Cases;

public sealed class CaseTests
{
    [Fact]
    public void The_approach_follows_from_how_the_case_started()
    {
        var c = New();

        c.UpdateDetails(Details() with { Origin = CaseOrigin.IntelligenceOperation }, Today);

        c.Approach.ShouldBe(InvestigationApproach.Proactive);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_case_needs_a_title(string title) =>
        Should.Throw<DomainRuleViolation>(() => New().UpdateDetails(Details(title), Today)).Message.ShouldContain("needs a title");

    [Fact]
    public void Dates_in_the_future_and_an_offence_ending_before_it_began_are_refused()
    {
        var refusal = Should.Throw<DomainRuleViolation>(() => New().UpdateDetails(
            Details() with { OpenedOn = Today.AddDays(1), OffenceFrom = Today.AddDays(-1), OffenceTo = Today.AddDays(-10) }, Today));

        refusal.Message.ShouldContain("cannot be opened in the future");
        refusal.Message.ShouldContain("cannot end before it began");
    }

    [Fact]
    public void The_first_prosecutor_leads_and_the_lead_can_be_handed_over()
    {
        var (c, investigator, first) = Staffed();
        var second = Guid.NewGuid();
        c.AddMember(second, TeamRole.Prosecutor, Now);

        c.Lead!.UserId.ShouldBe(first);
        c.MakeLead(second);

        c.Lead!.UserId.ShouldBe(second);
        c.Team.Count(m => m.IsLead).ShouldBe(1);
        Should.Throw<DomainRuleViolation>(() => c.MakeLead(investigator)).Message.ShouldBe("The lead must be a prosecutor.");
    }

    [Fact]
    public void A_person_joins_a_team_once()
    {
        var (c, investigator, _) = Staffed();

        Should.Throw<DomainRuleViolation>(() => c.AddMember(investigator, TeamRole.Investigator, Now)).Message.ShouldBe("This person is already on the team.");
    }

    [Fact]
    public void From_pre_trial_on_the_lead_cannot_be_removed_without_a_successor()
    {
        var (c, _, prosecutor) = Staffed();
        c.MoveTo(CaseStage.Investigation, prosecutor, Now, null, ChargesDecided);
        c.MoveTo(CaseStage.PreTrial, prosecutor, Now, null, ChargesDecided);

        Should.Throw<DomainRuleViolation>(() => c.RemoveMember(prosecutor)).Message.ShouldContain("Make another prosecutor the lead");
    }

    [Fact]
    public void A_member_with_open_tasks_cannot_be_removed()
    {
        var (c, investigator, prosecutor) = Staffed();
        c.AddTask("Interview the witness", null, investigator, Today.AddDays(3), prosecutor, Now, Today);

        Should.Throw<DomainRuleViolation>(() => c.RemoveMember(investigator)).Message.ShouldContain("open tasks");
    }

    [Fact]
    public void Tasks_go_to_team_members_and_are_not_due_in_the_past()
    {
        var (c, investigator, prosecutor) = Staffed();

        Should.Throw<DomainRuleViolation>(() => c.AddTask("x", null, Guid.NewGuid(), Today, prosecutor, Now, Today))
            .Message.ShouldBe("A task can only be assigned to a member of the case's team.");
        Should.Throw<DomainRuleViolation>(() => c.AddTask("x", null, investigator, Today.AddDays(-1), prosecutor, Now, Today))
            .Message.ShouldBe("The due date is in the past.");
        var task = c.AddTask("  Trace the bank accounts ", "  ", investigator, Today, prosecutor, Now, Today);
        task.Title.ShouldBe("Trace the bank accounts");
        task.Notes.ShouldBeNull();
    }

    [Fact]
    public void A_task_is_overdue_after_its_due_date_until_it_is_done()
    {
        var (c, investigator, prosecutor) = Staffed();
        var task = c.AddTask("Trace", null, investigator, Today, prosecutor, Now, Today);

        task.IsOverdue(Today).ShouldBeFalse();
        task.IsOverdue(Today.AddDays(1)).ShouldBeTrue();
        c.CompleteTask(task.Id, investigator, Now.AddDays(2));
        task.IsOverdue(Today.AddDays(1)).ShouldBeFalse();
        Should.Throw<DomainRuleViolation>(() => c.CompleteTask(task.Id, investigator, Now)).Message.ShouldBe("This task is already done.");
    }

    [Fact]
    public void Cases_link_once_and_never_to_themselves()
    {
        var c = New();
        var other = New();

        Should.Throw<DomainRuleViolation>(() => c.LinkTo(c, null, Opener, Now)).Message.ShouldBe("A case cannot be linked to itself.");
        c.LinkTo(other, "same network", Opener, Now);
        Should.Throw<DomainRuleViolation>(() => c.LinkTo(other, null, Opener, Now)).Message.ShouldContain("already linked");
        c.Unlink(other.Id);
        c.Links.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(CaseStage.Closed)]
    [InlineData(CaseStage.Discontinued)]
    public void A_case_that_is_no_longer_open_refuses_completing_tasks_and_linking_or_unlinking(CaseStage ended)
    {
        var (c, investigator, prosecutor) = Staffed();
        var task = c.AddTask("Interview the witness", null, investigator, Today.AddDays(3), prosecutor, Now, Today);
        var linked = New();
        c.LinkTo(linked, null, prosecutor, Now);
        if (ended == CaseStage.Discontinued)
        {
            c.MoveTo(CaseStage.Discontinued, prosecutor, Now, "The only witness withdrew.", ChargesDecided);
        }
        while (ended == CaseStage.Closed && CaseStageRules.NextStage(c.Stage) is { } next)
        {
            c.MoveTo(next, prosecutor, Now, null, ChargesDecided);
        }
        c.Stage.ShouldBe(ended);

        Should.Throw<DomainRuleViolation>(() => c.CompleteTask(task.Id, investigator, Now)).Message.ShouldContain("can no longer be changed");
        Should.Throw<DomainRuleViolation>(() => c.LinkTo(New(), null, prosecutor, Now)).Message.ShouldContain("can no longer be changed");
        Should.Throw<DomainRuleViolation>(() => c.Unlink(linked.Id)).Message.ShouldContain("can no longer be changed");
        task.IsDone.ShouldBeFalse();
        c.Links.Select(l => l.LinkedCaseId).ShouldBe([linked.Id]);
    }

    [Fact]
    public void A_reference_reads_office_year_and_six_digits() =>
        new CaseReference("CPO", 2026, 123).ToString().ShouldBe("CPO-2026-000123");
}
