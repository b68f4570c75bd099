using System.Security.Claims;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Charges;

/// <summary>
/// Runs <see cref="LegalAnalysis"/> on a case's charges with what it needs from the database: the
/// catalogue, the concerned victims' dates of birth and pseudonyms, the case's offence period and
/// the other offences each defendant is charged with. A date of birth is decrypted here, on the
/// server, to compute whether the victim was a child; it is shown to nobody, so this is not a
/// reveal (as in <see cref="Victims.ChildStatusRefresh"/>), and the explanations give an exact age
/// only to the case's prosecutors, who may reveal the identity anyway. Callers have checked the case.
/// </summary>
public sealed partial class ChargeAnalyses(TipCasesDbContext db, IIdentityProtector protector, ILogger<ChargeAnalyses> logger)
{
    public async Task<IReadOnlyDictionary<Guid, ChargeAnalysis>> ForAsync(Case @case, IReadOnlyCollection<Charge> charges, ClaimsPrincipal user,
        CancellationToken ct)
    {
        if (charges.Count == 0)
        {
            return new Dictionary<Guid, ChargeAnalysis>();
        }
        var catalogue = await db.Offences.AsNoTracking().ToListAsync(ct);
        var victimIds = charges.SelectMany(c => c.VictimIds).Distinct().ToList();
        var victims = await db.Victims.AsNoTracking().Where(v => victimIds.Contains(v.Id))
            .Select(v => new { v.Id, v.Pseudonym, v.IdentityCiphertext }).ToListAsync(ct);
        var ages = victims.Select(v => new VictimAge(v.Id, v.Pseudonym, DateOfBirth(v.Id, v.IdentityCiphertext))).ToList();
        var charged = await db.Charges.AsNoTracking().Where(c => c.CaseId == @case.Id && c.Status != ChargeStatus.Withdrawn)
            .Select(c => new { c.Id, c.DefendantId, c.OffenceId }).ToListAsync(ct);
        var kinds = catalogue.ToDictionary(o => o.Id, o => o.Kind);
        var period = new OffencePeriod(@case.Reference, @case.OffenceFrom, @case.OffenceTo, @case.OpenedOn);
        var viewer = user.ToCaseViewer();
        var exactAges = viewer.Roles.Contains(TipCases.Domain.Staff.StaffRole.Prosecutor) && viewer.OfficeId == @case.OfficeId
            && @case.Team.Any(m => m.UserId == viewer.UserId && m.Role == TeamRole.Prosecutor);
        return charges.ToDictionary(c => c.Id, c =>
        {
            var also = charged.Where(o => o.DefendantId == c.DefendantId && o.Id != c.Id).Select(o => kinds[o.OffenceId]).Distinct().ToList();
            return LegalAnalysis.Analyse(c, catalogue.Single(o => o.Id == c.OffenceId), new AnalysisContext(period, ages, catalogue, also, exactAges));
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The identity of victim {VictimId} could not be decrypted; its child status is shown as unknown")]
    private static partial void IdentityUnreadable(ILogger logger, Guid victimId);

    /// <summary>The date of birth, or unknown (the analysis then asks for it) when the identity
    /// cannot be decrypted: a damaged record must not take the charges page down with it.</summary>
    private DateOnly? DateOfBirth(Guid victimId, byte[] ciphertext)
    {
        try
        {
            return protector.Unprotect(ciphertext, victimId).DateOfBirth;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            IdentityUnreadable(logger, victimId);
            return null;
        }
    }
}

/// <summary>The defendants and charges of one case with each charge's elements and ceiling, for
/// the case page and the case's charges page.</summary>
public sealed class CaseChargesOverview(ChargeQueries queries, ChargeAnalyses analyses)
{
    public async Task<CaseChargesView> ForAsync(Case @case, ClaimsPrincipal user, CancellationToken ct)
    {
        var viewer = user.ToCaseViewer();
        var defendants = await queries.DefendantsOfCaseAsync(@case, user, ct);
        var charges = await queries.ChargesOfCaseAsync(@case.Id, ct);
        var analysis = await analyses.ForAsync(@case, charges, user, ct);
        var byId = defendants.ToDictionary(d => d.Id);
        var rows = charges.Select(c => new CaseChargeRow(c.Id, byId[c.DefendantId], analysis[c.Id].Offence.Label, c.Status, c.StatusOn,
                analysis[c.Id], c.Proposals.Count(p => p.State == ProposalState.Pending)))
            .ToList();
        return new CaseChargesView(@case.Id, @case.IsOpen,
            @case.IsOpen && ChargeAccessRule.Allows(viewer, @case, ChargeOperation.ManageDefendants),
            @case.IsOpen && ChargeAccessRule.Allows(viewer, @case, ChargeOperation.ManageCharges),
            defendants, rows);
    }
}

public sealed record CaseChargeRow(Guid Id, DefendantView Defendant, string Offence, ChargeStatus Status, DateOnly StatusOn, ChargeAnalysis Analysis,
    int PendingProposals)
{
    /// <summary>"Elements met", "Missing: means", or that the offence has no checklist.</summary>
    public string ElementsSummary => Analysis switch
    {
        { HasElementsTest: false } => "No elements checklist",
        { ElementsMet: true } => "Elements met",
        _ => "Missing: " + string.Join(", ", Analysis.MissingElements.Select(e => e.Element.ToLowerInvariant())),
    };
}

public sealed record CaseChargesView(Guid CaseId, bool CaseIsOpen, bool CanManageDefendants, bool CanManageCharges,
    IReadOnlyList<DefendantView> Defendants, IReadOnlyList<CaseChargeRow> Charges);
