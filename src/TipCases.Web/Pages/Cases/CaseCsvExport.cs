using System.Globalization;
using System.Security.Claims;
using TipCases.Domain.Cases;
using TipCases.Web.Auditing;
using TipCases.Web.Infrastructure;

namespace TipCases.Web.Pages.Cases;

/// <summary>
/// The case list as CSV: the columns the list shows (no victim appears in it at all), every row
/// the filters select, streamed. The export is recorded in the audit trail, with its filters
/// but never the words searched for, before the first row is sent.
/// </summary>
public sealed class CaseCsvExport(AuditLog audit, TimeProvider clock)
{
    public static IReadOnlyList<string> Header { get; } =
        ["Reference", "Title", "Stage", "Approach", "Scope", "Opened on", "Lead prosecutor", "Team size"];

    public async Task<CsvResult> ResultAsync(IQueryable<IndexModel.Row> rows, IReadOnlyDictionary<string, string> filters, ClaimsPrincipal user,
        CancellationToken ct)
    {
        await audit.RecordAsync(AuditAction.Exported, user, "Export", "cases", new { list = "cases", filters }, ct);
        var day = clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new CsvResult($"cases-{day}.csv", async (writer, token) =>
        {
            await writer.WriteAsync(Csv.Line(Header.Select(Csv.Cell)));
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(token))
            {
                await writer.WriteAsync(Csv.Line(
                    Csv.Cell(row.Reference),
                    Csv.Cell(row.Title),
                    Csv.Cell(row.StageName),
                    Csv.Cell(row.Approach.ToString()),
                    Csv.Cell(row.Scope.ToString()),
                    Csv.Cell(row.OpenedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    Csv.Cell(row.LeadName ?? ""),
                    Csv.Cell(row.TeamSize)));
            }
        });
    }
}
