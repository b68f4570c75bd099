using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Victims;
using static TipCases.Domain.Tests.Cases.CaseBuilder;
using static TipCases.Domain.Tests.Charges.ChargeBuilder;

namespace TipCases.Domain.Tests.Charges;

public sealed class ChargeLifeCycleTests
{
    private static readonly Guid By = Guid.NewGuid();

    private static void Move(Charge charge, TipCases.Domain.Cases.Case c, Defendant d, Offence o, ChargeStatus to, int daysAgo, Sentence? sentence = null) =>
        charge.ChangeStatus(c, to, Today.AddDays(-daysAgo), null, sentence, o, d, By, Now, Today);

    [Fact]
    public void A_new_charge_is_proposed_on_its_date_and_the_first_step_is_kept()
    {
        var (charge, c, d, offence) = Proposed();

        charge.Status.ShouldBe(ChargeStatus.Proposed);
        charge.StatusOn.ShouldBe(Today.AddDays(-30));
        charge.CaseId.ShouldBe(c.Id);
        charge.DefendantId.ShouldBe(d.Id);
        charge.OffenceId.ShouldBe(offence.Id);
        charge.StatusHistory.ShouldHaveSingleItem().ShouldSatisfyAllConditions(h => h.From.ShouldBeNull(), h => h.To.ShouldBe(ChargeStatus.Proposed));
    }

    [Fact]
    public void Proposed_filed_amended_convicted_walks_the_life_cycle_with_dates()
    {
        var (charge, c, d, o) = Proposed();

        Move(charge, c, d, o, ChargeStatus.Filed, 20);
        Move(charge, c, d, o, ChargeStatus.Amended, 10);
        Move(charge, c, d, o, ChargeStatus.Amended, 10);
        Move(charge, c, d, o, ChargeStatus.Convicted, 0, new Sentence(96, null, true, "The plant's vehicles", 20_000m, "EUR"));

        charge.Status.ShouldBe(ChargeStatus.Convicted);
        charge.StatusOn.ShouldBe(Today);
        charge.StatusHistory.Select(h => h.To).ShouldBe([ChargeStatus.Proposed, ChargeStatus.Filed, ChargeStatus.Amended, ChargeStatus.Amended, ChargeStatus.Convicted]);
        charge.Sentence.ShouldBe(new Sentence(96, null, true, "The plant's vehicles", 20_000m, "EUR"));
    }

    public static TheoryData<ChargeStatus, ChargeStatus, string> RefusedMoves => new()
    {
        { ChargeStatus.Proposed, ChargeStatus.Convicted, "A verdict can only be recorded on a filed or amended charge: file the charge first." },
        { ChargeStatus.Proposed, ChargeStatus.Acquitted, "A verdict can only be recorded on a filed or amended charge: file the charge first." },
        { ChargeStatus.Proposed, ChargeStatus.Amended, "A proposed charge is filed or withdrawn; it can be amended once it is filed." },
        { ChargeStatus.Withdrawn, ChargeStatus.Filed, "This charge was withdrawn: its status can no longer change." },
        { ChargeStatus.Acquitted, ChargeStatus.Convicted, "This charge ended with a verdict (acquitted): its status can no longer change. Record an appeal instead." },
        { ChargeStatus.Filed, ChargeStatus.Proposed, "Choose the new status from the list." },
        { ChargeStatus.Filed, (ChargeStatus)42, "Choose the new status from the list." },
    };

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Moves_outside_the_life_cycle_are_refused_and_change_nothing(ChargeStatus from, ChargeStatus to, string message)
    {
        var (charge, c, d, o) = Proposed();
        if (from != ChargeStatus.Proposed)
        {
            Move(charge, c, d, o, from == ChargeStatus.Withdrawn ? ChargeStatus.Withdrawn : ChargeStatus.Filed, 20);
        }
        if (from == ChargeStatus.Acquitted)
        {
            Move(charge, c, d, o, ChargeStatus.Acquitted, 10);
        }
        var before = (charge.Status, charge.StatusOn, charge.StatusHistory.Count);

        Should.Throw<DomainRuleViolation>(() => Move(charge, c, d, o, to, 0)).Message.ShouldBe(message);

        (charge.Status, charge.StatusOn, charge.StatusHistory.Count).ShouldBe(before);
    }

