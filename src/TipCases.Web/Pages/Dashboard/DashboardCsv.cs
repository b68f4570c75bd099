using System.Globalization;
using System.Security.Claims;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Auditing;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Victims;

namespace TipCases.Web.Pages.Dashboard;

/// <summary>The dashboard's tables, each downloadable as CSV.</summary>
public enum DashboardTable
{
    Stages = 1,
    Attention = 2,
    People = 3,
    Purposes = 4,
    ApproachAndScope = 5,
    Victims = 6,
    Compensation = 7,
    Outcomes = 8,

    /// <summary>The office's assets per currency (supervisors only: <see cref="DashboardWatchlist"/>).</summary>
    Assets = 9,

    /// <summary>The office's assets per step (supervisors only).</summary>
    AssetSteps = 10,
}

/// <summary>
/// A dashboard table as CSV, with the same rows and numbers as the page (counts only: no case
/// title, no victim at all), and an audit event for the download.
/// </summary>
public sealed class DashboardCsv(AuditLog audit)
{
    /// <param name="assets">The assets section, for <see cref="DashboardTable.Assets"/>.</param>
    public async Task<CsvResult> ResultAsync(DashboardFigures figures, DashboardTable table, ClaimsPrincipal user, CancellationToken ct,
        AssetFigures? assets = null)
    {
        var filters = new Dictionary<string, string>(StringComparer.Ordinal) { ["scope"] = figures.Scope.ToString() };
        figures.Period.AddTo(filters);
        await audit.RecordAsync(AuditAction.Exported, user, "Export", "dashboard:" + table, new { list = "dashboard", table = table.ToString(), filters }, ct);
        var lines = (table is DashboardTable.Assets or DashboardTable.AssetSteps ? AssetLines(assets ?? new AssetFigures([], []), table) : Lines(figures, table)).ToList();
        var day = figures.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var name = $"dashboard-{table.ToString().ToLowerInvariant()}-{day}.csv";
        return new CsvResult(name, async (writer, token) =>
        {
            foreach (var line in lines)
            {
                await writer.WriteAsync(Csv.Line(line));
            }
        });
    }

    /// <summary>An assets table: per currency, or the assets at each step.</summary>
    public static IEnumerable<IEnumerable<string>> AssetLines(AssetFigures assets, DashboardTable table)
    {
        if (table == DashboardTable.AssetSteps)
        {
            yield return [Csv.Cell("Step reached"), Csv.Cell("Assets")];
            foreach (var s in assets.PerStep)
            {
                yield return [Csv.Cell(Cooperation.CooperationDisplay.DisplayName(s.Step)), Csv.Cell(s.Count)];
            }
            yield return [Csv.Cell("Total"), Csv.Cell(assets.Total)];
            yield break;
        }
        yield return [Csv.Cell("Currency"), Csv.Cell("Confiscated assets"), Csv.Cell("Estimated value confiscated"), Csv.Cell("Value realised"),
            Csv.Cell("Allocated to victims' compensation"), Csv.Cell("Victims paid from assets")];
        foreach (var t in assets.PerCurrency)
        {
            yield return [Csv.Cell(t.Currency), Csv.Cell(t.ConfiscatedAssets), Csv.Cell(t.EstimatedConfiscated), Csv.Cell(t.Realised), Csv.Cell(t.Allocated),
                Csv.Cell(t.AllocatedVictims)];
        }
    }

