using System.Globalization;
using System.Text;
using TipCases.Testing.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Security;

/// <summary>
/// Access control as one declared matrix (<see cref="AccessMatrix.Declared"/>) checked against
/// every page and handler the running app has: a page nobody listed fails, and so does a listed
/// page that no longer exists. Each entry is requested by every role and anonymously, with its
/// route filled by records of each relation (<see cref="AccessWorld"/>); POSTs carry a valid
/// antiforgery token and an empty form, and a refused POST must leave the database unchanged.
/// </summary>
public sealed class AccessMatrixTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task Every_page_and_handler_has_exactly_one_entry_and_every_entry_a_page()
    {
        var pages = await PageCatalog.DiscoverAsync(App.Services);
        var declared = AccessMatrix.Rows.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

        var missing = pages.Where(p => !declared.Contains(p.Key)).Select(p => p.Key).ToList();
        var stale = declared.Except(pages.Select(p => p.Key), StringComparer.Ordinal).ToList();

        pages.Count.ShouldBeGreaterThan(20, "the discovery finds the app's pages");
        missing.ShouldBeEmpty("pages or handlers without an entry in tests/TipCases.Web.Tests/Security/AccessMatrix.cs:\n  " + string.Join("\n  ", missing));
        stale.ShouldBeEmpty("entries in AccessMatrix.cs that match no page or handler of the app:\n  " + string.Join("\n  ", stale));
    }

    [Fact]
    public async Task Every_actor_gets_the_declared_outcome_on_every_page_and_handler()
    {
        var world = await AccessWorld.BuildAsync(App);
        var pages = await PageCatalog.DiscoverAsync(App.Services);
        var rows = AccessMatrix.Rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var failures = new List<string>();
        var draft = new StringBuilder();
        var checkedCount = 0;

        // GETs first, then POSTs: an allowed POST (even with an empty form) may change what a later request sees.
        foreach (var entry in pages.OrderBy(p => p.Method == "GET" ? 0 : 1))
        {
            var variants = world.VariantsFor(entry);
            var observedCells = new List<string>();
            foreach (var actor in AccessMatrixParser.Actors)
            {
                var observed = new List<string>();
                for (var i = 0; i < variants.Count; i++)
                {
                    var outcome = await RequestAsync(world, actor, entry, variants[i], rows.GetValueOrDefault(entry.Key), i, variants.Count, failures);
                    observed.Add(outcome);
                    checkedCount++;
                    if (outcome.StartsWith('5'))
                    {
                        failures.Add($"{entry.Key} [{variants[i].Name}] as {actor}: {outcome} (a server error)");
                    }
                    else if (rows.TryGetValue(entry.Key, out var row))
                    {
                        var expected = row.Expected(actor, i, variants.Count);
                        if (!AccessMatrixParser.Matches(expected, outcome))
                        {
                            failures.Add($"{entry.Key} [{variants[i].Name}] as {actor}: expected {expected}, got {outcome} (line {row.Line})");
                        }
                    }
                }
                observedCells.Add(observed.Distinct().Count() == 1 ? observed[0] : string.Join('/', observed));
            }
            draft.Append(CultureInfo.InvariantCulture, $"{entry.Method,-5}{entry.Route + (entry.Handler is null ? "" : "?handler=" + entry.Handler),-52}")
                .AppendLine(string.Join(' ', observedCells.Select(c => c.PadRight(13))).TrimEnd());
            if (!rows.ContainsKey(entry.Key))
            {
                failures.Add($"{entry.Key}: no entry in AccessMatrix.cs");
            }
        }
        WriteDraft(draft.ToString());

        checkedCount.ShouldBeGreaterThan(200);
        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    /// <summary>A POST naming a handler the page does not have falls back to the page's unnamed
    /// OnPost (declared in the matrix); where there is none, it must reach no code at all: 404 (403 or
    /// sign-in where the page's policy refuses first), never the page rendered without its access
    /// check, never a 500, and nothing changed.</summary>
    [Fact]
    public async Task A_post_to_a_handler_the_page_does_not_declare_reaches_nothing()
    {
        var world = await AccessWorld.BuildAsync(App);
        var pages = await PageCatalog.DiscoverAsync(App.Services);
        var rows = AccessMatrix.Rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var failures = new List<string>();
        var probes = 0;
        foreach (var page in pages.Where(p => p.Method == "GET" && p.Handler is null))
        {
            var unnamedPost = pages.FirstOrDefault(p => p.Route == page.Route && p.Method == "POST" && p.Handler is null);
            var variants = world.VariantsFor(page);
            var address = page.Url(variants[0].Values);
            var urls = new List<string> { address + "?handler=NoSuchHandler" };
            if (unnamedPost is null)
            {
                urls.Add(address);
            }
            foreach (var actor in AccessMatrixParser.Actors)
            {
                foreach (var url in urls)
                {
                    var client = await world.ClientAsync(actor);
                    var token = await world.TokenAsync(actor);
                    var before = await DatabaseFingerprint.TakeAsync(App.ConnectionString);
                    var response = await client.PostFormAsync(url, [], token);
                    probes++;
                    var outcome = AccessMatrixParser.Observe(response);
                    if (EndsSession(response))
                    {
                        world.Forget(actor);
                    }
                    if (unnamedPost is not null)
                    {
                        var expected = rows.TryGetValue(unnamedPost.Key, out var row) ? row.Expected(actor, 0, variants.Count) : "(no entry)";
                        if (!AccessMatrixParser.Matches(expected, outcome))
                        {
                            failures.Add($"POST {url} as {actor}: expected {expected} as for {unnamedPost.Key}, got {outcome}");
                        }
                        continue;
                    }
                    if (outcome is not ("404" or "403" or "login"))
                    {
                        failures.Add($"POST {url} as {actor}: expected 404 (or 403, login), got {outcome}");
                    }
                    var changed = DatabaseFingerprint.Changes(before, await DatabaseFingerprint.TakeAsync(App.ConnectionString));
                    if (changed.Length > 0)
                    {
                        failures.Add($"POST {url} as {actor}: changed {changed}");
                    }
                }
            }
        }
        probes.ShouldBeGreaterThan(100);
        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    /// <summary>Makes one request as the actor and returns its outcome in the matrix's words. A POST
    /// the matrix refuses must change nothing in the database.</summary>
    private async Task<string> RequestAsync(AccessWorld world, string actor, PageEntry entry, RecordVariant record, MatrixRow? row,
        int variant, int variants, List<string> failures)
    {
        var url = entry.Url(record.Values);
        var client = await world.ClientAsync(actor);
        if (entry.Method == "GET")
        {
            return AccessMatrixParser.Observe(await client.GetAsync(url));
        }
        var token = await world.TokenAsync(actor);
        var refused = row is not null && !AccessMatrixParser.IsAllowed(row.Expected(actor, variant, variants));
        var before = refused ? await DatabaseFingerprint.TakeAsync(App.ConnectionString) : null;
        var response = await client.PostFormAsync(url, world.FormFor(entry, record), token);
        if (before is not null)
        {
            var changed = DatabaseFingerprint.Changes(before, await DatabaseFingerprint.TakeAsync(App.ConnectionString));
            if (changed.Length > 0)
            {
                failures.Add($"{entry.Key} as {actor} at {url}: refused, yet changed {changed}");
            }
        }
        if (EndsSession(response))
        {
            world.Forget(actor);
        }
        return AccessMatrixParser.Observe(response);
    }

    /// <summary>Whether the response deleted the sign-in cookie (signing out), so the actor must sign in again.</summary>
    private static bool EndsSession(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => !c.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase)
            && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    /// <summary>With TIPCASES_ACCESS_MATRIX_DRAFT=/some/file, writes what every actor actually got, as
    /// matrix lines. A starting point for a new page's entry, never a substitute for deciding what
    /// each role should get: read every cell against the access rules before copying a line.</summary>
    private static void WriteDraft(string draft)
    {
        if (Environment.GetEnvironmentVariable("TIPCASES_ACCESS_MATRIX_DRAFT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, draft);
        }
    }
}
