using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Infrastructure;

/// <summary>Records victims for tests through the domain, with a real encrypted identity.</summary>
public static class VictimFactory
{
    public static ProtectedIdentity Identity(string given = "Amina", string family = "Testperson", DateOnly? born = null) =>
        new(given, family, born ?? new DateOnly(1995, 4, 12), "+00 555 0100", "amina@example.test", "1 Hidden Street", "Passport X1234567");

    public static VictimProfile Profile() => new(Sex.Female, "Exampleland", MigrationStatus.IrregularMigrant, null, true, "Examplish",
        [ExploitationForm.ForcedLabourOrServices], IdentifiedBy.LabourInspectorate, null, "Shelter North", WillingnessToTestify.Undecided);

    /// <summary>Records a victim on <paramref name="on"/>; <paramref name="liaisonOfficer"/> must be a liaison officer on its team.</summary>
    public static Task<Victim> VictimAsync(this TipCasesApp app, Case on, ProtectedIdentity? identity = null, Guid? liaisonOfficer = null) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var @case = await db.Cases.Include(c => c.Team).SingleAsync(c => c.Id == on.Id);
            var office = await db.Offices.SingleAsync(o => o.Id == @case.OfficeId);
            var now = app.Clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var pseudonym = await sp.GetRequiredService<VictimPseudonyms>().NextAsync(office.Id, office.Code, today.Year, default);
            var victim = Victim.Record(Guid.CreateVersion7(), pseudonym, @case, identity ?? Identity(), Profile(),
                sp.GetRequiredService<IIdentityProtector>(), @case.CreatedBy, now, today);
            if (liaisonOfficer is { } vlo)
            {
                victim.AssignLiaisonOfficer(vlo, [@case]);
            }
            db.Victims.Add(victim);
            await db.SaveChangesAsync();
            return victim;
        });
}
