using System.Globalization;
using AngleSharp.Html.Parser;
using TipCases.Testing.Security;
using TipCases.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TipCases.Web.Tests.Security;

/// <summary>
/// Every form of every page, found by reading the pages (no form is listed by hand, so a new page is
/// attacked the day it exists), submitted with hostile values in each field: script and HTML
/// injection, an SQL fragment, 100,000 characters, a NUL, a right-to-left override, impossible dates
/// and numbers, tampered row versions and ids (another office's records, unknown ones). Each form is
/// attacked on records of its own, as the first actor the access matrix lets open its page.
/// Asserted: never a server error; what must be refused changes nothing in the database; and a value
/// that was stored, or shown again in a refused form, is never in the HTML unencoded, on any page the
/// actor or an administrator can open.
/// </summary>
public sealed class HostileInputTests(TipCasesApp app, ITestOutputHelper output) : WebTest(app)
{
    private const string Script = "<script>alert(1)</script>";
    private const string Img = "\"><img src=x onerror=alert(1)>";
    private const string Sql = "'; DROP TABLE cases; --";
    private const string Rlo = "\u202Eexe.txt";
    private static readonly string Long = new('A', 100_000);
    private static readonly string[] RawMarkers = ["<script>alert(1)", "<img src=x onerror"];
    private static readonly string[] EncodedMarkers = ["&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;"];

    /// <summary>Who attacks a form: the first of these the page lets in, so the richest forms are seen.</summary>
    private static readonly string[] AttackerOrder = ["prosecutor", "supervisor", "liaison", "investigator", "administrator", "anonymous"];

    private sealed record Attack(string Description, Func<FormField, string?> ValueOf, bool MustRefuse);

    private sealed record Target(PageEntry Page, RecordVariant Variant, string Actor, string Signature);

