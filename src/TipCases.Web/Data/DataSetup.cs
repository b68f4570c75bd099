using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using TipCases.Web.Auditing;
using TipCases.Web.Data.Seeding;
using TipCases.Web.Data.Summaries;
using TipCases.Web.Security;

namespace TipCases.Web.Data;

public static class DataSetup
{
    public const string ConnectionStringName = "TipCases";

    public static IServiceCollection AddTipCasesData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"No database configured: set ConnectionStrings:{ConnectionStringName} (run.sh sets it from TIPCASES_DB).");
        }

        services.AddScoped<AuditingInterceptor>();
        services.AddScoped<ReferenceNumbers>();
        services.AddScoped<CaseReferences>();
        services.AddScoped<VictimPseudonyms>();
        services.AddDbContext<TipCasesDbContext>((sp, options) =>
            Configure(options, connectionString).AddInterceptors(sp.GetRequiredService<AuditingInterceptor>()));
        services.AddDataProtection()
            .SetApplicationName("TipCases")
            .PersistKeysToDbContext<TipCasesDbContext>();
        services.AddHealthChecks().AddDbContextCheck<TipCasesDbContext>("database", tags: ["ready"]);
        services.AddSummaries(configuration);
        return services;
    }

    internal static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention();

    /// <summary>Applies pending migrations. Development and tests call it at start-up;
    /// production runs it once per release with <c>dotnet TipCases.Web.dll migrate</c>. With an
    /// owner connection (<see cref="DatabaseRoles.OwnerConnectionStringName"/>) the owner migrates
    /// and then grants the app's role access to the data only.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var ownerConnectionString = configuration.GetConnectionString(DatabaseRoles.OwnerConnectionStringName);
        if (string.IsNullOrWhiteSpace(ownerConnectionString))
        {
            await scope.ServiceProvider.GetRequiredService<TipCasesDbContext>().Database.MigrateAsync(ct);
        }
        else
        {
            var options = Configure(new DbContextOptionsBuilder<TipCasesDbContext>(), ownerConnectionString).Options;
            await using (var owner = new TipCasesDbContext((DbContextOptions<TipCasesDbContext>)options))
            {
                await owner.Database.MigrateAsync(ct);
            }
            var appRole = new Npgsql.NpgsqlConnectionStringBuilder(configuration.GetConnectionString(ConnectionStringName)).Username
                ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} names no user to grant access to.");
            await using var connection = new Npgsql.NpgsqlConnection(ownerConnectionString);
            await connection.OpenAsync(ct);
            await DatabaseRoles.GrantDataAccessAsync(connection, appRole, ct);
        }
        await RoleSeeder.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>());
    }
}
