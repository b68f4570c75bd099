using TipCases.Domain.Charges;
using TipCases.Web.Data;

namespace TipCases.Web.Pages.Charges;

/// <summary>Where a case's charges stand, for <see cref="Domain.Cases.CaseStageRules"/>.</summary>
public static class ChargeProgressQuery
{
    public static async Task<ChargeProgress> ChargeProgressAsync(this TipCasesDbContext db, Guid caseId, CancellationToken ct) =>
        new(await db.Charges.AsNoTracking().Where(c => c.CaseId == caseId).Select(c => c.Status).ToListAsync(ct));
}
