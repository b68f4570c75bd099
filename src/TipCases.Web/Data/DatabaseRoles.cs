using Npgsql;

namespace TipCases.Web.Data;

/// <summary>
/// Least privilege for the database account (ASVS 13.2.2). Migrations run as the schema's owner
/// (<c>ConnectionStrings:TipCasesOwner</c>); the app itself connects as a role that may only read
/// and write data: it cannot change the schema, drop or disable the audit trail's trigger (only
/// an owner may), and has no UPDATE, DELETE or TRUNCATE on the audit trail at all. Without an
/// owner connection (tests, a single-role setup) the app's own role migrates and nothing is granted.
/// </summary>
public static class DatabaseRoles
{
    public const string OwnerConnectionStringName = "TipCasesOwner";

    /// <summary>
    /// Grants the app's role what it needs on every table and sequence that exists now (run after
    /// each migration, so new tables are covered), and takes away what it must never have.
    /// </summary>
    public static async Task GrantDataAccessAsync(NpgsqlConnection owner, string appRole, CancellationToken ct = default)
    {
        var role = new NpgsqlCommandBuilder().QuoteIdentifier(appRole);
        var statements = new[]
        {
            $"GRANT USAGE ON SCHEMA public TO {role}",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
            $"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}",
            // The audit trail is append-only for the app: rows are added and read, never changed.
            $"REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM {role}",
            // Which migrations ran is the owner's business.
            $"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON \"__EFMigrationsHistory\" FROM {role}",
        };
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, owner);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
