using TipCases.Domain.Charges;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Tests.Infrastructure;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Dashboard;

/// <summary>Builds dashboard test data through the domain (the rules apply), dated relative to the test clock's today.</summary>
public sealed class DashboardData(TipCasesApp app)
{
    public DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    public async Task<Case> CaseAsync(string office, string title, CaseStage stage, CaseOrigin origin, CaseScope scope, int openedDaysAgo,
        params (Guid UserId, TeamRole Role)[] team)
    {
        var @case = await app.CaseAsync(office, title, CaseStage.Intake, team);
        return await EditAsync(@case.Id, c =>
        {
            c.UpdateDetails(new CaseDetails(c.Title, c.Summary, origin, scope, false, false, Today.AddDays(-openedDaysAgo), null, null), Today);
            var now = app.Clock.GetUtcNow();
            while (c.Stage != stage && stage != CaseStage.Discontinued && CaseStageRules.NextStage(c.Stage) is { } next)
            {
                // The figures here do not count charges: a charge as the stage rules need it stands in for them.
                c.MoveTo(next, c.CreatedBy, now, null,
                    ChargeProgress.Of(next is CaseStage.PostTrial or CaseStage.Closed ? ChargeStatus.Convicted : ChargeStatus.Filed));
            }
            if (stage == CaseStage.Discontinued)
            {
                c.MoveTo(CaseStage.Discontinued, c.CreatedBy, now, "No evidence left to pursue.", ChargeProgress.None);
            }
        });
    }

    public Task<Case> EditAsync(Guid caseId, Action<Case> change) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var @case = await db.Cases.Include(c => c.Team).Include(c => c.Tasks).Include(c => c.StageHistory).SingleAsync(c => c.Id == caseId);
        change(@case);
        await db.SaveChangesAsync();
        return @case;
    });

    /// <summary>A task set <paramref name="dueInDays"/> from today (negative: overdue), as if set before it fell due.</summary>
    public Task<Case> TaskAsync(Case @case, Guid assignee, int dueInDays) => EditAsync(@case.Id, c =>
    {
        var due = Today.AddDays(dueInDays);
        var setOn = due < Today ? due.AddDays(-1) : Today;
        c.AddTask("Task due " + due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, assignee, due, assignee,
            app.Clock.GetUtcNow(), setOn);
    });

    public Task<Victim> VictimAsync(Case on, Sex sex, ExploitationForm[] forms, DateOnly? born, Guid? liaison = null, string? nationality = "Exampleland") =>
        app.WithScopeAsync(async sp =>
        {
            var victim = await app.VictimAsync(on, VictimFactory.Identity(born: born) with { DateOfBirth = born }, liaison);
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var loaded = await db.Victims.SingleAsync(v => v.Id == victim.Id);
            loaded.UpdateProfile(new VictimProfile(sex, nationality, MigrationStatus.Unknown, null, false, null, forms,
                IdentifiedBy.Police, null, null, WillingnessToTestify.Undecided), Today);
            await db.SaveChangesAsync();
            return loaded;
        });

    public Task LinkAsync(Victim victim, Case @case) => WithVictimAsync(victim, (v, db) =>
    {
        var loaded = db.Cases.Include(c => c.Team).Single(c => c.Id == @case.Id);
        v.LinkToCase(loaded, app.Clock.GetUtcNow());
    });

    /// <summary>A support step <paramref name="daysAgo"/> days ago, with a follow-up that many days after it.</summary>
    public Task StepAsync(Victim victim, Guid by, int daysAgo, int? followUpAfter) => WithVictimAsync(victim, (v, _) =>
    {
        var on = Today.AddDays(-daysAgo);
        v.LogSupportStep(null, on, SupportStepKind.Contact, "Phoned.", by, followUpAfter is { } a ? on.AddDays(a) : null, app.Clock.GetUtcNow(), on);
    });

    public Task ResidenceAsync(Victim victim, ResidenceKind kind, int startedDaysAgo, int? expiresInDays) => WithVictimAsync(victim, (v, _) =>
        v.RecordResidence(kind, Today.AddDays(-startedDaysAgo), expiresInDays is { } e ? Today.AddDays(e) : null,
            kind == ResidenceKind.Return ? Today.AddDays(-startedDaysAgo - 1) : null, null, app.Clock.GetUtcNow()));

    public Task ClaimAsync(Victim victim, Case @case, string currency, decimal claimed, decimal? awarded, decimal paid) => WithVictimAsync(victim, (v, _) =>
        v.AddClaim(@case.Id, CompensationRoute.CriminalCourtOrder, [CompensationHead.UnpaidWages], currency, claimed, awarded, paid, null, null,
            app.Clock.GetUtcNow()));

    private Task WithVictimAsync(Victim victim, Action<Victim, TipCasesDbContext> change) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var loaded = await db.Victims.Include(v => v.Cases).Include(v => v.SupportSteps).Include(v => v.Residence).Include(v => v.Claims)
            .SingleAsync(v => v.Id == victim.Id);
        change(loaded, db);
        await db.SaveChangesAsync();
    });

    /// <summary>Everything of an office, loaded whole: the tests count it with plain LINQ to compare with the dashboard.</summary>
    public Task<(List<Case> Cases, List<Victim> Victims)> SnapshotAsync(string officeCode) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var officeId = await db.Offices.Where(o => o.Code == officeCode).Select(o => o.Id).SingleAsync();
        var cases = await db.Cases.AsNoTracking().Include(c => c.Team).Include(c => c.Tasks).Where(c => c.OfficeId == officeId).ToListAsync();
        var victims = await db.Victims.AsNoTracking().Include(v => v.Cases).Include(v => v.SupportSteps).Include(v => v.Residence).Include(v => v.Claims)
            .Where(v => v.OfficeId == officeId).AsSplitQuery().ToListAsync();
        return (cases, victims);
    });
}
