using Microsoft.AspNetCore.Mvc;
using TipCases.Domain.Cases;
using TipCases.Web.Pages.Jurisdiction;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Hearings;

/// <summary>
/// The case page's section on jurisdiction and hearings (<c>_CaseJurisdictionAndHearings</c>): the
/// bases of jurisdiction that apply, with article and whether mandatory, a link to the facts, and
/// the next hearings with their warnings. A view component, so the case page renders it with one
/// line and its page model stays as it is. The case page has loaded the case for reading.
/// </summary>
public sealed class CaseJurisdictionAndHearingsViewComponent(JurisdictionSection jurisdiction, HearingQueries hearings) : ViewComponent
{
    public const int NextHearings = 3;

    public async Task<IViewComponentResult> InvokeAsync(Case @case)
    {
        var ct = HttpContext.RequestAborted;
        var view = await jurisdiction.ForCaseAsync(@case, UserClaimsPrincipal, ct);
        var (next, more) = await hearings.UpcomingAsync(UserClaimsPrincipal, HearingQueries.MaxDays * 5, NextHearings, ct, @case.Id);
        var canRecord = @case.IsOpen && CaseAccessRule.Allows(UserClaimsPrincipal.ToCaseViewer(), @case, CaseOperation.EditDetails);
        return View("/Pages/Hearings/_CaseJurisdictionAndHearings.cshtml", new CaseJurisdictionAndHearings(@case.Id, view, next, more, canRecord));
    }
}

public sealed record CaseJurisdictionAndHearings(Guid CaseId, JurisdictionView Jurisdiction, IReadOnlyList<HearingRow> NextHearings, bool MoreHearings,
    bool CanRecord);

/// <summary>"My work": the next scheduled hearings on the user's cases (a supervisor: the office's),
/// with their warnings (<c>_UpcomingHearings</c>).</summary>
public sealed class UpcomingHearingsViewComponent(HearingQueries hearings) : ViewComponent
{
    public const int Shown = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var (rows, more) = await hearings.UpcomingAsync(UserClaimsPrincipal, HearingQueries.DefaultDays, Shown, HttpContext.RequestAborted);
        return View("/Pages/Hearings/_UpcomingHearings.cshtml", new UpcomingHearings(rows, more));
    }
}

public sealed record UpcomingHearings(IReadOnlyList<HearingRow> Rows, bool More);
