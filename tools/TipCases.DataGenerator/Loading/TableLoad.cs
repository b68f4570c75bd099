using Npgsql;
using NpgsqlTypes;
using TipCases.DataGenerator.Planning;
using TipCases.Domain.Staff;
using TipCases.Domain.Victims;

namespace TipCases.DataGenerator.Loading;

/// <summary>
/// The rows of one table, streamed from the <see cref="Plan"/> into a PostgreSQL binary COPY.
/// Each load draws the details only its table holds from a random source of its own, so loads
/// can run side by side on separate connections.
/// </summary>
/// <remarks>
/// EXTENSION POINT. Tables that later features add (charges and their elements, hearings,
/// cooperation requests, assets) get a load of their own: a subclass here that walks
/// <see cref="Plan.Cases"/> (stage, team, dates) and <see cref="Plan.Victims"/>, registered in
/// <see cref="TableLoads.All"/>. Facts several tables must agree on (a charge filed before trial, a
/// hearing in the trial stage) belong in the plan; see the notes in <see cref="TableLoads"/>.
/// </remarks>
internal abstract class TableLoad
{
    public abstract string Table { get; }

    /// <summary>The columns written, in order (generated columns such as cases.search_vector are left to PostgreSQL).</summary>
    public abstract string[] Columns { get; }

    /// <summary>Roughly how many rows the load writes, to start the biggest loads first.</summary>
    public abstract long Estimate(Plan plan);

    /// <summary>Writes the rows and returns how many.</summary>
    public abstract long Write(NpgsqlBinaryImporter writer, Plan plan, LoadContext context);

    public string CopyCommand(bool freeze) =>
        $"COPY {Table} ({string.Join(", ", Columns.Select(Quote))}) FROM STDIN (FORMAT BINARY{(freeze ? ", FREEZE" : "")})";

    private static string Quote(string column) => column is "from" or "to" or "on" ? $"\"{column}\"" : column;
}

/// <summary>What every load shares: the identity key, the seed, and the staff by office and role.</summary>
internal sealed class LoadContext(IIdentityProtector protector, int seed, Plan plan)
{
    private readonly short[][] _supervisors = plan.Offices.Select((_, o) =>
        plan.Staff.Select((s, i) => (s, i)).Where(x => x.s.Office == o && x.s.Role == StaffRole.Supervisor).Select(x => (short)x.i).ToArray()).ToArray();

    public IIdentityProtector Protector { get; } = protector;

    /// <summary>A random source for one table: the same seed gives the same data.</summary>
    public Random RandomFor(string table) => new(unchecked(seed * 31 + StableHash(table)));

    public Guid User(short staffIndex) => plan.Staff[staffIndex].Id;

    public short Supervisor(int office, Random random) => _supervisors[office][random.Next(_supervisors[office].Length)];

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var ch in text)
        {
            hash = unchecked((hash * 31) + ch);
        }
        return hash;
    }
}

/// <summary>Typed writes with the PostgreSQL type named, so Npgsql never has to infer it per value.</summary>
internal static class CopyWrites
{
    public static void Uuid(this NpgsqlBinaryImporter w, Guid value) => w.Write(value, NpgsqlDbType.Uuid);

    public static void Uuid(this NpgsqlBinaryImporter w, Guid? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Uuid);
        }
        else
        {
            w.WriteNull();
        }
    }

    public static void Text(this NpgsqlBinaryImporter w, string? value)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, NpgsqlDbType.Varchar);
        }
    }

    public static void Enum<T>(this NpgsqlBinaryImporter w, T value) where T : struct, System.Enum => w.Write(EnumNames<T>.Of(value), NpgsqlDbType.Varchar);

    public static void Enum<T>(this NpgsqlBinaryImporter w, T? value) where T : struct, System.Enum
    {
        if (value is { } v)
        {
            w.Write(EnumNames<T>.Of(v), NpgsqlDbType.Varchar);
        }
        else
        {
            w.WriteNull();
        }
    }

    public static void Bool(this NpgsqlBinaryImporter w, bool value) => w.Write(value, NpgsqlDbType.Boolean);

    public static void Date(this NpgsqlBinaryImporter w, DateOnly value) => w.Write(value, NpgsqlDbType.Date);

    public static void Date(this NpgsqlBinaryImporter w, DateOnly? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Date);
        }
        else
        {
            w.WriteNull();
        }
    }

    /// <summary>A moment given as unix seconds (0: none), stored as timestamptz.</summary>
    public static void Moment(this NpgsqlBinaryImporter w, long unixSeconds)
    {
        if (unixSeconds == 0)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(Plan.At(unixSeconds), NpgsqlDbType.TimestampTz);
        }
    }

    public static void Int(this NpgsqlBinaryImporter w, int? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Integer);
        }
        else
        {
            w.WriteNull();
        }
    }

    public static void Money(this NpgsqlBinaryImporter w, decimal? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Numeric);
        }
        else
        {
            w.WriteNull();
        }
    }

    public static void TextArray(this NpgsqlBinaryImporter w, string[] values) => w.Write(values, NpgsqlDbType.Array | NpgsqlDbType.Text);
}

/// <summary>Enum names as the app stores them (EF's string conversion), made once.</summary>
internal static class EnumNames<T> where T : struct, Enum
{
    private static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(v => v, v => v.ToString());

    public static string Of(T value) => Names[value];
}
