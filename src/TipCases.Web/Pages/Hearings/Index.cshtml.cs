using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain.Cases;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Hearings;

/// <summary>The hearings of a case: to come first, then past ones, each with its victim witnesses
/// and the warning where one has no trial-stage protection. Everyone who reads the case reads them;
/// prosecutors and investigators on the team (and supervisors) record them.</summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class IndexModel(CaseQueries cases, HearingQueries hearings, OfficeTime time) : PageModel
{
    public Guid Id { get; private set; }

    public string Reference { get; private set; } = "";

    public bool CanRecord { get; private set; }

    public bool IsOpen { get; private set; }

    public IReadOnlyList<HearingRow> Rows { get; private set; } = [];

    public string ZoneId => time.ZoneId;

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.Read, ct);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var @case = load.Case!;
        Id = @case.Id;
        Reference = @case.Reference;
        IsOpen = @case.IsOpen;
        CanRecord = IsOpen && CaseAccessRule.Allows(User.ToCaseViewer(), @case, CaseOperation.EditDetails);
        Rows = await hearings.ForCaseAsync(@case.Id, ct);
        Message = TempData["Message"] as string;
        return Page();
    }
}
