using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Web.Data;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Charges;

/// <summary>
/// The only ways pages reach defendants and charges: through their case, under the case access
/// rule (<see cref="CaseQueries"/>: an unknown or unreadable case, and so its defendants and
/// charges, answer 404) and then <see cref="ChargeAccessRule"/> for the operation (403 when the
/// user may read the case but not do this). Loaded records are tracked, so a handler may change them.
/// </summary>
public sealed class ChargeQueries(TipCasesDbContext db, CaseQueries cases)
{
    public async Task<ChargeLoad> LoadCaseAsync(Guid caseId, ClaimsPrincipal user, ChargeOperation operation, CancellationToken ct)
    {
        var load = await cases.LoadAsync(caseId, user, CaseOperations.Read, ct);
        return load.Case is null
            ? ChargeLoad.NotFound
            : new ChargeLoad(load.Case, null, null, Outcome(user, load.Case, operation));
    }

    public async Task<ChargeLoad> LoadDefendantAsync(Guid caseId, Guid defendantId, ClaimsPrincipal user, ChargeOperation operation, CancellationToken ct)
    {
        var load = await LoadCaseAsync(caseId, user, operation, ct);
        if (load.Case is null)
        {
            return load;
        }
        var defendant = await db.Defendants.SingleOrDefaultAsync(d => d.Id == defendantId && d.CaseId == caseId, ct);
        return defendant is null ? ChargeLoad.NotFound : load with { Defendant = defendant };
    }

    /// <summary>A charge with everything it holds (facts, victims, circumstances, proposals, history),
    /// its case and its defendant.</summary>
    public async Task<ChargeLoad> LoadChargeAsync(Guid chargeId, ClaimsPrincipal user, ChargeOperation operation, CancellationToken ct)
    {
        var caseId = await db.Charges.AsNoTracking().Where(c => c.Id == chargeId).Select(c => (Guid?)c.CaseId).SingleOrDefaultAsync(ct);
        if (caseId is null)
        {
            return ChargeLoad.NotFound;
        }
        var load = await LoadCaseAsync(caseId.Value, user, operation, ct);
        if (load.Case is null)
        {
            return load;
        }
        var charge = await WithParts(db.Charges).SingleAsync(c => c.Id == chargeId, ct);
        var defendant = await db.Defendants.SingleAsync(d => d.Id == charge.DefendantId, ct);
        return load with { Charge = charge, Defendant = defendant };
    }

    /// <summary>Every charge of a case with its parts, for the analysis (callers have checked the case).</summary>
    public async Task<List<Charge>> ChargesOfCaseAsync(Guid caseId, CancellationToken ct) =>
        await WithParts(db.Charges.AsNoTracking()).Where(c => c.CaseId == caseId).OrderBy(c => c.CreatedAt).ToListAsync(ct);

    /// <summary>The case's defendants, numbered in the order they were added ("Defendant 2"), with
    /// their identity only for a viewer allowed to see it.</summary>
    public async Task<IReadOnlyList<DefendantView>> DefendantsOfCaseAsync(Case @case, ClaimsPrincipal user, CancellationToken ct)
    {
        var identity = ChargeAccessRule.Allows(user.ToCaseViewer(), @case, ChargeOperation.SeeDefendantIdentity);
        var defendants = await db.Defendants.AsNoTracking().Where(d => d.CaseId == @case.Id).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync(ct);
        return defendants.Select((d, i) => DefendantView.Of(d, i + 1, identity)).ToList();
    }

    /// <summary>The case's charges to choose from on another record (an asset's charges concerned):
    /// offence, defendant as <see cref="DefendantsOfCaseAsync"/> names them for this viewer, and status.</summary>
    public async Task<IReadOnlyList<ChargeChoice>> ChargeChoicesOfCaseAsync(Case @case, IReadOnlyList<DefendantView> defendants, CancellationToken ct)
    {
        var labels = defendants.ToDictionary(d => d.Id, d => d.Label);
        var rows = await db.Charges.AsNoTracking().Where(c => c.CaseId == @case.Id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Join(db.Offences, c => c.OffenceId, o => o.Id, (c, o) => new { c.Id, c.DefendantId, Offence = o.Name, c.Status })
            .ToListAsync(ct);
        return rows.Select(r => new ChargeChoice(r.Id, $"{r.Offence} · {labels.GetValueOrDefault(r.DefendantId, "a defendant")} ({r.Status.DisplayName().ToLowerInvariant()})"))
            .ToList();
    }

    /// <summary>The victims recorded on a case, by pseudonym.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Pseudonym)>> VictimsOfCaseAsync(Guid caseId, CancellationToken ct) =>
        (await db.CaseVictims.AsNoTracking().Where(l => l.CaseId == caseId)
            .Join(db.Victims, l => l.VictimId, v => v.Id, (l, v) => new { v.Id, v.Pseudonym })
            .OrderBy(v => v.Pseudonym).ToListAsync(ct))
        .Select(v => (v.Id, v.Pseudonym)).ToList();

    private static IQueryable<Charge> WithParts(IQueryable<Charge> charges) =>
        charges.Include(c => c.Facts).Include(c => c.Victims).Include(c => c.Aggravations).Include(c => c.Proposals).Include(c => c.StatusHistory)
            .AsSplitQuery();

    private static CaseLoadOutcome Outcome(ClaimsPrincipal user, Case @case, ChargeOperation operation) =>
        ChargeAccessRule.Allows(user.ToCaseViewer(), @case, operation) ? CaseLoadOutcome.Allowed : CaseLoadOutcome.Forbidden;
}

/// <param name="Case">Tracked, with its team.</param>
public sealed record ChargeLoad(Case? Case, Defendant? Defendant, Charge? Charge, CaseLoadOutcome Outcome)
{
    public static ChargeLoad NotFound { get; } = new(null, null, null, CaseLoadOutcome.NotFound);

    /// <summary>404 for unknown or unreadable, 403 for readable but not this operation; null when allowed.</summary>
    public IActionResult? Refusal(PageModel page) => Outcome switch
    {
        CaseLoadOutcome.NotFound => page.NotFound(),
        CaseLoadOutcome.Forbidden => page.Forbid(),
        _ => null,
    };
}

/// <summary>A defendant as a page shows it: by name to the case team, by number to anyone else.</summary>
/// <summary>A charge offered as a choice, labelled for the viewer.</summary>
public sealed record ChargeChoice(Guid Id, string Label);

public sealed record DefendantView(Guid Id, int Number, DefendantKind Kind, string Label, bool IdentityShown, string Description)
{
    /// <summary>How a defendant is named to a viewer: by name for the case team, else by the order
    /// they were recorded in the case ("Defendant 2"), whichever page names them.</summary>
    public static string LabelOf(string name, int number, bool identity) => identity ? name : $"Defendant {number}";

    public static DefendantView Of(Defendant d, int number, bool identity)
    {
        var kind = d.Kind == DefendantKind.LegalPerson ? (d.LegalForm?.ToString().ToLowerInvariant() ?? "legal person") : "natural person";
        var label = LabelOf(d.Name, number, identity);
        var description = d.Kind == DefendantKind.NaturalPerson && d.Custody is { } custody
            ? $"{kind}, {custody.DisplayName().ToLowerInvariant()}"
            : kind;
        return new DefendantView(d.Id, number, d.Kind, label, identity, description);
    }
}
