using TipCases.Domain.Cooperation;
using static TipCases.Domain.Tests.Cases.CaseBuilder;

namespace TipCases.Domain.Tests.Cooperation;

public sealed class CooperationRequestTests
{
    private static readonly Guid CaseId = Guid.NewGuid();
    private static readonly Guid Defendant = Guid.NewGuid();

    internal static CooperationDetails Mla(string state = "DE") => new(CooperationKind.MutualLegalAssistance, CooperationDirection.Outgoing, state,
        "Federal Office of Justice", LegalBasis.Convention, null, "Bank records and a search",
        [AssistanceKind.RecordsOriginalsOrCertifiedCopies, AssistanceKind.SearchesSeizuresAndFreezing], [], true, true, "Use for this case only");

    internal static CooperationDetails Extradition(CooperationDirection direction, params Guid[] defendants) => new(CooperationKind.Extradition, direction, "TH",
        null, LegalBasis.BilateralTreaty, "Extradition treaty of 1999", "Extradition of the organiser", [], defendants, false, false, null);

    internal static CooperationDetails Informal() => new(CooperationKind.Informal, CooperationDirection.Outgoing, "RO",
        "Police attaché", LegalBasis.Reciprocity, null, "Phone subscriber details", [], [], false, false, null);

    internal static CooperationRequest NewRequest(CooperationDetails? details = null, Guid? caseId = null) =>
        CooperationRequest.Draft(caseId ?? CaseId, details ?? Mla(), Opener, Now);

    private static DateOnly Day(int offset) => Today.AddDays(offset);

    [Fact]
    public void A_draft_keeps_what_it_asks_for_and_the_conditions()
    {
        var request = NewRequest();

        request.Status.ShouldBe(CooperationStatus.Draft);
        request.Assistance.ShouldBe([AssistanceKind.SearchesSeizuresAndFreezing, AssistanceKind.RecordsOriginalsOrCertifiedCopies]);
        request.Confidential.ShouldBeTrue();
        request.UseLimitedToStatedPurpose.ShouldBeTrue();
        request.Conditions.ShouldBe("Use for this case only");
        request.TreatyName.ShouldBeNull();
    }

    public static TheoryData<CooperationDetails, string> BadDetails => new()
    {
        { Mla("XX"), "Choose the counterpart state from the list." },
        { Mla() with { Assistance = [] }, "Choose at least one kind of assistance asked for." },
        { Extradition(CooperationDirection.Outgoing) with { Assistance = [AssistanceKind.ServingJudicialDocuments] }, "Kinds of assistance belong to mutual legal assistance requests only." },
        { Mla() with { LegalBasis = LegalBasis.BilateralTreaty, TreatyName = " " }, "Name the bilateral treaty the request rests on." },
        { Mla() with { Subject = "" }, "Say in a line what the request asks for." },
        { Mla() with { Subject = new string('x', CooperationRequest.SubjectMaxLength + 1) }, "The subject is limited to" },
        { Mla() with { Kind = (CooperationKind)99 }, "Choose the kind, direction, legal basis and assistance from the lists." },
    };

    [Theory]
    [MemberData(nameof(BadDetails))]
    public void Details_that_break_a_rule_are_refused_with_the_reason(CooperationDetails details, string message) =>
        Should.Throw<DomainRuleViolation>(() => NewRequest(details)).Message.ShouldContain(message);

    [Fact]
    public void Kind_and_direction_cannot_change_once_recorded() =>
        Should.Throw<DomainRuleViolation>(() => NewRequest().UpdateDetails(Informal())).Message.ShouldContain("kind and direction cannot change");

