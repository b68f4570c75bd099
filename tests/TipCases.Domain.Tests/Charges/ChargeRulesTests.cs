using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Staff;
using TipCases.Domain.Victims;
using static TipCases.Domain.Tests.Cases.CaseBuilder;
using static TipCases.Domain.Tests.Charges.ChargeBuilder;
using TipCases.Domain.Jurisdiction;

namespace TipCases.Domain.Tests.Charges;

public sealed class ChargeRulesTests
{
    // Stage preconditions.

    private static TipCases.Domain.Cases.Case AtPreTrial()
    {
        var (c, _, p) = Case();
        c.MoveTo(CaseStage.Investigation, p, Now, null, ChargeProgress.None);
        c.MoveTo(CaseStage.PreTrial, p, Now, null, ChargeProgress.None);
        return c;
    }

    public static TheoryData<ChargeStatus[], bool> TrialCharges => new()
    {
        { [], false },
        { [ChargeStatus.Proposed], false },
        { [ChargeStatus.Withdrawn], false },
        { [ChargeStatus.Proposed, ChargeStatus.Filed], true },
        { [ChargeStatus.Amended], true },
        // A guilty plea before the trial: a verdict means the charge was filed.
        { [ChargeStatus.Convicted], true },
    };

    [Theory]
    [MemberData(nameof(TrialCharges))]
    public void Trial_needs_a_filed_or_amended_charge(ChargeStatus[] statuses, bool allowed)
    {
        var c = AtPreTrial();

        var refusals = CaseStageRules.WhyNot(c, CaseStage.Trial, null, ChargeProgress.Of(statuses));

        if (allowed)
        {
            refusals.ShouldBeEmpty();
        }
        else
        {
            refusals.ShouldBe(["File a charge before the case goes to trial: a proposed charge is not yet before the court."]);
            Should.Throw<DomainRuleViolation>(() => c.MoveTo(CaseStage.Trial, Opener, Now, null, ChargeProgress.Of(statuses)));
            c.Stage.ShouldBe(CaseStage.PreTrial);
        }
    }

    public static TheoryData<ChargeStatus[], bool> PostTrialCharges => new()
    {
        { [ChargeStatus.Filed], false },
        { [ChargeStatus.Convicted, ChargeStatus.Amended], false },
        { [ChargeStatus.Convicted, ChargeStatus.Acquitted, ChargeStatus.Withdrawn], true },
        // A proposal never filed does not hold the case back.
        { [ChargeStatus.Convicted, ChargeStatus.Proposed], true },
    };

    [Theory]
    [MemberData(nameof(PostTrialCharges))]
    public void Post_trial_needs_a_verdict_or_withdrawal_for_every_filed_charge(ChargeStatus[] statuses, bool allowed)
    {
        var c = AtPreTrial();
        c.MoveTo(CaseStage.Trial, Opener, Now, null, ChargeProgress.Of(ChargeStatus.Filed));

        var refusals = CaseStageRules.WhyNot(c, CaseStage.PostTrial, null, ChargeProgress.Of(statuses));

        refusals.ShouldBe(allowed ? [] : ["Record a verdict or the withdrawal of every filed charge before the case moves to post-trial."]);
    }

    [Fact]
    public void Charge_progress_is_read_from_the_charges_themselves()
    {
        var (charge, c, d, o) = Proposed();
        ChargeProgress.Of([charge]).HasFiledCharge.ShouldBeFalse();

        charge.ChangeStatus(c, ChargeStatus.Filed, Today, null, null, o, d, Opener, Now, Today);

        ChargeProgress.Of([charge]).ShouldSatisfyAllConditions(p => p.HasFiledCharge.ShouldBeTrue(), p => p.AwaitingOutcome.ShouldBe(1));
    }

    // Threats propose obstruction of justice on the case's open charges.

