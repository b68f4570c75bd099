using System.Net;
using TipCases.Domain.Charges;
using TipCases.Domain.Victims;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;
using TipCases.Domain.Jurisdiction;

namespace TipCases.Web.Tests.Charges;

/// <summary>Defendants, charges, facts and the life cycle through the pages, and every bad input
/// refused with a message next to its field and nothing saved.</summary>
public sealed class ChargeFormTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task An_investigator_adds_a_company_and_a_natural_person_as_defendants()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var ines = await App.SignedInClientAsync("ines");

        var company = await ines.SubmitFormAsync(s.NewDefendantUrl, new()
        {
            ["Form.Kind"] = nameof(DefendantKind.LegalPerson), ["Form.Name"] = "Harbour Test Staffing Ltd",
            ["Form.LegalForm"] = nameof(LegalForm.Company), ["Form.RegistrationNumber"] = "REG-1", ["Form.Country"] = "NO",
        });
        var person = await ines.SubmitFormAsync(s.NewDefendantUrl, new()
        {
            ["Form.Kind"] = nameof(DefendantKind.NaturalPerson), ["Form.Name"] = "Viktor Testdefendant", ["Form.DateOfBirth"] = "1975-06-01",
            ["Form.IsStateless"] = "true", ["Form.HabitualResidence"] = "RO", ["Form.Custody"] = nameof(CustodyStatus.Abroad),
            ["Form.ExtraditionRefusal"] = nameof(ExtraditionRefusal.RefusedOtherReason), ["Form.ExtraditionRefusalNote"] = "Requested state refused",
        });

        company.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        person.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = (await App.DefendantsOfAsync(s.Case.Id)).OrderBy(d => d.CreatedAt).ToList();
        stored.Select(d => d.Kind).ShouldBe([DefendantKind.LegalPerson, DefendantKind.NaturalPerson]);
        stored[0].ShouldSatisfyAllConditions(d => d.LegalForm.ShouldBe(LegalForm.Company), d => d.Country.ShouldBe("NO"), d => d.Custody.ShouldBeNull());
        stored[1].ShouldSatisfyAllConditions(d => d.IsStateless.ShouldBeTrue(), d => d.HabitualResidence.ShouldBe("RO"),
            d => d.ExtraditionRefusal.ShouldBe(ExtraditionRefusal.RefusedOtherReason), d => d.ExtraditionRefusalNote.ShouldBe("Requested state refused"));
        var page = await ines.GetHtmlAsync(s.ChargesUrl);
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain("Viktor Testdefendant is added to the case.");
        page.QuerySelectorAll("[data-testid=defendant] h2").Select(h => h.TextContent).ShouldBe(
            ["Harbour Test Staffing Ltd · company", "Viktor Testdefendant · natural person, abroad"]);
    }

    [Fact]
    public async Task A_prosecutor_charges_a_child_victims_trafficker_without_means_and_the_page_says_the_means_are_not_required()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var company = await App.DefendantAsync(s.Case.Id, ChargeTestData.Company());
        var paula = await App.SignedInClientAsync("paula");

        var added = await paula.SubmitFormAsync(s.NewChargeUrl, new()
        {
            ["Form.DefendantId"] = company.Id.ToString(), ["Form.OffenceId"] = DefaultOffences.TraffickingId.ToString(),
            ["Form.VictimIds"] = s.Child.Id.ToString(), ["Form.Particulars"] = "Recruited a 15-year-old for work in the laundry.",
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var chargeUrl = added.Headers.Location!.ToString();
        var charge = (await App.ChargesOfAsync(s.Case.Id)).ShouldHaveSingleItem();
        chargeUrl.ShouldBe($"/Charges/{charge.Id}");
        charge.Status.ShouldBe(ChargeStatus.Proposed);
        charge.VictimIds.ShouldBe([s.Child.Id]);

        var facts = await paula.SubmitFormAsync($"{chargeUrl}/Facts",
            ChargeTestData.FactsForm([TraffickingAct.Recruitment], [], [ExploitationForm.ForcedLabourOrServices]));
        facts.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await paula.GetHtmlAsync(chargeUrl);
        page.Text("[data-testid=elements-conclusion]").ShouldContain("All elements of trafficking in persons are supported: act and purpose; the means are not required for a child victim.");
        page.QuerySelectorAll("[data-testid=element-state]").Select(e => e.TextContent).ShouldBe(["Met", "Not required", "Met"]);
        var means = page.Text("[data-testid=element-Means]");
        means.ShouldContain($"Means not required: {s.Child.Pseudonym} was a child at the time of the offence");
        means.ShouldContain("Protocol Art. 3(c)");
        page.Text("[data-testid=charge-victims]").ShouldContain("Aged 15 on 2025-03-01");
        // An exact age on a date all but gives the date of birth: a supervisor reads only "under 18".
        var supervisorView = await (await App.SignedInClientAsync("sam")).GetHtmlAsync(chargeUrl);
        supervisorView.Text("[data-testid=charge-victims]").ShouldContain("Under 18 on 2025-03-01");
        supervisorView.Text("[data-testid=charge-victims]").ShouldNotContain("Aged 15");
        page.Text("[data-testid=ceiling]").ShouldContain("12 years");
        page.Text("[data-testid=suggestions]").ShouldContain("Trafficking in children (TIP-C) fits, with a maximum of 25 years");
        page.Text("[data-testid=charge-defendant]").ShouldBe("Harbour Test Staffing Ltd");
        // The child's identity is never on the page, only the pseudonym.
        page.DocumentElement.OuterHtml.ShouldNotContain("Nadia");
        page.DocumentElement.OuterHtml.ShouldNotContain("Childtest");
    }

    [Fact]
    public async Task Consent_is_shown_as_legally_irrelevant_once_a_means_is_established()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id, victims: [s.Adult.Id]);
        var paula = await App.SignedInClientAsync("paula");
        var form = ChargeTestData.FactsForm([TraffickingAct.Recruitment], [TraffickingMeans.Deception], [ExploitationForm.ProstitutionOfOthers]);
        form["Form.ConsentNote"] = "The defence says she knew she would work in a bar.";

        (await paula.SubmitFormAsync($"/Charges/{charge.Id}/Facts", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var consent = (await paula.GetHtmlAsync($"/Charges/{charge.Id}")).Text("[data-testid=consent]");
        consent.ShouldContain("The defence says she knew she would work in a bar.");
        consent.ShouldContain("The recorded \"consent\" is legally irrelevant: a means is established (deception)");
        consent.ShouldContain("Protocol Art. 3(b)");
    }

    [Fact]
    public async Task A_filed_charge_is_convicted_with_a_sentence_at_the_ceiling_and_an_appeal_is_recorded()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id, filed: true);
        var paula = await App.SignedInClientAsync("paula");
        var url = $"/Charges/{charge.Id}/Status";

        var convicted = await paula.SubmitFormAsync(url, new()
        {
            ["Form.To"] = nameof(ChargeStatus.Convicted), ["Form.On"] = App.Today().AddDays(-1).Iso(),
            ["Form.Sentence.CustodialMonths"] = "144", ["Form.Sentence.Compensation"] = "12500.50", ["Form.Sentence.Currency"] = "eur",
            ["Form.Sentence.ConfiscationOrdered"] = "true", ["Form.Sentence.ConfiscationNote"] = "Two cars",
        }, handler: "Status");
        convicted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var appealed = await paula.SubmitFormAsync(url, new()
        {
            ["AppealForm.LodgedOn"] = App.Today().Iso(), ["AppealForm.By"] = nameof(AppealParty.Defence), ["AppealForm.Outcome"] = nameof(AppealOutcome.Pending),
        }, handler: "Appeal");
        appealed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stored = await App.StoredChargeAsync(charge.Id);
        stored.Status.ShouldBe(ChargeStatus.Convicted);
        stored.StatusOn.ShouldBe(App.Today().AddDays(-1));
        stored.Sentence.ShouldBe(new Sentence(144, null, true, "Two cars", 12500.50m, "EUR"));
        stored.Appeal.ShouldBe(new Appeal(App.Today(), AppealParty.Defence, AppealOutcome.Pending, null, null));
        stored.Steps.Select(h => h.To).ShouldBe([ChargeStatus.Proposed, ChargeStatus.Filed, ChargeStatus.Convicted]);
        var page = await paula.GetHtmlAsync($"/Charges/{charge.Id}");
        page.Text("[role=status]").ShouldContain("The appeal is saved.");
        page.Text("main").ShouldContain("144 months");
        page.Text("main").ShouldContain("12,500.50 EUR");
    }

    // Bad input: a clear message next to the field, nothing saved.

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000", "Choose an offence from the catalogue.")]
    [InlineData("", "Choose an offence from the catalogue.")]
    [InlineData("not-a-guid", "Choose an offence from the catalogue.")]
    public async Task An_unknown_offence_is_refused_and_nothing_is_saved(string offence, string message)
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var paula = await App.SignedInClientAsync("paula");

        var response = await paula.SubmitFormAsync(s.NewChargeUrl, new() { ["Form.DefendantId"] = d.Id.ToString(), ["Form.OffenceId"] = offence });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).FieldError("Form.OffenceId").ShouldBe(message);
        (await App.ChargesOfAsync(s.Case.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_offence_no_longer_in_use_is_not_offered_for_a_new_charge()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var adam = await App.SignedInClientAsync("adam");
        var edit = await adam.GetHtmlAsync($"/Admin/Offences/Edit/{DefaultOffences.ConspiracyId}");
        (await adam.SubmitFormAsync(edit, $"/Admin/Offences/Edit/{DefaultOffences.ConspiracyId}", new() { ["Form.IsActive"] = "false" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var paula = await App.SignedInClientAsync("paula");
        try
        {
            (await paula.GetHtmlAsync(s.NewChargeUrl)).QuerySelector($"#Form_OffenceId option[value='{DefaultOffences.ConspiracyId}']").ShouldBeNull();
            var response = await paula.SubmitFormAsync(s.NewChargeUrl, new() { ["Form.DefendantId"] = d.Id.ToString(), ["Form.OffenceId"] = DefaultOffences.ConspiracyId.ToString() });
            (await response.ReadHtmlAsync()).FieldError("Form.OffenceId").ShouldBe("Choose an offence from the catalogue.");
            (await App.ChargesOfAsync(s.Case.Id)).ShouldBeEmpty();
        }
        finally
        {
            // The catalogue is reference data kept between tests: put it back.
            var again = await adam.GetHtmlAsync($"/Admin/Offences/Edit/{DefaultOffences.ConspiracyId}");
            await adam.SubmitFormAsync(again, $"/Admin/Offences/Edit/{DefaultOffences.ConspiracyId}", new() { ["Form.IsActive"] = "true" });
        }
    }

    [Fact]
    public async Task A_verdict_on_a_proposed_charge_is_refused_and_nothing_is_saved()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id);
        var paula = await App.SignedInClientAsync("paula");

        var response = await paula.SubmitFormAsync($"/Charges/{charge.Id}/Status",
            new() { ["Form.To"] = nameof(ChargeStatus.Convicted), ["Form.On"] = App.Today().Iso() }, handler: "Status");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).FieldError("Form.To").ShouldBe("A verdict can only be recorded on a filed or amended charge: file the charge first.");
        var stored = await App.StoredChargeAsync(charge.Id);
        stored.Status.ShouldBe(ChargeStatus.Proposed);
        stored.StatusHistory.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_sentence_above_the_ceiling_is_refused_with_the_reason_and_nothing_is_saved()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id, filed: true);
        var paula = await App.SignedInClientAsync("paula");

        var response = await paula.SubmitFormAsync($"/Charges/{charge.Id}/Status", new()
        {
            ["Form.To"] = nameof(ChargeStatus.Convicted), ["Form.On"] = App.Today().Iso(), ["Form.Sentence.CustodialMonths"] = "145",
        }, handler: "Status");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).FieldError("Form.Sentence.CustodialMonths").ShouldBe(
            "The custodial term of 145 months is above the maximum of 12 years (144 months) for this charge. " +
            "The catalogue sets 12 years for Trafficking in persons (TIP); no aggravating circumstance is recorded.");
        var stored = await App.StoredChargeAsync(charge.Id);
        stored.Status.ShouldBe(ChargeStatus.Filed);
        stored.SentenceCustodialMonths.ShouldBeNull();
    }

    [Fact]
    public async Task A_custodial_term_for_a_company_is_refused()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id, ChargeTestData.Company());
        var charge = await App.ChargeAsync(s.Case.Id, d.Id, filed: true);
        var paula = await App.SignedInClientAsync("paula");

        var response = await paula.SubmitFormAsync($"/Charges/{charge.Id}/Status", new()
        {
            ["Form.To"] = nameof(ChargeStatus.Convicted), ["Form.On"] = App.Today().Iso(), ["Form.Sentence.CustodialMonths"] = "12",
        }, handler: "Status");

        (await response.ReadHtmlAsync()).FieldError("Form.Sentence.CustodialMonths")
            .ShouldBe("A legal person cannot be sentenced to a custodial term: record a fine or another monetary sanction (Convention Art. 10(4)).");
        (await App.StoredChargeAsync(charge.Id)).Status.ShouldBe(ChargeStatus.Filed);
    }

    public static TheoryData<string, string, string> BadStatusDates => new()
    {
        { "-6", "Form.On", "The date cannot be before the charge was filed on " },
        { "1", "Form.On", "The date cannot be in the future." },
    };

    [Theory]
    [MemberData(nameof(BadStatusDates))]
    public async Task Status_dates_out_of_order_are_refused_and_nothing_is_saved(string days, string field, string message)
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id, filed: true);
        var paula = await App.SignedInClientAsync("paula");

        var response = await paula.SubmitFormAsync($"/Charges/{charge.Id}/Status", new()
        {
            ["Form.To"] = nameof(ChargeStatus.Withdrawn), ["Form.On"] = App.Today().AddDays(int.Parse(days, System.Globalization.CultureInfo.InvariantCulture)).Iso(),
        }, handler: "Status");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).FieldError(field).ShouldStartWith(message);
        (await App.StoredChargeAsync(charge.Id)).Status.ShouldBe(ChargeStatus.Filed);
    }

    [Fact]
    public async Task An_appeal_decided_before_it_was_lodged_is_refused()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id, filed: true);
        var paula = await App.SignedInClientAsync("paula");
        await paula.SubmitFormAsync($"/Charges/{charge.Id}/Status", new() { ["Form.To"] = nameof(ChargeStatus.Acquitted), ["Form.On"] = App.Today().AddDays(-3).Iso() }, handler: "Status");

        var response = await paula.SubmitFormAsync($"/Charges/{charge.Id}/Status", new()
        {
            ["AppealForm.LodgedOn"] = App.Today().AddDays(-1).Iso(), ["AppealForm.By"] = nameof(AppealParty.Prosecution),
            ["AppealForm.Outcome"] = nameof(AppealOutcome.Overturned), ["AppealForm.DecidedOn"] = App.Today().AddDays(-2).Iso(),
        }, handler: "Appeal");

        (await response.ReadHtmlAsync()).FieldError("AppealForm.DecidedOn").ShouldBe("The decision comes after the appeal was lodged, and not in the future.");
        (await App.StoredChargeAsync(charge.Id)).Appeal.ShouldBeNull();
    }

    [Fact]
    public async Task A_ticked_fact_without_evidence_is_refused_next_to_it_and_nothing_is_saved()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id);
        var ines = await App.SignedInClientAsync("ines");
        var form = ChargeTestData.FactsForm([TraffickingAct.Recruitment], [TraffickingMeans.Fraud]);
        var fraud = ChargeTestData.FactRow(ChargeElement.Means, nameof(TraffickingMeans.Fraud));
        form[$"Form.Facts[{fraud}].Evidence"] = " ";

        var response = await ines.SubmitFormAsync($"/Charges/{charge.Id}/Facts", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.QuerySelector($"#Form_Facts_{fraud}_Evidence-error")!.TextContent.ShouldBe("Say what evidence supports \"fraud\".");
        (await App.StoredChargeAsync(charge.Id)).Facts.ShouldBeEmpty();
    }

    [Fact]
    public async Task Forced_labour_charged_on_its_own_needs_the_exploitation_that_took_place_not_only_its_purpose()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id, offenceId: DefaultOffences.ForcedLabourId);
        var ines = await App.SignedInClientAsync("ines");

        // The purpose alone (the exploitation intended) is what trafficking needs, not forced labour.
        (await ines.SubmitFormAsync($"/Charges/{charge.Id}/Facts", ChargeTestData.FactsForm(purposes: [ExploitationForm.ForcedLabourOrServices])))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var intended = await ines.GetHtmlAsync($"/Charges/{charge.Id}");
        intended.QuerySelectorAll("[data-testid=element-state]").Select(e => e.TextContent).ShouldBe(["Missing"]);
        intended.Text("[data-testid=element-Exploitation]").ShouldContain("forced labour needs the exploitation to have taken place");

        var form = ChargeTestData.FactsForm(purposes: [ExploitationForm.ForcedLabourOrServices], exploitation: [ExploitationForm.ForcedLabourOrServices]);
        (await ines.SubmitFormAsync($"/Charges/{charge.Id}/Facts", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stored = await App.StoredChargeAsync(charge.Id);
        stored.Exploitation.ShouldBe([new Evidenced<ExploitationForm>(ExploitationForm.ForcedLabourOrServices, "Statement about ForcedLabourOrServices")]);
        stored.Purposes.Select(p => p.Value).ShouldBe([ExploitationForm.ForcedLabourOrServices]);
        var happened = await ines.GetHtmlAsync($"/Charges/{charge.Id}");
        happened.QuerySelectorAll("[data-testid=element-state]").Select(e => e.TextContent).ShouldBe(["Met"]);
        happened.Text("[data-testid=element-Exploitation]").ShouldContain("The exploitation is shown to have taken place: forced labour or services.");
        // The form shows it ticked again, under its own heading.
        var again = await ines.GetHtmlAsync($"/Charges/{charge.Id}/Facts");
        var row = ChargeTestData.FactRow(ChargeElement.Exploitation, nameof(ExploitationForm.ForcedLabourOrServices));
        again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#Form_Facts_{row}_Selected")!.IsChecked.ShouldBeTrue();
        again.QuerySelector($"label[for=Form_Facts_{row}_Evidence]")!.TextContent.ShouldBe("Evidence that Forced labour or services took place");
    }

    [Fact]
    public async Task Exploitation_that_took_place_without_evidence_is_refused_next_to_it()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id, offenceId: DefaultOffences.ServitudeId);
        var ines = await App.SignedInClientAsync("ines");
        var form = ChargeTestData.FactsForm(exploitation: [ExploitationForm.Servitude]);
        var row = ChargeTestData.FactRow(ChargeElement.Exploitation, nameof(ExploitationForm.Servitude));
        form[$"Form.Facts[{row}].Evidence"] = "";

        var response = await ines.SubmitFormAsync($"/Charges/{charge.Id}/Facts", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelector($"#Form_Facts_{row}_Evidence-error")!.TextContent.ShouldBe("Say what evidence shows that servitude took place.");
        (await App.StoredChargeAsync(charge.Id)).Facts.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_tampered_fact_value_is_refused()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id);
        var ines = await App.SignedInClientAsync("ines");
        var form = ChargeTestData.FactsForm([TraffickingAct.Recruitment]);
        form["Form.Facts[0].Value"] = "Kidnapping";

        var response = await ines.SubmitFormAsync($"/Charges/{charge.Id}/Facts", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelector("#Form_Facts_0_Evidence-error")!.TextContent.ShouldBe("This is not one of the values the form offers. Choose again.");
        (await App.StoredChargeAsync(charge.Id)).Facts.ShouldBeEmpty();
    }

    [Fact]
    public async Task Age_evidence_for_a_victim_with_no_date_of_birth_makes_them_a_child_for_the_analysis()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var unknown = await App.VictimAsync(s.Case, VictimFactory.Identity("Pat", "Unknownage", null) with { DateOfBirth = null });
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id, victims: [unknown.Id]);
        var ines = await App.SignedInClientAsync("ines");
        var before = await ines.GetHtmlAsync($"/Charges/{charge.Id}");
        before.Text("[data-testid=charge-victims]").ShouldContain("date of birth unknown, so it cannot be shown whether the victim was a child");
        var form = ChargeTestData.FactsForm([TraffickingAct.Harbouring], [], [ExploitationForm.ForcedBegging]);
        form["Form.Ages[0].Evidence"] = "Forensic age assessment: 14 to 16";

        var missing = await ines.SubmitFormAsync($"/Charges/{charge.Id}/Facts", form);
        (await missing.ReadHtmlAsync()).QuerySelector("#Form_Ages_0_IndicatesChild-error")!.TextContent.ShouldBe("Say whether the evidence indicates a child (under 18) or an adult.");
        form["Form.Ages[0].IndicatesChild"] = "true";
        (await ines.SubmitFormAsync($"/Charges/{charge.Id}/Facts", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await ines.GetHtmlAsync($"/Charges/{charge.Id}");
        page.Text("[data-testid=charge-victims]").ShouldContain("The age evidence recorded on this charge (Forensic age assessment: 14 to 16) indicates a child");
        page.Text("[data-testid=element-Means]").ShouldContain("Means not required");
        (await App.StoredChargeAsync(charge.Id)).Victims.Single().AgeEvidenceIndicatesChild.ShouldBe(true);
    }

    [Fact]
    public async Task A_natural_person_without_a_custody_status_or_with_an_unknown_nationality_is_refused()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var ines = await App.SignedInClientAsync("ines");

        var response = await ines.SubmitFormAsync(s.NewDefendantUrl, new()
        {
            ["Form.Kind"] = nameof(DefendantKind.NaturalPerson), ["Form.Name"] = "Viktor Testdefendant", ["Form.Nationality"] = "ZZ",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.FieldError("Form.Custody").ShouldBe("Choose the defendant's custody status.");
        page.FieldError("Form.Nationality").ShouldBe("Choose the nationality from the list of states.");
        (await App.DefendantsOfAsync(s.Case.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_aggravating_circumstance_needs_its_evidence()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var paula = await App.SignedInClientAsync("paula");

        var response = await paula.SubmitFormAsync(s.NewChargeUrl, new()
        {
            ["Form.DefendantId"] = d.Id.ToString(), ["Form.OffenceId"] = DefaultOffences.TraffickingId.ToString(), ["Form.Aggravations[3].Selected"] = "true",
        });

        (await response.ReadHtmlAsync()).QuerySelector("#Form_Aggravations_3_Evidence-error")!.TextContent.ShouldBe("Say what evidence supports this circumstance.");
        (await App.ChargesOfAsync(s.Case.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Aggravating_circumstances_raise_the_ceiling_shown_on_the_charge_page()
    {
        var s = await ChargeScenario.CreateAsync(App);
        var d = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, d.Id, victims: [s.Adult.Id]);
        var paula = await App.SignedInClientAsync("paula");
        var url = $"/Cases/{s.Case.Id}/Charges/Edit/{charge.Id}";

        var response = await paula.SubmitFormAsync(url, new()
        {
            ["Form.Aggravations[2].Selected"] = "true", ["Form.Aggravations[2].Evidence"] = "Medical report on HIV exposure",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.StoredChargeAsync(charge.Id)).AggravatingCircumstances.ShouldBe([AggravatingCircumstance.LifeThreateningIllness]);
        var ceiling = (await paula.GetHtmlAsync($"/Charges/{charge.Id}")).Text("[data-testid=ceiling]");
        ceiling.ShouldContain("20 years");
        ceiling.ShouldContain("Aggravated (exposure to a life-threatening illness): the catalogue sets 20 years for Trafficking in persons (TIP) when aggravated, instead of 12.");
    }
}
