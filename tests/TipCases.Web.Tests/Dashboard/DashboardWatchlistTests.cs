using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Assets;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Cooperation;
using TipCases.Domain.Hearings;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Security;
using TipCases.Web.Tests.Charges;
using TipCases.Web.Tests.Cooperation;
using TipCases.Web.Tests.Hearings;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Dashboard;

/// <summary>
/// The office dashboard's watch list, from known data: hearings in the next 14 days with a victim
/// witness without trial-stage protection, overdue cooperation requests and assets, each figure
/// equal to what was arranged, never counting another office's records, and each link opening the
/// list of exactly those records. Also: the means of control in the statistics export, and the
/// outcomes table in the dashboard CSV.
/// </summary>
public sealed class DashboardWatchlistTests(TipCasesApp app) : WebTest(app)
{
    private DashboardData Data { get; } = new(app);

    private sealed record World(Case Harbour, Case North, Victim Unprotected, Victim Protected, Victim Ended, Victim NorthVictim,
        CooperationRequest MostOverdue, CooperationRequest Overdue);

    private async Task<World> ArrangeAsync()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        await App.UserAsync("sam", Roles.Supervisor);
        await App.UserAsync("nils", Roles.Supervisor, "NRO");
        var olga = await App.UserAsync("olga", Roles.Prosecutor, "NRO");
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var ivan = await App.UserAsync("ivan", Roles.Investigator, "NRO");
        var harbour = await App.CaseAsync("CPO", "Harbour Lights", CaseStage.Trial, (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator));
        var other = await App.CaseAsync("CPO", "Old quarry", CaseStage.Trial, (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator));
        var north = await App.CaseAsync("NRO", "Northern farm", CaseStage.Trial, (olga.Id, TeamRole.Prosecutor), (ivan.Id, TeamRole.Investigator));

        var unprotected = await App.VictimAsync(harbour);
        var @protected = await App.VictimAsync(harbour);
        await App.ProtectAsync(@protected.Id, ProtectionMeasureKind.ClosedCourt);
        var ended = await App.VictimAsync(other);
        await App.ProtectAsync(ended.Id, ProtectionMeasureKind.SupportPersonPresent, MeasureStatus.Ended);
        var northVictim = await App.VictimAsync(north);

        await App.HearingAsync(harbour, 3, court: "Both witnesses", witnesses: [unprotected.Id, @protected.Id]); // listed: one unprotected
        await App.HearingAsync(harbour, 5, court: "Protected only", witnesses: @protected.Id); // not listed: the witness HAS a trial measure
        await App.HearingAsync(harbour, 20, court: "Too late", witnesses: unprotected.Id); // beyond 14 days
        await App.HearingAsync(harbour, 2, HearingStatus.Cancelled, court: "Cancelled", witnesses: unprotected.Id); // nobody testifies
        await App.HearingAsync(harbour, 4, court: "No witness"); // no victim witness
        await App.HearingAsync(other, 10, court: "Measure ended", witnesses: ended.Id); // listed: its only trial measure ended
        await App.HearingAsync(north, 2, court: "Northern court", witnesses: northVictim.Id); // another office

        var mostOverdue = await App.RequestAsync(harbour.Id, CooperationTestData.Mla("Most overdue"),
            (r, t) => { r.MarkSent(t.AddDays(-40), t.AddDays(-10), t); r.MarkAcknowledged(t.AddDays(-38), t); });
        var overdue = await App.RequestAsync(other.Id, CooperationTestData.Mla("Overdue") with { CounterpartState = "TH" },
            (r, t) => r.MarkSent(t.AddDays(-20), t.AddDays(-3), t));
        await App.RequestAsync(harbour.Id, CooperationTestData.Mla("On time"), (r, t) => r.MarkSent(t.AddDays(-5), t.AddDays(20), t));
        await App.RequestAsync(harbour.Id, CooperationTestData.Mla("Answered late"),
            (r, t) => { r.MarkSent(t.AddDays(-40), t.AddDays(-10), t); r.RecordExecution(true, t.AddDays(-1), t); });
        await App.RequestAsync(harbour.Id, CooperationTestData.Mla("Draft with a past due date"), (r, t) => r.SetDueDate(t.AddDays(-1)));
        await App.RequestAsync(north.Id, CooperationTestData.Mla("Northern overdue"), (r, t) => r.MarkSent(t.AddDays(-30), t.AddDays(-20), t));

