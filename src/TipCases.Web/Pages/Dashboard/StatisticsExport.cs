using System.Globalization;
using System.Security.Claims;
using TipCases.Domain.Cases;
using TipCases.Domain.Statistics;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Victims;

namespace TipCases.Web.Pages.Dashboard;

/// <summary>
/// The de-identified statistics for national reporting: one record per victim of the office's
/// cases opened in the period, in the style of the Human Trafficking Case Data Standard
/// (<see cref="HtcdsVictimRecord"/>), made k-anonymous (k = 11) by <see cref="KAnonymity"/>
/// before anything leaves. Nothing identifying is ever read: no name, date of birth, contact,
/// pseudonym or id (the identity ciphertext is not even selected). The victims' facts stream from
/// PostgreSQL and are counted by combination as they come, so memory holds the combinations,
/// not the victims.
/// </summary>
public sealed class StatisticsExport(DashboardQueries queries, TipCasesDbContext db, AuditLog audit)
{
    public const int K = KAnonymity.DefaultK;

    public async Task<AnonymisedTable> BuildAsync(ClaimsPrincipal user, DashboardPeriod period, CancellationToken ct)
    {
        var cases = queries.Cases(user, DashboardScope.Office, period);
        var caseIds = cases.Select(c => c.Id);
        var facts = db.Victims.AsNoTracking().OnCases(cases)
            .Select(v => new
            {
                v.Sex,
                v.AgeAtOffence,
                v.ChildStatus,
                v.Nationality,
                v.Exploitation,
                LatestStage = db.Cases
                    .Where(c => caseIds.Contains(c.Id) && v.Cases.Any(l => l.CaseId == c.Id))
                    .OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.CreatedAt)
                    .Select(c => (CaseStage?)c.Stage)
                    .FirstOrDefault(),
            });
        var combinations = new Dictionary<string, (IReadOnlyList<string> Values, int Count)>(StringComparer.Ordinal);
        await foreach (var f in facts.AsAsyncEnumerable().WithCancellation(ct))
        {
            var values = HtcdsVictimRecord.Values(new HtcdsVictimFacts(f.Sex, f.AgeAtOffence, f.ChildStatus, f.Nationality, f.Exploitation,
                MeansOfControlFromCharges(), f.LatestStage));
            var key = string.Join('\u001f', values);
            combinations[key] = combinations.TryGetValue(key, out var seen) ? (seen.Values, seen.Count + 1) : (values, 1);
        }
        return KAnonymity.Apply(HtcdsVictimRecord.Attributes, combinations.Values.Select(c => new WeightedRecord(c.Values, c.Count)), K);
    }

    /// <summary>
    /// EXTENSION POINT for the charges feature: the means element proved or alleged on the charges
    /// concerning the victim, as HTCDS methods of control (e.g. threat or use of force: "Threats",
    /// "PhysicalAbuse"; deception and fraud: "FalsePromises"; payments to a person having control:
    /// "DebtBondage" or "TakesEarnings"), projected with the victim's facts above. Until charges
    /// exist nothing records the means, and the column says "NotRecorded".
    /// </summary>
    private static IReadOnlyCollection<string> MeansOfControlFromCharges() => [];

    public async Task<CsvResult> RecordsCsvAsync(ClaimsPrincipal user, DashboardPeriod period, CancellationToken ct)
    {
        var table = await BuildAsync(user, period, ct);
        await AuditAsync(user, period, table, "records", ct);
        return new CsvResult($"statistics-htcds-k{K}.csv", async (writer, token) =>
        {
            await writer.WriteAsync(Csv.Line(table.Attributes.Select(Csv.Cell)));
            foreach (var row in table.RecordRows())
            {
                token.ThrowIfCancellationRequested();
                await writer.WriteAsync(Csv.Line(row.Select(Csv.Cell)));
            }
        });
    }

    public async Task<CsvResult> ReportCsvAsync(ClaimsPrincipal user, DashboardPeriod period, CancellationToken ct)
    {
        var table = await BuildAsync(user, period, ct);
        await AuditAsync(user, period, table, "suppression report", ct);
        return new CsvResult($"statistics-htcds-k{K}-suppression-report.csv", async (writer, _) =>
        {
            foreach (var line in ReportLines(table, period))
            {
                await writer.WriteAsync(Csv.Line(line.Select(Csv.Cell)));
            }
        });
    }

    /// <summary>What the suppression report says: the rule, the counts, and each attribute's generalisation.</summary>
    public static IEnumerable<string[]> ReportLines(AnonymisedTable table, DashboardPeriod period)
    {
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        yield return ["item", "value"];
        yield return ["period", period.Describe()];
        yield return ["k (smallest group published)", N(table.K)];
        yield return ["victims", N(table.InputRecords)];
        yield return ["victims published", N(table.PublishedRecords)];
        yield return ["victims suppressed (in a group smaller than k after generalisation)", N(table.SuppressedRecords)];
        yield return ["groups published", N(table.Rows.Count)];
        foreach (var g in table.Generalisations)
        {
            var state = g.Withheld ? "withheld" : g.Generalised ? "generalised" : "as recorded";
            yield return [$"attribute {g.Attribute}", $"{state}: {g.Description}"];
        }
    }

    private Task AuditAsync(ClaimsPrincipal user, DashboardPeriod period, AnonymisedTable table, string part, CancellationToken ct)
    {
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        period.AddTo(filters);
        return audit.RecordAsync(AuditAction.Exported, user, "Export", "statistics", new
        {
            list = "statistics",
            part,
            filters,
            k = table.K,
            victims = table.InputRecords,
            suppressed = table.SuppressedRecords,
            generalised = table.Generalisations.Where(g => g.Generalised).Select(g => g.Attribute).ToList(),
        }, ct);
    }
}
