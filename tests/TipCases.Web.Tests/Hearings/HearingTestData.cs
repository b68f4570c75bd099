using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Hearings;
using TipCases.Domain.Victims;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Hearings;

internal static class HearingTestData
{
    public static OfficeTime Time(this TipCasesApp app) => app.Services.GetRequiredService<OfficeTime>();

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Records a hearing through the domain, as the pages would, <paramref name="days"/> from today at 09:30 office time.</summary>
    public static Task<Hearing> HearingAsync(this TipCasesApp app, Case on, int days, HearingStatus status = HearingStatus.Scheduled,
        string court = "Oslo District Court", params Guid[] witnesses) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var time = sp.GetRequiredService<OfficeTime>();
        var @case = await db.Cases.Include(c => c.Team).SingleAsync(c => c.Id == on.Id);
        var victims = await db.CaseVictims.Where(l => l.CaseId == on.Id).Select(l => l.VictimId).ToListAsync();
        var at = time.Instant(time.Today.AddDays(days), new TimeOnly(9, 30))!.Value;
        var outcome = status is HearingStatus.Held or HearingStatus.Adjourned ? "Decided." : null;
        // Recorded when it still lay ahead, so that a hearing whose day has passed can still be "scheduled".
        var now = days < 0 ? at.AddDays(-1) : time.Now;
        var hearing = Hearing.Record(@case, new HearingDetails(at, court, HearingKind.Trial, status, outcome, witnesses), victims, @case.CreatedBy,
            now, time.Zone);
        db.Hearings.Add(hearing);
        await db.SaveChangesAsync();
        return hearing;
    });

    public static Task<Hearing> StoredHearingAsync(this TipCasesApp app, Guid id) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().Hearings.AsNoTracking().Include(h => h.Witnesses).SingleAsync(h => h.Id == id));

    public static Task<List<Hearing>> HearingsOfAsync(this TipCasesApp app, Guid caseId) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().Hearings.AsNoTracking().Include(h => h.Witnesses).Where(h => h.CaseId == caseId).ToListAsync());

    public static Task<List<AuditEvent>> AuditOfCaseAsync(this TipCasesApp app, Guid caseId) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().AuditEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.OccurredAt).ToListAsync());

    /// <summary>Plans a trial-stage measure for a victim (put in place, or ended, when asked).</summary>
    public static Task ProtectAsync(this TipCasesApp app, Guid victimId, ProtectionMeasureKind kind, MeasureStatus status = MeasureStatus.Planned) =>
        app.ChangeVictimAsync(victimId, victim =>
        {
            var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
            var measure = victim.PlanMeasure(kind, null, today, app.Clock.GetUtcNow());
            if (status != MeasureStatus.Planned)
            {
                victim.UpdateMeasure(measure.Id, status, today, status == MeasureStatus.Ended ? today : null, null, today);
            }
        });

    /// <summary>The fields of a valid new hearing, <paramref name="days"/> from today at 09:30.</summary>
    public static List<KeyValuePair<string, string>> Form(this TipCasesApp app, int days = 7, string status = nameof(HearingStatus.Scheduled),
        params Guid[] witnesses)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("Form.Date", Iso(app.Time().Today.AddDays(days))),
            new("Form.Time", "09:30"),
            new("Form.Court", "Oslo District Court"),
            new("Form.Kind", nameof(HearingKind.Trial)),
            new("Form.Status", status),
            new("Form.Outcome", ""),
        ];
        fields.AddRange(witnesses.Select(w => new KeyValuePair<string, string>("Form.WitnessIds", w.ToString())));
        return fields;
    }

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value) =>
        [.. fields.Where(f => f.Key != name), new(name, value)];

    /// <summary>Posts as the browser would, with the user's antiforgery token (several values per name allowed).</summary>
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        await client.PostFormAsync(url, fields, await client.AntiforgeryTokenAsync());

    public static string NewUrl(Case c) => $"/Cases/{c.Id}/Hearings/New";

    public static string ListUrl(Case c) => $"/Cases/{c.Id}/Hearings";

    public static string EditUrl(Case c, Guid hearingId) => $"/Cases/{c.Id}/Hearings/{hearingId}";

    /// <summary>The rows of a hearing table (data-testid), each with its text.</summary>
    public static List<IHtmlTableRowElement> HearingRows(this AngleSharp.Html.Dom.IHtmlDocument page, string testId) =>
        page.QuerySelectorAll<IHtmlTableRowElement>($"[data-testid={testId}] tbody tr").ToList();
}
