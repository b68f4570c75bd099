using TipCases.Domain.Cooperation;
using TipCases.Domain.Jurisdiction;
using static TipCases.Domain.Tests.Cases.CaseBuilder;
using static TipCases.Domain.Tests.Cooperation.CooperationRequestTests;

namespace TipCases.Domain.Tests.Cooperation;

public sealed class JurisdictionAndMaterialTests
{
    private static readonly Guid Defendant = Guid.NewGuid();

    [Theory]
    // direction, refused because national, expected outcome, explanation contains
    [InlineData(CooperationDirection.Incoming, true, ExtraditionRefusal.RefusedBecauseNational, "Art. 15(3)")]
    [InlineData(CooperationDirection.Incoming, false, ExtraditionRefusal.RefusedOtherReason, "Art. 15(4)")]
    [InlineData(CooperationDirection.Outgoing, true, ExtraditionRefusal.None, "Art. 16(10)")]
    [InlineData(CooperationDirection.Outgoing, false, ExtraditionRefusal.None, "no jurisdiction basis")]
    public void A_refused_extradition_feeds_the_jurisdiction_analysis_only_when_this_state_refused(CooperationDirection direction, bool becauseNational,
        ExtraditionRefusal outcome, string explanation)
    {
        var request = InState("sent", Extradition(direction, Defendant));

        request.Refuse(Today, "The person is a national of the requested state", becauseNational, Today);
        var effect = request.JurisdictionEffect();

        effect.Outcome.ShouldBe(outcome);
        effect.Explanation!.ShouldContain(explanation);
        effect.DefendantIds.ShouldBe(outcome == ExtraditionRefusal.None ? [] : [Defendant]);
    }

    [Theory]
    [InlineData("sent")]
    [InlineData("executed")]
    [InlineData("withdrawn")]
    public void An_extradition_not_refused_has_no_jurisdiction_effect(string setup) =>
        InState(setup, Extradition(CooperationDirection.Incoming, Defendant)).JurisdictionEffect().Outcome.ShouldBe(ExtraditionRefusal.None);

    [Fact]
    public void Refusing_a_national_needs_the_defendant_it_concerns()
    {
        var request = InState("sent", Extradition(CooperationDirection.Incoming));

        Should.Throw<DomainRuleViolation>(() => request.Refuse(Today, "National", true, Today)).Message.ShouldContain("Say which defendant");
        request.Status.ShouldBe(CooperationStatus.Sent);
    }

    [Fact]
    public void An_mla_refusal_has_no_jurisdiction_effect() =>
        InState("refused").JurisdictionEffect().Outcome.ShouldBe(ExtraditionRefusal.None);

    // ---- informal material

    /// <param name="informalState">the informal request's state</param>
    /// <param name="formalState">the covering request's state, or "none"</param>
    [Theory]
    [InlineData("sent", "none", false, "Nothing has been obtained")]
    [InlineData("executed", "none", true, "no formal request covers it yet")]
    [InlineData("partly", "none", true, "no formal request covers it yet")]
    [InlineData("executed", "draft", true, "awaits execution")]
    [InlineData("executed", "sent", true, "awaits execution")]
    [InlineData("executed", "acknowledged", true, "awaits execution")]
    [InlineData("executed", "partly", true, "only partly executed")]
    [InlineData("executed", "executed", false, "Re-obtained formally")]
    [InlineData("executed", "refused", true, "cover it with another")]
    public void Informal_material_is_flagged_until_a_formal_request_re_obtains_it(string informalState, string formalState, bool flagged, string explanation)
    {
        var formal = formalState == "none" ? null : InState("draft");
        var informal = InState("draft", Informal());
        var item = informal.AddMaterial("Subscriber details of +40 700 000 000", Now);
        if (formal is not null)
        {
            informal.CoverMaterial(item.Id, formal);
            Advance(formal, formalState);
        }
        Advance(informal, informalState);

        var flag = InformalMaterialRule.Evaluate(informal, item, formal);

        flag.Flagged.ShouldBe(flagged);
        flag.Explanation.ShouldContain(explanation);
    }

    [Fact]
    public void Confirming_receipt_under_a_partly_executed_request_clears_the_flag()
    {
        var formal = InState("draft");
        var informal = InState("executed", Informal());
        var item = informal.AddMaterial("Hotel booking records", Now);
        informal.CoverMaterial(item.Id, formal);
        Advance(formal, "partly");

        informal.ConfirmFormallyReceived(item.Id, formal, Today, Today);

        InformalMaterialRule.Evaluate(informal, item, formal).Flagged.ShouldBeFalse();
    }

    [Fact]
    public void Receipt_cannot_be_confirmed_before_the_formal_request_was_executed()
    {
        var formal = InState("sent");
        var informal = InState("executed", Informal());
        var item = informal.AddMaterial("Hotel booking records", Now);
        informal.CoverMaterial(item.Id, formal);

        Should.Throw<DomainRuleViolation>(() => informal.ConfirmFormallyReceived(item.Id, formal, Today, Today)).Message.ShouldContain("has not been executed");
        item.FormallyReceivedOn.ShouldBeNull();
    }

    public static TheoryData<string, string> BadCovers => new()
    {
        { "mla-item", "Only material obtained through an outgoing informal request" },
        { "other-case", "Choose a formal request of the same case." },
        { "informal", "outgoing mutual legal assistance request" },
        { "refused", "cannot re-obtain anything" },
    };

    [Theory]
    [MemberData(nameof(BadCovers))]
    public void Only_an_outgoing_mla_request_of_the_same_case_covers_informal_material(string what, string message)
    {
        var informal = what == "mla-item" ? NewRequest() : NewRequest(Informal());
        var item = informal.AddMaterial("Call records", Now);
        var formal = what switch
        {
            "other-case" => NewRequest(caseId: Guid.NewGuid()),
            "informal" => NewRequest(Informal()),
            "refused" => InState("refused"),
            _ => NewRequest(),
        };

        Should.Throw<DomainRuleViolation>(() => informal.CoverMaterial(item.Id, formal)).Message.ShouldContain(message);
        item.CoveredByRequestId.ShouldBeNull();
    }

    [Theory]
    [InlineData("", "Describe the evidence or material")]
    [InlineData("   ", "Describe the evidence or material")]
    public void Material_needs_a_description(string description, string message) =>
        Should.Throw<DomainRuleViolation>(() => NewRequest().AddMaterial(description, Now)).Message.ShouldContain(message);

    private static void Advance(CooperationRequest request, string to)
    {
        if (to == "draft")
        {
            return;
        }
        request.MarkSent(Today.AddDays(-10), null, Today);
        switch (to)
        {
            case "acknowledged":
                request.MarkAcknowledged(Today.AddDays(-5), Today);
                break;
            case "partly":
                request.RecordExecution(false, Today.AddDays(-2), Today);
                break;
            case "executed":
                request.RecordExecution(true, Today.AddDays(-1), Today);
                break;
            case "refused":
                request.Refuse(Today, "Not covered by treaty", false, Today);
                break;
        }
    }
}
