namespace TipCases.Domain.Statistics;

/// <summary>One step of an attribute's generalisation hierarchy: what it publishes, and how a
/// recorded (level 0) value becomes the value published at this level.</summary>
public sealed record GeneralisationLevel(string Description, Func<string, string> Generalise)
{
    /// <summary>The value every record gets once the attribute is withheld.</summary>
    public const string Withheld = "*";

    public static GeneralisationLevel AsRecorded(string description) => new(description, v => v);

    public static GeneralisationLevel WithheldLevel { get; } = new("withheld", _ => Withheld);
}

/// <summary>
/// A published attribute (a quasi-identifier: on its own harmless, combined with others it can
/// single a person out) and its generalisation hierarchy, from the value as recorded (level 0)
/// to withheld (the last level).
/// </summary>
public sealed class QuasiIdentifier
{
    public QuasiIdentifier(string name, params IReadOnlyList<GeneralisationLevel> levels)
    {
        if (levels.Count == 0 || levels[^1].Generalise("any") != GeneralisationLevel.Withheld)
        {
            throw new ArgumentException("The last level of a hierarchy must withhold the attribute.", nameof(levels));
        }
        Name = name;
        Levels = levels;
    }

    public string Name { get; }

    public IReadOnlyList<GeneralisationLevel> Levels { get; }

    public int MaxLevel => Levels.Count - 1;
}

/// <summary>A combination of attribute values (level 0) and how many records have it.</summary>
public sealed record WeightedRecord(IReadOnlyList<string> Values, int Count);

/// <summary>How far one attribute was generalised.</summary>
public sealed record AttributeGeneralisation(string Attribute, int Level, int MaxLevel, string Description)
{
    public bool Generalised => Level > 0;

    public bool Withheld => Level == MaxLevel;
}

/// <summary>
/// The published table: only combinations of values shared by at least <see cref="K"/> records
/// (each with its count, sorted by value so the order reveals nothing about when a record was
/// made), how far each attribute was generalised and how many records were suppressed.
/// </summary>
public sealed record AnonymisedTable(
    IReadOnlyList<string> Attributes,
    IReadOnlyList<WeightedRecord> Rows,
    int K,
    int InputRecords,
    int SuppressedRecords,
    IReadOnlyList<AttributeGeneralisation> Generalisations)
{
    public int PublishedRecords => InputRecords - SuppressedRecords;

    /// <summary>One row per record (a class of n records gives n identical rows), as record-level data sets are published.</summary>
    public IEnumerable<IReadOnlyList<string>> RecordRows() => Rows.SelectMany(r => Enumerable.Repeat(r.Values, r.Count));
}

/// <summary>
/// k-anonymity by generalisation, then suppression (Sweeney's Datafly heuristic): while more
/// records than the suppression allowance sit in combinations shared by fewer than k records, the
/// attribute with the most distinct published values goes one level up its hierarchy; then the
/// records still in combinations smaller than k are suppressed. Every combination of published
/// values (and so every query on any subset of the attributes) then describes at least k records
/// or none. The Counter Trafficking Data Collaborative publishes its victim data with k = 11.
/// </summary>
public static class KAnonymity
{
    public const int DefaultK = 11;

    /// <param name="suppressionAllowance">How many records may be suppressed rather than generalise
    /// further (default k: Datafly's rule).</param>
    public static AnonymisedTable Apply(IReadOnlyList<QuasiIdentifier> attributes, IEnumerable<WeightedRecord> records, int k = DefaultK,
        int? suppressionAllowance = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var input = records.Where(r => r.Count > 0).ToList();
        if (input.Any(r => r.Values.Count != attributes.Count))
        {
            throw new ArgumentException("Every record needs one value per attribute.", nameof(records));
        }
        var allowance = suppressionAllowance ?? k;
        var total = input.Sum(r => r.Count);
        var levels = new int[attributes.Count];

        while (true)
        {
            var classes = Classes(attributes, input, levels);
            var inSmallClasses = classes.Values.Where(n => n < k).Sum();
            if (inSmallClasses <= allowance)
            {
                break;
            }
            // Generalise the attribute with the most distinct published values that can still go up;
            // on a tie the one listed last (the list puts the most useful attributes first).
            var candidate = Enumerable.Range(0, attributes.Count)
                .Where(i => levels[i] < attributes[i].MaxLevel)
                .Select(i => (Index: i, Distinct: input.Select(r => Published(attributes[i], levels[i], r.Values[i])).Distinct(StringComparer.Ordinal).Count()))
                .OrderByDescending(x => x.Distinct).ThenByDescending(x => x.Index)
                .Select(x => (int?)x.Index)
                .FirstOrDefault();
            if (candidate is not { } next)
            {
                break; // every attribute is withheld: one class of everyone, suppressed below if smaller than k
            }
            levels[next]++;
        }

        var final = Classes(attributes, input, levels);
        var published = final
            .Where(c => c.Value >= k)
            .Select(c => new WeightedRecord(c.Key.Split(Separator), c.Value))
            .OrderBy(r => string.Join(Separator, r.Values), StringComparer.Ordinal)
            .ToList();
        var suppressed = total - published.Sum(r => r.Count);
        var generalisations = attributes
            .Select((a, i) => new AttributeGeneralisation(a.Name, levels[i], a.MaxLevel, a.Levels[levels[i]].Description))
            .ToList();
        return new AnonymisedTable(attributes.Select(a => a.Name).ToList(), published, k, total, suppressed, generalisations);
    }

    /// <summary>Whether every combination of values in the rows is shared by at least k records.</summary>
    public static bool IsKAnonymous(IEnumerable<IReadOnlyList<string>> rows, int k) =>
        rows.GroupBy(r => string.Join(Separator, r), StringComparer.Ordinal).All(g => g.Count() >= k);

    private const char Separator = '\u001f';

    private static string Published(QuasiIdentifier attribute, int level, string value) => attribute.Levels[level].Generalise(value);

    private static Dictionary<string, int> Classes(IReadOnlyList<QuasiIdentifier> attributes, List<WeightedRecord> input, int[] levels)
    {
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in input)
        {
            var key = string.Join(Separator, record.Values.Select((v, i) => Published(attributes[i], levels[i], v)));
            classes[key] = classes.GetValueOrDefault(key) + record.Count;
        }
        return classes;
    }
}
