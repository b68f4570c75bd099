using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain.Charges;
using TipCases.Web.Data;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Admin.Offences;

/// <summary>The offence catalogue with its penalty ceilings (reference data administrators maintain).</summary>
[Authorize(Policy = Policies.ManageReferenceData)]
public sealed class IndexModel(TipCasesDbContext db) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string? Message { get; private set; }

    // The catalogue is short (tens of offences at most), so one unpaged list is right here. The
    // number of charges is a count only: administrators see no case content.
    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await db.Offences.AsNoTracking().OrderByDescending(o => o.IsActive).ThenBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Code, o.Name, o.Kind, o.BaseMaximumYears, o.AggravatedMaximumYears, o.IsActive,
                db.Charges.Count(c => c.OffenceId == o.Id)))
            .ToListAsync(ct);
        Message = TempData["Message"] as string;
    }

    public sealed record Row(Guid Id, string Code, string Name, OffenceKind Kind, int BaseMaximumYears, int? AggravatedMaximumYears, bool IsActive, int Charges);
}
