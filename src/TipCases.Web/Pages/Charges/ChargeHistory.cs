using System.Security.Claims;
using TipCases.Domain.Charges;
using TipCases.Web.Data;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;
using TipCases.Domain.Jurisdiction;

namespace TipCases.Web.Pages.Charges;

/// <summary>
/// What a case's history may say about its defendants and charges: offences by name, defendants
/// by name for the case team and by number for anyone else (a supervisor), and a defendant's
/// identity fields withheld from anyone not on the team (<see cref="ChargeAccessRule"/>).
/// </summary>
public static class ChargeHistory
{
    public const string Withheld = "(case team only)";

    public const string DefendantEntity = nameof(Defendant);

    /// <summary>The defendant's fields that identify them, whose values only the case team sees.</summary>
    public static readonly IReadOnlySet<string> IdentityFields = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Defendant.Name), nameof(Defendant.Aliases), nameof(Defendant.DateOfBirth), nameof(Defendant.Nationality),
        nameof(Defendant.IsStateless), nameof(Defendant.HabitualResidence), nameof(Defendant.RegistrationNumber),
        nameof(Defendant.Country), nameof(Defendant.ExtraditionRefusalNote),
    };

    /// <summary>Adds offences and defendants mentioned in the history to <paramref name="names"/>;
    /// returns whether the user sees defendants' identity.</summary>
    public static async Task<bool> AddNamesAsync(TipCasesDbContext db, CaseQueries cases, Guid caseId, ClaimsPrincipal user,
        IReadOnlySet<Guid> mentioned, Dictionary<Guid, string> names, CancellationToken ct)
    {
        var @case = await cases.Visible(user).AsNoTracking().Include(c => c.Team).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        var sees = @case is not null && ChargeAccessRule.Allows(user.ToCaseViewer(), @case, ChargeOperation.SeeDefendantIdentity);
        if (mentioned.Count == 0)
        {
            return sees;
        }
        foreach (var offence in await db.Offences.AsNoTracking().Where(o => mentioned.Contains(o.Id)).ToListAsync(ct))
        {
            names[offence.Id] = offence.Label;
        }
        var defendants = await db.Defendants.AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        var labels = defendants.Select((d, i) => (d.Id, Label: DefendantView.LabelOf(d.Name, i + 1, sees))).ToDictionary(d => d.Id, d => d.Label);
        foreach (var (id, label) in labels.Where(l => mentioned.Contains(l.Key)))
        {
            names[id] = label;
        }
        // A charge's parts name it by its offence and defendant: "Trafficking in persons (TIP) against Defendant 1".
        var charges = await db.Charges.AsNoTracking().Where(c => c.CaseId == caseId && mentioned.Contains(c.Id))
            .Join(db.Offences, c => c.OffenceId, o => o.Id, (c, o) => new { c.Id, c.DefendantId, o.Name, o.Code }).ToListAsync(ct);
        foreach (var charge in charges)
        {
            names[charge.Id] = $"{charge.Name} ({charge.Code}) against {labels.GetValueOrDefault(charge.DefendantId, "a defendant")}";
        }
        return sees;
    }
}
