using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Data.Seeding;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;

namespace TipCases.Web.Tests.Charges;

/// <summary>The offence catalogue (seeded by the migration, maintained by administrators) and the
/// demo charges.</summary>
public sealed class OffenceCatalogueTests(TipCasesApp app) : WebTest(app)
{
    private Task<List<Offence>> CatalogueAsync() => App.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().Offences.AsNoTracking().ToListAsync());

    [Fact]
    public async Task The_migration_seeds_the_offences_of_the_domain_guide_with_the_default_ceilings()
    {
        var catalogue = await CatalogueAsync();

        foreach (var (id, details) in DefaultOffences.All)
        {
            catalogue.ShouldContain(o => o.Id == id && o.Kind == details.Kind, details.Name);
        }
        catalogue.Single(o => o.Id == DefaultOffences.TraffickingId).ShouldSatisfyAllConditions(
            o => o.BaseMaximumYears.ShouldBe(12), o => o.AggravatedMaximumYears.ShouldBe(20));
        catalogue.Single(o => o.Id == DefaultOffences.TraffickingOfChildrenId).BaseMaximumYears.ShouldBe(25);
    }

    [Fact]
    public async Task An_administrator_adds_an_offence_and_the_change_is_audited()
    {
        await App.UserAsync("adam", Roles.Administrator);
        var adam = await App.SignedInClientAsync("adam");
        var code = "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        var response = await adam.SubmitFormAsync("/Admin/Offences/Edit", new()
        {
            ["Form.Code"] = code.ToLowerInvariant(), ["Form.Name"] = "Exploitation of begging " + code, ["Form.Kind"] = nameof(OffenceKind.ForcedLabour),
            ["Form.BaseMaximumYears"] = "8", ["Form.AggravatedMaximumYears"] = "12", ["Form.IsActive"] = "true",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var added = (await CatalogueAsync()).Single(o => o.Code == code);
        (added.BaseMaximumYears, added.AggravatedMaximumYears, added.IsActive).ShouldBe((8, (int?)12, true));
        (await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuditEvents.AsNoTracking()
            .AnyAsync(e => e.Action == AuditAction.OffenceCreated && e.EntityId == added.Id.ToString())))
            .ShouldBeTrue();
        (await adam.GetHtmlAsync("/Admin/Offences")).Text("[data-testid=offences]").ShouldContain("Exploitation of begging " + code);
    }

    [Fact]
    public async Task An_offence_charges_use_keeps_its_kind_and_no_ceiling_below_a_sentence_passed_under_it()
    {
        var s = await ChargeScenario.CreateAsync(App, CaseStage.Trial); // adam administers
        var adam = await App.SignedInClientAsync("adam");
        var code = "U" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        Dictionary<string, string> Form(OffenceKind kind, int years) => new()
        {
            ["Form.Code"] = code, ["Form.Name"] = "Labour exploitation " + code, ["Form.Kind"] = kind.ToString(),
            ["Form.BaseMaximumYears"] = years.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Form.AggravatedMaximumYears"] = "", ["Form.IsActive"] = "true",
        };
        (await adam.SubmitFormAsync("/Admin/Offences/Edit", Form(OffenceKind.ForcedLabour, 10))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var offence = (await CatalogueAsync()).Single(o => o.Code == code);
        var defendant = await App.DefendantAsync(s.Case.Id);
        var charge = await App.ChargeAsync(s.Case.Id, defendant.Id, offence.Id, filed: true);
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var @case = await db.Cases.SingleAsync(c => c.Id == s.Case.Id);
            var stored = await db.Charges.Include(c => c.Aggravations).SingleAsync(c => c.Id == charge.Id);
            var d = await db.Defendants.SingleAsync(x => x.Id == defendant.Id);
            var o = await db.Offences.SingleAsync(x => x.Id == offence.Id);
            stored.ChangeStatus(@case, ChargeStatus.Convicted, App.Today(), null, new Sentence(96, null, false, null, null, null), o, d, @case.CreatedBy,
                App.Clock.GetUtcNow(), App.Today());
            await db.SaveChangesAsync();
            return 0;
        });
        var url = $"/Admin/Offences/Edit/{offence.Id}";

        var kind = await (await adam.SubmitFormAsync(url, Form(OffenceKind.Corruption, 10))).ReadHtmlAsync();
        kind.Summary().ShouldContain("its kind cannot change");
        var lower = await (await adam.SubmitFormAsync(url, Form(OffenceKind.ForcedLabour, 7))).ReadHtmlAsync();
        lower.Summary().ShouldContain("A sentence of 96 months was passed under this offence");
        (await CatalogueAsync()).Single(o => o.Id == offence.Id).ShouldSatisfyAllConditions(
            o => o.Kind.ShouldBe(OffenceKind.ForcedLabour), o => o.BaseMaximumYears.ShouldBe(10));

        (await adam.SubmitFormAsync(url, Form(OffenceKind.ForcedLabour, 8))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CatalogueAsync()).Single(o => o.Id == offence.Id).BaseMaximumYears.ShouldBe(8);
    }

    public static TheoryData<string, string, string> BadOffences => new()
    {
        { "Form.Code", "T I P", "Form.Code" },
        { "Form.BaseMaximumYears", "0", "Form.BaseMaximumYears" },
        { "Form.AggravatedMaximumYears", "5", "Form.AggravatedMaximumYears" },
        { "Form.Kind", "Piracy", "Form.Kind" },
    };

    [Theory]
    [MemberData(nameof(BadOffences))]
    public async Task Bad_offence_details_are_refused_next_to_the_field(string field, string value, string errorField)
    {
        await App.UserAsync("adam", Roles.Administrator);
        var adam = await App.SignedInClientAsync("adam");
        var before = (await CatalogueAsync()).Count;
        var form = new Dictionary<string, string>
        {
            ["Form.Code"] = "NEW", ["Form.Name"] = "New offence", ["Form.Kind"] = nameof(OffenceKind.Other), ["Form.BaseMaximumYears"] = "8",
        };
        form[field] = value;

        var response = await adam.SubmitFormAsync("/Admin/Offences/Edit", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).FieldError(errorField).ShouldNotBeNullOrWhiteSpace();
        (await CatalogueAsync()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_duplicate_code_is_refused()
    {
        await App.UserAsync("adam", Roles.Administrator);
        var adam = await App.SignedInClientAsync("adam");

        var response = await adam.SubmitFormAsync("/Admin/Offences/Edit", new()
        {
            ["Form.Code"] = "TIP", ["Form.Name"] = "Another trafficking", ["Form.Kind"] = nameof(OffenceKind.Trafficking), ["Form.BaseMaximumYears"] = "10",
        });

        (await response.ReadHtmlAsync()).FieldError("Form.Code").ShouldBe("An offence with this code or name already exists.");
    }

    [Fact]
    public async Task Two_administrators_editing_one_offence_the_second_is_told()
    {
        await App.UserAsync("adam", Roles.Administrator);
        var first = await App.SignedInClientAsync("adam");
        var second = await App.SignedInClientAsync("adam");
        var url = $"/Admin/Offences/Edit/{DefaultOffences.CorruptionId}";
        var stale = await second.GetHtmlAsync(url);
        try
        {
            (await first.SubmitFormAsync(url, new() { ["Form.BaseMaximumYears"] = "8" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

            var response = await second.SubmitFormAsync(stale, url, new() { ["Form.BaseMaximumYears"] = "9" });

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await response.ReadHtmlAsync();
            page.Summary().ShouldContain("Someone else changed this offence while you were editing it.");
            page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_BaseMaximumYears")!.Value.ShouldBe("8");
            (await CatalogueAsync()).Single(o => o.Id == DefaultOffences.CorruptionId).BaseMaximumYears.ShouldBe(8);
        }
        finally
        {
            // The catalogue is kept between tests: put the default back.
            await first.SubmitFormAsync(url, new() { ["Form.BaseMaximumYears"] = "7" });
        }
    }

    [Fact]
    public async Task The_demo_has_charges_at_every_status_and_every_case_at_trial_or_later_satisfies_the_stage_rules_with_its_own_charges()
    {
        await DemoData.SeedAsync(App.Services, App.Services.GetRequiredService<IConfiguration>());
        var counts = await ChargeCountsAsync();
        await DemoData.SeedAsync(App.Services, App.Services.GetRequiredService<IConfiguration>());
        (await ChargeCountsAsync()).ShouldBe(counts, "a second run adds nothing");

        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var statuses = await db.Charges.Select(c => c.Status).Distinct().ToListAsync();
            statuses.ShouldContain(ChargeStatus.Proposed);
            statuses.ShouldContain(ChargeStatus.Filed);
            statuses.ShouldContain(ChargeStatus.Convicted);
            statuses.ShouldContain(ChargeStatus.Acquitted);
            (await db.Defendants.Select(d => d.Kind).Distinct().CountAsync()).ShouldBe(2);
            (await db.Set<AggravationProposal>().CountAsync(p => p.State == ProposalState.Pending)).ShouldBeGreaterThan(0);
            (await db.Set<ChargeVictim>().CountAsync()).ShouldBeGreaterThan(0);
            foreach (var @case in await db.Cases.Include(c => c.StageHistory).ToListAsync())
            {
                var charges = await db.Charges.Where(c => c.CaseId == @case.Id).Select(c => c.Status).ToListAsync();
                var reached = @case.StageHistory.Select(h => h.To).ToHashSet();
                if (reached.Contains(CaseStage.Trial))
                {
                    new ChargeProgress(charges).HasFiledCharge.ShouldBeTrue(@case.Reference);
                }
                if (reached.Contains(CaseStage.PostTrial))
                {
                    new ChargeProgress(charges).AwaitingOutcome.ShouldBe(0, @case.Reference);
                }
            }
            // The case the browser test charges: prosecutor on its team, a child victim, no charges yet.
            var marriage = await db.Cases.SingleAsync(c => c.Title.StartsWith("Forced marriage"));
            (await db.Charges.AnyAsync(c => c.CaseId == marriage.Id)).ShouldBeFalse();
        });
    }

    private Task<(int Defendants, int Charges, int Facts)> ChargeCountsAsync() => App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        return (await db.Defendants.CountAsync(), await db.Charges.CountAsync(), await db.Set<ChargeFact>().CountAsync());
    });
}
