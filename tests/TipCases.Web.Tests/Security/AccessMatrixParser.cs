namespace TipCases.Testing.Security;

/// <summary>One row of the access matrix: a page entry and, per actor, the outcome expected for
/// each variant of its route's records (one outcome when all variants agree).</summary>
public sealed record MatrixRow(string Key, IReadOnlyDictionary<string, IReadOnlyList<string>> Outcomes, int Line)
{
    /// <summary>The outcome for an actor and the variant at <paramref name="index"/> of <paramref name="count"/>.</summary>
    public string Expected(string actor, int index, int count)
    {
        var cell = Outcomes[actor];
        if (cell.Count == 1)
        {
            return cell[0];
        }
        if (cell.Count != count)
        {
            throw new InvalidOperationException(
                $"Access matrix line {Line} ({Key}): the {actor} cell has {cell.Count} outcomes but the route has {count} record variants; " +
                "give one outcome, or one per variant separated by '/'.");
        }
        return cell[index];
    }
}

/// <summary>
/// Reads the declared access matrix (<see cref="AccessMatrix.Declared"/>): one line per page entry,
/// <c>METHOD /route[?handler=Name]</c> then one cell per actor in <see cref="Actors"/> order. A cell
/// is one outcome, or one per record variant separated by '/', e.g. <c>200/404/404</c> for a case
/// of the actor's team, a case of their office they are not on, and a case of another office.
/// </summary>
public static class AccessMatrixParser
{
    public static readonly IReadOnlyList<string> Actors = ["anonymous", "investigator", "prosecutor", "liaison", "supervisor", "administrator"];

    /// <summary>200 and 302: that status; ok: allowed (200, or a redirect anywhere but sign-in);
    /// login: sent to sign in (a redirect to the sign-in page with a ReturnUrl); 400, 403, 404, 405: refused with that status.</summary>
    public static readonly IReadOnlySet<string> Outcomes = new HashSet<string>(StringComparer.Ordinal)
    {
        "200", "302", "ok", "login", "400", "403", "404", "405",
    };

    public static IReadOnlyList<MatrixRow> Parse(string text)
    {
        var rows = new List<MatrixRow>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 + Actors.Count)
            {
                throw new FormatException($"Access matrix line {lineNumber}: expected METHOD ROUTE and {Actors.Count} cells ({string.Join(' ', Actors)}): {line}");
            }
            var cells = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            for (var i = 0; i < Actors.Count; i++)
            {
                var outcomes = parts[2 + i].Split('/');
                foreach (var outcome in outcomes.Where(o => !Outcomes.Contains(o)))
                {
                    throw new FormatException($"Access matrix line {lineNumber}: unknown outcome '{outcome}' (use {string.Join(", ", Outcomes)}).");
                }
                cells[Actors[i]] = outcomes;
            }
            rows.Add(new MatrixRow(parts[0] + " " + parts[1], cells, lineNumber));
        }
        foreach (var duplicate in rows.GroupBy(r => r.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw new FormatException($"Access matrix: {duplicate.Key} is declared more than once (lines {string.Join(", ", duplicate.Select(r => r.Line))}).");
        }
        return rows;
    }

    /// <summary>Whether an outcome lets the actor in (what the hostile-input and accessibility sweeps use).</summary>
    public static bool IsAllowed(string outcome) => outcome is "200" or "302" or "ok";

    /// <summary>The observed outcome of a response, in the matrix's words.</summary>
    public static string Observe(System.Net.Http.HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is 301 or 302 or 303 or 307 or 308)
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            // A challenge sends the user to sign in and back (ReturnUrl); signing out lands on the
            // sign-in page too, but as the end of a request that was allowed.
            return location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase)
                && location.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase) ? "login" : "302";
        }
        return status.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static bool Matches(string expected, string observed) =>
        expected == observed || (expected == "ok" && observed is "200" or "302");
}