    [Fact]
    public void A_threat_proposes_obstruction_of_justice_on_the_open_charges_of_its_case_only()
    {
        var (open, c, d, o) = Proposed();
        var filed = Charge.Propose(Guid.NewGuid(), c, d, o, Terms(), [], Today, Opener, Now, Today);
        filed.ChangeStatus(c, ChargeStatus.Filed, Today, null, null, o, d, Opener, Now, Today);
        var withdrawn = Charge.Propose(Guid.NewGuid(), c, d, o, Terms(), [], Today, Opener, Now, Today);
        withdrawn.ChangeStatus(c, ChargeStatus.Withdrawn, Today, null, null, o, d, Opener, Now, Today);
        var (elsewhere, _, _, _) = Proposed();
        var victim = Victims.VictimBuilder.Victim(c);
        var threat = victim.LogThreat(c, Today, ThreatKind.Intimidation, "Told her to keep quiet.", false, Opener, Now, Today);

        var proposals = ObstructionOfJusticeRule.ProposeAfterThreat(threat, victim.Pseudonym, [open, filed, withdrawn, elsewhere], Now);

        proposals.Count.ShouldBe(2);
        foreach (var charge in new[] { open, filed })
        {
            var proposal = charge.Proposals.ShouldHaveSingleItem();
            proposal.Circumstance.ShouldBe(AggravatingCircumstance.ObstructionOfJustice);
            proposal.State.ShouldBe(ProposalState.Pending);
            proposal.ThreatIncidentId.ShouldBe(threat.Id);
            proposal.Reason.ShouldBe($"A threat or act of intimidation against {victim.Pseudonym} on {Today:yyyy-MM-dd} was logged: " +
                "intimidating a witness during the investigation or prosecution is obstruction of justice, an aggravating circumstance (the guide).");
            charge.AggravatingCircumstances.ShouldBeEmpty("a proposal is not a silent change");
        }
        withdrawn.Proposals.ShouldBeEmpty();
        elsewhere.Proposals.ShouldBeEmpty();
    }

    [Fact]
    public void A_second_threat_adds_no_second_pending_proposal_nor_one_for_a_circumstance_already_recorded()
    {
        var (charge, c, _, _) = Proposed();
        var (recorded, c2, _, _) = Proposed(details: Terms(aggravations: AggravatingCircumstance.ObstructionOfJustice));
        charge.ProposeAggravation(AggravatingCircumstance.ObstructionOfJustice, "first", null, Now).ShouldNotBeNull();

        charge.ProposeAggravation(AggravatingCircumstance.ObstructionOfJustice, "second", null, Now).ShouldBeNull();
        recorded.ProposeAggravation(AggravatingCircumstance.ObstructionOfJustice, "first", null, Now).ShouldBeNull();
        charge.Proposals.Count.ShouldBe(1);
        c.Id.ShouldNotBe(c2.Id);
    }

    [Fact]
    public void Accepting_a_proposal_adds_the_circumstance_and_raises_the_ceiling()
    {
        var (charge, c, _, o) = Proposed();
        var proposal = charge.ProposeAggravation(AggravatingCircumstance.ObstructionOfJustice, "Threat logged", null, Now)!;
        PenaltyRules.Ceiling(o, charge.AggravatingCircumstances).Years.ShouldBe(12);

        charge.AcceptProposal(c, proposal.Id, Opener, Now);

        charge.AggravatingCircumstances.ShouldBe([AggravatingCircumstance.ObstructionOfJustice]);
        charge.Aggravations.Single().Evidence.ShouldBe("Threat logged");
        proposal.State.ShouldBe(ProposalState.Accepted);
        proposal.DecidedBy.ShouldBe(Opener);
        PenaltyRules.Ceiling(o, charge.AggravatingCircumstances).Years.ShouldBe(20);
        Should.Throw<DomainRuleViolation>(() => charge.DismissProposal(c, proposal.Id, null, Opener, Now)).Message.ShouldBe("This proposal was already accepted.");
    }

    [Fact]
    public void Dismissing_a_proposal_keeps_the_circumstances_as_they_were()
    {
        var (charge, c, _, _) = Proposed();
        var proposal = charge.ProposeAggravation(AggravatingCircumstance.ObstructionOfJustice, "Threat logged", null, Now)!;

        charge.DismissProposal(c, proposal.Id, "The threat came from a former partner, not from the defendant.", Opener, Now);

        charge.AggravatingCircumstances.ShouldBeEmpty();
        proposal.State.ShouldBe(ProposalState.Dismissed);
        proposal.DecisionNote.ShouldBe("The threat came from a former partner, not from the defendant.");
    }

