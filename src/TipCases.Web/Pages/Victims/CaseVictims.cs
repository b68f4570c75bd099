using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;

namespace TipCases.Web.Pages.Victims;

/// <summary>The victims of one case, for the case page: pseudonyms only, never identities.
/// Callers have already checked that the user may read the case.</summary>
public sealed class CaseVictims(TipCasesDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Row>> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var today = clock.Today();
        return await db.CaseVictims.AsNoTracking()
            .Where(l => l.CaseId == caseId)
            .Join(db.Victims, l => l.VictimId, v => v.Id, (l, v) => v)
            .OrderBy(v => v.Pseudonym)
            .Select(v => new Row(
                v.Id,
                v.Pseudonym,
                v.ChildStatus,
                db.Users.Where(u => u.Id == v.LiaisonOfficerId).Select(u => u.DisplayName).FirstOrDefault(),
                v.SupportSteps.OrderByDescending(s => s.TookPlaceOn).ThenByDescending(s => s.CreatedAt).Select(s => s.NextFollowUpOn).FirstOrDefault(),
                v.SupportSteps.Max(s => (DateOnly?)s.TookPlaceOn),
                v.NonPunishmentFlagged,
                today))
            .ToListAsync(ct);
    }

    public sealed record Row(Guid Id, string Pseudonym, ChildStatus ChildStatus, string? LiaisonOfficer, DateOnly? NextFollowUp,
        DateOnly? LastStep, bool NonPunishmentFlagged, DateOnly Today)
    {
        public bool FollowUpOverdue => NextFollowUp < Today;
    }
}

public sealed record CaseVictimsViewModel(Guid CaseId, bool CanRecord, IReadOnlyList<CaseVictims.Row> Rows);
