using Npgsql;

namespace TipCases.DataGenerator.Loading;

/// <summary>
/// The indexes and constraints of the loaded tables, read from the catalogue, dropped before the
/// load and built again after it: building an index once over loaded rows is several times faster
/// than maintaining it row by row, and checking a foreign key once (a join) is far faster than a
/// lookup per row. Whatever the migrations define is rebuilt as it was (the definitions come from
/// <c>pg_get_indexdef</c> and <c>pg_get_constraintdef</c>), so an index a later migration adds is
/// deferred too without anyone touching the generator.
/// </summary>
internal sealed class DeferredSchema
{
    private readonly List<string> _drops = [];

    /// <summary>CREATE INDEX statements (unique ones for primary keys too) and constraints that build
    /// their own index (exclusion, deferrable), each with its table, to run side by side.</summary>
    public List<(string Table, long Size, string Sql)> Builds { get; } = [];

    /// <summary>ALTER TABLE ... ADD CONSTRAINT ... USING INDEX, once the index exists.</summary>
    public List<string> Attachments { get; } = [];

    /// <summary>Foreign keys: (table, name, definition).</summary>
    public List<(string Table, string Name, string Definition)> ForeignKeys { get; } = [];

    public static async Task<DeferredSchema> ReadAsync(NpgsqlConnection connection, IReadOnlyCollection<string> tables, CancellationToken ct)
    {
        var schema = new DeferredSchema();
        await using (var command = new NpgsqlCommand("""
            SELECT format('%I.%I', n.nspname, c.relname), i.relname, pg_get_indexdef(x.indexrelid), k.conname, k.contype::text,
                   coalesce(k.condeferrable, false), pg_get_constraintdef(k.oid), pg_relation_size(c.oid)
            FROM pg_index x
            JOIN pg_class c ON c.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_class i ON i.oid = x.indexrelid
            LEFT JOIN pg_constraint k ON k.conindid = x.indexrelid AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x')
            WHERE n.nspname = current_schema() AND c.relname = ANY(@tables)
            ORDER BY c.relname, i.relname
            """, connection))
        {
            command.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var table = reader.GetString(0);
                var index = reader.GetString(1);
                var indexDefinition = reader.GetString(2);
                var size = reader.GetInt64(7);
                if (reader.IsDBNull(3))
                {
                    schema._drops.Add($"DROP INDEX {Qualified(table, index)}");
                    schema.Builds.Add((table, size, indexDefinition));
                    continue;
                }
                var constraint = reader.GetString(3);
                var kind = reader.GetString(4);
                var deferrable = reader.GetBoolean(5);
                schema._drops.Add($"ALTER TABLE {table} DROP CONSTRAINT {Quote(constraint)}");
                if (kind == "x" || deferrable)
                {
                    schema.Builds.Add((table, size, $"ALTER TABLE {table} ADD CONSTRAINT {Quote(constraint)} {reader.GetString(6)}"));
                }
                else
                {
                    schema.Builds.Add((table, size, indexDefinition));
                    schema.Attachments.Add($"ALTER TABLE {table} ADD CONSTRAINT {Quote(constraint)} {(kind == "p" ? "PRIMARY KEY" : "UNIQUE")} USING INDEX {Quote(index)}");
                }
            }
        }
        await using (var command = new NpgsqlCommand("""
            SELECT format('%I.%I', n.nspname, c.relname), k.conname, pg_get_constraintdef(k.oid)
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class r ON r.oid = k.confrelid
            WHERE k.contype = 'f' AND n.nspname = current_schema() AND (c.relname = ANY(@tables) OR r.relname = ANY(@tables))
            ORDER BY c.relname, k.conname
            """, connection))
        {
            command.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                schema.ForeignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        // Foreign keys first: a primary key cannot go while a foreign key depends on its index.
        schema._drops.InsertRange(0, schema.ForeignKeys.Select(f => $"ALTER TABLE {f.Table} DROP CONSTRAINT {Quote(f.Name)}"));
        return schema;
    }

    /// <summary>The statements that rebuild everything, for the log when a rebuild fails.</summary>
    public IEnumerable<string> RebuildScript() =>
        Builds.Select(b => b.Sql).Concat(Attachments)
            .Concat(ForeignKeys.Select(f => $"ALTER TABLE {f.Table} ADD CONSTRAINT {Quote(f.Name)} {f.Definition}"));

    public async Task DropAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var sql in _drops)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Builds the indexes on <paramref name="parallelism"/> connections (biggest tables
    /// first), attaches the primary and unique keys, then adds the foreign keys as NOT VALID and
    /// validates them, one table per connection at a time.</summary>
    public async Task RebuildAsync(Func<CancellationToken, Task<NpgsqlConnection>> open, int parallelism, TextWriter log, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var builds = Builds.OrderByDescending(b => b.Size).ThenBy(b => b.Sql.Contains(" gin ", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .Select(b => b.Sql).ToList();
        var timings = await RunAsync(open, parallelism, builds.Select(sql => (IReadOnlyList<string>)[sql]).ToList(), ct);
        log.WriteLine($"  {builds.Count} indexes built in {started.Elapsed.TotalSeconds:F1} s; the longest:");
        foreach (var (sql, seconds) in timings.OrderByDescending(t => t.Seconds).Take(5))
        {
            log.WriteLine($"    {seconds,5:F1} s  {sql}");
        }

        started.Restart();
        await using (var connection = await open(ct))
        {
            foreach (var sql in Attachments.Concat(ForeignKeys.Select(f => $"ALTER TABLE {f.Table} ADD CONSTRAINT {Quote(f.Name)} {f.Definition} NOT VALID")))
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        var validations = ForeignKeys.GroupBy(f => f.Table)
            .Select(g => (IReadOnlyList<string>)g.Select(f => $"ALTER TABLE {f.Table} VALIDATE CONSTRAINT {Quote(f.Name)}").ToList())
            .OrderByDescending(g => g.Count).ToList();
        await RunAsync(open, parallelism, validations, ct);
        log.WriteLine($"  {Attachments.Count} keys attached, {ForeignKeys.Count} foreign keys added and validated in {started.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Runs groups of statements on a few connections; the statements of one group in order.</summary>
    private static async Task<List<(string Sql, double Seconds)>> RunAsync(Func<CancellationToken, Task<NpgsqlConnection>> open, int parallelism,
        List<IReadOnlyList<string>> groups, CancellationToken ct)
    {
        var timings = new List<(string, double)>();
        var queue = new System.Collections.Concurrent.ConcurrentQueue<IReadOnlyList<string>>(groups);
        var workers = Enumerable.Range(0, Math.Max(1, parallelism)).Select(_ => Task.Run(async () =>
        {
            await using var connection = await open(ct);
            while (queue.TryDequeue(out var group))
            {
                foreach (var sql in group)
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    await using var command = new NpgsqlCommand(sql, connection);
                    await command.ExecuteNonQueryAsync(ct);
                    lock (timings)
                    {
                        timings.Add((sql, watch.Elapsed.TotalSeconds));
                    }
                }
            }
        }, ct)).ToList();
        await Task.WhenAll(workers);
        return timings;
    }

    private static string Qualified(string qualifiedTable, string name) =>
        $"{qualifiedTable[..(qualifiedTable.IndexOf('.', StringComparison.Ordinal) + 1)]}{Quote(name)}";

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