        // Assets: two confiscated in EUR (one then disposed), one realised and partly allocated to a victim's claim;
        // one identified in USD, one seized without an estimate; the northern office's confiscated one must not count.
        await App.ChangeVictimAsync(unprotected.Id, v => v.AddClaim(harbour.Id, CompensationRoute.CriminalCourtOrder, [CompensationHead.UnpaidWages], "EUR",
            20_000m, 8_000m, 0m, null, null, App.Clock.GetUtcNow()));
        var realised = await AssetAsync(harbour, 10_000m, "EUR", (a, t, now) =>
        {
            a.RecordStep(AssetStep.Frozen, t.AddDays(-30), null, null, now, t);
            a.RecordStep(AssetStep.Confiscated, t.AddDays(-5), ConfiscationBasis.ConvictionBased, null, now, t);
            a.RecordRealisedValue(6_000m, "EUR");
        });
        await AllocateAsync(realised.Id, unprotected.Id, 4_500m);
        await AssetAsync(other, 2_000m, "EUR", (a, t, now) =>
        {
            a.RecordStep(AssetStep.Seized, t.AddDays(-30), null, null, now, t);
            a.RecordStep(AssetStep.Confiscated, t.AddDays(-20), ConfiscationBasis.NonConvictionBased, null, now, t);
            a.RecordStep(AssetStep.Disposed, t.AddDays(-2), null, null, now, t);
        });
        await AssetAsync(harbour, 500m, "USD");
        await AssetAsync(harbour, null, null, (a, t, now) => a.RecordStep(AssetStep.Seized, t.AddDays(-1), null, null, now, t));
        await AssetAsync(north, 99_999m, "EUR", (a, t, now) =>
        {
            a.RecordStep(AssetStep.Frozen, t.AddDays(-30), null, null, now, t);
            a.RecordStep(AssetStep.Confiscated, t.AddDays(-5), ConfiscationBasis.ConvictionBased, null, now, t);
            a.RecordRealisedValue(50_000m, "EUR");
        });
        return new World(harbour, north, unprotected, @protected, ended, northVictim, mostOverdue, overdue);
    }

    private Task<Asset> AssetAsync(Case on, decimal? estimated, string? currency, Action<Asset, DateOnly, DateTimeOffset>? shape = null) =>
        App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var today = App.Today();
            var now = App.Clock.GetUtcNow();
            var asset = Asset.Identify(on.Id, new AssetDetails("Account at Northwind Bank", AssetKind.BankAccount, "CY", null, null, [], false, null,
                estimated, currency), today.AddDays(-60), null, on.CreatedBy, now, today);
            shape?.Invoke(asset, today, now);
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset;
        });

    private Task AllocateAsync(Guid assetId, Guid victimId, decimal amount) => App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var asset = await db.Assets.Include(a => a.Steps).Include(a => a.Allocations).SingleAsync(a => a.Id == assetId);
        var victim = await db.Victims.Include(v => v.Claims).SingleAsync(v => v.Id == victimId);
        var today = App.Today();
        asset.Allocate(victim.Claims.Single(), amount, today, asset.CreatedBy, App.Clock.GetUtcNow(), today);
        await db.SaveChangesAsync();
    });

    private static string Text(IHtmlDocument page, string selector) => page.QuerySelector(selector)!.TextContent.Trim();

    private static List<string[]> Rows(IHtmlDocument page, string tableId) =>
        page.QuerySelectorAll<IHtmlTableRowElement>($"#{tableId} tbody tr")
            .Select(r => r.Cells.Select(c => c.TextContent.Trim()).ToArray())
            .ToList();

    [Fact]
    public async Task Hearings_in_the_next_14_days_with_an_unprotected_victim_witness_are_counted_listed_by_pseudonym_and_link_to_the_same_list()
    {
        var w = await ArrangeAsync();
        var sam = await App.SignedInClientAsync("sam");

        var page = await sam.GetHtmlAsync("/Dashboard");

        Text(page, "#office-unprotected-count").ShouldBe("2");
        var rows = page.QuerySelectorAll<IHtmlTableRowElement>("#office-unprotected tbody tr").ToList();
        rows.Count.ShouldBe(2);
        rows[0].Cells[1].TextContent.Trim().ShouldBe(w.Harbour.Reference);
        rows[0].Cells[2].TextContent.Trim().ShouldBe("Both witnesses");
        rows[0].QuerySelector("[data-testid=unprotected-witnesses]")!.TextContent.Trim().ShouldBe("1");
        rows[0].Cells[4].TextContent.Trim().ShouldBe(w.Unprotected.Pseudonym);
        rows[0].Cells[4].QuerySelector("a")!.GetAttribute("href").ShouldBe($"/Victims/{w.Unprotected.Id}/Protection");
        rows[0].QuerySelector("a")!.GetAttribute("href").ShouldBe($"/Cases/{w.Harbour.Id}/Hearings");
        rows[1].Cells[2].TextContent.Trim().ShouldBe("Measure ended");
        rows[1].Cells[4].TextContent.Trim().ShouldBe(w.Ended.Pseudonym);
        var section = page.QuerySelector("#office-watchlist")!.TextContent;
        foreach (var hidden in new[] { "Protected only", "Too late", "Cancelled", "No witness", "Northern court", w.NorthVictim.Pseudonym, "Amina", "Testperson" })
        {
            section.ShouldNotContain(hidden);
        }

        // The figure's link opens "Upcoming hearings" filtered by the same rule: the same two hearings.
        var href = page.QuerySelector("a#office-unprotected-count")!.GetAttribute("href")!;
        href.ShouldBe("/Hearings/Upcoming?days=14&unprotected=true");
        var listed = (await sam.GetHtmlAsync(href)).HearingRows("upcoming-hearings");
        listed.Select(r => r.Cells[2].ChildNodes[0].TextContent.Trim()).ShouldBe(["Both witnesses", "Measure ended"]);
        (await sam.GetHtmlAsync("/Hearings/Upcoming?days=14")).HearingRows("upcoming-hearings").Count.ShouldBe(4);

        // Planning a trial measure for the last unprotected witness of a hearing takes it off the list.
        await App.ProtectAsync(w.Unprotected.Id, ProtectionMeasureKind.VideoLinkTestimony);
        Text(await sam.GetHtmlAsync("/Dashboard"), "#office-unprotected-count").ShouldBe("1");
    }

    [Fact]
    public async Task Overdue_cooperation_requests_are_counted_with_the_registers_rule_most_overdue_first_and_link_to_its_overdue_filter()
    {
        var w = await ArrangeAsync();
        var sam = await App.SignedInClientAsync("sam");

        var page = await sam.GetHtmlAsync("/Dashboard");

        Text(page, "#office-overdue-requests-count").ShouldBe("2");
        var rows = Rows(page, "office-overdue-requests");
        rows.Select(r => r[3]).ShouldBe(["10", "3"]);
        rows[0][1].ShouldBe(w.Harbour.Reference);
        rows[1][0].ShouldContain("Thailand");
        page.QuerySelector("#office-overdue-requests tbody tr a")!.GetAttribute("href").ShouldBe($"/Cases/{w.Harbour.Id}/Cooperation/{w.MostOverdue.Id}");

        var href = page.QuerySelector("a#office-overdue-requests-count")!.GetAttribute("href")!;
        href.ShouldBe("/Cooperation?OverdueOnly=true");
        var register = (await sam.GetHtmlAsync(href)).QuerySelectorAll("[data-testid=register-row]").Select(r => r.TextContent).ToList();
        register.Count.ShouldBe(2);
        register[0].ShouldContain("Most overdue");
        register[1].ShouldContain("Overdue");
    }

    [Fact]
    public async Task Assets_are_totalled_per_currency_and_counted_per_step_for_the_office_only()
    {
        await ArrangeAsync();
        var sam = await App.SignedInClientAsync("sam");

        var page = await sam.GetHtmlAsync("/Dashboard");

        // EUR: two confiscated (10,000 + 2,000 estimated), 6,000 realised, 4,500 allocated to one victim. No USD row: nothing confiscated or realised.
        Rows(page, "office-assets").ShouldHaveSingleItem().ShouldBe(["EUR", "2", "12,000.00", "6,000.00", "4,500.00", "1"]);
        Rows(page, "office-asset-steps").Select(r => (r[0], r[1])).ShouldBe(
        [
            ("Identified", "1"), ("Frozen", "0"), ("Seized", "1"), ("Confiscated", "1"), ("Returned", "0"), ("Disposed of", "1"),
        ]);
        Text(page, "#office-asset-steps tfoot td").ShouldBe("4");

        // Each count links to the office's cases with an asset now at that step (the northern confiscated one is not listed).
        async Task<List<string>> CasesBehind(string step)
        {
            var link = page.QuerySelector($"#office-asset-steps tr[data-step={step}] a")!;
            var list = await sam.GetHtmlAsync(link.GetAttribute("href")!);
            return list.QuerySelectorAll("main table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        }
        var references = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Cases.AsNoTracking()
            .ToDictionaryAsync(c => c.Title, c => c.Reference));
        (await CasesBehind(nameof(AssetStep.Confiscated))).ShouldBe([references["Harbour Lights"]]);
        (await CasesBehind(nameof(AssetStep.Disposed))).ShouldBe([references["Old quarry"]]);
        (await CasesBehind(nameof(AssetStep.Identified))).ShouldBe([references["Harbour Lights"]]);
        page.QuerySelector("#office-asset-steps tr[data-step=Frozen] a").ShouldBeNull("a zero links nowhere");
        (await sam.GetHtmlAsync("/Cases?asset=Lost")).QuerySelector("#figure-filters")!.TextContent
            .ShouldContain("Choose a step of an asset's life from the list");

        // The period narrows the assets to the cases opened in it (all of them today: the test cases were opened today).
        var lastYear = await sam.GetHtmlAsync($"/Dashboard?from={App.Today().AddYears(-2).Iso()}&to={App.Today().AddYears(-1).Iso()}");
        lastYear.QuerySelector("#office-assets").ShouldBeNull();
        lastYear.QuerySelector("#office-asset-steps").ShouldBeNull();
    }

    [Fact]
    public async Task The_asset_tables_download_as_csv_for_supervisors_only_with_the_pages_numbers()
    {
        await ArrangeAsync();
        var sam = await App.SignedInClientAsync("sam");
        var page = await sam.GetHtmlAsync("/Dashboard");
        string Link(string table) => page.QuerySelectorAll("#office-assets-heading ~ span a, #office-watchlist a")
            .Select(a => a.GetAttribute("href")!).First(h => h.Contains("table=" + table + "&", StringComparison.Ordinal) || h.EndsWith("table=" + table, StringComparison.Ordinal));
        async Task<string[]> LinesAsync(HttpClient client, string url)
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        }

        (await LinesAsync(sam, Link("Assets"))).ShouldBe(
        [
            "\"Currency\",\"Confiscated assets\",\"Estimated value confiscated\",\"Value realised\",\"Allocated to victims' compensation\",\"Victims paid from assets\"",
            "\"EUR\",\"2\",\"12000.00\",\"6000.00\",\"4500.00\",\"1\"",
        ]);
        (await LinesAsync(sam, Link("AssetSteps"))).ShouldBe(
        [
            "\"Step reached\",\"Assets\"", "\"Identified\",\"1\"", "\"Frozen\",\"0\"", "\"Seized\",\"1\"", "\"Confiscated\",\"1\"",
            "\"Returned\",\"0\"", "\"Disposed of\",\"1\"", "\"Total\",\"4\"",
        ]);
        (await LinesAsync(await App.SignedInClientAsync("nils"), "/Dashboard/Export?table=Assets&scope=Office"))[1].ShouldStartWith("\"EUR\",\"1\",\"99999.00\"");
        // A prosecutor asks for the office's assets, whatever scope she names: refused.
        var paula = await App.SignedInClientAsync("paula");
        (await paula.GetAsync("/Dashboard/Export?table=Assets&scope=MyCases")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await paula.GetAsync("/Dashboard/Export?table=AssetSteps")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_supervisor_of_another_office_sees_only_that_office_in_every_section()
    {
        var w = await ArrangeAsync();
        var nils = await App.SignedInClientAsync("nils");

        var page = await nils.GetHtmlAsync("/Dashboard");

        Text(page, "#office-unprotected-count").ShouldBe("1");
        Rows(page, "office-unprotected").ShouldHaveSingleItem()[2].ShouldBe("Northern court");
        Text(page, "#office-overdue-requests-count").ShouldBe("1");
        Rows(page, "office-overdue-requests").ShouldHaveSingleItem()[1].ShouldBe(w.North.Reference);
        Rows(page, "office-assets").ShouldHaveSingleItem().ShouldBe(["EUR", "1", "99,999.00", "50,000.00", "0.00", "0"]);
        var text = page.QuerySelector("#office-watchlist")!.TextContent;
        foreach (var central in new[] { w.Harbour.Reference, w.Unprotected.Pseudonym, w.Ended.Pseudonym, "Both witnesses", "Measure ended" })
        {
            text.ShouldNotContain(central);
        }
    }

    [Fact]
    public async Task A_prosecutor_is_refused_the_dashboard()
    {
        await ArrangeAsync();
        var paula = await App.SignedInClientAsync("paula");

        (await paula.GetAsync("/Dashboard")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_outcomes_table_downloads_as_csv_with_the_pages_numbers()
    {
        await App.UserAsync("sam", Roles.Supervisor);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var decided = await Data.CaseAsync("CPO", "Decided", CaseStage.PreTrial, CaseOrigin.TipOff, CaseScope.Domestic, 30,
            (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator));
        var victim = await Data.VictimAsync(decided, Sex.Female, [ExploitationForm.ForcedLabourOrServices], new DateOnly(1990, 1, 1));
        var defendant = await App.DefendantAsync(decided.Id);
        await App.ChargeAsync(decided.Id, defendant.Id, victims: [victim.Id], filed: true);
        await App.DecideFiledChargesAsync(decided.Id);
        var sam = await App.SignedInClientAsync("sam");
        var page = await sam.GetHtmlAsync("/Dashboard");
        var link = page.QuerySelectorAll("a").Single(a => a.GetAttribute("href")?.Contains("table=Outcomes", StringComparison.Ordinal) == true).GetAttribute("href")!;

        var response = await sam.GetAsync(link);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldBe(
        [
            "\"Outcome\",\"Cases\"",
            "\"With a conviction\",\"1\"",
            "\"With an acquittal\",\"0\"",
            "\"With a verdict\",\"1\"",
            "\"Median days from intake to first verdict\",\"30\"",
        ]);
        Text(page, "#office-convicted td").ShouldBe("1");
        Text(page, "#office-median-days td").ShouldBe("30");
    }

    [Fact]
    public async Task The_statistics_publish_the_means_of_control_recorded_on_the_victims_charges_still_k_anonymous()
    {
        await App.UserAsync("sam", Roles.Supervisor);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var ines = await App.UserAsync("ines", Roles.Investigator);
        var trial = await Data.CaseAsync("CPO", "Greenhouses", CaseStage.PreTrial, CaseOrigin.TipOff, CaseScope.Transnational, 0,
            (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator));
        var victims = new List<Victim>();
        // Eleven alike (aged 25) on a charge alleging threats and deception; one more, on no charge, who is alone and suppressed.
        for (var i = 0; i < 11; i++)
        {
            victims.Add(await Data.VictimAsync(trial, Sex.Female, [ExploitationForm.ForcedLabourOrServices], Data.Today.AddYears(-25).AddDays(-40), nationality: "Moldova"));
        }
        var alone = await Data.VictimAsync(trial, Sex.Female, [ExploitationForm.ForcedLabourOrServices], Data.Today.AddYears(-25).AddDays(-40), nationality: "Moldova");
        var defendant = await App.DefendantAsync(trial.Id);
        var ids = victims.Select(v => v.Id).ToArray();
        await App.ChargeAsync(trial.Id, defendant.Id, victims: ids, facts: Facts(TraffickingMeans.ThreatOfForce, TraffickingMeans.Deception));
        // A withdrawn charge's means (use of force) are no longer alleged: not published.
        var withdrawn = await App.ChargeAsync(trial.Id, defendant.Id, victims: [.. ids, alone.Id], facts: Facts(TraffickingMeans.UseOfForce));
        await WithdrawAsync(trial.Id, withdrawn.Id);
        var client = await App.SignedInClientAsync("sam");

        var csv = (await (await client.GetAsync("/Dashboard/Statistics?handler=Csv")).Content.ReadAsStringAsync()).TrimStart('\uFEFF');

        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        rows.Count.ShouldBe(11);
        rows.Distinct().ShouldHaveSingleItem().ShouldBe("\"Female\",\"Adult\",\"24--26\",\"ForcedLabourOrServices\",\"PreTrial\",\"MD\",\"FalsePromises;Threats\"");
        foreach (var victim in victims.Append(alone))
        {
            csv.ShouldNotContain(victim.Pseudonym);
        }
        var report = (await (await client.GetAsync("/Dashboard/Statistics?handler=Report")).Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        report.ShouldContain("\"victims suppressed (in a group smaller than k after generalisation)\",\"1\"");
        report.ShouldContain("\"attribute meansOfControl\",\"as recorded:");
    }

    private static ChargeFacts Facts(params TraffickingMeans[] means) => new(
        [new Evidenced<TraffickingAct>(TraffickingAct.Recruitment, "Witness statements")],
        means.Select(m => new Evidenced<TraffickingMeans>(m, "Witness statements")).ToList(),
        [new Evidenced<ExploitationForm>(ExploitationForm.ForcedLabourOrServices, "Witness statements")],
        null, null, null, []);

    private Task WithdrawAsync(Guid caseId, Guid chargeId) => App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
        var charge = await db.Charges.Include(c => c.Aggravations).SingleAsync(c => c.Id == chargeId);
        var offence = await db.Offences.SingleAsync(o => o.Id == charge.OffenceId);
        var defendant = await db.Defendants.SingleAsync(d => d.Id == charge.DefendantId);
        charge.ChangeStatus(@case, ChargeStatus.Withdrawn, App.Today(), "Insufficient evidence.", null, offence, defendant, @case.CreatedBy,
            App.Clock.GetUtcNow(), App.Today());
        await db.SaveChangesAsync();
    });
}
