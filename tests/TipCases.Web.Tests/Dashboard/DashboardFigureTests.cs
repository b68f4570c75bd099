using TipCases.Domain.Charges;
using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Security;
using TipCases.Web.Tests.Charges;
using TipCases.Web.Tests.Infrastructure;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Dashboard;

/// <summary>
/// Every dashboard figure equals a count made here with plain LINQ over the same data, and its link
/// opens a list of exactly the records counted; a supervisor never counts another office's records;
/// "My work" counts the user's own cases the same way; the period narrows every figure.
/// </summary>
public sealed class DashboardFigureTests(TipCasesApp app) : WebTest(app)
{
    private DashboardData Data { get; } = new(app);

    private DateOnly Today => Data.Today;

    private sealed record People(Guid Sam, Guid Paula, Guid Peter, Guid Ines, Guid Lena, Guid Nils, Guid Olga, Guid Ivan);

    private sealed record World(People People, Case C1, Case C2, Case C3, Case C4, Victim V3);

    private async Task<World> ArrangeAsync()
    {
        var p = new People(
            (await App.UserAsync("sam", Roles.Supervisor)).Id,
            (await App.UserAsync("paula", Roles.Prosecutor)).Id,
            (await App.UserAsync("peter", Roles.Prosecutor)).Id,
            (await App.UserAsync("ines", Roles.Investigator)).Id,
            (await App.UserAsync("lena", Roles.VictimLiaisonOfficer)).Id,
            (await App.UserAsync("nils", Roles.Supervisor, "NRO")).Id,
            (await App.UserAsync("olga", Roles.Prosecutor, "NRO")).Id,
            (await App.UserAsync("ivan", Roles.Investigator, "NRO")).Id);

        var c1 = await Data.CaseAsync("CPO", "Bar workers", CaseStage.Intake, CaseOrigin.TipOff, CaseScope.Domestic, 5,
            (p.Paula, TeamRole.Prosecutor), (p.Lena, TeamRole.VictimLiaisonOfficer));
        var c2 = await Data.CaseAsync("CPO", "Fishing fleet", CaseStage.Investigation, CaseOrigin.IntelligenceOperation, CaseScope.Transnational, 40,
            (p.Ines, TeamRole.Investigator), (p.Paula, TeamRole.Prosecutor), (p.Lena, TeamRole.VictimLiaisonOfficer));
        var c3 = await Data.CaseAsync("CPO", "Farm labour", CaseStage.PreTrial, CaseOrigin.VictimReport, CaseScope.Transnational, 100,
            (p.Ines, TeamRole.Investigator), (p.Peter, TeamRole.Prosecutor));
        var c4 = await Data.CaseAsync("CPO", "Begging ring", CaseStage.Trial, CaseOrigin.JointInternationalAction, CaseScope.Domestic, 200,
            (p.Ines, TeamRole.Investigator), (p.Paula, TeamRole.Prosecutor));
        var c5 = await Data.CaseAsync("CPO", "Organ broker", CaseStage.Closed, CaseOrigin.WitnessReport, CaseScope.Transnational, 400,
            (p.Ines, TeamRole.Investigator), (p.Paula, TeamRole.Prosecutor));
        await Data.CaseAsync("CPO", "Dropped tip", CaseStage.Discontinued, CaseOrigin.TipOff, CaseScope.Domestic, 20,
            (p.Ines, TeamRole.Investigator), (p.Peter, TeamRole.Prosecutor));

        await Data.TaskAsync(c1, p.Paula, -3);
        await Data.TaskAsync(c1, p.Lena, 5);
        await Data.TaskAsync(c2, p.Ines, -1);
        await Data.TaskAsync(c2, p.Paula, -10);
        await Data.TaskAsync(c3, p.Peter, 2);
        c4 = await Data.TaskAsync(c4, p.Paula, -4);
        await Data.EditAsync(c4.Id, c => c.CompleteTask(c.Tasks.Single().Id, p.Paula, App.Clock.GetUtcNow()));

        var v1 = await Data.VictimAsync(c1, Sex.Female, [ExploitationForm.ProstitutionOfOthers, ExploitationForm.OtherSexualExploitation],
            Today.AddYears(-15), p.Lena);
        await Data.StepAsync(v1, p.Lena, daysAgo: 40, followUpAfter: 5);
        await Data.ResidenceAsync(v1, ResidenceKind.TemporaryStayPermit, startedDaysAgo: 100, expiresInDays: 10);
        await Data.ClaimAsync(v1, c1, "EUR", 1000m, 500m, 200m);

        var v2 = await Data.VictimAsync(c2, Sex.Male, [ExploitationForm.ForcedLabourOrServices], new DateOnly(1990, 1, 1), p.Lena);
        await Data.StepAsync(v2, p.Lena, daysAgo: 2, followUpAfter: 14);
        await Data.ResidenceAsync(v2, ResidenceKind.TemporaryStayPermit, startedDaysAgo: 300, expiresInDays: -5);
        await Data.ClaimAsync(v2, c2, "EUR", 300m, null, 0m);
        await Data.ClaimAsync(v2, c2, "USD", 50m, 50m, 50m);

        var v3 = await Data.VictimAsync(c2, Sex.Female, [ExploitationForm.ForcedLabourOrServices, ExploitationForm.Servitude], null);
        await Data.LinkAsync(v3, c3);
        await Data.ResidenceAsync(v3, ResidenceKind.TemporaryStayPermit, startedDaysAgo: 400, expiresInDays: -100);
        await Data.ResidenceAsync(v3, ResidenceKind.PermanentStay, startedDaysAgo: 50, expiresInDays: null); // the current record: nothing expires

        await Data.VictimAsync(c5, Sex.Other, [ExploitationForm.RemovalOfOrgans], new DateOnly(1980, 5, 5));
        await Data.VictimAsync(c4, Sex.Female, [ExploitationForm.ForcedBegging], Today.AddYears(-16));

        // The northern office: everything the central office has, so that any leak shows in a count.
        var n1 = await Data.CaseAsync("NRO", "Northern farm", CaseStage.Investigation, CaseOrigin.TipOff, CaseScope.Domestic, 10,
            (p.Ivan, TeamRole.Investigator), (p.Olga, TeamRole.Prosecutor));
        await Data.TaskAsync(n1, p.Olga, -2);
        var nv = await Data.VictimAsync(n1, Sex.Female, [ExploitationForm.ForcedLabourOrServices, ExploitationForm.ProstitutionOfOthers], Today.AddYears(-12));
        await Data.ResidenceAsync(nv, ResidenceKind.ReflectionPeriod, startedDaysAgo: 10, expiresInDays: 3);
        await Data.ClaimAsync(nv, n1, "EUR", 999m, 999m, 0m);
        return new World(p, c1, c2, c3, c4, v3);
    }

