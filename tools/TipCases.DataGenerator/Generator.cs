using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TipCases.DataGenerator.Loading;
using TipCases.DataGenerator.Planning;
using TipCases.Domain.Offices;
using TipCases.Domain.Staff;
using TipCases.Web.Data;
using TipCases.Web.Security;

namespace TipCases.DataGenerator;

public sealed record GeneratorOptions
{
    public required string ConnectionString { get; init; }

    /// <summary>The app's identity key (base64 of 32 bytes): the victims' identities are encrypted with it.</summary>
    public required string IdentityKey { get; init; }

    /// <summary>Cases of the main office.</summary>
    public int Cases { get; init; } = 100_000;

    /// <summary>Cases of the second office (null: a hundredth of <see cref="Cases"/>, at least 5), so that scoping is exercised.</summary>
    public int? SecondOfficeCases { get; init; }

    /// <summary>Staff of the main office; the second office gets a twentieth (at least 8).</summary>
    public int Staff { get; init; } = 400;

    public string OfficeCode { get; init; } = "CPO";

    public string OfficeName { get; init; } = "Central Prosecution Office";

    public string SecondOfficeCode { get; init; } = "NRO";

    public string SecondOfficeName { get; init; } = "Northern Regional Office";

    /// <summary>Cases are opened over this many years up to today.</summary>
    public int Years { get; init; } = 10;

    public int Seed { get; init; } = 20_261_129;

    /// <summary>Every generated account's password (the demo password by default).</summary>
    public string Password { get; init; } = TipCases.Web.Data.Seeding.DemoData.DefaultPassword;

    /// <summary>Every generated account's authenticator secret, base32 (the published demo secret by default).</summary>
    public string AuthenticatorKey { get; init; } = TipCases.Web.Data.Seeding.DemoData.AuthenticatorKey;

    /// <summary>"Now" for the data: cases open before it, follow-ups fall due around it.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Connections used side by side for loading and index builds.</summary>
    public int Parallelism { get; init; } = 2;

    public TextWriter Log { get; init; } = TextWriter.Null;
}

public sealed record GeneratorResult(
    IReadOnlyDictionary<string, long> Rows,
    IReadOnlyList<string> UserNames,
    TimeSpan Elapsed);

/// <summary>
/// Fills an empty office (and a little of a second one) with synthetic cases, teams, stage
/// histories, tasks, victims and their records, through PostgreSQL binary COPY. The database gets
/// the app's migrations first; the loaded tables' indexes and foreign keys are dropped during the
/// load and rebuilt after it (the database must not be in use meanwhile), and statistics are
/// gathered at the end. Reference and pseudonym counters are left at the highest number used, so
/// the app numbers the next case after the generated ones.
/// </summary>
/// <remarks>
/// Generated rows are not audited: they bypass EF and its auditing interceptor, as a data import
/// would, so the audit trail and case histories stay empty for them. Nothing in the app reads the
/// audit trail to decide anything, only to show history.
/// </remarks>
public static class Generator
{
    private static readonly string[] LoadedTables = TableLoads.All.Select(l => l.Table).ToArray();

    /// <summary>Tables the database derives from loaded ones with triggers, which are off during the
    /// load (they would run once per row): each is filled in one statement after it instead.</summary>
    private static readonly (string Table, string Fill)[] DerivedTables =
    [
        ("victim_support_status", """
            INSERT INTO victim_support_status (victim_id, liaison_officer_id, latest_step_on, latest_step_created_at, latest_step_case_id, next_follow_up_on)
            SELECT v.id, v.liaison_officer_id, s.took_place_on, s.created_at, s.case_id, s.next_follow_up_on
            FROM victims v
            LEFT JOIN (SELECT DISTINCT ON (victim_id) victim_id, took_place_on, created_at, case_id, next_follow_up_on
                       FROM victim_support_steps ORDER BY victim_id, took_place_on DESC, created_at DESC) s ON s.victim_id = v.id
            """),
    ];