    [Fact]
    public async Task Every_form_refuses_or_safely_stores_hostile_values_in_every_field()
    {
        var world = await AccessWorld.BuildAsync(App);
        var pages = await PageCatalog.DiscoverAsync(App.Services);
        var rows = AccessMatrix.Rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var failures = new List<string>();
        var targets = await DiscoverFormsAsync(world, pages, rows);
        int submissions = 0, stored = 0, encodedSeen = 0;

        // TIPCASES_HOSTILE_ONLY=text attacks only the forms whose signature contains it (while fixing one).
        var only = Environment.GetEnvironmentVariable("TIPCASES_HOSTILE_ONLY");
        foreach (var discovered in targets.Where(t => string.IsNullOrEmpty(only) || t.Signature.Contains(only, StringComparison.Ordinal)))
        {
            var target = discovered;
            var set = await world.FreshAsync();
            var variant = world.ValuesFor(target.Page, set, target.Variant);
            var url = target.Page.Url(variant.Values);
            var form = await FindFormAsync(world, target, url);
            if (form is null)
            {
                output.WriteLine($"not attacked (not on fresh records): {target.Signature} on {target.Page.Key} as {target.Actor}");
                continue;
            }
            if (target.Actor != "anonymous" && form.Fields.Any(f => f.Kind == FieldKind.Password))
            {
                // Wrong passwords lock an account: a stand-in of the same role takes them.
                target = target with { Actor = await world.StandInAsync(target.Actor) };
                form = await FindFormAsync(world, target, url);
                if (form is null)
                {
                    output.WriteLine($"not attacked (not shown to a stand-in): {target.Signature} on {target.Page.Key}");
                    continue;
                }
            }
            var storedHere = false;
            foreach (var attack in AttacksOn(form, world))
            {
                var current = await FindFormAsync(world, target, url);
                if (current is null)
                {
                    output.WriteLine($"form gone after an accepted attack: {target.Signature}");
                    break;
                }
                var client = await world.ClientAsync(target.Actor);
                var before = await DatabaseFingerprint.TakeAsync(App.ConnectionString);
                var logged = App.Logs.Lines.Count;
                var response = await client.PostFormAsync(current.Action, current.Values(f => f.IsToken ? f.Value : attack.ValueOf(f)), antiforgeryToken: null);
                submissions++;
                var body = await response.Content.ReadAsStringAsync();
                var changed = DatabaseFingerprint.Changes(before, await DatabaseFingerprint.TakeAsync(App.ConnectionString));
                var where = $"{target.Signature} as {target.Actor}, {attack.Description}";
                if ((int)response.StatusCode >= 500)
                {
                    var error = App.Logs.Lines.Skip(logged).FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal)) ?? "";
                    failures.Add($"{where}: {(int)response.StatusCode} {error[..Math.Min(error.Length, 600)]}");
                }
                if (attack.MustRefuse && changed.Length > 0)
                {
                    failures.Add($"{where}: must be refused, yet changed {changed} (answered {(int)response.StatusCode} {response.Headers.Location})");
                }
                if (RawMarkers.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal)) is { } raw)
                {
                    failures.Add($"{where}: the answer holds {raw} unencoded");
                }
                if (!attack.MustRefuse && changed.Length > 0)
                {
                    storedHere = true;
                    stored++;
                }
                if (response.Headers.TryGetValues("Set-Cookie", out var cookies)
                    && cookies.Any(c => !c.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)))
                {
                    world.Forget(target.Actor);
                }
            }
            if (storedHere)
            {
                encodedSeen += await ScanPagesAsync(world, pages, rows, set, discovered.Actor, target.Signature, failures);
            }
        }

        foreach (var target in targets)
        {
            output.WriteLine($"attacked: {target.Signature} on {target.Page.Key} as {target.Actor}");
        }
        output.WriteLine($"{targets.Count} forms, {submissions} hostile submissions, {stored} stored a value, encoded payload seen on {encodedSeen} pages");
        foreach (var failure in failures)
        {
            output.WriteLine("FAILURE " + failure);
        }
        failures.ShouldBeEmpty(string.Join("\n", failures));
        targets.Count.ShouldBeGreaterThan(25, "the discovery finds the app's forms");
        stored.ShouldBeGreaterThan(20, "hostile text that is valid is stored, so its rendering is checked");
        encodedSeen.ShouldBeGreaterThan(10, "stored hostile text shows on the pages, encoded");
    }

    /// <summary>Every POST form of every page, on the world's records, as the first actor allowed to open the page.</summary>
    private static async Task<List<Target>> DiscoverFormsAsync(AccessWorld world, IReadOnlyList<PageEntry> pages, Dictionary<string, MatrixRow> rows)
    {
        var targets = new Dictionary<string, Target>(StringComparer.Ordinal);
        foreach (var page in pages.Where(p => p.Method == "GET" && p.Handler is null))
        {
            var variants = world.VariantsFor(page);
            foreach (var actor in AttackerOrder)
            {
                for (var i = 0; i < variants.Count; i++)
                {
                    if (!rows.TryGetValue(page.Key, out var row) || row.Expected(actor, i, variants.Count) != "200")
                    {
                        continue;
                    }
                    var client = await world.ClientAsync(actor);
                    var url = page.Url(variants[i].Values);
                    var response = await client.GetAsync(url);
                    var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
                    foreach (var form in DiscoveredForm.Read(document, url))
                    {
                        targets.TryAdd(form.Signature, new Target(page, variants[i], actor, form.Signature));
                    }
                }
            }
        }
        return [.. targets.Values];
    }

    private static async Task<DiscoveredForm?> FindFormAsync(AccessWorld world, Target target, string url)
    {
        var client = await world.ClientAsync(target.Actor);
        var response = await client.GetAsync(url);
        if (AccessMatrixParser.Observe(response) == "login" && target.Actor != "anonymous")
        {
            // An attack ended the actor's session (a lockout after wrong current passwords, say): sign in again.
            world.Forget(target.Actor);
            client = await world.ClientAsync(target.Actor);
            response = await client.GetAsync(url);
        }
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return DiscoveredForm.Read(document, url).FirstOrDefault(f => f.Signature == target.Signature);
    }

    /// <summary>A value a user could plausibly send in the field, so that the hostile one is the only thing wrong.</summary>
    private string? Plausible(FormField field)
    {
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return field.Kind switch
        {
            FieldKind.Hidden => field.Value,
            FieldKind.Select or FieldKind.Radio => field.Value.Length > 0 ? field.Value : field.Options.FirstOrDefault(o => o.Length > 0) ?? "",
            FieldKind.Checkbox => field.Checked ? field.Value : null,
            FieldKind.Date => field.Value.Length > 0 ? field.Value : today,
            FieldKind.Number => field.Value.Length > 0 ? field.Value : "1",
            FieldKind.Password => "not the password, surely",
            _ when field.Value.Length > 0 => field.Value,
            _ when field.Type == "email" => "someone@example.test",
            _ when field.Type == "tel" => "+00 555 0101",
            _ => "Plausible words",
        };
    }

    private IEnumerable<Attack> AttacksOn(DiscoveredForm form, AccessWorld world)
    {
        // Fields are matched by name (a checkbox by its value too): the form is read again before each submission.
        static bool Same(FormField a, FormField b) => a.Name == b.Name && (a.Kind != FieldKind.Checkbox || a.Value == b.Value);
        string? Only(FormField target, FormField f, string value) => Same(f, target) ? value : Plausible(f);
        var typed = form.Fields.Where(f => f.Kind is FieldKind.Text or FieldKind.TextArea or FieldKind.Password).ToList();

        foreach (var field in typed)
        {
            yield return new Attack($"{field.Name} = script", f => Only(field, f, Script), MustRefuse: false);
            yield return new Attack($"{field.Name} = img", f => Only(field, f, Img), MustRefuse: false);
            yield return new Attack($"{field.Name} = 100,000 characters", f => Only(field, f, Long), MustRefuse: true);
        }
        if (typed.Count > 0)
        {
            yield return new Attack("every text field = SQL fragment", f => typed.Any(t => Same(t, f)) ? Sql : Plausible(f), MustRefuse: false);
            yield return new Attack("every text field = right-to-left override", f => typed.Any(t => Same(t, f)) ? Rlo + Plausible(f) : Plausible(f), MustRefuse: false);
            yield return new Attack($"{typed[0].Name} = NUL", f => Same(f, typed[0]) ? "a\0b" : Plausible(f), MustRefuse: true);
        }
        foreach (var field in form.Fields.Where(f => f.Kind == FieldKind.Date))
        {
            foreach (var bad in new[] { "2026-02-30", "not a date", "99999-12-31" })
            {
                yield return new Attack($"{field.Name} = {bad}", f => Only(field, f, bad), MustRefuse: true);
            }
        }
        foreach (var field in form.Fields.Where(f => f.Kind == FieldKind.Number))
        {
            foreach (var bad in new[] { "abc", "1e309", "-99999999999999999999" })
            {
                yield return new Attack($"{field.Name} = {bad}", f => Only(field, f, bad), MustRefuse: true);
            }
        }
        foreach (var field in form.Fields.Where(f => !f.IsToken && f.Kind is FieldKind.Hidden or FieldKind.Select or FieldKind.Radio))
        {
            if (field.IsVersion)
            {
                foreach (var bad in new[] { "0", "abc", "4294967296" })
                {
                    yield return new Attack($"{field.Name} (row version) = {bad}", f => Only(field, f, bad), MustRefuse: true);
                }
            }
            else if (field.HoldsId)
            {
                // Another office's record, unless the form offers it (an administrator may move an account to any office).
                foreach (var other in world.OtherOfficeIds.Where(id => !field.Options.Contains(id.ToString(), StringComparer.OrdinalIgnoreCase)))
                {
                    yield return new Attack($"{field.Name} = an NRO record's id", f => Only(field, f, other.ToString()), MustRefuse: true);
                }
                yield return new Attack($"{field.Name} = an unknown id", f => Only(field, f, Guid.NewGuid().ToString()), MustRefuse: true);
                yield return new Attack($"{field.Name} = not an id", f => Only(field, f, "not-an-id"), MustRefuse: true);
            }
            else if (field.Kind is FieldKind.Select or FieldKind.Radio)
            {
                yield return new Attack($"{field.Name} = a value it does not offer", f => Only(field, f, "NoSuchChoice"), MustRefuse: true);
            }
            else
            {
                yield return new Attack($"{field.Name} (hidden) = script", f => Only(field, f, Script), MustRefuse: false);
            }
        }
    }

    /// <summary>After a form stored hostile text: every page the actor may open on the same records,
    /// and the administrator's pages, must show it encoded. Returns how many pages showed it (encoded).</summary>
    private static async Task<int> ScanPagesAsync(AccessWorld world, IReadOnlyList<PageEntry> pages, Dictionary<string, MatrixRow> rows,
        RecordSet set, string actor, string signature, List<string> failures)
    {
        var seen = 0;
        foreach (var reader in new[] { actor, "administrator" }.Distinct())
        {
            var client = await world.ClientAsync(reader);
            foreach (var page in pages.Where(p => p.Method == "GET" && p.Handler is null))
            {
                var variants = world.VariantsFor(page);
                var own = variants.ToList().FindIndex(v => !v.Name.StartsWith("none", StringComparison.Ordinal));
                if (own < 0 || !rows.TryGetValue(page.Key, out var row) || row.Expected(reader, own, variants.Count) != "200")
                {
                    continue;
                }
                var url = page.Url(world.ValuesFor(page, set).Values);
                var response = await client.GetAsync(url);
                var html = await response.Content.ReadAsStringAsync();
                if (RawMarkers.FirstOrDefault(m => html.Contains(m, StringComparison.Ordinal)) is { } raw)
                {
                    failures.Add($"{url} as {reader}, after {signature}: {raw} unencoded");
                }
                if (EncodedMarkers.Any(m => html.Contains(m, StringComparison.Ordinal)))
                {
                    seen++;
                }
            }
        }
        return seen;
    }
}
