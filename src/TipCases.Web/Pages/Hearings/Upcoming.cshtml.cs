using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Hearings;

/// <summary>Scheduled hearings of every case the user may read (a supervisor: the whole office),
/// from today for the next 30 days unless another period is asked for, with the witness warnings;
/// optionally only those with a victim witness the warning concerns.</summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class UpcomingModel(HearingQueries hearings, OfficeTime time) : PageModel
{
    public const int Limit = 200;

    public static IReadOnlyList<int> Periods { get; } = [7, 14, 30, 90, 180, 365];

    public int Days { get; private set; } = HearingQueries.DefaultDays;

    public string? PeriodMessage { get; private set; }

    public IReadOnlyList<HearingRow> Rows { get; private set; } = [];

    public bool More { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly Until { get; private set; }

    public string ZoneId => time.ZoneId;

    public bool IsSupervisor { get; private set; }

    /// <summary>Only hearings with a victim witness who has no trial-stage protection measure (<c>unprotected=true</c>).</summary>
    public bool UnprotectedOnly { get; private set; }

    public async Task OnGetAsync(string? days, bool unprotected, CancellationToken ct)
    {
        if (days is not null)
        {
            if (int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var asked)
                && asked is >= 1 and <= HearingQueries.MaxDays)
            {
                Days = asked;
            }
            else
            {
                PeriodMessage = $"Choose a period of 1 to {HearingQueries.MaxDays} days. The next {HearingQueries.DefaultDays} days are shown.";
            }
        }
        IsSupervisor = User.ToCaseViewer().IsSupervisor;
        UnprotectedOnly = unprotected;
        From = time.Today;
        Until = From.AddDays(Days - 1);
        (Rows, More) = await hearings.UpcomingAsync(User, Days, Limit, ct, unprotectedOnly: unprotected);
    }
}