    // The life cycle as a table: from a request in a given state, a change is allowed or refused with its reason.
    public static TheoryData<string, CooperationStatus, int?, int?, string?, bool, string?> LifeCycle => new()
    {
        // setup, target, on (days from today), due, grounds, because national, expected error (null: allowed)
        { "draft", CooperationStatus.Sent, -10, 20, null, false, null },
        { "draft", CooperationStatus.Sent, 1, null, null, false, "on a date in the future" },
        { "draft", CooperationStatus.Sent, -10, -11, null, false, "due date cannot be before the day the request was sent" },
        { "draft", CooperationStatus.Sent, null, null, null, false, "Give the date the request was sent or received." },
        { "draft", CooperationStatus.Executed, -1, null, null, false, "Mark the request sent first" },
        { "draft", CooperationStatus.PartlyExecuted, -1, null, null, false, "Mark the request sent first" },
        { "draft", CooperationStatus.Refused, -1, null, "No treaty", false, "Mark the request sent first" },
        { "draft", CooperationStatus.Acknowledged, -1, null, null, false, "Mark the request sent first" },
        { "draft", CooperationStatus.Withdrawn, 0, null, null, false, null },
        { "sent", CooperationStatus.Acknowledged, -5, null, null, false, null },
        { "sent", CooperationStatus.Acknowledged, -11, null, null, false, "cannot be acknowledged before the day it was sent" },
        { "sent", CooperationStatus.Executed, -11, null, null, false, "cannot be answered before the day it was sent" },
        { "sent", CooperationStatus.Executed, 2, null, null, false, "on a date in the future" },
        { "sent", CooperationStatus.Executed, -1, null, null, false, null },
        { "sent", CooperationStatus.Refused, -1, null, " ", false, "Give the grounds the request was refused on." },
        { "sent", CooperationStatus.Refused, -1, null, "Dual criminality not met", false, null },
        { "sent", CooperationStatus.Refused, -1, null, "National", true, "Only an extradition can be refused because the person is a national." },
        { "sent", CooperationStatus.Sent, -1, null, null, false, "cannot become sent" },
        { "acknowledged", CooperationStatus.PartlyExecuted, -6, null, null, false, "cannot be answered before the day it was acknowledged" },
        { "acknowledged", CooperationStatus.PartlyExecuted, -2, null, null, false, null },
        { "partly", CooperationStatus.Executed, -3, null, null, false, "before the earlier partial answer" },
        { "partly", CooperationStatus.Executed, 0, null, null, false, null },
        { "partly", CooperationStatus.Acknowledged, 0, null, null, false, "cannot become acknowledged" },
        { "executed", CooperationStatus.Withdrawn, 0, null, null, false, "its status can no longer change" },
        { "refused", CooperationStatus.Executed, 0, null, null, false, "its status can no longer change" },
        { "withdrawn", CooperationStatus.Sent, 0, null, null, false, "its status can no longer change" },
        { "sent", CooperationStatus.Withdrawn, -11, null, null, false, "cannot be withdrawn before the day it was sent" },
    };

    [Theory]
    [MemberData(nameof(LifeCycle))]
    public void The_life_cycle_follows_its_rules(string setup, CooperationStatus to, int? on, int? due, string? grounds, bool becauseNational, string? error)
    {
        var request = InState(setup);
        var before = request.Status;

        var change = () => request.ChangeStatus(to, on is { } o ? Day(o) : null, due is { } d ? Day(d) : null, grounds, becauseNational, Today);

        if (error is null)
        {
            change();
            request.Status.ShouldBe(to);
        }
        else
        {
            Should.Throw<DomainRuleViolation>(change).Message.ShouldContain(error);
            request.Status.ShouldBe(before);
        }
    }

    /// <summary>A request sent 10 days ago; acknowledged 5 days ago; partly executed 2 days ago.</summary>
    internal static CooperationRequest InState(string setup, CooperationDetails? details = null)
    {
        var request = NewRequest(details);
        if (setup == "draft")
        {
            return request;
        }
        if (setup == "withdrawn")
        {
            request.Withdraw(Today, Today);
            return request;
        }
        request.MarkSent(Day(-10), Day(20), Today);
        switch (setup)
        {
            case "acknowledged":
                request.MarkAcknowledged(Day(-5), Today);
                break;
            case "partly":
                request.MarkAcknowledged(Day(-5), Today);
                request.RecordExecution(false, Day(-2), Today);
                break;
            case "executed":
                request.RecordExecution(true, Day(-1), Today);
                break;
            case "refused":
                request.Refuse(Day(-1), "Not an offence there", false, Today);
                break;
        }
        return request;
    }

