using Npgsql;
using Testcontainers.PostgreSql;

namespace TipCases.Testing;

/// <summary>
/// The PostgreSQL server a test run uses: the one named by TIPCASES_TEST_DB (a server connection
/// string, as test.sh sets for its throwaway cluster), else a Testcontainers container where a
/// Docker engine answers. Each caller gets a database of its own, created fresh, so test
/// assemblies running side by side never touch each other's rows.
/// </summary>
public static class TestDatabaseServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _serverConnectionString;
    private static PostgreSqlContainer? _container;

    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var server = await ServerAsync();
        var name = $"tipcases_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task<string> ServerAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_serverConnectionString is not null)
            {
                return _serverConnectionString;
            }
            var fromEnvironment = Environment.GetEnvironmentVariable("TIPCASES_TEST_DB");
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return _serverConnectionString = fromEnvironment;
            }
            try
            {
                _container = new PostgreSqlBuilder("postgres:15-alpine").Build();
                await _container.StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _container.DisposeAsync().AsTask().GetAwaiter().GetResult();
                return _serverConnectionString = _container.GetConnectionString();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new InvalidOperationException(
                    "No PostgreSQL for the tests: set TIPCASES_TEST_DB to a server connection string, start a Docker engine " +
                    "for Testcontainers, or run ./test.sh, which starts a throwaway cluster.", ex);
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}
