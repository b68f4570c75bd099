using TipCases.Domain.Victims;
using TipCases.Web.Data;

namespace TipCases.Web.Pages.Victims;

/// <summary>
/// Re-derives the child status of a case's victims after the case's offence dates change. The
/// date of birth is decrypted here, on the server, to compute one fact; it is shown to nobody,
/// so this is not a reveal. Changes are staged on the context and saved with the case's change.
/// </summary>
public sealed class ChildStatusRefresh(TipCasesDbContext db, IIdentityProtector protector, TimeProvider clock)
{
    public async Task StageForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var victims = await db.Victims.Include(v => v.Cases).Include(v => v.Measures)
            .Where(v => v.Cases.Any(l => l.CaseId == caseId)).AsSplitQuery().ToListAsync(ct);
        if (victims.Count == 0)
        {
            return;
        }
        var caseIds = victims.SelectMany(v => v.Cases.Select(l => l.CaseId)).Distinct().ToList();
        // Tracked: the edited case is already in the context with its new dates.
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var victim in victims)
        {
            var born = protector.Unprotect(victim.IdentityCiphertext, victim.Id).DateOfBirth;
            victim.AssessChildStatus(born, cases, now, DateOnly.FromDateTime(now.UtcDateTime));
        }
    }
}
