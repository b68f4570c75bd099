using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Hearings;
using TipCases.Domain.Jurisdiction;
using TipCases.Domain.Offices;
using TipCases.Domain.Victims;
using TipCases.Web.Auditing;
using TipCases.Web.Security;

namespace TipCases.Web.Data;

/// <summary>
/// The one database context of TipCases.
/// </summary>
/// <remarks>
/// Add a migration from the repository root with
/// <c>dotnet tool restore &amp;&amp; dotnet ef migrations add NAME --project src/TipCases.Web --output-dir Data/Migrations</c>.
/// Names are snake_case (EFCore.NamingConventions); each aggregate is configured in
/// <c>Data/Configurations</c>.
/// </remarks>
public sealed class TipCasesDbContext(DbContextOptions<TipCasesDbContext> options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Office> Offices => Set<Office>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<CaseTask> CaseTasks => Set<CaseTask>();

    public DbSet<StageChange> StageChanges => Set<StageChange>();

    public DbSet<CaseLink> CaseLinks => Set<CaseLink>();

    public DbSet<Victim> Victims => Set<Victim>();

    public DbSet<VictimCase> CaseVictims => Set<VictimCase>();

    public DbSet<SupportStep> SupportSteps => Set<SupportStep>();

    public DbSet<Summaries.SummarySnapshot> SummarySnapshots => Set<Summaries.SummarySnapshot>();

    public DbSet<ReadModels.VictimSupportStatus> VictimSupportStatuses => Set<ReadModels.VictimSupportStatus>();

    public DbSet<TipCases.Domain.Cooperation.CooperationRequest> CooperationRequests => Set<TipCases.Domain.Cooperation.CooperationRequest>();

    public DbSet<TipCases.Domain.Assets.Asset> Assets => Set<TipCases.Domain.Assets.Asset>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<AuthenticatorUse> AuthenticatorUses => Set<AuthenticatorUse>();

    public DbSet<Hearing> Hearings => Set<Hearing>();

    public DbSet<CaseJurisdiction> CaseJurisdictions => Set<CaseJurisdiction>();

    public DbSet<Offence> Offences => Set<Offence>();

    public DbSet<Defendant> Defendants => Set<Defendant>();

    public DbSet<Charge> Charges => Set<Charge>();

    /// <summary>Data Protection keys, shared by every instance of the app so that a sign-in
    /// cookie issued by one instance is read by the others.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TipCasesDbContext).Assembly);

        // Our aggregates make their own ids (Guid v7) when a record is created. Telling EF so
        // makes it insert a new child found through a navigation (a task added to a case)
        // instead of taking it, by its set key, for an existing row to update.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("TipCases.Domain", StringComparison.Ordinal) == true))
        {
            foreach (var key in entity.FindPrimaryKey()?.Properties.Where(p => p.ClrType == typeof(Guid)) ?? [])
            {
                key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }
}