    [Fact]
    public void A_status_date_before_the_previous_one_is_refused()
    {
        var (charge, c, d, o) = Proposed();
        Move(charge, c, d, o, ChargeStatus.Filed, 10);

        Should.Throw<DomainRuleViolation>(() => Move(charge, c, d, o, ChargeStatus.Convicted, 11))
            .Message.ShouldBe($"The date cannot be before the charge was filed on {Today.AddDays(-10):yyyy-MM-dd}.");
        charge.Status.ShouldBe(ChargeStatus.Filed);
    }

    [Fact]
    public void A_status_date_in_the_future_is_refused()
    {
        var (charge, c, d, o) = Proposed();

        Should.Throw<DomainRuleViolation>(() => Move(charge, c, d, o, ChargeStatus.Filed, -1)).Message.ShouldBe("The date cannot be in the future.");
        charge.Status.ShouldBe(ChargeStatus.Proposed);
    }

    [Fact]
    public void A_charge_cannot_be_proposed_in_the_future_nor_against_another_cases_defendant()
    {
        var (c, _, p) = Case();
        var (other, _, _) = Case();
        var stranger = Defendant(other);

        Should.Throw<DomainRuleViolation>(() => Charge.Propose(Guid.NewGuid(), c, stranger, OffenceOf(OffenceKind.Trafficking), Terms(), [], Today, p, Now, Today))
            .Message.ShouldBe("Choose a defendant of this case.");
        Should.Throw<DomainRuleViolation>(() => Charge.Propose(Guid.NewGuid(), c, Defendant(c), OffenceOf(OffenceKind.Trafficking), Terms(), [], Today.AddDays(1), p, Now, Today))
            .Message.ShouldBe("A charge cannot be proposed on a day that has not come yet.");
    }

    [Fact]
    public void A_charge_concerns_only_victims_of_its_case()
    {
        var (c, _, p) = Case();
        var onCase = Guid.NewGuid();

        Should.Throw<DomainRuleViolation>(() => Charge.Propose(Guid.NewGuid(), c, Defendant(c), OffenceOf(OffenceKind.Trafficking),
                Terms([Guid.NewGuid()]), [onCase], Today, p, Now, Today))
            .Message.ShouldBe("Choose the victims from those recorded on this case.");
    }

    [Fact]
    public void An_inactive_offence_takes_no_new_charge()
    {
        var (c, _, p) = Case();
        var retired = Offence.Create(Guid.NewGuid(), new OffenceDetails("OLD", "Old offence", OffenceKind.Other, 5, null, false));

        Should.Throw<DomainRuleViolation>(() => Charge.Propose(Guid.NewGuid(), c, Defendant(c), retired, Terms(), [], Today, p, Now, Today))
            .Message.ShouldBe("Old offence (OLD) is no longer in use in the catalogue: choose another offence.");
    }

    [Theory]
    [InlineData(ChargeStatus.Withdrawn, "This charge was withdrawn: it can no longer be changed.")]
    [InlineData(ChargeStatus.Convicted, "This charge ended with a verdict: it can no longer be changed. Record the sentence or an appeal instead.")]
    public void A_decided_charge_keeps_its_offence_facts_and_circumstances(ChargeStatus end, string message)
    {
        var (charge, c, d, o) = Proposed();
        Move(charge, c, d, o, ChargeStatus.Filed, 10);
        Move(charge, c, d, o, end, 5);

        Should.Throw<DomainRuleViolation>(() => charge.Revise(c, o, Terms(), [], By, Now)).Message.ShouldBe(message);
        Should.Throw<DomainRuleViolation>(() => charge.RecordFacts(c, Facts([TraffickingAct.Recruitment]), By, Now)).Message.ShouldBe(message);
    }

    [Fact]
    public void Nothing_changes_on_a_closed_case()
    {
        var (charge, c, d, o) = Proposed();
        foreach (var stage in new[] { CaseStage.Investigation, CaseStage.Discontinued })
        {
            c.MoveTo(stage, Opener, Now, "The witness withdrew.", ChargeProgress.None);
        }

        Should.Throw<DomainRuleViolation>(() => Move(charge, c, d, o, ChargeStatus.Filed, 1))
            .Message.ShouldBe("This case is discontinued: its defendants and charges can no longer be changed.");
        Should.Throw<DomainRuleViolation>(() => Defendant(c)).Message.ShouldContain("can no longer be changed");
    }