    // Defendants.

    [Fact]
    public void A_natural_person_needs_a_custody_status_and_a_known_nationality()
    {
        var (c, _, _) = Case();

        var refusal = Should.Throw<DomainRuleViolation>(() => Defendant(c, Person() with { Custody = null, Nationality = "ZZ" }));

        refusal.Message.ShouldBe("Choose the nationality from the list of states. Choose the defendant's custody status.");
    }

    [Fact]
    public void A_stateless_person_has_no_nationality_but_may_have_a_habitual_residence()
    {
        var (c, _, _) = Case();

        Should.Throw<DomainRuleViolation>(() => Defendant(c, Person() with { IsStateless = true }))
            .Message.ShouldBe("A stateless person has no nationality: clear the nationality or untick stateless.");
        var d = Defendant(c, Person() with { IsStateless = true, Nationality = null, HabitualResidence = "no" });
        d.IsStateless.ShouldBeTrue();
        d.Nationality.ShouldBeNull();
        d.HabitualResidence.ShouldBe("NO");
    }

    [Fact]
    public void A_legal_person_keeps_only_what_belongs_to_a_legal_person()
    {
        var (c, _, _) = Case();

        var d = Defendant(c, Company() with { DateOfBirth = new DateOnly(1990, 1, 1), Custody = CustodyStatus.Arrested, IsPresentInTerritory = true,
            ExtraditionRefusal = ExtraditionRefusal.RefusedOtherReason });

        d.Kind.ShouldBe(DefendantKind.LegalPerson);
        d.LegalForm.ShouldBe(LegalForm.Company);
        d.RegistrationNumber.ShouldBe("REG-1234");
        d.Country.ShouldBe("NO");
        d.DateOfBirth.ShouldBeNull();
        d.Custody.ShouldBeNull();
        d.IsPresentInTerritory.ShouldBeFalse();
        d.ExtraditionRefusal.ShouldBe(ExtraditionRefusal.None);
        Should.Throw<DomainRuleViolation>(() => Defendant(c, Company() with { LegalForm = null }))
            .Message.ShouldBe("Choose the legal form: company, charity, association or other.");
    }

    [Fact]
    public void Presence_and_extradition_refusal_are_kept_for_the_jurisdiction_analysis()
    {
        var (c, _, _) = Case();

        var d = Defendant(c, Person() with { IsPresentInTerritory = true, ExtraditionRefusal = ExtraditionRefusal.RefusedBecauseNational,
            ExtraditionRefusalNote = " Refused by the court of appeal. " });

        d.IsPresentInTerritory.ShouldBeTrue();
        d.ExtraditionRefusal.ShouldBe(ExtraditionRefusal.RefusedBecauseNational);
        d.ExtraditionRefusalNote.ShouldBe("Refused by the court of appeal.");
    }

    [Fact]
    public void A_defendant_born_in_the_future_is_refused()
    {
        var (c, _, _) = Case();

        Should.Throw<DomainRuleViolation>(() => Defendant(c, Person() with { DateOfBirth = Today.AddDays(1) }))
            .Message.ShouldBe("The date of birth cannot be in the future.");
    }

    // The offence catalogue.

    [Fact]
    public void The_default_catalogue_has_the_guides_ceilings_for_trafficking()
    {
        var tip = OffenceOf(OffenceKind.Trafficking);
        var child = OffenceOf(OffenceKind.TraffickingOfChildren);

        (tip.BaseMaximumYears, tip.AggravatedMaximumYears).ShouldBe((12, 20));
        (child.BaseMaximumYears, child.AggravatedMaximumYears).ShouldBe((25, (int?)null));
        Catalogue.Select(o => o.Kind).Distinct().Count().ShouldBe(Enum.GetValues<OffenceKind>().Length - 1, "every kind but Other");
        Catalogue.Select(o => o.Id).Distinct().Count().ShouldBe(Catalogue.Count);
        Catalogue.Select(o => o.Code).Distinct().Count().ShouldBe(Catalogue.Count);
    }