    [Fact]
    public async Task Every_figure_of_the_office_dashboard_equals_a_direct_count_and_links_to_exactly_the_records_counted_including_after_changes()
    {
        var world = await ArrangeAsync();
        var sam = await App.SignedInClientAsync("sam");

        var (cases, victims) = await Data.SnapshotAsync("CPO");
        await AssertDashboardAsync(sam, "/Dashboard", "office", cases, victims, people: true);

        // Changes: a task done, a case moved on, a victim supported today, a new case.
        await Data.EditAsync(world.C2.Id, c => c.CompleteTask(c.Tasks.Single(t => t.AssigneeId == world.People.Paula).Id, world.People.Paula, App.Clock.GetUtcNow()));
        await Data.EditAsync(world.C1.Id, c =>
        {
            c.AddMember(world.People.Ines, TeamRole.Investigator, App.Clock.GetUtcNow());
            c.MoveTo(CaseStage.Investigation, world.People.Paula, App.Clock.GetUtcNow(), null, ChargeProgress.None);
        });
        await Data.StepAsync(world.V3, world.People.Lena, daysAgo: 0, followUpAfter: null);
        await Data.CaseAsync("CPO", "New tip", CaseStage.Intake, CaseOrigin.TipOff, CaseScope.Transnational, 0, (world.People.Peter, TeamRole.Prosecutor));

        (cases, victims) = await Data.SnapshotAsync("CPO");
        await AssertDashboardAsync(sam, "/Dashboard", "office", cases, victims, people: true);
    }

