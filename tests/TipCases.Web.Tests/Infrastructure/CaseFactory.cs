using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Web.Data;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Infrastructure;

/// <summary>Creates cases for tests through the domain (and the real reference counter), with a
/// team of existing users.</summary>
public static class CaseFactory
{
    public static Task<Case> CaseAsync(this TipCasesApp app, string officeCode, string title,
        params (Guid UserId, TeamRole Role)[] team) =>
        app.CaseAsync(officeCode, title, CaseStage.Intake, team);

    public static Task<Case> CaseAsync(this TipCasesApp app, string officeCode, string title, CaseStage stage,
        params (Guid UserId, TeamRole Role)[] team) => app.WithScopeAsync(async sp =>
    {
        var office = await app.OfficeAsync(officeCode);
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var now = app.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var reference = await sp.GetRequiredService<CaseReferences>().NextAsync(office.Id, office.Code, today.Year, default);
        var details = new CaseDetails(title, "Summary of " + title, CaseOrigin.TipOff, CaseScope.Domestic, false, false, today, null, null);
        var opener = team.Length > 0 ? team[0].UserId : (await app.UserAsync($"opener.{Guid.NewGuid():N}"[..20], TipCases.Web.Security.Roles.Supervisor, officeCode)).Id;
        var @case = Case.Open(Guid.CreateVersion7(), reference, office.Id, details, opener, now, today);
        foreach (var (userId, role) in team)
        {
            @case.AddMember(userId, role, now);
        }
        // Walk the stages in order so the history is what a real case would have.
        while (@case.Stage != stage && CaseStageRules.NextStage(@case.Stage) is { } next && stage != CaseStage.Discontinued)
        {
            @case.MoveTo(next, opener, now, null);
        }
        if (stage == CaseStage.Discontinued)
        {
            @case.MoveTo(CaseStage.Discontinued, opener, now, "test");
        }
        db.Cases.Add(@case);
        await db.SaveChangesAsync();
        return @case;
    });
}
