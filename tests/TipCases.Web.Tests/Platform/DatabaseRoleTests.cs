using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TipCases.Domain.Offices;
using TipCases.Testing;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Platform;

/// <summary>
/// Least privilege for the database account: with an owner connection the owner migrates and the
/// app's own role gets data access only, so even a compromised app cannot rewrite or silence the
/// audit trail, nor change the schema.
/// </summary>
public sealed class DatabaseRoleTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task The_owner_migrates_and_the_apps_role_reads_and_writes_data_but_cannot_touch_the_audit_trail_or_the_schema()
    {
        var owner = await TestDatabaseServer.CreateDatabaseAsync("roles");
        var role = "tipcases_app_" + Guid.NewGuid().ToString("N")[..8];
        const string password = "a role password for this test";
        await ExecuteAsync(owner, $"CREATE ROLE {role} LOGIN PASSWORD '{password}'");
        var appConnection = new NpgsqlConnectionStringBuilder(owner) { Username = role, Password = password, Pooling = false }.ConnectionString;
        try
        {
            await using (var instance = App.WithWebHostBuilder(builder =>
            {
                builder.UseSetting("ConnectionStrings:TipCases", appConnection);
                builder.UseSetting($"ConnectionStrings:{DatabaseRoles.OwnerConnectionStringName}", owner);
            }))
            {
                // Migrated by the owner at start-up; the app, as its own role, answers and writes (with its audit row).
                (await instance.CreateClient().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
                await using var scope = instance.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TipCasesDbContext>();
                var office = new Office(Guid.CreateVersion7(), "SRO", "Southern Regional Office", App.Clock.GetUtcNow());
                db.Offices.Add(office);
                scope.ServiceProvider.GetRequiredService<AuditLog>().Add(AuditAction.OfficeCreated, null, "test", nameof(Office), office.Id.ToString());
                await db.SaveChangesAsync();
                (await db.AuditEvents.CountAsync()).ShouldBeGreaterThan(0);
            }

            (await ScalarAsync(owner, "SELECT tableowner FROM pg_tables WHERE tablename = 'audit_events'")).ShouldBe("postgres");
            foreach (var forbidden in new[]
            {
                "UPDATE audit_events SET actor_name = 'someone else'",
                "DELETE FROM audit_events",
                "TRUNCATE audit_events",
                "ALTER TABLE audit_events DISABLE TRIGGER USER",
                "DROP TABLE cases",
                "CREATE TABLE public.shadow (id int)",
                "DELETE FROM \"__EFMigrationsHistory\"",
            })
            {
                var refused = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(appConnection, forbidden), forbidden);
                refused.SqlState.ShouldBeOneOf(PostgresErrorCodes.InsufficientPrivilege);
            }
            // What the app does need: its own data, and adding to the audit trail.
            await ExecuteAsync(appConnection, "UPDATE offices SET name = 'Southern Office' WHERE code = 'SRO'");
            (await ScalarAsync(appConnection, "SELECT count(*)::text FROM audit_events")).ShouldNotBe("0");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(owner, $"DROP OWNED BY {role}");
            await ExecuteAsync(owner, $"DROP ROLE {role}");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
