using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TipCases.DataGenerator;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Scale;

/// <summary>The data generator at a small size: what it writes is what the app reads, through the
/// same pages, access rule, numbering and identity key as data entered by hand.</summary>
public sealed partial class DataGeneratorTests(TipCasesApp app) : WebTest(app)
{
    private const int Cases = 500;
    private const int SecondOfficeCases = 7;

    private Task<GeneratorResult> GenerateAsync() => Generator.RunAsync(new GeneratorOptions
    {
        ConnectionString = App.ConnectionString,
        IdentityKey = App.IdentityKey,
        Cases = Cases,
        SecondOfficeCases = SecondOfficeCases,
        Staff = 40,
        Password = TipCasesApp.Password,
        Now = App.Clock.GetUtcNow(),
        Seed = 7,
    });

    private Task<T> WithDbAsync<T>(Func<TipCasesDbContext, Task<T>> work) =>
        App.WithScopeAsync(sp => work(sp.GetRequiredService<TipCasesDbContext>()));

    [Fact]
    public async Task It_writes_the_requested_cases_with_teams_histories_and_victims_as_the_rules_require()
    {
        var result = await GenerateAsync();

        var perOffice = await WithDbAsync(db => db.Cases.Join(db.Offices, c => c.OfficeId, o => o.Id, (c, o) => o.Code)
            .GroupBy(code => code).Select(g => new { Code = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Code, x => x.Count));
        perOffice["CPO"].ShouldBe(Cases);
        perOffice["NRO"].ShouldBe(SecondOfficeCases);
        result.Rows["cases"].ShouldBe(Cases + SecondOfficeCases);
        await using (var connection = new NpgsqlConnection(App.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var (table, rows) in result.Rows)
            {
                // The generator's own table names, plain identifiers: nothing user-typed reaches this SQL.
                table.ShouldMatch("^[a-z_]+$");
                await using var count = new NpgsqlCommand("SELECT count(*) FROM " + table, connection);
                ((long)(await count.ExecuteScalarAsync())!).ShouldBe(rows, $"{table} holds what the generator reports");
            }
        }
        result.Rows["victims"].ShouldBeGreaterThan(Cases / 2);
        result.Rows["victim_support_steps"].ShouldBeGreaterThan(0);
        result.Rows["case_tasks"].ShouldBeGreaterThan(0);

        var cases = await WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Team).Include(c => c.StageHistory).ToListAsync());
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        foreach (var c in cases)
        {
            c.OpenedOn.ShouldBeLessThanOrEqualTo(today);
            c.Team.ShouldContain(m => m.Role == TeamRole.Investigator, c.Reference);
            c.Team.Count(m => m.IsLead).ShouldBeLessThanOrEqualTo(1);
            var furthest = c.StageHistory.Where(h => h.To != CaseStage.Discontinued).Max(h => h.To);
            if (furthest >= CaseStage.PreTrial)
            {
                c.Team.ShouldContain(m => m.IsLead && m.Role == TeamRole.Prosecutor, $"{c.Reference} reached pre-trial with a lead prosecutor");
            }
            // The history walks the stages one step at a time from intake to where the case is.
            var history = c.StageHistory.OrderBy(h => h.At).ToList();
            history[0].From.ShouldBeNull();
            history[0].To.ShouldBe(CaseStage.Intake);
            history[^1].To.ShouldBe(c.Stage);
            history[^1].At.ShouldBe(c.StageChangedAt);
            for (var i = 1; i < history.Count; i++)
            {
                history[i].From.ShouldBe(history[i - 1].To);
                (history[i].To == CaseStage.Discontinued || history[i].To == CaseStageRules.NextStage(history[i - 1].To)).ShouldBeTrue(c.Reference);
            }
            if (c.Stage == CaseStage.Discontinued)
            {
                history[^1].Reason.ShouldNotBeNullOrWhiteSpace();
            }
        }
        cases.Select(c => c.Stage).Distinct().Count().ShouldBeGreaterThanOrEqualTo(5, "the cases are spread over the stages");
    }

    [Fact]
    public async Task Prosecutions_are_filled_in_proportion_and_a_case_in_trial_opens_with_its_charges_hearings_requests_and_assets()
    {
        var result = await GenerateAsync();

        var counts = await WithDbAsync(async db => new
        {
            Charged = await db.Cases.CountAsync(c => c.Stage == CaseStage.PreTrial || c.Stage == CaseStage.Trial || c.Stage == CaseStage.PostTrial || c.Stage == CaseStage.Closed),
            ChargedCasesWithCharges = await db.Charges.Select(c => c.CaseId).Distinct().CountAsync(),
            Transnational = await db.Cases.CountAsync(c => c.Scope == CaseScope.Transnational && c.Stage != CaseStage.Intake),
        });
        result.Rows["defendants"].ShouldBeGreaterThan(Cases / 4);
        counts.ChargedCasesWithCharges.ShouldBeGreaterThanOrEqualTo(counts.Charged);
        result.Rows["charge_facts"].ShouldBeGreaterThanOrEqualTo(3 * result.Rows["defendants"] / 2);
        // Forced labour charged on its own records the exploitation that took place, which it needs.
        var forcedLabour = await WithDbAsync(db => db.Charges.Where(c => c.OffenceId == DefaultOffences.ForcedLabourId)
            .Select(c => c.Facts.Any(f => f.Element == ChargeElement.Exploitation && f.Value == nameof(ExploitationForm.ForcedLabourOrServices))).ToListAsync());
        forcedLabour.ShouldNotBeEmpty();
        forcedLabour.ShouldAllBe(recorded => recorded);
        result.Rows["hearings"].ShouldBeGreaterThan(0);
        result.Rows["hearing_witnesses"].ShouldBeGreaterThan(0);
        result.Rows["cooperation_requests"].ShouldBeGreaterThanOrEqualTo(counts.Transnational / 2);
        result.Rows["assets"].ShouldBeGreaterThan(0);
        result.Rows["asset_steps"].ShouldBeGreaterThanOrEqualTo(result.Rows["assets"]);

        // A case in trial with all of it: every page about it opens.
        var (caseId, chargeId, requestId, assetId) = await WithDbAsync(async db =>
        {
            var id = await db.Cases.Where(c => c.Stage == CaseStage.Trial && c.Reference.StartsWith("CPO-")
                    && db.CooperationRequests.Any(r => r.CaseId == c.Id) && db.Assets.Any(a => a.CaseId == c.Id))
                .Select(c => c.Id).FirstAsync();
            return (id, await db.Charges.Where(c => c.CaseId == id).Select(c => c.Id).FirstAsync(),
                await db.CooperationRequests.Where(r => r.CaseId == id).Select(r => r.Id).FirstAsync(),
                await db.Assets.Where(a => a.CaseId == id).Select(a => a.Id).FirstAsync());
        });
        var client = await App.SignedInClientAsync("supervisor.cpo.001");
        foreach (var url in new[]
        {
            $"/Cases/{caseId}", $"/Cases/{caseId}/Charges", $"/Charges/{chargeId}", $"/Cases/{caseId}/Hearings",
            $"/Cases/{caseId}/Cooperation/{requestId}", $"/Cases/{caseId}/Assets/{assetId}", "/Dashboard", "/Cooperation",
        })
        {
            (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }
    }

    [Fact]
    public async Task Reference_and_pseudonym_counters_stand_at_the_highest_number_so_a_new_case_takes_the_next_one()
    {
        await GenerateAsync();
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        var (cpo, references, pseudonyms, counters) = await WithDbAsync(async db =>
        {
            var office = await db.Offices.SingleAsync(o => o.Code == "CPO");
            var refs = await db.Cases.Where(c => c.OfficeId == office.Id).Select(c => c.Reference).ToListAsync();
            var names = await db.Victims.Where(v => v.OfficeId == office.Id).Select(v => v.Pseudonym).ToListAsync();
            var rows = await db.Database.SqlQueryRaw<CounterRow>(
                "SELECT kind, year, last_number FROM reference_counters WHERE office_id = {0}", office.Id).ToListAsync();
            return (office, refs, names, rows);
        });

        references.ShouldBeUnique();
        pseudonyms.ShouldBeUnique();
        foreach (var (kind, numbers) in new[] { ("case", references.Select(ReferenceNumber)), ("victim", pseudonyms.Select(PseudonymNumber)) })
        {
            foreach (var year in numbers.GroupBy(n => n.Year))
            {
                // Numbered 1, 2, 3... within the year, and the counter at the last one.
                year.Select(n => n.Number).Order().ShouldBe(Enumerable.Range(1, year.Count()).Select(n => (long)n), $"{kind} numbers of {year.Key}");
                counters.Single(c => c.Kind == kind && c.Year == year.Key).LastNumber.ShouldBe(year.Count());
            }
        }

        var client = await App.SignedInClientAsync("investigator.cpo.001");
        var response = await client.SubmitFormAsync("/Cases/Create", new()
        {
            ["Form.Title"] = "Opened after the generated cases",
            ["Form.Origin"] = nameof(CaseOrigin.TipOff),
            ["Form.Scope"] = nameof(CaseScope.Domestic),
            ["Form.OpenedOn"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var created = await WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Title == "Opened after the generated cases"));
        var generatedThisYear = references.Count(r => ReferenceNumber(r).Year == today.Year);
        created.Reference.ShouldBe(new CaseReference("CPO", today.Year, generatedThisYear + 1).ToString());
        created.OfficeId.ShouldBe(cpo.Id);
    }

    [Fact]
    public async Task A_supervisor_sees_the_offices_cases_page_by_page_and_opens_one_and_nothing_of_the_other_office()
    {
        await GenerateAsync();
        var client = await App.SignedInClientAsync("supervisor.cpo.001");

        var list = await client.GetHtmlAsync("/Cases");
        var rows = list.QuerySelectorAll("tbody tr");
        rows.Length.ShouldBe(TipCases.Web.Pages.Cases.IndexModel.PageSize);
        rows.ShouldAllBe(r => r.TextContent.Contains("CPO-"));
        var next = list.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Next page").GetAttribute("href")!;
        var second = await client.GetHtmlAsync(WebUtility.HtmlDecode(next));
        second.QuerySelectorAll("tbody tr").Length.ShouldBe(TipCases.Web.Pages.Cases.IndexModel.PageSize);
        second.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ShouldAllBe(text => !rows.Any(r => r.TextContent == text));

        // A case with victims: its page lists them by pseudonym.
        var (caseId, pseudonym, northern) = await WithDbAsync(async db =>
        {
            var link = await db.CaseVictims.Join(db.Victims, l => l.VictimId, v => v.Id, (l, v) => new { l.CaseId, v.Pseudonym })
                .Where(x => x.Pseudonym.StartsWith("V-CPO-")).FirstAsync();
            var nro = await db.Cases.Where(c => c.Reference.StartsWith("NRO-")).Select(c => c.Id).FirstAsync();
            return (link.CaseId, link.Pseudonym, nro);
        });
        var page = await client.GetAsync($"/Cases/{caseId}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain(pseudonym);

        (await client.GetAsync($"/Cases/{northern}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetHtmlAsync("/Cases?q=NRO-")).QuerySelectorAll("tbody tr").ShouldBeEmpty();
        var north = await App.SignedInClientAsync("supervisor.nro.001");
        var theirs = (await north.GetHtmlAsync("/Cases")).QuerySelectorAll("tbody tr");
        theirs.Length.ShouldBe(SecondOfficeCases);
        theirs.ShouldAllBe(r => r.TextContent.Contains("NRO-"));
    }

    [Fact]
    public async Task Every_identity_decrypts_with_the_apps_key_and_agrees_with_the_child_status_and_the_liaison_officer_sees_it()
    {
        await GenerateAsync();
        var protector = App.Services.GetRequiredService<IIdentityProtector>();
        var victims = await WithDbAsync(db => db.Victims.AsNoTracking().Include(v => v.Cases).ToListAsync());
        var periods = await WithDbAsync(db => db.Cases.AsNoTracking()
            .ToDictionaryAsync(c => c.Id, c => new OffencePeriod(c.Reference, c.OffenceFrom, c.OffenceTo, c.OpenedOn)));

        victims.ShouldNotBeEmpty();
        foreach (var victim in victims)
        {
            var identity = protector.Unprotect(victim.IdentityCiphertext, victim.Id);
            identity.GivenNames.ShouldNotBeNullOrWhiteSpace();
            identity.FamilyName.ShouldNotBeNullOrWhiteSpace();
            // Child status is what the domain's rule says for this date of birth and these cases.
            var assessment = ChildRule.Assess(identity.DateOfBirth, victim.Cases.Select(l => periods[l.CaseId]).ToList());
            victim.ChildStatus.ShouldBe(assessment.Status, victim.Pseudonym);
            victim.AgeAtOffence.ShouldBe(assessment.AgeAtOffence, victim.Pseudonym);
            victim.ChildStatusReason.ShouldBe(assessment.Reason, victim.Pseudonym);
        }
        victims.ShouldContain(v => v.ChildStatus == ChildStatus.Child);
        victims.ShouldContain(v => v.ChildStatus == ChildStatus.Adult);

        var supported = victims.First(v => v.LiaisonOfficerId != null && v.Pseudonym.StartsWith("V-CPO-", StringComparison.Ordinal));
        var officer = await WithDbAsync(db => db.Users.Where(u => u.Id == supported.LiaisonOfficerId).Select(u => u.UserName!).SingleAsync());
        var client = await App.SignedInClientAsync(officer);
        var reveal = await client.SubmitFormAsync($"/Victims/{supported.Id}", new() { ["Reason"] = "Preparing a safety visit with the shelter." }, handler: "Reveal");
        reveal.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reveal.Content.ReadAsStringAsync()).ShouldContain(protector.Unprotect(supported.IdentityCiphertext, supported.Id).FamilyName);
    }

    [Fact]
    public async Task A_second_run_into_the_same_offices_is_refused_and_changes_nothing()
    {
        var first = await GenerateAsync();

        var refusal = await Should.ThrowAsync<InvalidOperationException>(GenerateAsync);

        refusal.Message.ShouldContain("already has cases");
        (await WithDbAsync(db => db.Cases.CountAsync())).ShouldBe((int)first.Rows["cases"]);
    }

    private sealed record CounterRow(string Kind, int Year, long LastNumber);

    private static (int Year, long Number) ReferenceNumber(string reference)
    {
        var match = ReferencePattern().Match(reference);
        match.Success.ShouldBeTrue(reference);
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private static (int Year, long Number) PseudonymNumber(string pseudonym) => ReferenceNumber(pseudonym[2..]);

    [GeneratedRegex(@"^[A-Z]{2,6}-(\d{4})-(\d+)$")]
    private static partial Regex ReferencePattern();
}