    // The sentence and the penalty ceiling.

    [Fact]
    public void A_custodial_term_at_the_ceiling_is_accepted_and_one_month_more_is_refused_with_the_reason()
    {
        var (charge, c, d, o) = Proposed();
        Move(charge, c, d, o, ChargeStatus.Filed, 10);

        var refusal = Should.Throw<DomainRuleViolation>(() => Move(charge, c, d, o, ChargeStatus.Convicted, 1, new Sentence(145, null, false, null, null, null)));

        refusal.Message.ShouldBe("The custodial term of 145 months is above the maximum of 12 years (144 months) for this charge. " +
            "The catalogue sets 12 years for Trafficking in persons (TIP); no aggravating circumstance is recorded.");
        charge.Status.ShouldBe(ChargeStatus.Filed);
        Move(charge, c, d, o, ChargeStatus.Convicted, 1, new Sentence(144, null, false, null, null, null));
        charge.SentenceCustodialMonths.ShouldBe(144);
    }

    [Fact]
    public void An_aggravating_circumstance_raises_the_ceiling_of_the_sentence()
    {
        var (charge, c, d, o) = Proposed(details: Terms(aggravations: AggravatingCircumstance.OrganizedCriminalGroup));
        Move(charge, c, d, o, ChargeStatus.Filed, 10);

        Move(charge, c, d, o, ChargeStatus.Convicted, 1, new Sentence(240, null, false, null, null, null));

        charge.SentenceCustodialMonths.ShouldBe(240);
        Should.Throw<DomainRuleViolation>(() => charge.RecordSentence(c, new Sentence(241, null, false, null, null, null), o, d, By, Now))
            .Message.ShouldContain("above the maximum of 20 years (240 months)");
    }

    [Fact]
    public void A_legal_person_gets_no_custodial_term_but_a_fine()
    {
        var (charge, c, d, o) = Proposed(defendant: Company());
        Move(charge, c, d, o, ChargeStatus.Filed, 10);

        Should.Throw<DomainRuleViolation>(() => Move(charge, c, d, o, ChargeStatus.Convicted, 1, new Sentence(12, null, false, null, null, null)))
            .Message.ShouldBe("A legal person cannot be sentenced to a custodial term: record a fine or another monetary sanction (Convention Art. 10(4)).");
        Move(charge, c, d, o, ChargeStatus.Convicted, 1, new Sentence(null, 250_000m, true, "Company vehicles", null, "eur"));
        charge.Sentence!.FineAmount.ShouldBe(250_000m);
        charge.SentenceCurrency.ShouldBe("EUR");
    }

    public static TheoryData<Sentence, string> BadSentences => new()
    {
        { new Sentence(0, null, false, null, null, null), "The custodial term is a number of months, at least 1." },
        { new Sentence(null, -5m, false, null, null, "EUR"), "Amounts are above zero, with at most two decimals." },
        { new Sentence(null, 10.005m, false, null, null, "EUR"), "Amounts are above zero, with at most two decimals." },
        { new Sentence(null, 100m, false, null, null, null), "Give the currency of the amounts as a three-letter ISO 4217 code, such as EUR." },
        { new Sentence(null, null, false, null, 100m, "XYZ"), "Give the currency of the amounts as a three-letter ISO 4217 code, such as EUR." },
    };

    [Theory]
    [MemberData(nameof(BadSentences))]
    public void A_sentence_with_bad_values_is_refused(Sentence sentence, string message)
    {
        var (charge, c, d, o) = Proposed();
        Move(charge, c, d, o, ChargeStatus.Filed, 10);

        Should.Throw<DomainRuleViolation>(() => Move(charge, c, d, o, ChargeStatus.Convicted, 1, sentence)).Message.ShouldBe(message);
        charge.Status.ShouldBe(ChargeStatus.Filed);
    }

    [Fact]
    public void A_sentence_goes_with_a_conviction_only()
    {
        var (charge, c, d, o) = Proposed();
        Move(charge, c, d, o, ChargeStatus.Filed, 10);

        Should.Throw<DomainRuleViolation>(() => Move(charge, c, d, o, ChargeStatus.Acquitted, 1, new Sentence(12, null, false, null, null, null)))
            .Message.ShouldBe("A sentence is recorded with a conviction only.");
        Move(charge, c, d, o, ChargeStatus.Acquitted, 1);
        Should.Throw<DomainRuleViolation>(() => charge.RecordSentence(c, new Sentence(12, null, false, null, null, null), o, d, By, Now))
            .Message.ShouldBe("A sentence is recorded for a conviction only.");
    }

