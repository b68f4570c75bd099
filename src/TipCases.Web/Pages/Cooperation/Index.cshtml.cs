using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain.Cooperation;
using TipCases.Domain.Reference;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Cooperation;

/// <summary>
/// The cooperation register: requests on every case the user may read (a supervisor: their
/// office), overdue first (most days overdue first), then by due date, with their age in days;
/// filtered by state, kind, direction, status, and informal material still to be re-obtained.
/// </summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class IndexModel(CaseQueries cases, TipCasesDbContext db, TimeProvider clock) : PageModel
{
    public const int Limit = 200;

    [BindProperty(SupportsGet = true)] public string? State { get; set; }

    [BindProperty(SupportsGet = true)] public CooperationKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)] public CooperationDirection? Direction { get; set; }

    /// <summary>A status, or "open" (not closed; the default) or "all".</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    [BindProperty(SupportsGet = true)] public bool OverdueOnly { get; set; }

    [BindProperty(SupportsGet = true)] public bool FlaggedOnly { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public bool More { get; private set; }

    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (State is not null && !Countries.IsKnown(State))
        {
            State = null;
        }
        var today = Today;
        var visible = cases.Visible(User);
        var requests = db.CooperationRequests.AsNoTracking().Where(r => visible.Any(c => c.Id == r.CaseId));
        if (State is not null)
        {
            requests = requests.Where(r => r.CounterpartState == State);
        }
        if (Kind is { } kind && Enum.IsDefined(kind))
        {
            requests = requests.Where(r => r.Kind == kind);
        }
        if (Direction is { } direction && Enum.IsDefined(direction))
        {
            requests = requests.Where(r => r.Direction == direction);
        }
        var status = Enum.TryParse<CooperationStatus>(Status, out var s) && Enum.IsDefined(s) ? s : (CooperationStatus?)null;
        if (status is { } only)
        {
            requests = requests.Where(r => r.Status == only);
        }
        else if (Status != "all")
        {
            Status = "open";
            requests = requests.Where(r => r.Status != CooperationStatus.Executed && r.Status != CooperationStatus.Refused && r.Status != CooperationStatus.Withdrawn);
        }
        var awaiting = new[] { CooperationStatus.Sent, CooperationStatus.Acknowledged, CooperationStatus.PartlyExecuted };
        if (OverdueOnly)
        {
            requests = requests.Where(CooperationRequest.OverdueOn(today));
        }
        // InformalMaterialRule as a query: an item of an outgoing informal request that yielded
        // something, not confirmed received, whose covering request (if any) is not executed.
        var flagged = db.Set<RequestMaterial>().Where(m => m.FormallyReceivedOn == null
            && !db.CooperationRequests.Any(f => f.Id == m.CoveredByRequestId && f.Status == CooperationStatus.Executed));
        var yielding = new[] { CooperationStatus.PartlyExecuted, CooperationStatus.Executed };
        if (FlaggedOnly)
        {
            requests = requests.Where(r => r.Kind == CooperationKind.Informal && r.Direction == CooperationDirection.Outgoing && yielding.Contains(r.Status)
                && flagged.Any(m => m.RequestId == r.Id));
        }
        var rows = await requests
            .OrderByDescending(r => awaiting.Contains(r.Status) && r.DueOn < today)
            .ThenBy(r => r.DueOn == null)
            .ThenBy(r => r.DueOn)
            .ThenBy(r => r.SentOn)
            .ThenBy(r => r.Id)
            .Take(Limit + 1)
            .Select(r => new
            {
                Request = r,
                Reference = db.Cases.Where(c => c.Id == r.CaseId).Select(c => c.Reference).First(),
                Flagged = r.Kind == CooperationKind.Informal && r.Direction == CooperationDirection.Outgoing && yielding.Contains(r.Status)
                    ? flagged.Count(m => m.RequestId == r.Id) : 0,
            })
            .ToListAsync(ct);
        More = rows.Count > Limit;
        Rows = rows.Take(Limit).Select(x => new Row(RequestRow.From(x.Request, today), x.Reference, x.Flagged)).ToList();
        return Page();
    }

    public sealed record Row(RequestRow Request, string CaseReference, int FlaggedMaterial);
}
