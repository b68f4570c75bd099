using System.Globalization;
using TipCases.Domain.Cases;

namespace TipCases.Web.Data;

/// <summary>
/// Hands out numbers per office, kind and year. The counter row is incremented in one statement
/// (INSERT ... ON CONFLICT DO UPDATE ... RETURNING), which locks that row until the transaction
/// ends: concurrent creations queue for a number instead of taking the same one, and a number is
/// never handed out twice. A rolled-back creation leaves a gap, which is harmless.
/// </summary>
public sealed class ReferenceNumbers(TipCasesDbContext db)
{
    public async Task<long> NextAsync(Guid officeId, string kind, int year, CancellationToken ct)
    {
        var numbers = await db.Database.SqlQuery<long>($"""
            INSERT INTO reference_counters (office_id, kind, year, last_number) VALUES ({officeId}, {kind}, {year}, 1)
            ON CONFLICT (office_id, kind, year) DO UPDATE SET last_number = reference_counters.last_number + 1
            RETURNING last_number AS "Value"
            """).ToListAsync(ct);
        return numbers.Single();
    }
}

/// <summary>Case references such as <c>CPO-2026-000123</c>.</summary>
public sealed class CaseReferences(ReferenceNumbers numbers)
{
    public async Task<CaseReference> NextAsync(Guid officeId, string officeCode, int year, CancellationToken ct) =>
        new(officeCode, year, await numbers.NextAsync(officeId, "case", year, ct));
}

/// <summary>Victim pseudonyms such as <c>V-CPO-2026-0042</c>: the name a victim goes by everywhere.</summary>
public sealed class VictimPseudonyms(ReferenceNumbers numbers)
{
    public async Task<string> NextAsync(Guid officeId, string officeCode, int year, CancellationToken ct)
    {
        var number = await numbers.NextAsync(officeId, "victim", year, ct);
        return string.Create(CultureInfo.InvariantCulture, $"V-{officeCode}-{year:D4}-{number:D4}");
    }
}
