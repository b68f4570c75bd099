using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Cases;

[Authorize(Policy = Policies.WorkOnCases)]
public sealed class HistoryModel(CaseQueries cases, CaseHistory history) : PageModel
{
    public const int PageSize = 50;

    public Guid Id { get; private set; }

    public string Reference { get; private set; } = "";

    public CaseHistory.HistoryPage Changes { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(Guid id, DateTimeOffset? beforeAt, Guid? beforeId, CancellationToken ct)
    {
        ModelState.Clear();
        var reference = await cases.Visible(User).Where(c => c.Id == id).Select(c => c.Reference).SingleOrDefaultAsync(ct);
        if (reference is null)
        {
            return NotFound();
        }
        Id = id;
        Reference = reference;
        // Npgsql writes only UTC offsets to timestamptz: a cursor typed with another offset is the same instant in UTC.
        Changes = await history.PageAsync(id, User, beforeAt is { } at && beforeId is { } bid ? (at.ToUniversalTime(), bid) : null, PageSize, ct);
        return Page();
    }
}