    [Fact]
    public void A_failed_change_leaves_the_dates_untouched()
    {
        var request = NewRequest();

        Should.Throw<DomainRuleViolation>(() => request.MarkSent(Day(-1), Day(-2), Today));

        request.SentOn.ShouldBeNull();
        request.DueOn.ShouldBeNull();
    }

    [Theory]
    // sent, due, status, today offset → overdue, days overdue, age
    [InlineData("sent", 20, 0, false, null, 10)]
    [InlineData("sent", 20, 21, true, 1, 31)]
    [InlineData("sent", 20, 20, false, null, 30)]
    [InlineData("acknowledged", 20, 25, true, 5, 35)]
    [InlineData("partly", 20, 25, true, 5, 35)]
    [InlineData("executed", 20, 25, false, null, 9)]
    [InlineData("refused", 20, 25, false, null, 9)]
    [InlineData("draft", 20, 25, false, null, null)]
    public void Overdue_means_due_date_passed_and_still_awaiting_an_answer(string setup, int due, int todayOffset, bool overdue, int? daysOverdue, int? age)
    {
        var request = InState(setup);
        if (!request.IsClosed)
        {
            request.SetDueDate(setup == "draft" ? Day(due) : Day(due));
        }
        var today = Today.AddDays(todayOffset);

        request.IsOverdue(today).ShouldBe(overdue);
        request.DaysOverdue(today).ShouldBe(daysOverdue);
        request.AgeInDays(today).ShouldBe(age);
    }

    [Fact]
    public void A_request_without_a_due_date_is_never_overdue()
    {
        var request = NewRequest();
        request.MarkSent(Day(-100), null, Today);

        request.IsOverdue(Today.AddDays(365)).ShouldBeFalse();
        request.AgeInDays(Today).ShouldBe(100);
    }

    [Fact]
    public void A_withdrawn_request_ages_until_it_was_withdrawn()
    {
        var request = InState("sent");
        request.Withdraw(Day(-4), Today);

        request.AgeInDays(Today.AddDays(30)).ShouldBe(6);
        request.IsOverdue(Today.AddDays(30)).ShouldBeFalse();
    }

    public static TheoryData<string, int?, int?, bool> OverdueCases => new()
    {
        { "draft with a past due date", null, -1, false },
        { "sent, due yesterday", -10, -1, true },
        { "sent, due today", -10, 0, false },
        { "sent, no due date", -10, null, false },
        { "acknowledged, due long ago", -40, -20, true },
        { "executed after its due date", -40, -20, false },
        { "withdrawn after its due date", -40, -20, false },
    };

    [Theory]
    [MemberData(nameof(OverdueCases))]
    public void The_overdue_query_filter_says_what_IsOverdue_says(string scenario, int? sent, int? due, bool overdue)
    {
        var request = CooperationRequest.Draft(CaseId, Mla(), Opener, Now);
        if (sent is { } s)
        {
            request.MarkSent(Day(s), due is { } d ? Day(d) : null, Today);
        }
        else
        {
            request.SetDueDate(due is { } d ? Day(d) : null);
        }
        if (scenario.StartsWith("acknowledged", StringComparison.Ordinal))
        {
            request.MarkAcknowledged(Day(-30), Today);
        }
        if (scenario.StartsWith("executed", StringComparison.Ordinal))
        {
            request.RecordExecution(true, Day(-1), Today);
        }
        if (scenario.StartsWith("withdrawn", StringComparison.Ordinal))
        {
            request.Withdraw(Day(-1), Today);
        }

        request.IsOverdue(Today).ShouldBe(overdue, scenario);
        CooperationRequest.OverdueOn(Today).Compile()(request).ShouldBe(overdue, scenario);
    }
}
