using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TipCases.Browser.Tests.Infrastructure;
using TipCases.Domain.Cases;
using TipCases.Testing.Security;
using TipCases.Web.Data;
using TipCases.Web.Security;

namespace TipCases.Browser.Tests;

/// <summary>
/// Every page each role may open, in Chromium, scanned by axe: no serious or critical violation.
/// Which pages a role may open is read from the access matrix (AccessMatrix.cs), which in turn must
/// list every page the app has, so a new page is swept as soon as its matrix entry exists. Route
/// ids are filled with demo records of the demo users' own team (a case with the demo
/// investigator, prosecutor and liaison officer on it, and its victim in the liaison officer's care).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilitySweepTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("anonymous", null)]
    [InlineData("investigator", "investigator")]
    [InlineData("prosecutor", "prosecutor")]
    [InlineData("liaison", "liaison")]
    [InlineData("supervisor", "supervisor")]
    [InlineData("administrator", "admin")]
    public async Task Every_page_the_role_may_open_has_no_serious_accessibility_violation(string actor, string? demoUser)
    {
        var urls = await PagesForAsync(actor);
        urls.ShouldNotBeEmpty();
        var page = demoUser is null ? await AnonymousPageAsync() : await fixture.SignedInPageAsync(demoUser);
        var violations = new List<string>();
        try
        {
            foreach (var url in urls)
            {
                var response = await page.GotoAsync(url);
                if (response is null || response.Status != 200)
                {
                    violations.Add($"{url}: answered {response?.Status}, the access matrix says 200");
                    continue;
                }
                violations.AddRange((await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).Select(v => $"{url}: {v}"));
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }
        violations.ShouldBeEmpty(string.Join("\n", violations));
    }

    private async Task<IPage> AnonymousPageAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        return await context.NewPageAsync();
    }

    /// <summary>The addresses of every page (GET, no handler) the matrix opens to the actor (200)
    /// on the actor's own records.</summary>
    private async Task<List<string>> PagesForAsync(string actor)
    {
        var pages = await PageCatalog.DiscoverAsync(fixture.Services);
        var rows = AccessMatrix.Rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var records = await DemoRecordsAsync();
        var urls = new List<string>();
        foreach (var entry in pages.Where(p => p.Method == "GET" && p.Handler is null && rows.ContainsKey(p.Key)))
        {
            // The matrix lists variants per parameter; the own record is the first that is not "leave it out".
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            var variant = 0;
            var variants = 1;
            if (entry.Parameters.Any(p => Fill(entry.Route, p.Name, records) is null))
            {
                continue; // a record of a later feature (a charge, a hearing, a request): not swept yet, see Fill
            }
            foreach (var (name, optional) in entry.Parameters)
            {
                var (value, relations) = Fill(entry.Route, name, records)!.Value;
                values[name] = value;
                variants *= relations + (optional ? 1 : 0);
                variant = variant * (relations + (optional ? 1 : 0)) + (optional ? 1 : 0);
            }
            if (rows[entry.Key].Expected(actor, variant, variants) == "200")
            {
                urls.Add(entry.Url(values));
            }
        }
        return urls;
    }

    /// <summary>The demo record for a route parameter, and how many relations the matrix lists for
    /// its kind (as AccessWorld in the web tests fills it). Pages that take the id of a charge,
    /// defendant, hearing, cooperation request, asset or offence are not swept yet (null): their
    /// case-level pages are, and the access matrix covers them all.</summary>
    private static (string Value, int Relations)? Fill(string route, string parameter, DemoRecords records) => (route, parameter) switch
    {
        _ when parameter == "id" && (route.Contains("/Assets/", StringComparison.Ordinal) || route.Contains("/Cooperation/", StringComparison.Ordinal)
            || route.StartsWith("/Charges/", StringComparison.Ordinal) || route.StartsWith("/Admin/Offences/", StringComparison.Ordinal)) => null,
        _ when route.StartsWith("/Cases/", StringComparison.Ordinal) && parameter is "id" or "caseId" => (records.Case.ToString(), 3),
        _ when route.StartsWith("/Victims/", StringComparison.Ordinal) && parameter is "id" or "victimId" => (records.Victim.ToString(), 3),
        _ when route.StartsWith("/Admin/Users/", StringComparison.Ordinal) && parameter == "id" => (records.User.ToString(), 2),
        _ when route.StartsWith("/Admin/Offices/", StringComparison.Ordinal) && parameter == "id" => (records.Office.ToString(), 2),
        _ when route.StartsWith("/Error/", StringComparison.Ordinal) && parameter == "code" => ("404", 1),
        _ => null,
    };

    private sealed record DemoRecords(Guid Case, Guid Victim, Guid User, Guid Office);

    private async Task<DemoRecords> DemoRecordsAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TipCasesDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var investigator = (await users.FindByNameAsync("investigator"))!;
        var prosecutor = (await users.FindByNameAsync("prosecutor"))!;
        var liaison = (await users.FindByNameAsync("liaison"))!;
        var found = await (
            from victim in db.Victims
            where victim.LiaisonOfficerId == liaison.Id
            from link in db.CaseVictims
            where link.VictimId == victim.Id
            join c in db.Cases on link.CaseId equals c.Id
            where c.Team.Any(m => m.UserId == investigator.Id && m.Role == TeamRole.Investigator)
                && c.Team.Any(m => m.UserId == prosecutor.Id && m.Role == TeamRole.Prosecutor)
                && c.Team.Any(m => m.UserId == liaison.Id && m.Role == TeamRole.VictimLiaisonOfficer)
            select new { CaseId = c.Id, VictimId = victim.Id }).FirstOrDefaultAsync();
        found.ShouldNotBeNull("the demo data has a case with the demo investigator, prosecutor and liaison officer, and a victim in the liaison officer's care");
        return new DemoRecords(found.CaseId, found.VictimId, investigator.Id, investigator.OfficeId);
    }
}
