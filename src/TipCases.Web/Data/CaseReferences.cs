using TipCases.Domain.Cases;

namespace TipCases.Web.Data;

/// <summary>
/// Hands out case references. The counter row of an office and year is incremented in one
/// statement (INSERT ... ON CONFLICT DO UPDATE ... RETURNING), which locks that row until the
/// transaction ends: concurrent creations queue for a number instead of taking the same one, and
/// a number is never handed out twice. A rolled-back creation leaves a gap, which is harmless.
/// </summary>
public sealed class CaseReferences(TipCasesDbContext db)
{
    public async Task<CaseReference> NextAsync(Guid officeId, string officeCode, int year, CancellationToken ct)
    {
        var numbers = await db.Database.SqlQuery<long>($"""
            INSERT INTO case_reference_counters (office_id, year, last_number) VALUES ({officeId}, {year}, 1)
            ON CONFLICT (office_id, year) DO UPDATE SET last_number = case_reference_counters.last_number + 1
            RETURNING last_number AS "Value"
            """).ToListAsync(ct);
        return new CaseReference(officeCode, year, numbers.Single());
    }
}