    [Fact]
    public async Task A_supervisor_of_another_office_counts_only_that_office()
    {
        await ArrangeAsync();
        var nils = await App.SignedInClientAsync("nils");

        var (cases, victims) = await Data.SnapshotAsync("NRO");
        var page = await AssertDashboardAsync(nils, "/Dashboard", "office", cases, victims, people: true);

        Figure(page.QuerySelector("#office-total-cases")!).TextContent.ShouldBe("1");
        page.QuerySelector("main")!.TextContent.ShouldNotContain("Test paula");
        page.QuerySelector("#office-compensation")!.TextContent.ShouldNotContain("USD");
    }

    [Fact]
    public async Task The_period_narrows_every_figure_to_the_cases_opened_in_it()
    {
        await ArrangeAsync();
        var sam = await App.SignedInClientAsync("sam");
        var (from, to) = (Today.AddDays(-150), Today.AddDays(-10));

        var (cases, victims) = await Data.SnapshotAsync("CPO");
        var inPeriod = cases.Where(c => c.OpenedOn >= from && c.OpenedOn <= to).ToList();
        inPeriod.Count.ShouldBe(3);
        await AssertDashboardAsync(sam, $"/Dashboard?period=Custom&from={Iso(from)}&to={Iso(to)}", "office", inPeriod, victims, people: true);
    }