    // Appeals.

    [Fact]
    public void An_appeal_is_recorded_and_later_decided()
    {
        var (charge, c, d, o) = Proposed();
        Move(charge, c, d, o, ChargeStatus.Filed, 20);
        Move(charge, c, d, o, ChargeStatus.Convicted, 10, new Sentence(60, null, false, null, null, null));

        charge.RecordAppeal(c, new Appeal(Today.AddDays(-5), AppealParty.Defence, AppealOutcome.Pending, null, "Against the sentence"), By, Now, Today);
        charge.Appeal!.Outcome.ShouldBe(AppealOutcome.Pending);
        charge.RecordAppeal(c, new Appeal(Today.AddDays(-5), AppealParty.Defence, AppealOutcome.Upheld, Today, null), By, Now, Today);

        charge.Appeal.ShouldBe(new Appeal(Today.AddDays(-5), AppealParty.Defence, AppealOutcome.Upheld, Today, null));
    }

    public static TheoryData<Appeal, string> BadAppeals => new()
    {
        { new Appeal(Today.AddDays(-11), AppealParty.Defence, AppealOutcome.Pending, null, null), $"The appeal cannot be lodged before the verdict of {Today.AddDays(-10):yyyy-MM-dd}." },
        { new Appeal(Today.AddDays(1), AppealParty.Defence, AppealOutcome.Pending, null, null), "Appeal dates cannot be in the future." },
        { new Appeal(Today.AddDays(-5), AppealParty.Defence, AppealOutcome.Upheld, null, null), "Give the date the appeal was decided." },
        { new Appeal(Today.AddDays(-5), AppealParty.Defence, AppealOutcome.Pending, Today, null), "A pending appeal has no decision date yet." },
        { new Appeal(Today.AddDays(-5), AppealParty.Defence, AppealOutcome.Varied, Today.AddDays(-6), null), "The appeal cannot be decided before it was lodged." },
    };

    [Theory]
    [MemberData(nameof(BadAppeals))]
    public void Appeal_dates_are_in_order(Appeal appeal, string message)
    {
        var (charge, c, d, o) = Proposed();
        Move(charge, c, d, o, ChargeStatus.Filed, 20);
        Move(charge, c, d, o, ChargeStatus.Convicted, 10);

        Should.Throw<DomainRuleViolation>(() => charge.RecordAppeal(c, appeal, By, Now, Today)).Message.ShouldBe(message);
        charge.Appeal.ShouldBeNull();
    }

    [Fact]
    public void Only_a_verdict_is_appealed_and_the_defence_does_not_appeal_an_acquittal()
    {
        var (charge, c, d, o) = Proposed();
        var appeal = new Appeal(Today, AppealParty.Defence, AppealOutcome.Pending, null, null);
        Should.Throw<DomainRuleViolation>(() => charge.RecordAppeal(c, appeal, By, Now, Today))
            .Message.ShouldBe("An appeal can only be recorded against a verdict: convicted or acquitted.");
        Move(charge, c, d, o, ChargeStatus.Filed, 20);
        Move(charge, c, d, o, ChargeStatus.Acquitted, 10);

        Should.Throw<DomainRuleViolation>(() => charge.RecordAppeal(c, appeal, By, Now, Today)).Message.ShouldBe("The defence does not appeal an acquittal.");
        charge.RecordAppeal(c, appeal with { By = AppealParty.Prosecution }, By, Now, Today);
        charge.AppealBy.ShouldBe(AppealParty.Prosecution);
    }

    // Facts, victims, aggravating circumstances.

    [Fact]
    public void Facts_need_evidence_and_are_kept_by_element()
    {
        var (charge, c, _, _) = Proposed();
        var noEvidence = new ChargeFacts([new(TraffickingAct.Recruitment, " ")], [], [], null, null, null, []);

        Should.Throw<DomainRuleViolation>(() => charge.RecordFacts(c, noEvidence, By, Now))
            .Message.ShouldBe($"Say what evidence supports \"recruitment\", in at most {ChargeFacts.EvidenceMaxLength} characters.");
        charge.RecordFacts(c, Facts([TraffickingAct.Recruitment, TraffickingAct.Receipt], [TraffickingMeans.Deception], [ExploitationForm.Servitude]), By, Now);

        charge.Acts.Select(a => a.Value).ShouldBe([TraffickingAct.Recruitment, TraffickingAct.Receipt]);
        charge.Means.ShouldHaveSingleItem().ShouldBe(new Evidenced<TraffickingMeans>(TraffickingMeans.Deception, "Evidence of Deception"));
        charge.Purposes.ShouldHaveSingleItem().Value.ShouldBe(ExploitationForm.Servitude);
    }

