using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Web.Data;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Admin.Offices;

[Authorize(Policy = Policies.ManageReferenceData)]
public sealed class IndexModel(TipCasesDbContext db) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    // Offices are few (tens at most), so one unpaged list is right here.
    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await db.Offices.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Code, o.Name, db.Users.Count(u => u.OfficeId == o.Id && u.IsActive)))
            .ToListAsync(ct);

    public sealed record Row(Guid Id, string Code, string Name, int ActiveUsers);
}
