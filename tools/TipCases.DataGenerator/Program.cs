using System.Globalization;

namespace TipCases.DataGenerator;

// dotnet run --project tools/TipCases.DataGenerator -c Release -- --cases 100000
// The database and the identity key come from the environment, never the command line (where
// other users of the machine could read them): TIPCASES_DB and TIPCASES_IDENTITY_KEY, as run.sh uses.
internal static class GeneratorCommand
{
    private const string Usage = """
        Fills an empty office with synthetic TipCases data through PostgreSQL binary COPY.

        Usage: TipCases.DataGenerator [--cases N] [--second-office-cases N] [--staff N] [--years N]
                                      [--office CODE] [--second-office CODE] [--seed N] [--parallel N]

          --cases N                cases of the main office (default 100000)
          --second-office-cases N  cases of the second office (default: cases / 100, at least 5)
          --staff N                staff of the main office (default 400; the second office gets a twentieth)
          --years N                cases are opened over this many years up to today (default 10)
          --office CODE            main office code (default CPO); --second-office CODE (default NRO)
          --seed N                 the same seed gives the same data (default 20261129)
          --parallel N             connections used side by side (default 2)

        Environment: TIPCASES_DB (connection string, required), TIPCASES_IDENTITY_KEY (base64 of the
        app's 32-byte identity key, required), TIPCASES_DEMO_PASSWORD (the accounts' password;
        default tipcases-demo-2026).

        The database gets the app's migrations. Use a database no app is using: the loaded tables'
        indexes are dropped during the load and rebuilt after it. Generated data has no audit events.
        """;

    public static async Task<int> Main(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                Console.WriteLine(Usage);
                return 0;
            }
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"Unexpected argument '{args[i]}'.");
                Console.Error.WriteLine(Usage);
                return 2;
            }
            values[args[i][2..]] = args[++i];
        }
        var known = new[] { "cases", "second-office-cases", "staff", "years", "office", "second-office", "seed", "parallel" };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            Console.Error.WriteLine($"Unknown option --{unknown}.");
            Console.Error.WriteLine(Usage);
            return 2;
        }
        int? Number(string name)
        {
            if (!values.TryGetValue(name, out var text))
            {
                return null;
            }
            return int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"--{name} needs a positive whole number, not '{text}'.");
        }

        var connection = Environment.GetEnvironmentVariable("TIPCASES_DB");
        var key = Environment.GetEnvironmentVariable("TIPCASES_IDENTITY_KEY");
        if (string.IsNullOrWhiteSpace(connection) || string.IsNullOrWhiteSpace(key))
        {
            Console.Error.WriteLine("Set TIPCASES_DB (a PostgreSQL connection string) and TIPCASES_IDENTITY_KEY (the app's identity key, base64 of 32 bytes).");
            return 2;
        }

        try
        {
            var defaults = new GeneratorOptions { ConnectionString = connection, IdentityKey = key };
            var options = defaults with
            {
                Cases = Number("cases") ?? defaults.Cases,
                SecondOfficeCases = Number("second-office-cases"),
                Staff = Number("staff") ?? defaults.Staff,
                Years = Number("years") ?? defaults.Years,
                OfficeCode = values.GetValueOrDefault("office") ?? defaults.OfficeCode,
                SecondOfficeCode = values.GetValueOrDefault("second-office") ?? defaults.SecondOfficeCode,
                Seed = Number("seed") ?? defaults.Seed,
                Parallelism = Number("parallel") ?? defaults.Parallelism,
                Password = Environment.GetEnvironmentVariable("TIPCASES_DEMO_PASSWORD") is { Length: > 0 } password ? password : defaults.Password,
                AuthenticatorKey = Environment.GetEnvironmentVariable("TIPCASES_DEMO_TOTP_SECRET") is { Length: > 0 } secret ? secret : defaults.AuthenticatorKey,
                Log = Console.Out,
            };
            if (options.OfficeCode == defaults.OfficeCode && values.ContainsKey("office"))
            {
                options = options with { OfficeName = $"Office {options.OfficeCode}" };
            }
            var result = await Generator.RunAsync(options);
            Console.WriteLine();
            Console.WriteLine($"{result.Rows.Values.Sum():N0} rows in {result.Elapsed.TotalSeconds:F1} s. Accounts (password: the demo password; authenticator: the demo secret):");
            foreach (var prefix in new[] { "supervisor", "prosecutor", "investigator", "liaison" })
            {
                var names = result.UserNames.Where(n => n.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList();
                Console.WriteLine($"  {names[0]} ... {names[^1]} ({names.Count})");
            }
            return 0;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