    [Fact]
    public void The_exploitation_that_took_place_is_kept_apart_from_the_purpose_and_needs_evidence_too()
    {
        var (charge, c, _, _) = Proposed();
        var noEvidence = ChargeFacts.None with { Exploitation = [new(ExploitationForm.Servitude, "")] };

        Should.Throw<DomainRuleViolation>(() => charge.RecordFacts(c, noEvidence, By, Now))
            .Message.ShouldBe($"Say what evidence supports \"servitude that took place\", in at most {ChargeFacts.EvidenceMaxLength} characters.");
        Should.Throw<DomainRuleViolation>(() => charge.RecordFacts(c, ChargeFacts.None with
        {
            Exploitation = [new(ExploitationForm.Servitude, "A"), new(ExploitationForm.Servitude, "B")],
        }, By, Now)).Message.ShouldBe("Record each act, means, purpose and form of exploitation once.");

        // The same form as a purpose and as exploitation that took place: two facts, each with its own evidence.
        charge.RecordFacts(c, Facts(purposes: [ExploitationForm.Servitude], exploitation: [ExploitationForm.Servitude]), By, Now);

        charge.Purposes.ShouldBe([new Evidenced<ExploitationForm>(ExploitationForm.Servitude, "Evidence of Servitude")]);
        charge.Exploitation.ShouldBe([new Evidenced<ExploitationForm>(ExploitationForm.Servitude, "Evidence that Servitude took place")]);
        charge.RecordedFacts.Exploitation.ShouldBe(charge.Exploitation);
        charge.Facts.Count.ShouldBe(2);
    }

    [Fact]
    public void Recording_facts_again_keeps_unchanged_rows_and_updates_evidence_in_place()
    {
        var (charge, c, _, _) = Proposed();
        charge.RecordFacts(c, Facts([TraffickingAct.Recruitment, TraffickingAct.Receipt]), By, Now);
        var recruitment = charge.Facts.Single(f => f.Value == nameof(TraffickingAct.Recruitment));

        charge.RecordFacts(c, new ChargeFacts([new(TraffickingAct.Recruitment, "New statement")], [], [], null, null, null, []), By, Now);

        charge.Facts.ShouldHaveSingleItem().ShouldBeSameAs(recruitment);
        recruitment.Evidence.ShouldBe("New statement");
    }

    [Fact]
    public void Age_evidence_is_for_a_victim_the_charge_concerns()
    {
        var victim = Guid.NewGuid();
        var (charge, c, _, _) = Proposed(details: Terms([victim]));

        Should.Throw<DomainRuleViolation>(() => charge.RecordFacts(c, Facts(ages: [new AgeEvidence(Guid.NewGuid(), "Dental X-ray", true)]), By, Now))
            .Message.ShouldBe("Age evidence can only be recorded for a victim this charge concerns.");
        charge.RecordFacts(c, Facts(ages: [new AgeEvidence(victim, "Dental X-ray", true)]), By, Now);

        charge.Victims.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            v => v.AgeEvidence.ShouldBe("Dental X-ray"), v => v.AgeEvidenceIndicatesChild.ShouldBe(true));
    }

    [Fact]
    public void An_aggravating_circumstance_needs_its_evidence()
    {
        var (c, _, p) = Case();
        var details = Terms() with { Aggravations = [new(AggravatingCircumstance.LifeThreateningIllness, "")] };

        Should.Throw<DomainRuleViolation>(() => Charge.Propose(Guid.NewGuid(), c, Defendant(c), OffenceOf(OffenceKind.Trafficking), details, [], Today, p, Now, Today))
            .Message.ShouldBe($"Say what evidence supports the aggravating circumstance \"Exposure to a life-threatening illness\", in at most {ChargeFacts.EvidenceMaxLength} characters.");
    }
}
