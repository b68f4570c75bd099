using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Victims;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;

namespace TipCases.Web.Tests.Charges;

/// <summary>The stage preconditions through the Stage page, the audit trail, threats proposing
/// obstruction of justice, and concurrent changes.</summary>
public sealed class ChargeWorkflowTests(TipCasesApp app) : WebTest(app)
{
    private Task<CaseStage> StageAsync(Guid caseId) => App.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().Cases.Where(c => c.Id == caseId).Select(c => c.Stage).SingleAsync());

    // Stage preconditions.

    [Fact]
    public async Task Trial_is_refused_without_a_filed_charge_and_explained_on_the_stage_page()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id);
        var paula = await App.SignedInClientAsync("paula");
        var stagePage = await paula.GetHtmlAsync($"/Cases/{s.Case.Id}/Stage");
        stagePage.QuerySelector("#target-Trial-note")!.TextContent.ShouldBe(
            "Not yet: File a charge before the case goes to trial: a proposed charge is not yet before the court.");

        var refused = await paula.SubmitFormAsync($"/Cases/{s.Case.Id}/Stage", new() { ["Target"] = nameof(CaseStage.Trial) });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.ReadHtmlAsync()).Summary().ShouldBe("File a charge before the case goes to trial: a proposed charge is not yet before the court.");
        (await StageAsync(s.Case.Id)).ShouldBe(CaseStage.PreTrial);

        (await paula.SubmitFormAsync($"/Charges/{charge.Id}/Status", new() { ["Form.To"] = nameof(ChargeStatus.Filed), ["Form.On"] = App.Today().Iso() }, handler: "Status"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await paula.SubmitFormAsync($"/Cases/{s.Case.Id}/Stage", new() { ["Target"] = nameof(CaseStage.Trial) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StageAsync(s.Case.Id)).ShouldBe(CaseStage.Trial);
    }

    [Fact]
    public async Task Post_trial_is_refused_while_a_filed_charge_has_no_verdict_or_withdrawal()
    {
        var s = await ChargeScenario.CreateAsync(App, CaseStage.Trial);
        // The case factory filed and decided a charge on the way; this one is filed and undecided.
        var d = await App.DefendantAsync(s.Case.Id);
        var pending = await App.ChargeAsync(s.Case.Id, d.Id, filed: true);
        var paula = await App.SignedInClientAsync("paula");

        var refused = await paula.SubmitFormAsync($"/Cases/{s.Case.Id}/Stage", new() { ["Target"] = nameof(CaseStage.PostTrial) });

        (await refused.ReadHtmlAsync()).Summary().ShouldBe("Record a verdict or the withdrawal of every filed charge before the case moves to post-trial.");
        (await StageAsync(s.Case.Id)).ShouldBe(CaseStage.Trial);
        foreach (var charge in (await App.ChargesOfAsync(s.Case.Id)).Where(c => c.Status.AwaitsOutcome()))
        {
            (await paula.SubmitFormAsync($"/Charges/{charge.Id}/Status", new() { ["Form.To"] = nameof(ChargeStatus.Withdrawn), ["Form.On"] = App.Today().Iso() },
                handler: "Status")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await App.StoredChargeAsync(pending.Id)).Status.ShouldBe(ChargeStatus.Withdrawn);
        (await paula.SubmitFormAsync($"/Cases/{s.Case.Id}/Stage", new() { ["Target"] = nameof(CaseStage.PostTrial) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StageAsync(s.Case.Id)).ShouldBe(CaseStage.PostTrial);
    }

    [Fact]
    public async Task A_stage_form_loaded_before_a_charge_was_filed_is_checked_again()
    {
        var s = await ChargeScenario.CreateAsync(App, CaseStage.Trial);
        await App.DecideFiledChargesAsync(s.Case.Id);
        var paula = await App.SignedInClientAsync("paula");
        var stageForm = await paula.GetHtmlAsync($"/Cases/{s.Case.Id}/Stage");
        stageForm.QuerySelector("#target-PostTrial-note")!.TextContent.ShouldBe("Ready.");
        // Meanwhile, a new charge is filed: the case may no longer leave the trial.
        var d = await App.DefendantAsync(s.Case.Id);
        await App.ChargeAsync(s.Case.Id, d.Id, filed: true);

        var response = await paula.SubmitFormAsync(stageForm, $"/Cases/{s.Case.Id}/Stage", new() { ["Target"] = nameof(CaseStage.PostTrial) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Summary().ShouldBe("Record a verdict or the withdrawal of every filed charge before the case moves to post-trial.");
        (await StageAsync(s.Case.Id)).ShouldBe(CaseStage.Trial);
    }

    // The audit trail.

    [Fact]
    public async Task Defendants_charges_facts_and_status_changes_are_audited_and_named_in_the_case_history()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var ines = await App.SignedInClientAsync("ines");
        var paula = await App.SignedInClientAsync("paula");
        await ines.SubmitFormAsync(s.NewDefendantUrl, new()
        {
            ["Form.Kind"] = nameof(DefendantKind.LegalPerson), ["Form.Name"] = "Harbour Test Staffing Ltd", ["Form.LegalForm"] = nameof(LegalForm.Company),
        });
        var d = (await App.DefendantsOfAsync(s.Case.Id)).Single();
        var added = await paula.SubmitFormAsync(s.NewChargeUrl, new()
        {
            ["Form.DefendantId"] = d.Id.ToString(), ["Form.OffenceId"] = DefaultOffences.TraffickingId.ToString(), ["Form.VictimIds"] = s.Adult.Id.ToString(),
        });
        var chargeId = Guid.Parse(added.Headers.Location!.ToString().Split('/')[^1]);
        await ines.SubmitFormAsync($"/Charges/{chargeId}/Facts", ChargeTestData.FactsForm([TraffickingAct.Recruitment]));
        await paula.SubmitFormAsync($"/Charges/{chargeId}/Status", new() { ["Form.To"] = nameof(ChargeStatus.Filed), ["Form.On"] = App.Today().Iso() }, handler: "Status");

        var events = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.CaseId == s.Case.Id && e.OccurredAt >= App.Clock.GetUtcNow().AddMinutes(-1)).ToListAsync());
        var inesId = d.CreatedBy;
        events.ShouldContain(e => e.EntityType == "Defendant" && e.Action == AuditAction.RecordCreated && e.ActorId == inesId
            && e.Details!.Contains("Harbour Test Staffing Ltd", StringComparison.Ordinal));
        events.ShouldContain(e => e.EntityType == "Charge" && e.Action == AuditAction.RecordCreated && e.ActorId == s.Paula && e.EntityId == chargeId.ToString());
        events.ShouldContain(e => e.EntityType == "ChargeVictim" && e.Action == AuditAction.RecordCreated && e.Details!.Contains(s.Adult.Id.ToString(), StringComparison.Ordinal));
        events.ShouldContain(e => e.EntityType == "ChargeFact" && e.Action == AuditAction.RecordCreated && e.ActorId == inesId
            && e.Details!.Contains("Recruitment", StringComparison.Ordinal));
        var statusChange = events.Single(e => e.EntityType == "Charge" && e.Action == AuditAction.RecordUpdated && e.Details!.Contains("\"Status\"", StringComparison.Ordinal));
        using (var json = JsonDocument.Parse(statusChange.Details!))
        {
            json.RootElement.GetProperty("Status").GetProperty("old").GetString().ShouldBe("Proposed");
            json.RootElement.GetProperty("Status").GetProperty("new").GetString().ShouldBe("Filed");
        }
        events.ShouldContain(e => e.EntityType == "ChargeStatusChange" && e.Action == AuditAction.RecordCreated);

        var history = (await paula.GetHtmlAsync($"/Cases/{s.Case.Id}/History")).Text("main");
        history.ShouldContain("Added defendant");
        history.ShouldContain("Added charge");
        history.ShouldContain("Offence: Trafficking in persons (TIP)");
        history.ShouldContain("Defendant: Harbour Test Staffing Ltd");
        history.ShouldContain($"Victim: {s.Adult.Pseudonym}");
        history.ShouldContain("Status: Proposed → Filed");
        history.ShouldContain("Charge: Trafficking in persons (TIP) against Harbour Test Staffing Ltd");
        history.ShouldNotContain("Changed at");
        history.ShouldNotContain(chargeId.ToString());
    }

    // Threats propose obstruction of justice.

    [Fact]
    public async Task A_threat_logged_for_a_victim_proposes_obstruction_of_justice_which_the_prosecutor_accepts()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var open = await App.ChargeAsync(s.Case.Id, d.Id, victims: [s.Adult.Id], filed: true);
        var lena = await App.SignedInClientAsync("lena");

        var logged = await lena.SubmitFormAsync($"/Victims/{s.Adult.Id}/Threats", new()
        {
            ["Form.Kind"] = nameof(ThreatKind.Intimidation), ["Form.OccurredOn"] = App.Today().Iso(),
            ["Form.Description"] = "A man said to be sent by the defendant told her to withdraw her statement.",
        });
        logged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await lena.GetHtmlAsync(logged.Headers.Location!.ToString())).Text("[role=status]")
            .ShouldContain("Obstruction of justice is proposed as an aggravating circumstance on 1 open charge of the case, for the prosecutor to accept or dismiss.");
        var proposal = (await App.StoredChargeAsync(open.Id)).Proposals.ShouldHaveSingleItem();
        proposal.State.ShouldBe(ProposalState.Pending);
        (await App.StoredChargeAsync(open.Id)).AggravatingCircumstances.ShouldBeEmpty();

        var paula = await App.SignedInClientAsync("paula");
        var page = await paula.GetHtmlAsync($"/Charges/{open.Id}");
        page.Text("[data-testid=proposal]").ShouldContain($"A threat or act of intimidation against {s.Adult.Pseudonym} on {App.Today():yyyy-MM-dd} was logged");
        page.Text("[data-testid=ceiling]").ShouldContain("12 years");
        (await paula.SubmitFormAsync(page, $"/Charges/{open.Id}", new(), handler: "Accept")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stored = await App.StoredChargeAsync(open.Id);
        stored.AggravatingCircumstances.ShouldBe([AggravatingCircumstance.ObstructionOfJustice]);
        stored.Proposals.Single().State.ShouldBe(ProposalState.Accepted);
        (await paula.GetHtmlAsync($"/Charges/{open.Id}")).Text("[data-testid=ceiling]").ShouldContain("20 years");
    }

    [Fact]
    public async Task A_dismissed_proposal_keeps_the_charge_as_it_was()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var open = await App.ChargeAsync(s.Case.Id, d.Id);
        var lena = await App.SignedInClientAsync("lena");
        await lena.SubmitFormAsync($"/Victims/{s.Adult.Id}/Threats", new()
        {
            ["Form.Kind"] = nameof(ThreatKind.VerbalThreat), ["Form.OccurredOn"] = App.Today().Iso(), ["Form.Description"] = "Shouted at her in the street.",
        });
        var paula = await App.SignedInClientAsync("paula");

        var page = await paula.GetHtmlAsync($"/Charges/{open.Id}");
        (await paula.SubmitFormAsync(page, $"/Charges/{open.Id}", new() { ["DismissNote"] = "A former partner, unrelated to the defendant." }, handler: "Dismiss"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stored = await App.StoredChargeAsync(open.Id);
        stored.AggravatingCircumstances.ShouldBeEmpty();
        stored.Proposals.Single().ShouldSatisfyAllConditions(p => p.State.ShouldBe(ProposalState.Dismissed),
            p => p.DecisionNote.ShouldBe("A former partner, unrelated to the defendant."));
        (await paula.GetHtmlAsync($"/Charges/{open.Id}")).QuerySelector("[data-testid=proposal]").ShouldBeNull();
    }

    // Concurrency.

    [Fact]
    public async Task Two_prosecutors_editing_one_charge_the_second_is_told_and_sees_the_first_ones_version()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id);
        var first = await App.SignedInClientAsync("paula");
        var second = await App.SignedInClientAsync("paula");
        var url = $"/Cases/{s.Case.Id}/Charges/Edit/{charge.Id}";
        var firstForm = await first.GetHtmlAsync(url);
        var secondForm = await second.GetHtmlAsync(url);

        (await first.SubmitFormAsync(firstForm, url, new() { ["Form.Particulars"] = "First version" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await second.SubmitFormAsync(secondForm, url, new() { ["Form.Particulars"] = "Second version" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.Summary().ShouldContain("Someone else changed this charge while you were editing.");
        page.QuerySelector("#Form_Particulars")!.TextContent.ShouldBe("First version");
        (await App.StoredChargeAsync(charge.Id)).Particulars.ShouldBe("First version");
    }

    [Fact]
    public async Task Facts_recorded_on_a_charge_changed_meanwhile_are_refused()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id);
        var ines = await App.SignedInClientAsync("ines");
        var paula = await App.SignedInClientAsync("paula");
        var url = $"/Charges/{charge.Id}/Facts";
        var stale = await ines.GetHtmlAsync(url);
        (await paula.SubmitFormAsync(url, ChargeTestData.FactsForm([TraffickingAct.Receipt]))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await ines.SubmitFormAsync(stale, url, ChargeTestData.FactsForm([TraffickingAct.Recruitment]));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.Summary().ShouldContain("Someone else changed this charge while you were recording its facts.");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#Form_Facts_{ChargeTestData.FactRow(ChargeElement.Act, "Receipt")}_Selected")!.IsChecked.ShouldBeTrue();
        (await App.StoredChargeAsync(charge.Id)).Acts.Select(a => a.Value).ShouldBe([TraffickingAct.Receipt]);
    }

    [Fact]
    public async Task A_status_change_on_a_charge_changed_meanwhile_is_refused()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id);
        var paula = await App.SignedInClientAsync("paula");
        var url = $"/Charges/{charge.Id}/Status";
        var stale = await paula.GetHtmlAsync(url);
        (await paula.SubmitFormAsync(url, new() { ["Form.To"] = nameof(ChargeStatus.Filed), ["Form.On"] = App.Today().Iso() }, handler: "Status"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await paula.SubmitFormAsync(stale, url, new() { ["Form.To"] = nameof(ChargeStatus.Withdrawn), ["Form.On"] = App.Today().Iso() }, handler: "Status");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Summary().ShouldBeOneOf(
            "Someone else changed this charge at the same time, so nothing was saved. The page now shows the charge as it is; try again.",
            CaseConcurrency.ConflictMessage);
        (await App.StoredChargeAsync(charge.Id)).Status.ShouldBe(ChargeStatus.Filed);
    }

    [Fact]
    public async Task Two_people_editing_one_defendant_the_second_is_told()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var ines = await App.SignedInClientAsync("ines");
        var paula = await App.SignedInClientAsync("paula");
        var url = $"{s.NewDefendantUrl}/{d.Id}";
        var stale = await ines.GetHtmlAsync(url);
        (await paula.SubmitFormAsync(url, new() { ["Form.Custody"] = nameof(CustodyStatus.OnBailOrConditions) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await ines.SubmitFormAsync(stale, url, new() { ["Form.Custody"] = nameof(CustodyStatus.FugitiveOrWanted) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.Summary().ShouldContain("Someone else changed this defendant while you were editing.");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Form_Custody")!.Value.ShouldBe(nameof(CustodyStatus.OnBailOrConditions));
        (await App.DefendantsOfAsync(s.Case.Id)).Single().Custody.ShouldBe(CustodyStatus.OnBailOrConditions);
    }

    [Fact]
    public async Task Nothing_is_added_to_a_case_closed_meanwhile()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var ines = await App.SignedInClientAsync("ines");
        var form = await ines.GetHtmlAsync(s.NewDefendantUrl);
        var paula = await App.SignedInClientAsync("paula");
        (await paula.SubmitFormAsync($"/Cases/{s.Case.Id}/Stage", new() { ["Target"] = nameof(CaseStage.Discontinued), ["Reason"] = "Witness withdrew." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await ines.SubmitFormAsync(form, s.NewDefendantUrl, new()
        {
            ["Form.Kind"] = nameof(DefendantKind.LegalPerson), ["Form.Name"] = "Late Ltd", ["Form.LegalForm"] = nameof(LegalForm.Company),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Summary().ShouldBe("This case is discontinued: its defendants and charges can no longer be changed.");
        (await App.DefendantsOfAsync(s.Case.Id)).ShouldBeEmpty();
    }
}
