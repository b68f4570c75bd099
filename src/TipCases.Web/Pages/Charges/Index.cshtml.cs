using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain.Charges;
using TipCases.Web.Data;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Charges;

/// <summary>A case's defendants, each with their charges, the elements and ceiling of each charge,
/// and the defendant's identity for the case team only.</summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class IndexModel(ChargeQueries queries, CaseChargesOverview overview, TipCasesDbContext db) : PageModel
{
    public Guid Id { get; private set; }

    public string Reference { get; private set; } = "";

    public CaseChargesView View { get; private set; } = null!;

    /// <summary>The defendants' records, for those who may see their identity; empty otherwise.</summary>
    public IReadOnlyDictionary<Guid, Defendant> Identities { get; private set; } = new Dictionary<Guid, Defendant>();

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await queries.LoadCaseAsync(id, User, ChargeOperation.Read, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var @case = load.Case!;
        Id = @case.Id;
        Reference = @case.Reference;
        View = await overview.ForAsync(@case, User, ct);
        if (ChargeAccessRule.Allows(User.ToCaseViewer(), @case, ChargeOperation.SeeDefendantIdentity))
        {
            Identities = await db.Defendants.AsNoTracking().Where(d => d.CaseId == id).ToDictionaryAsync(d => d.Id, ct);
        }
        Message = TempData["Message"] as string;
        return Page();
    }
}
