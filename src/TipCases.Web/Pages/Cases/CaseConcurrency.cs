using TipCases.Domain.Cases;
using TipCases.Web.Data;

namespace TipCases.Web.Pages.Cases;

/// <summary>
/// Optimistic concurrency for changes to the parts of a case (team, tasks, links). Those live in
/// their own tables, so saving them alone never updates the <c>cases</c> row and its xmin is never
/// checked: a supervisor removing the only investigator while a prosecutor moves the case into the
/// investigation would both succeed. <see cref="CheckCaseVersionOnSave"/> writes one column of the
/// case back with the value it already has. EF then updates the row with
/// <c>WHERE id = @id AND xmin = @loaded</c>, so a save based on a case that someone else changed
/// since it was loaded changes nothing and throws <see cref="DbUpdateConcurrencyException"/>, and
/// PostgreSQL gives the row a new xmin that the other party's save is checked against in turn.
/// The value is unchanged, so the audit trail records no change to the case itself.
/// </summary>
public static class CaseConcurrency
{
    public const string ConflictMessage =
        "Someone else changed this case at the same time, so nothing was saved. The page now shows the case as it is; try again.";

    public static void CheckCaseVersionOnSave(this TipCasesDbContext db, Case @case) =>
        db.Entry(@case).Property(c => c.StageChangedAt).IsModified = true;
}
