using TipCases.Domain.Charges;
using TipCases.Domain.Cases;
using TipCases.Domain.Hearings;
using TipCases.Domain.Tests.Cases;
using TipCases.Domain.Tests.Victims;
using TipCases.Domain.Victims;
using static TipCases.Domain.Tests.Cases.CaseBuilder;

namespace TipCases.Domain.Tests.Hearings;

public sealed class HearingTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    private static readonly Guid Witness = Guid.NewGuid();

    private static readonly Guid Stranger = Guid.NewGuid();

    /// <summary>09:30 in Oslo (UTC+1 in winter), <paramref name="days"/> from <see cref="CaseBuilder.Now"/>.</summary>
    private static DateTimeOffset Day(int days) => new DateTimeOffset(Today.AddDays(days).ToDateTime(new TimeOnly(9, 30)), TimeSpan.FromHours(1));

    private static HearingDetails Details(int days = 7, HearingStatus status = HearingStatus.Scheduled, string? outcome = null,
        string court = "Oslo District Court", params Guid[] witnesses) =>
        new(Day(days), court, HearingKind.Trial, status, outcome, witnesses);

    public static TheoryData<string, HearingDetails, string?> Rules => new()
    {
        { "scheduled next week", Details(), null },
        { "scheduled today", Details(0), null },
        { "held yesterday with its outcome", Details(-1, HearingStatus.Held, "Remanded in custody for four weeks."), null },
        { "held today", Details(0, HearingStatus.Held, "Plea entered."), null },
        { "adjourned in advance with a reason", Details(3, HearingStatus.Adjourned, "Adjourned to 3 March: interpreter unavailable."), null },
        { "cancelled without a note", Details(3, HearingStatus.Cancelled), null },
        { "cancelled after its day", Details(-3, HearingStatus.Cancelled), null },
        { "with a victim of the case as witness", Details(witnesses: Witness), null },
        { "ten years ago", Details(-3650 + 3, HearingStatus.Held, "Verdict."), null },
        { "five years ahead", Details(365 * 5 - 2), null },
        { "no court", Details(court: "  "), "Name the court in at most 200 characters." },
        { "a court name too long", Details(court: new string('x', 201)), "Name the court in at most 200 characters." },
        { "more than five years ahead", Details(365 * 5 + 3), "Enter a date within the last 10 years or the next 5." },
        { "more than ten years ago", Details(-3660, HearingStatus.Held, "Verdict."), "Enter a date within the last 10 years or the next 5." },
        { "held tomorrow", Details(1, HearingStatus.Held, "Plea entered."), "A hearing cannot have been held on a day that has not come yet." },
        { "scheduled yesterday", Details(-1), "The day of this hearing has passed: record whether it was held, adjourned or cancelled." },
        { "held without an outcome", Details(-1, HearingStatus.Held, " "), "Record the outcome: what the court decided, or why the hearing was adjourned and to when." },
        { "adjourned without a reason", Details(-1, HearingStatus.Adjourned), "Record the outcome: what the court decided, or why the hearing was adjourned and to when." },
        { "an outcome too long", Details(-1, HearingStatus.Held, new string('x', 2001)), "The outcome is limited to 2000 characters." },
        { "a witness who is not a victim of the case", Details(witnesses: [Witness, Stranger]), "Choose the witnesses among the victims of this case." },
        { "a kind off the list", Details() with { Kind = (HearingKind)99 }, "Choose the kind of hearing and its status from the lists." },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_hearing_is_recorded_only_when_its_details_hold_together(string scenario, HearingDetails details, string? refusal)
    {
        var @case = New();

        var record = () => Hearing.Record(@case, details, [Witness], Opener, Now, Oslo);

        if (refusal is null)
        {
            var hearing = record();
            hearing.CaseId.ShouldBe(@case.Id, scenario);
            hearing.StartsAt.ShouldBe(details.StartsAt);
            hearing.StartsAt.Offset.ShouldBe(TimeSpan.Zero, "stored in UTC");
            hearing.Witnesses.Select(w => w.VictimId).ShouldBe(details.WitnessIds);
        }
        else
        {
            Should.Throw<DomainRuleViolation>(record).Message.ShouldBe(refusal, scenario);
        }
    }

    [Fact]
    public void The_day_of_a_hearing_is_read_in_the_office_time_zone()
    {
        // 23:30 UTC on 29 November is 00:30 on 30 November in Oslo: tomorrow there, so not "held".
        var lateEvening = new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero);

        Hearing.DayOf(lateEvening, Oslo).ShouldBe(new DateOnly(2026, 11, 30));
        Should.Throw<DomainRuleViolation>(() => Hearing.Record(New(), Details() with { StartsAt = lateEvening, Status = HearingStatus.Held, Outcome = "x" },
            [], Opener, Now, Oslo));
    }

    [Fact]
    public void Changing_a_hearing_keeps_the_witnesses_still_expected_and_adds_and_removes_the_others()
    {
        var @case = New();
        var second = Guid.NewGuid();
        var third = Guid.NewGuid();
        var hearing = Hearing.Record(@case, Details(witnesses: [Witness, second]), [Witness, second, third], Opener, Now, Oslo);
        var kept = hearing.Witnesses.Single(w => w.VictimId == Witness);

        hearing.Change(@case, Details(-0, HearingStatus.Adjourned, "Adjourned to next month.", witnesses: [Witness, third]), [Witness, second, third],
            Now.AddHours(1), Oslo);

        hearing.Witnesses.Select(w => w.VictimId).ShouldBe([Witness, third], ignoreOrder: true);
        hearing.Witnesses.ShouldContain(kept, "the same record, not a new one");
        hearing.Status.ShouldBe(HearingStatus.Adjourned);
        hearing.Outcome.ShouldBe("Adjourned to next month.");
    }

    [Fact]
    public void A_closed_case_takes_no_hearings_and_a_hearing_cannot_move_to_another_case()
    {
        var (@case, _, prosecutor) = CaseBuilder.Staffed();
        var hearing = Hearing.Record(@case, Details(), [], Opener, Now, Oslo);

        Should.Throw<DomainRuleViolation>(() => hearing.Change(New(), Details(), [], Now, Oslo)).Message.ShouldBe("This hearing belongs to another case.");
        @case.MoveTo(CaseStage.Discontinued, prosecutor, Now, "No evidence.", ChargeProgress.None);
        Should.Throw<DomainRuleViolation>(() => Hearing.Record(@case, Details(), [], Opener, Now, Oslo))
            .Message.ShouldBe("This case is discontinued: its hearings can no longer be changed.");
        Should.Throw<DomainRuleViolation>(() => hearing.Change(@case, Details(), [], Now, Oslo));
    }

    public static TheoryData<string, ProtectionMeasureKind[], MeasureStatus?, HearingStatus, bool> Warnings => new()
    {
        { "no measure at all", [], null, HearingStatus.Scheduled, true },
        { "only pre-trial measures", [ProtectionMeasureKind.PreparationForCourt, ProtectionMeasureKind.RemoteTestimonyOption], null, HearingStatus.Scheduled, true },
        { "only post-trial measures", [ProtectionMeasureKind.OngoingWitnessProtection], null, HearingStatus.Scheduled, true },
        { "a trial measure planned", [ProtectionMeasureKind.ScreenedTestimony], null, HearingStatus.Scheduled, false },
        { "a trial measure in place", [ProtectionMeasureKind.VideoLinkTestimony], MeasureStatus.InPlace, HearingStatus.Scheduled, false },
        { "the only trial measure ended", [ProtectionMeasureKind.SupportPersonPresent], MeasureStatus.Ended, HearingStatus.Scheduled, true },
        { "a held hearing", [], null, HearingStatus.Held, false },
        { "an adjourned hearing", [], null, HearingStatus.Adjourned, false },
        { "a cancelled hearing", [], null, HearingStatus.Cancelled, false },
    };

    [Theory]
    [MemberData(nameof(Warnings))]
    public void A_witness_of_a_hearing_to_come_without_trial_protection_is_warned_about(string scenario, ProtectionMeasureKind[] measures,
        MeasureStatus? status, HearingStatus hearing, bool warns)
    {
        var victim = VictimBuilder.Victim();
        foreach (var kind in measures)
        {
            var measure = victim.PlanMeasure(kind, null, Today, Now);
            if (status is { } s)
            {
                victim.UpdateMeasure(measure.Id, s, Today, s == MeasureStatus.Ended ? Today : null, null, Today);
            }
        }

        WitnessProtectionRule.Warns(hearing, victim.Measures).ShouldBe(warns, scenario);
        WitnessProtectionRule.Warns(hearing, WitnessProtectionRule.HasTrialProtection(victim.Measures)).ShouldBe(warns, scenario);
    }
}
