using System.Collections.Concurrent;
using Npgsql;

namespace TipCases.Web.Tests.Security;

/// <summary>
/// The state of every application table, so a test can prove that a refused request changed nothing
/// at all, whatever tables later features add: the row count and the newest row version (PostgreSQL's
/// xmin, the transaction that last wrote the row), which any insert, update or delete moves. Data
/// Protection keys and the migrations history are left out: neither is data a request may change.
/// </summary>
public static class DatabaseFingerprint
{
    private static readonly ConcurrentDictionary<string, string> Queries = new(StringComparer.Ordinal);

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        if (!Queries.TryGetValue(connectionString, out var sql))
        {
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' " +
                "AND table_name NOT IN ('__EFMigrationsHistory', 'data_protection_keys') ORDER BY table_name", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }
            sql = string.Join(" UNION ALL ", tables.Select(t =>
                $"SELECT '{t}', count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM \"{t}\""));
            Queries[connectionString] = sql;
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            result[rows.GetString(0)] = rows.GetString(1);
        }
        return result;
    }

    /// <summary>The tables whose content differs, e.g. "cases, audit_events" (empty: none).</summary>
    public static string Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        string.Join(", ", after.Where(a => !before.TryGetValue(a.Key, out var b) || b != a.Value).Select(a => a.Key));
}
