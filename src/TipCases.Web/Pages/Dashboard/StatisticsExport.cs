using System.Globalization;
using System.Security.Claims;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
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
/// pseudonym or id (the identity ciphertext is not even selected; the victim's id only joins the
/// charges' means, never leaves the query). The victims' facts stream from
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
                // The means recorded on the charges concerning the victim, on the counted cases,
                // withdrawn charges left out (what is alleged or proved): by the indexes on charge
                // victims (victim) and facts (charge); HtcdsVictimRecord.MeansOfControl maps them.
                Means = (
                        from cv in db.Set<ChargeVictim>()
                        where cv.VictimId == v.Id
                        join ch in db.Charges on cv.ChargeId equals ch.Id
                        where ch.Status != ChargeStatus.Withdrawn && caseIds.Contains(ch.CaseId)
                        join fact in db.Set<ChargeFact>() on ch.Id equals fact.ChargeId
                        where fact.Element == ChargeElement.Means
                        select fact.Value)
                    .Distinct()
                    .ToList(),
            });
        var combinations = new Dictionary<string, (IReadOnlyList<string> Values, int Count)>(StringComparer.Ordinal);
        await foreach (var f in facts.AsAsyncEnumerable().WithCancellation(ct))
        {
            var values = HtcdsVictimRecord.Values(new HtcdsVictimFacts(f.Sex, f.AgeAtOffence, f.ChildStatus, f.Nationality, f.Exploitation,
                HtcdsVictimRecord.MeansOfControl(f.Means), f.LatestStage));
            var key = string.Join('\u001f', values);
            combinations[key] = combinations.TryGetValue(key, out var seen) ? (seen.Values, seen.Count + 1) : (values, 1);
        }
        return KAnonymity.Apply(HtcdsVictimRecord.Attributes, combinations.Values.Select(c => new WeightedRecord(c.Values, c.Count)), K);
    }

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
