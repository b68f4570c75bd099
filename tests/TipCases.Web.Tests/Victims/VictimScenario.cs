using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Victims;

/// <summary>A case with a prosecutor (paula), an investigator (ines) and a liaison officer (lena),
/// and a victim of it whose liaison officer is lena.</summary>
internal sealed record VictimScenario(Case Case, Victim Victim, Guid Paula, Guid Ines, Guid Lena)
{
    public static async Task<VictimScenario> CreateAsync(TipCasesApp app, CaseStage stage = CaseStage.PreTrial, DateOnly? offenceFrom = null,
        DateOnly? born = null)
    {
        var paula = await app.UserAsync("paula", Roles.Prosecutor);
        var ines = await app.UserAsync("ines", Roles.Investigator);
        var lena = await app.UserAsync("lena", Roles.VictimLiaisonOfficer);
        var @case = await app.CaseAsync("CPO", "Harbour Lights", stage,
            (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator), (lena.Id, TeamRole.VictimLiaisonOfficer));
        if (offenceFrom is { } from)
        {
            await app.SetOffenceDatesAsync(@case.Id, from, null);
        }
        var victim = await app.VictimAsync(@case, VictimFactory.Identity(born: born), lena.Id);
        return new VictimScenario(@case, victim, paula.Id, ines.Id, lena.Id);
    }
}

internal static class VictimTestData
{
    public static DateOnly Today(this TipCasesApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Task SetOffenceDatesAsync(this TipCasesApp app, Guid caseId, DateOnly? from, DateOnly? to) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var c = await db.Cases.SingleAsync(x => x.Id == caseId);
        c.UpdateDetails(new CaseDetails(c.Title, c.Summary, c.Origin, c.Scope, c.InvolvesOrganizedCriminalGroup, c.InvolvesTaskForce, c.OpenedOn, from, to),
            app.Today());
        await db.SaveChangesAsync();
    });

    /// <summary>The victim as stored, with everything recorded about them.</summary>
    public static Task<Victim> StoredVictimAsync(this TipCasesApp app, Guid id) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().Victims.AsNoTracking().AsSplitQuery()
            .Include(v => v.Cases).Include(v => v.Measures).Include(v => v.InformationGiven).Include(v => v.Residence).Include(v => v.Claims)
            .SingleAsync(v => v.Id == id));

    /// <summary>Changes a victim through the domain, as another page would.</summary>
    public static Task ChangeVictimAsync(this TipCasesApp app, Guid id, Action<Victim> change) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var victim = await db.Victims.AsSplitQuery().Include(v => v.Cases).Include(v => v.Measures).Include(v => v.Claims).SingleAsync(v => v.Id == id);
        change(victim);
        await db.SaveChangesAsync();
    });

    /// <summary>Posts to a page's handler as a browser would, with the user's antiforgery token taken
    /// from another page (the page itself may show the user no form, or answer 404).</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string url, string? handler,
        Dictionary<string, string> fields) =>
        await client.PostFormAsync(handler is null ? url : $"{url}?handler={handler}", fields, await client.AntiforgeryTokenAsync());

    public static string Text(this IHtmlDocument page, string selector) => page.QuerySelector(selector)?.TextContent ?? "";
}