    /// <summary>The table's header and rows, each cell already escaped.</summary>
    public static IEnumerable<IEnumerable<string>> Lines(DashboardFigures f, DashboardTable table)
    {
        static string C(string? text) => Csv.Cell(text);
        static string N(int n) => Csv.Cell(n);
        switch (table)
        {
            case DashboardTable.Stages:
                yield return [C("Stage"), C("Cases")];
                foreach (var stage in Enum.GetValues<CaseStage>())
                {
                    yield return [C(stage.DisplayName()), N(f.CasesAt(stage))];
                }
                yield return [C("Total"), N(f.TotalCases)];
                break;
            case DashboardTable.Attention:
                yield return [C("What"), C("Number")];
                yield return [C("Open cases with an overdue task"), N(f.Overdue.Cases)];
                yield return [C("Overdue tasks on open cases"), N(f.Overdue.Tasks)];
                yield return [C("Victims whose support follow-up is overdue"), N(f.Victims.FollowUpsOverdue)];
                yield return [C($"Victims without a support step in the last {VictimFilters.SupportGapDays} days"), N(f.Victims.WithoutRecentSupport)];
                yield return [C($"Victims whose stay permit or reflection period expires within {ResidenceRecord.ExpiryWarningDays} days"), N(f.Victims.PermitsExpiring)];
                yield return [C("Victims whose stay permit or reflection period has expired"), N(f.Victims.PermitsExpired)];
                break;
            case DashboardTable.People:
                yield return [C("Person"), .. DashboardQueries.OpenStages.Select(s => C(s.DisplayName())), C("Open cases"),
                    C("Open cases with an overdue task of theirs"), C("Their overdue tasks")];
                foreach (var p in f.People)
                {
                    yield return [C(p.DisplayName + (p.IsActive ? "" : " (account disabled)")), .. DashboardQueries.OpenStages.Select(s => N(p.OpenByStage[s])),
                        N(p.OpenCases), N(p.OverdueCases), N(p.OverdueTasks)];
                }
                break;
            case DashboardTable.Purposes:
                yield return [C("Exploitation purpose"), C("Cases"), C("Victims")];
                foreach (var p in f.Purposes)
                {
                    yield return [C(p.Form.DisplayName()), N(p.Cases), N(p.Victims)];
                }
                break;
            case DashboardTable.ApproachAndScope:
                yield return [C("Approach"), .. Enum.GetValues<CaseScope>().Select(s => C(s.ToString())), C("Total")];
                foreach (var approach in Enum.GetValues<InvestigationApproach>())
                {
                    yield return [C(approach.ToString()), .. Enum.GetValues<CaseScope>().Select(s => N(f.CasesWith(approach, s))), N(f.CasesWith(approach, null))];
                }
                yield return [C("Total"), .. Enum.GetValues<CaseScope>().Select(s => N(f.CasesWith(null, s))), N(f.TotalCases)];
                break;
            case DashboardTable.Victims:
                yield return [C("Victims"), C("Number")];
                yield return [C("Children (under 18 at the time)"), N(f.Victims.Children)];
                yield return [C("Adults"), N(f.Victims.Adults)];
                yield return [C("Not known yet (no date of birth)"), N(f.Victims.ChildStatusUnknown)];
                yield return [C("Total"), N(f.Victims.Total)];
                break;
            case DashboardTable.Compensation:
                yield return [C("Currency"), C("Victims"), C("Claims"), C("Claimed"), C("Awarded"), C("Paid"), C("Awarded, not paid")];
                foreach (var t in f.Compensation)
                {
                    yield return [C(t.Currency), N(t.Victims), N(t.Claims), Csv.Cell(t.Claimed), Csv.Cell(t.Awarded), Csv.Cell(t.Paid), Csv.Cell(t.Outstanding)];
                }
                break;
            case DashboardTable.Outcomes:
                yield return [C("Outcome"), C("Cases")];
                yield return [C("With a conviction"), N(f.Outcomes.Convicted)];
                yield return [C("With an acquittal"), N(f.Outcomes.Acquitted)];
                yield return [C("With a verdict"), N(f.Outcomes.Decided)];
                yield return [C("Median days from intake to first verdict"),
                    f.Outcomes.MedianDaysToVerdict is { } median ? C(median.ToString("0.#", CultureInfo.InvariantCulture)) : C("")];
                break;
            default:
                yield break;
        }
    }
}