    public static async Task<GeneratorResult> RunAsync(GeneratorOptions options, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Cases, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Staff, 8);
        var log = options.Log;
        var total = Stopwatch.StartNew();
        var step = Stopwatch.StartNew();
        var now = options.Now ?? DateTimeOffset.UtcNow;
        var connectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString) { CommandTimeout = 0 }.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DataSetup.ConnectionStringName}"] = connectionString,
            [IdentityProtector.KeySetting] = options.IdentityKey,
        }).Build();
        var protector = new IdentityProtector(configuration);

        await using var services = Services(configuration);
        await services.MigrateDatabaseAsync(ct);
        log.WriteLine($"Migrations applied ({step.Elapsed.TotalSeconds:F1} s).");

        step.Restart();
        var random = new Random(options.Seed);
        var (offices, staff, counters) = await PrepareAsync(services, options, now, random, ct);
        log.WriteLine($"Offices {string.Join(", ", offices.Select(o => $"{o.Code} ({o.Cases:N0} cases)"))} and {staff.Length} accounts ready ({step.Elapsed.TotalSeconds:F1} s).");

        step.Restart();
        var plan = new Planner(random, now, options.Years).Make(offices, staff, counters);
        log.WriteLine($"Planned {plan.Cases.Length:N0} cases and {plan.Victims.Length:N0} victims ({step.Elapsed.TotalSeconds:F1} s).");

        async Task<NpgsqlConnection> OpenAsync(CancellationToken token)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(token);
            await using var settings = new NpgsqlCommand("SET maintenance_work_mem = '1GB'; SET synchronous_commit = off", connection);
            await settings.ExecuteNonQueryAsync(token);
            return connection;
        }

        DeferredSchema deferred;
        bool empty;
        List<string> triggers;
        string[] derived;
        await using (var connection = await OpenAsync(ct))
        {
            empty = await AllEmptyAsync(connection, LoadedTables, ct);
            derived = await ExistingAsync(connection, DerivedTables.Select(d => d.Table), ct);
            deferred = await DeferredSchema.ReadAsync(connection, [.. LoadedTables, .. derived], ct);
            await deferred.DropAsync(connection, ct);
            triggers = await SetTriggersAsync(connection, LoadedTables, enable: false, ct);
        }
        log.WriteLine($"Deferred {deferred.Builds.Count} indexes and {deferred.ForeignKeys.Count} foreign keys of {LoadedTables.Length + derived.Length} tables" +
            (triggers.Count > 0 ? $"; triggers of {string.Join(", ", triggers)} off during the load." : "."));

        var rows = new Dictionary<string, long>();
        step.Restart();
        try
        {
            var context = new LoadContext(protector, options.Seed, plan);
            var queue = new System.Collections.Concurrent.ConcurrentQueue<TableLoad>(TableLoads.All.OrderByDescending(l => l.Estimate(plan)));
            var workers = Enumerable.Range(0, Math.Max(1, options.Parallelism)).Select(_ => Task.Run(async () =>
            {
                await using var connection = await OpenAsync(ct);
                while (queue.TryDequeue(out var load))
                {
                    var watch = Stopwatch.StartNew();
                    var count = await LoadAsync(connection, load, plan, context, freeze: empty, ct);
                    lock (rows)
                    {
                        rows[load.Table] = count;
                        log.WriteLine($"  {load.Table,-28} {count,12:N0} rows in {watch.Elapsed.TotalSeconds,5:F1} s");
                    }
                }
            }, ct)).ToList();
            await Task.WhenAll(workers);
            log.WriteLine($"Loaded {rows.Values.Sum():N0} rows with COPY{(empty ? " FREEZE" : "")} ({step.Elapsed.TotalSeconds:F1} s).");
            step.Restart();
            await using (var connection = await OpenAsync(ct))
            {
                foreach (var (table, fill) in DerivedTables.Where(d => derived.Contains(d.Table)))
                {
                    await using var command = new NpgsqlCommand($"SET work_mem = '512MB'; TRUNCATE {table}; {fill}; RESET work_mem", connection);
                    await command.ExecuteNonQueryAsync(ct);
                }
            }
            if (derived.Length > 0)
            {
                log.WriteLine($"Derived {string.Join(", ", derived)} ({step.Elapsed.TotalSeconds:F1} s).");
            }
        }
        catch (Exception)
        {
            // Never leave the tables without their keys or triggers: put them back, then report the load's failure.
            await RebuildAfterFailureAsync(deferred, OpenAsync, options.Parallelism, log);
            await using (var connection = await OpenAsync(CancellationToken.None))
            {
                await SetTriggersAsync(connection, LoadedTables, enable: true, CancellationToken.None);
            }
            throw;
        }
        await using (var connection = await OpenAsync(ct))
        {
            await SetTriggersAsync(connection, LoadedTables, enable: true, ct);
        }

        step.Restart();
        await deferred.RebuildAsync(OpenAsync, options.Parallelism, log, ct);
        log.WriteLine($"Indexes and constraints rebuilt ({step.Elapsed.TotalSeconds:F1} s).");

        step.Restart();
        await using (var connection = await OpenAsync(ct))
        {
            await SaveCountersAsync(connection, plan, ct);
            // Statistics for the planner; without COPY FREEZE, VACUUM also sets the visibility map
            // that index-only scans need.
            var tables = string.Join(", ", LoadedTables.Append("users").Append("user_roles"));
            await using (var analyze = new NpgsqlCommand(empty ? $"ANALYZE {tables}" : $"VACUUM (ANALYZE) {tables}", connection))
            {
                await analyze.ExecuteNonQueryAsync(ct);
            }
            if (derived.Length > 0)
            {
                // Filled by INSERT, not COPY FREEZE: VACUUM sets their visibility map.
                await using var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) {string.Join(", ", derived)}", connection);
                await vacuum.ExecuteNonQueryAsync(ct);
            }
        }
        log.WriteLine($"Counters saved and statistics gathered ({step.Elapsed.TotalSeconds:F1} s).");
        log.WriteLine($"Done in {total.Elapsed.TotalSeconds:F1} s.");
        return new GeneratorResult(rows, staff.Select(s => s.UserName).ToList(), total.Elapsed);
    }

    /// <summary>After a failed load, puts the indexes and constraints back (so the tables are never
    /// left without their keys), or prints the statements that would.</summary>
    private static async Task RebuildAfterFailureAsync(DeferredSchema deferred, Func<CancellationToken, Task<NpgsqlConnection>> open,
        int parallelism, TextWriter log)
    {
        try
        {
            await deferred.RebuildAsync(open, parallelism, log, CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            log.WriteLine($"The load failed and rebuilding its indexes failed too ({ex.Message}); run these statements once the cause is fixed:");
            foreach (var sql in deferred.RebuildScript())
            {
                log.WriteLine(sql + ";");
            }
        }
    }

    private static ServiceProvider Services(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddTipCasesData(configuration);
        services.AddTipCasesSecurity(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task<long> LoadAsync(NpgsqlConnection connection, TableLoad load, Plan plan, LoadContext context, bool freeze,
        CancellationToken ct)
    {
        // COPY FREEZE writes rows already frozen and marked all-visible (no VACUUM needed for
        // index-only scans); PostgreSQL allows it only into a table emptied in the same transaction.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (freeze)
        {
            await using var truncate = new NpgsqlCommand($"TRUNCATE {load.Table}", connection, transaction);
            await truncate.ExecuteNonQueryAsync(ct);
        }
        long count;
        using (var writer = await connection.BeginBinaryImportAsync(load.CopyCommand(freeze), ct))
        {
            writer.Timeout = TimeSpan.Zero;
            count = load.Write(writer, plan, context);
            await writer.CompleteAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return count;
    }

    /// <summary>Turns the user triggers (not those of foreign keys) of the tables off or on; returns
    /// the tables that have any.</summary>
    private static async Task<List<string>> SetTriggersAsync(NpgsqlConnection connection, IReadOnlyList<string> tables, bool enable,
        CancellationToken ct)
    {
        var withTriggers = new List<string>();
        await using (var find = new NpgsqlCommand("""
            SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace AND c.relname = ANY(@tables)
            ORDER BY c.relname
            """, connection))
        {
            find.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                withTriggers.Add(reader.GetString(0));
            }
        }
        foreach (var table in withTriggers)
        {
            await using var command = new NpgsqlCommand($"ALTER TABLE {table} {(enable ? "ENABLE" : "DISABLE")} TRIGGER USER", connection);
            await command.ExecuteNonQueryAsync(ct);
        }
        return withTriggers;
    }

    private static async Task<string[]> ExistingAsync(NpgsqlConnection connection, IEnumerable<string> tables, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT array_agg(relname ORDER BY relname) FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace AND relname = ANY(@tables)",
            connection);
        command.Parameters.AddWithValue("tables", tables.ToArray());
        return await command.ExecuteScalarAsync(ct) is string[] found ? found : [];
    }

    private static async Task<bool> AllEmptyAsync(NpgsqlConnection connection, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var sql = string.Join(" AND ", tables.Select(t => $"NOT EXISTS (SELECT 1 FROM {t})"));
        await using var command = new NpgsqlCommand($"SELECT {sql}", connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The offices (created when missing, refused when they already hold cases), the
    /// synthetic staff with their roles, and the counters the numbering continues from.</summary>
    private static async Task<(OfficeInfo[] Offices, StaffMember[] Staff, Dictionary<(Guid, string, int), long> Counters)> PrepareAsync(
        ServiceProvider services, GeneratorOptions options, DateTimeOffset now, Random random, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TipCasesDbContext>();
        var secondCases = options.SecondOfficeCases ?? Math.Max(5, options.Cases / 100);
        var wanted = new[]
        {
            (Code: options.OfficeCode, Name: options.OfficeName, Cases: options.Cases, Staff: options.Staff),
            (Code: options.SecondOfficeCode, Name: options.SecondOfficeName, Cases: secondCases, Staff: Math.Max(8, options.Staff / 20)),
        };
        var offices = new List<OfficeInfo>();
        foreach (var (code, name, cases, _) in wanted)
        {
            var office = await db.Offices.SingleOrDefaultAsync(o => o.Code == code, ct);
            if (office is null)
            {
                office = new Office(Guid.CreateVersion7(now), code, name, now);
                db.Offices.Add(office);
                await db.SaveChangesAsync(ct);
            }
            else if (await db.Cases.AnyAsync(c => c.OfficeId == office.Id, ct) || await db.Victims.AnyAsync(v => v.OfficeId == office.Id, ct))
            {
                throw new InvalidOperationException(
                    $"Office {code} already has cases: the generator fills empty offices only. Use a fresh database, or other office codes.");
            }
            offices.Add(new OfficeInfo(office.Id, office.Code, office.Name, cases));
        }

        var staff = new List<StaffMember>();
        var names = Enumerable.Range(0, Vocabulary.GivenNames.Length * Vocabulary.FamilyNames.Length).OrderBy(_ => random.Next()).ToList();
        for (var o = 0; o < wanted.Length; o++)
        {
            var count = wanted[o].Staff;
            var supervisors = Math.Max(1, count / 50);
            var investigators = count * 33 / 100;
            var prosecutors = count * 30 / 100;
            var liaison = count - supervisors - investigators - prosecutors;
            foreach (var (role, prefix, n) in new[]
            {
                (StaffRole.Supervisor, "supervisor", supervisors), (StaffRole.Investigator, "investigator", investigators),
                (StaffRole.Prosecutor, "prosecutor", prosecutors), (StaffRole.VictimLiaisonOfficer, "liaison", liaison),
            })
            {
                for (var k = 1; k <= n; k++)
                {
                    var name = names[staff.Count % names.Count];
                    var displayName = $"{Vocabulary.GivenNames[name % Vocabulary.GivenNames.Length]} {Vocabulary.FamilyNames[name / Vocabulary.GivenNames.Length]}";
                    var userName = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}.{wanted[o].Code.ToLowerInvariant()}.{k:D3}");
                    staff.Add(new StaffMember(Guid.CreateVersion7(now), o, role, userName, displayName));
                }
            }
        }
        var userNames = staff.Select(s => s.UserName.ToUpperInvariant()).ToList();
        if (await db.Users.AnyAsync(u => userNames.Contains(u.NormalizedUserName!), ct))
        {
            throw new InvalidOperationException("Some generated user names exist already (e.g. supervisor.cpo.001): use a fresh database or other office codes.");
        }

        // One hash of the shared password for every account: each hash is PBKDF2 with 100,000
        // iterations (a tenth of a second), and these are test accounts with a published password.
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), options.Password);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var officeIds = offices.Select(o => o.Id).ToArray();
        foreach (var member in staff)
        {
            db.Users.Add(new AppUser
            {
                Id = member.Id,
                UserName = member.UserName,
                NormalizedUserName = member.UserName.ToUpperInvariant(),
                Email = $"{member.UserName}@tipcases.example",
                NormalizedEmail = $"{member.UserName}@tipcases.example".ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = member.DisplayName,
                OfficeId = officeIds[member.Office],
                PasswordHash = hash,
                SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                TwoFactorEnabled = true,
                CreatedAt = now.AddYears(-options.Years),
            });
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = member.Id, RoleId = roles[member.Role.ToString()] });
        }
        // Two-step sign-in: every generated account is enrolled with the published demo secret, as
        // the demo accounts are (TipCasesUserManager.SetAuthenticatorAsync: the secret encrypted for
        // the user, two-step sign-in on), so that bench/run.sh can sign in with a code.
        var keys = scope.ServiceProvider.GetRequiredService<AuthenticatorKeyProtector>();
        foreach (var member in staff)
        {
            db.UserTokens.Add(new IdentityUserToken<Guid>
            {
                UserId = member.Id,
                LoginProvider = "[AspNetUserStore]",
                Name = "AuthenticatorKey",
                Value = keys.Protect(options.AuthenticatorKey, member.Id),
            });
        }
        await db.SaveChangesAsync(ct);

        var counters = new Dictionary<(Guid, string, int), long>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using (var command = new NpgsqlCommand(
            "SELECT office_id, kind, year, last_number FROM reference_counters WHERE office_id = ANY(@offices)", connection))
        {
            command.Parameters.AddWithValue("offices", officeIds);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                counters[(reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2))] = reader.GetInt64(3);
            }
        }
        return (offices.ToArray(), staff.ToArray(), counters);
    }

    private static async Task SaveCountersAsync(NpgsqlConnection connection, Plan plan, CancellationToken ct)
    {
        foreach (var ((office, kind, year), last) in plan.Counters)
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO reference_counters (office_id, kind, year, last_number) VALUES (@office, @kind, @year, @last)
                ON CONFLICT (office_id, kind, year) DO UPDATE SET last_number = GREATEST(reference_counters.last_number, EXCLUDED.last_number)
                """, connection);
            command.Parameters.AddWithValue("office", office);
            command.Parameters.AddWithValue("kind", kind);
            command.Parameters.AddWithValue("year", year);
            command.Parameters.AddWithValue("last", last);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
