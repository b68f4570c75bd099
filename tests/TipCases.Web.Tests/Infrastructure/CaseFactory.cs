using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Web.Data;
using Case = TipCases.Domain.Cases.Case;
using TipCases.Domain.Jurisdiction;

namespace TipCases.Web.Tests.Infrastructure;

/// <summary>Creates cases for tests through the domain (and the real reference counter), with a
/// team of existing users. A case taken to trial or beyond gets what the stage rules ask for: a
/// defendant with a trafficking charge, filed before the trial and decided (convicted) before
/// post-trial.</summary>
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
        Defendant? defendant = null;
        Charge? charge = null;
        while (@case.Stage != stage && CaseStageRules.NextStage(@case.Stage) is { } next && stage != CaseStage.Discontinued)
        {
            if (next == CaseStage.Trial)
            {
                var trafficking = await db.Offences.SingleAsync(o => o.Id == DefaultOffences.TraffickingId);
                defendant = Defendant.Add(Guid.CreateVersion7(), @case, new DefendantDetails(DefendantKind.LegalPerson, "Test Defendant Ltd", null, null,
                    null, false, null, null, LegalForm.Company, null, null, false, ExtraditionRefusal.None, null), opener, now, today);
                charge = Charge.Propose(Guid.CreateVersion7(), @case, defendant, trafficking,
                    new ChargeDetails(ModeOfLiability.Principal, MentalElement.Intention, null, [], []), [], today, opener, now, today);
                charge.ChangeStatus(@case, ChargeStatus.Filed, today, null, null, trafficking, defendant, opener, now, today);
                db.Defendants.Add(defendant);
                db.Charges.Add(charge);
            }
            if (next == CaseStage.PostTrial && charge is not null && defendant is not null)
            {
                var trafficking = await db.Offences.SingleAsync(o => o.Id == charge.OffenceId);
                charge.ChangeStatus(@case, ChargeStatus.Convicted, today, null, null, trafficking, defendant, opener, now, today);
            }
            @case.MoveTo(next, opener, now, null, charge is null ? ChargeProgress.None : ChargeProgress.Of([charge]));
        }
        if (stage == CaseStage.Discontinued)
        {
            @case.MoveTo(CaseStage.Discontinued, opener, now, "test", ChargeProgress.None);
        }
        db.Cases.Add(@case);
        await db.SaveChangesAsync();
        return @case;
    });
}