    public static TheoryData<OffenceDetails, string> BadOffences => new()
    {
        { new("tip", "Trafficking", OffenceKind.Trafficking, 12, 20, true), "Give a code of 1 to 20 capital letters, digits or hyphens, for example TIP." },
        { new("TIP", " ", OffenceKind.Trafficking, 12, 20, true), "Give the offence's name, in at most 200 characters." },
        { new("TIP", "Trafficking", OffenceKind.Trafficking, 0, null, true), "The maximum penalty is between 1 and 99 years." },
        { new("TIP", "Trafficking", OffenceKind.Trafficking, 12, 12, true), "The maximum when aggravated must be higher than the maximum (12 years) and at most 99 years; leave it empty when aggravation does not raise it." },
        { new("TIP", "Trafficking", (OffenceKind)99, 12, null, true), "Choose what kind of offence it is." },
    };

    [Theory]
    [MemberData(nameof(BadOffences))]
    public void An_offence_with_bad_details_is_refused(OffenceDetails details, string message) =>
        Should.Throw<DomainRuleViolation>(() => Offence.Create(Guid.NewGuid(), details)).Message.ShouldBe(message);

    // Who may do what.

    public static TheoryData<string, ChargeOperation, bool> Access => new()
    {
        { "prosecutor on the team", ChargeOperation.ManageCharges, true },
        { "prosecutor on the team", ChargeOperation.SeeDefendantIdentity, true },
        { "investigator on the team", ChargeOperation.ManageDefendants, true },
        { "investigator on the team", ChargeOperation.RecordFacts, true },
        { "investigator on the team", ChargeOperation.ManageCharges, false },
        { "liaison officer on the team", ChargeOperation.SeeDefendantIdentity, true },
        { "liaison officer on the team", ChargeOperation.RecordFacts, false },
        { "supervisor of the office", ChargeOperation.Read, true },
        { "supervisor of the office", ChargeOperation.SeeDefendantIdentity, false },
        { "supervisor of the office", ChargeOperation.ManageCharges, false },
        { "prosecutor moved to liaison work", ChargeOperation.ManageCharges, false },
        { "prosecutor moved to liaison work", ChargeOperation.SeeDefendantIdentity, true },
        { "prosecutor of another office", ChargeOperation.Read, false },
        { "administrator", ChargeOperation.Read, false },
    };

    [Theory]
    [MemberData(nameof(Access))]
    public void The_access_rule_for_charges(string who, ChargeOperation operation, bool allowed)
    {
        var (c, investigator, prosecutor) = Case();
        var liaison = Guid.NewGuid();
        c.AddMember(liaison, TeamRole.VictimLiaisonOfficer, Now);
        var viewer = who switch
        {
            "prosecutor on the team" => new CaseViewer(prosecutor, Office, new HashSet<StaffRole> { StaffRole.Prosecutor }),
            "investigator on the team" => new CaseViewer(investigator, Office, new HashSet<StaffRole> { StaffRole.Investigator }),
            "liaison officer on the team" => new CaseViewer(liaison, Office, new HashSet<StaffRole> { StaffRole.VictimLiaisonOfficer }),
            "supervisor of the office" => new CaseViewer(Guid.NewGuid(), Office, new HashSet<StaffRole> { StaffRole.Supervisor }),
            "prosecutor moved to liaison work" => new CaseViewer(prosecutor, Office, new HashSet<StaffRole> { StaffRole.VictimLiaisonOfficer }),
            "prosecutor of another office" => new CaseViewer(prosecutor, Guid.NewGuid(), new HashSet<StaffRole> { StaffRole.Prosecutor }),
            _ => new CaseViewer(prosecutor, Office, new HashSet<StaffRole> { StaffRole.Administrator }),
        };

        ChargeAccessRule.Allows(viewer, c, operation).ShouldBe(allowed);
    }
}