    [Theory]
    [InlineData("ThisMonth")]
    [InlineData("Last90Days")]
    [InlineData("ThisYear")]
    [InlineData("All")]
    public async Task Each_preset_counts_the_cases_opened_from_its_first_day(string preset)
    {
        await ArrangeAsync();
        var sam = await App.SignedInClientAsync("sam");
        var from = preset switch
        {
            "ThisMonth" => new DateOnly(Today.Year, Today.Month, 1),
            "Last90Days" => Today.AddDays(-89),
            "ThisYear" => new DateOnly(Today.Year, 1, 1),
            _ => DateOnly.MinValue,
        };

        var (cases, _) = await Data.SnapshotAsync("CPO");
        var page = await sam.GetHtmlAsync("/Dashboard?period=" + preset);

        Figure(page.QuerySelector("#office-total-cases")!).TextContent.ShouldBe(cases.Count(c => c.OpenedOn >= from).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task My_work_shows_the_same_figures_for_the_users_own_cases()
    {
        var world = await ArrangeAsync();
        var paula = await App.SignedInClientAsync("paula");

        var (cases, victims) = await Data.SnapshotAsync("CPO");
        var mine = cases.Where(c => c.Team.Any(m => m.UserId == world.People.Paula)).ToList();
        var page = await AssertDashboardAsync(paula, "/", "my", mine, victims, people: false);

        page.QuerySelector("#my-people")?.ShouldBeNull();
        page.QuerySelector("#office-dashboard-link").ShouldBeNull();
    }

    [Fact]
    public async Task A_liaison_officer_sees_the_figures_of_the_cases_she_is_on_and_a_supervisor_the_way_to_the_dashboard()
    {
        var world = await ArrangeAsync();

        var (cases, victims) = await Data.SnapshotAsync("CPO");
        var mine = cases.Where(c => c.Team.Any(m => m.UserId == world.People.Lena)).ToList();
        await AssertDashboardAsync(await App.SignedInClientAsync("lena"), "/", "my", mine, victims, people: false);

        var samsWork = await (await App.SignedInClientAsync("sam")).GetHtmlAsync("/");
        samsWork.QuerySelector("#office-dashboard-link a")!.GetAttribute("href").ShouldBe("/Dashboard");
        samsWork.QuerySelector("#my-figures").ShouldBeNull();
    }

    [Theory]
    [InlineData("paula", "/Dashboard")]
    [InlineData("lena", "/Dashboard")]
    [InlineData("ines", "/Dashboard/Statistics")]
    [InlineData("root", "/Dashboard")]
    [InlineData("root", "/Dashboard/Statistics")]
    [InlineData("root", "/Dashboard/Export?table=Stages&scope=Office")]
    [InlineData("paula", "/Dashboard/Export?table=Stages&scope=Office")]
    [InlineData("paula", "/Cases?handler=Csv&stage=Intake")]
    public async Task Only_supervisors_open_the_dashboard_and_its_statistics_and_administrators_nothing_of_it(string user, string url)
    {
        await ArrangeAsync();
        await App.UserAsync("root", Roles.Administrator);
        var client = await App.SignedInClientAsync(user);

        var response = await client.GetAsync(url);

        if (user == "paula" && url.StartsWith("/Cases", StringComparison.Ordinal))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK); // her own case list, exported
            return;
        }
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_navigation_shows_the_dashboard_to_supervisors_only()
    {
        await ArrangeAsync();

        var samsPage = await (await App.SignedInClientAsync("sam")).GetHtmlAsync("/Cases");
        var paulasPage = await (await App.SignedInClientAsync("paula")).GetHtmlAsync("/Cases");

        samsPage.QuerySelectorAll("nav a.nav-link").Select(a => a.TextContent.Trim()).ShouldContain("Dashboard");
        paulasPage.QuerySelectorAll("nav a.nav-link").Select(a => a.TextContent.Trim()).ShouldNotContain("Dashboard");
    }

    /// <summary>A charge filed against a new defendant of the case and decided by <paramref name="verdict"/> <paramref name="daysAgo"/> days ago, through the domain.</summary>
    private async Task VerdictAsync(Case @case, ChargeStatus verdict, int daysAgo)
    {
        var defendant = await App.DefendantAsync(@case.Id);
        var charge = await App.ChargeAsync(@case.Id, defendant.Id, filed: true);
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCases.Web.Data.TipCasesDbContext>();
            var stored = await db.Charges.Include(c => c.Aggravations).SingleAsync(c => c.Id == charge.Id);
            var loadedCase = await db.Cases.SingleAsync(c => c.Id == @case.Id);
            var offence = await db.Offences.SingleAsync(o => o.Id == stored.OffenceId);
            var accused = await db.Defendants.SingleAsync(d => d.Id == stored.DefendantId);
            stored.ChangeStatus(loadedCase, verdict, Today.AddDays(-daysAgo), null, null, offence, accused, loadedCase.CreatedBy, App.Clock.GetUtcNow(), Today);
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Outcomes_equal_a_direct_count_of_verdicts_link_to_exactly_those_cases_and_never_count_the_other_office()
    {
        var world = await ArrangeAsync();
        await VerdictAsync(world.C4, ChargeStatus.Convicted, daysAgo: 1);   // opened 200 days ago: 199 days
        await VerdictAsync(world.C2, ChargeStatus.Convicted, daysAgo: 4);   // opened 40 days ago: 36 days (first verdict)
        await VerdictAsync(world.C2, ChargeStatus.Acquitted, daysAgo: 2);
        await VerdictAsync(world.C3, ChargeStatus.Acquitted, daysAgo: 0);   // opened 100 days ago: 100 days
        await VerdictAsync(world.C4, ChargeStatus.Withdrawn, daysAgo: 0);   // not a verdict
        var (northCases, _) = await Data.SnapshotAsync("NRO");
        await VerdictAsync(northCases.Single(), ChargeStatus.Convicted, daysAgo: 0);

        var (cases, _) = await Data.SnapshotAsync("CPO");
        var charges = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCases.Web.Data.TipCasesDbContext>().Charges.AsNoTracking().ToListAsync());
        List<Case> With(ChargeStatus verdict) => cases.Where(c => charges.Any(ch => ch.CaseId == c.Id && ch.Status == verdict)).ToList();
        var days = cases
            .Select(c => (c, Verdicts: charges.Where(ch => ch.CaseId == c.Id && ch.Status is ChargeStatus.Convicted or ChargeStatus.Acquitted).ToList()))
            .Where(x => x.Verdicts.Count > 0)
            .Select(x => (double)(x.Verdicts.Min(ch => ch.StatusOn).DayNumber - x.c.OpenedOn.DayNumber))
            .Order().ToList();
        var median = days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2;
        median.ShouldBe(100);

        var sam = await App.SignedInClientAsync("sam");
        var page = await sam.GetHtmlAsync("/Dashboard");
        await AssertListAsync(sam, page.QuerySelector("#office-convicted td")!, With(ChargeStatus.Convicted), "convicted");
        await AssertListAsync(sam, page.QuerySelector("#office-acquitted td")!, With(ChargeStatus.Acquitted), "acquitted");
        page.QuerySelector("#office-median-days td")!.TextContent.Trim().ShouldBe(median.ToString("0.#", CultureInfo.InvariantCulture));

        var nils = await App.SignedInClientAsync("nils");
        var north = await nils.GetHtmlAsync("/Dashboard");
        await AssertListAsync(nils, north.QuerySelector("#office-convicted td")!, northCases, "north convicted");
        Figure(north.QuerySelector("#office-acquitted td")!).TextContent.ShouldBe("0");
        north.QuerySelector("#office-median-days td")!.TextContent.Trim().ShouldBe("10");

        var paula = await App.SignedInClientAsync("paula");
        var mine = cases.Where(c => c.Team.Any(m => m.UserId == world.People.Paula)).ToList();
        var paulasPage = await paula.GetHtmlAsync("/");
        await AssertListAsync(paula, paulasPage.QuerySelector("#my-convicted td")!, With(ChargeStatus.Convicted).Where(mine.Contains).ToList(), "my convicted");
        await AssertListAsync(paula, paulasPage.QuerySelector("#my-acquitted td")!, With(ChargeStatus.Acquitted).Where(mine.Contains).ToList(), "my acquitted");
    }

    /// <summary>The figure in the cell equals the expected cases' count and its link lists exactly them.</summary>
    private static async Task AssertListAsync(HttpClient client, IElement cell, List<Case> expected, string what)
    {
        var figure = Figure(cell);
        figure.TextContent.Trim().ShouldBe(expected.Count.ToString(CultureInfo.InvariantCulture), what);
        expected.Count.ShouldBeGreaterThan(0, what + ": a test of a link needs something to list");
        var href = (figure as IHtmlAnchorElement).ShouldNotBeNull(what).GetAttribute("href")!;
        var list = await client.GetHtmlAsync(href);
        list.QuerySelectorAll("main table tbody tr td:first-child a").Select(a => a.TextContent.Trim())
            .ShouldBe(expected.Select(c => c.Reference), ignoreOrder: true, what + " (" + href + ")");
    }

    /// <summary>
    /// Checks every figure of the page against counts made here over <paramref name="scoped"/> (the
    /// cases that should count) and <paramref name="allVictims"/> (of the office), and follows each
    /// link to check the list shows exactly those records.
    /// </summary>
    private async Task<IHtmlDocument> AssertDashboardAsync(HttpClient client, string url, string prefix, List<Case> scoped, List<Victim> allVictims,
        bool people)
    {
        var today = Today;
        var page = await client.GetHtmlAsync(url);
        var ids = scoped.Select(c => c.Id).ToHashSet();
        var victims = allVictims.Where(v => v.Cases.Any(l => ids.Contains(l.CaseId))).ToList();
        static bool Open(Case c) => c.Stage is not (CaseStage.Closed or CaseStage.Discontinued);
        bool Overdue(CaseTask t) => t.DoneAt is null && t.DueOn < today;
        ResidenceRecord? Current(Victim v) => v.Residence.OrderByDescending(r => r.StartsOn).ThenByDescending(r => r.CreatedAt).FirstOrDefault();
        var checks = new List<(string What, IElement Cell, IReadOnlyCollection<string> Expected, bool AreVictims)>();
        void Cases(string what, IElement? cell, IEnumerable<Case> expected) => checks.Add((what, cell ?? throw new ShouldAssertException("missing: " + what), expected.Select(c => c.Reference).ToList(), false));
        void Victims(string what, IElement? cell, IEnumerable<Victim> expected) => checks.Add((what, cell ?? throw new ShouldAssertException("missing: " + what), expected.Select(v => v.Pseudonym).ToList(), true));
        IElement Q(string selector) => page.QuerySelector(selector) ?? throw new ShouldAssertException("missing: " + selector);

        Cases("total", Q($"#{prefix}-total-cases"), scoped);
        Cases("open", Q($"#{prefix}-open-cases"), scoped.Where(Open));
        Victims("victims", Q($"#{prefix}-total-victims"), victims);
        Victims("children", Q($"#{prefix}-children"), victims.Where(v => v.ChildStatus == ChildStatus.Child));

        var stageRows = page.QuerySelectorAll($"#{prefix}-stages tbody tr").ToList();
        foreach (var (stage, i) in Enum.GetValues<CaseStage>().Select((s, i) => (s, i)))
        {
            Cases("stage " + stage, stageRows[i].Children[1], scoped.Where(c => c.Stage == stage));
        }

        Cases("overdue tasks", Q($"#{prefix}-overdue-tasks td"), scoped.Where(c => Open(c) && c.Tasks.Any(Overdue)));
        Victims("follow-ups", Q($"#{prefix}-followupoverdue td"), victims.Where(v => v.NextFollowUp < today));
        Victims("no support", Q($"#{prefix}-withoutrecentsupport td"), victims.Where(v => !v.SupportSteps.Any(s => s.TookPlaceOn >= today.AddDays(-30))));
        Victims("expiring", Q($"#{prefix}-permitexpiring td"), victims.Where(v => Current(v)?.IsExpiringSoon(today) == true));
        Victims("expired", Q($"#{prefix}-permitexpired td"), victims.Where(v => Current(v)?.HasExpired(today) == true));

        if (people)
        {
            var members = scoped.Where(Open).SelectMany(c => c.Team.Select(m => m.UserId))
                .Concat(scoped.Where(Open).SelectMany(c => c.Tasks.Where(Overdue).Select(t => t.AssigneeId))).Distinct().ToList();
            var rows = page.QuerySelectorAll($"#{prefix}-people tbody tr").ToList();
            rows.Count.ShouldBe(members.Count);
            foreach (var row in rows)
            {
                var name = row.Children[0].TextContent.Trim();
                var userId = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCases.Web.Data.TipCasesDbContext>().Users
                    .Where(u => u.DisplayName == name).Select(u => u.Id).SingleAsync());
                var theirs = scoped.Where(c => Open(c) && c.Team.Any(m => m.UserId == userId)).ToList();
                foreach (var (stage, i) in new[] { CaseStage.Intake, CaseStage.Investigation, CaseStage.PreTrial, CaseStage.Trial, CaseStage.PostTrial }.Select((s, i) => (s, i)))
                {
                    Cases($"{name} {stage}", row.Children[1 + i], theirs.Where(c => c.Stage == stage));
                }
                Cases($"{name} open", row.Children[6], theirs);
                Cases($"{name} overdue", row.Children[7], scoped.Where(c => Open(c) && c.Tasks.Any(t => Overdue(t) && t.AssigneeId == userId)));
            }
        }

        var purposeRows = page.QuerySelectorAll($"#{prefix}-purposes tbody tr").ToList();
        foreach (var (form, i) in Enum.GetValues<ExploitationForm>().Select((f, i) => (f, i)))
        {
            var suffered = victims.Where(v => v.Exploitation.Contains(form)).ToList();
            Cases("purpose cases " + form, purposeRows[i].Children[1], scoped.Where(c => suffered.Any(v => v.IsLinkedTo(c.Id))));
            Victims("purpose victims " + form, purposeRows[i].Children[2], suffered);
        }

        var approachRows = page.QuerySelectorAll($"#{prefix}-approach tbody tr").ToList();
        foreach (var (approach, i) in Enum.GetValues<InvestigationApproach>().Select((a, i) => (a, i)))
        {
            foreach (var (scope, j) in Enum.GetValues<CaseScope>().Select((s, j) => (s, j)))
            {
                Cases($"{approach} {scope}", approachRows[i].Children[1 + j], scoped.Where(c => c.Approach == approach && c.Scope == scope));
            }
            Cases($"{approach} total", approachRows[i].Children[3], scoped.Where(c => c.Approach == approach));
        }
        var approachTotals = Q($"#{prefix}-approach tfoot tr");
        foreach (var (scope, j) in Enum.GetValues<CaseScope>().Select((s, j) => (s, j)))
        {
            Cases($"{scope} total", approachTotals.Children[1 + j], scoped.Where(c => c.Scope == scope));
        }

        var victimRows = page.QuerySelectorAll($"#{prefix}-victims tbody tr").ToList();
        Victims("children row", victimRows[0].Children[1], victims.Where(v => v.ChildStatus == ChildStatus.Child));
        Victims("adults", victimRows[1].Children[1], victims.Where(v => v.ChildStatus == ChildStatus.Adult));
        Victims("unknown", victimRows[2].Children[1], victims.Where(v => v.ChildStatus == ChildStatus.Unknown));

        var claims = victims.SelectMany(v => v.Claims).Where(c => ids.Contains(c.CaseId)).ToList();
        var currencyRows = page.QuerySelectorAll($"#{prefix}-compensation tbody tr").ToList();
        currencyRows.Select(r => r.Children[0].TextContent.Trim()).ShouldBe(claims.Select(c => c.Currency).Distinct().Order(StringComparer.Ordinal));
        foreach (var row in currencyRows)
        {
            var currency = row.Children[0].TextContent.Trim();
            var these = claims.Where(c => c.Currency == currency).ToList();
            Victims("claims " + currency, row.Children[1], victims.Where(v => these.Any(c => c.VictimId == v.Id)));
            row.Children[2].TextContent.Trim().ShouldBe(these.Count.ToString(CultureInfo.InvariantCulture));
            row.Children[3].TextContent.Trim().ShouldBe(these.Sum(c => c.AmountClaimed).ToString("N2", CultureInfo.InvariantCulture));
            row.Children[4].TextContent.Trim().ShouldBe(these.Sum(c => c.AmountAwarded ?? 0).ToString("N2", CultureInfo.InvariantCulture));
            row.Children[5].TextContent.Trim().ShouldBe(these.Sum(c => c.AmountPaid).ToString("N2", CultureInfo.InvariantCulture));
        }

        foreach (var (what, cell, expected, areVictims) in checks)
        {
            var figure = Figure(cell);
            figure.TextContent.Trim().ShouldBe(expected.Count.ToString(CultureInfo.InvariantCulture), what);
            var link = figure as IHtmlAnchorElement;
            if (expected.Count == 0)
            {
                link.ShouldBeNull(what + ": a zero links nowhere");
                continue;
            }
            link.ShouldNotBeNull(what);
            var list = await client.GetHtmlAsync(link.GetAttribute("href")!);
            var shown = areVictims
                ? list.QuerySelectorAll("#victims tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList()
                : list.QuerySelectorAll("main table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
            shown.ShouldBe(expected, ignoreOrder: true, what + " (" + link.GetAttribute("href") + ")");
        }
        return page;
    }

    /// <summary>The figure in a cell: its link, or the plain zero.</summary>
    private static IElement Figure(IElement cell) =>
        cell.QuerySelector(".figure-link, .figure-zero") ?? throw new ShouldAssertException("no figure in: " + cell.OuterHtml);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
