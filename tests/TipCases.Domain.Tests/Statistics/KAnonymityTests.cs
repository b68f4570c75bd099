using TipCases.Domain.Statistics;

namespace TipCases.Domain.Tests.Statistics;

/// <summary>No combination of published values may describe fewer than k records (k-anonymity):
/// attributes are generalised up their hierarchies, then what is still too rare is suppressed.</summary>
public sealed class KAnonymityTests
{
    // city: as recorded, then its region (the first letter), then withheld; sex: as recorded, then withheld.
    private static readonly QuasiIdentifier City = new("city",
        GeneralisationLevel.AsRecorded("city"),
        new GeneralisationLevel("region", v => v[..1]),
        GeneralisationLevel.WithheldLevel);

    private static readonly QuasiIdentifier Sex = new("sex", GeneralisationLevel.AsRecorded("sex"), GeneralisationLevel.WithheldLevel);

    private static readonly IReadOnlyList<QuasiIdentifier> Attributes = [City, Sex];

    private static WeightedRecord R(string city, string sex, int count) => new([city, sex], count);

    private static string Show(AnonymisedTable table) =>
        string.Join(" | ", table.Rows.Select(r => $"{string.Join(",", r.Values)}={r.Count}"));

    public static TheoryData<string, WeightedRecord[], int, string, int, string> Tables => new()
    {
        {
            "every combination is already large enough: published as recorded",
            [R("Aton", "F", 11), R("Aton", "M", 12), R("Bree", "F", 20)], 11,
            "Aton,F=11 | Aton,M=12 | Bree,F=20", 0, "city:0 sex:0"
        },
        {
            "one rare combination within the allowance (k records): suppressed, nothing generalised",
            [R("Aton", "F", 30), R("Aton", "M", 3)], 11,
            "Aton,F=30", 3, "city:0 sex:0"
        },
        {
            "many rare cities: the city is generalised to its region, where the groups are large enough",
            [R("Aton", "F", 6), R("Abel", "F", 6), R("Arno", "F", 6), R("Bree", "F", 6), R("Bolt", "F", 6), R("Burn", "F", 6)], 11,
            "A,F=18 | B,F=18", 0, "city:1 sex:0"
        },
        {
            "regions still too small: withheld city; the one rare group left is suppressed",
            [R("Aton", "F", 4), R("Bree", "F", 4), R("Cato", "F", 4), R("Dune", "F", 4), R("Eden", "M", 3)], 11,
            "*,F=16", 3, "city:2 sex:0"
        },
        {
            "fewer than k records in all: suppressed (no generalisation could make a group of k)",
            [R("Aton", "F", 4), R("Bree", "M", 5)], 11,
            "", 9, "city:0 sex:0"
        },
        {
            "on a tie the attribute listed last goes first; here both end withheld, in one group of everyone",
            [R("Aton", "F", 6), R("Bree", "M", 7)], 11,
            "*,*=13", 0, "city:2 sex:1"
        },
        {
            "k of 1 publishes everything as recorded",
            [R("Aton", "F", 1), R("Bree", "M", 1)], 1,
            "Aton,F=1 | Bree,M=1", 0, "city:0 sex:0"
        },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Generalises_then_suppresses_until_every_combination_has_k_records(string because, WeightedRecord[] records, int k,
        string published, int suppressed, string levels)
    {
        var table = KAnonymity.Apply(Attributes, records, k);

        Show(table).ShouldBe(published, because);
        table.SuppressedRecords.ShouldBe(suppressed, because);
        table.PublishedRecords.ShouldBe(records.Sum(r => r.Count) - suppressed);
        string.Join(" ", table.Generalisations.Select(g => $"{g.Attribute}:{g.Level}")).ShouldBe(levels, because);
        KAnonymity.IsKAnonymous(table.RecordRows(), k).ShouldBeTrue();
    }

    [Fact]
    public void The_report_says_which_attributes_were_generalised_or_withheld_and_to_what()
    {
        var table = KAnonymity.Apply(Attributes, [R("Aton", "F", 4), R("Bree", "F", 4), R("Cato", "F", 4), R("Dune", "F", 4)], 11);

        var city = table.Generalisations.Single(g => g.Attribute == "city");
        city.Generalised.ShouldBeTrue();
        city.Withheld.ShouldBeTrue();
        city.Description.ShouldBe("withheld");
        var sex = table.Generalisations.Single(g => g.Attribute == "sex");
        sex.Generalised.ShouldBeFalse();
        sex.Description.ShouldBe("sex");
    }

    [Fact]
    public void Rows_come_sorted_by_value_whatever_the_order_records_were_made_in()
    {
        var forwards = KAnonymity.Apply(Attributes, [R("Bree", "F", 11), R("Aton", "M", 11), R("Aton", "F", 11)], 11);
        var backwards = KAnonymity.Apply(Attributes, [R("Aton", "F", 11), R("Aton", "M", 11), R("Bree", "F", 11)], 11);

        Show(forwards).ShouldBe("Aton,F=11 | Aton,M=11 | Bree,F=11");
        Show(backwards).ShouldBe(Show(forwards));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(11)]
    [InlineData(25)]
    public void Random_tables_come_out_k_anonymous_on_every_subset_of_attributes_and_nothing_is_lost_unreported(int k)
    {
        var random = new Random(20261129 + k);
        var cities = new[] { "Aton", "Abel", "Bree", "Bolt", "Cato", "Cyan", "Dune" };
        var sexes = new[] { "F", "M", "X" };
        for (var run = 0; run < 40; run++)
        {
            var records = Enumerable.Range(0, random.Next(1, 60))
                .Select(_ => R(cities[random.Next(cities.Length)], sexes[random.Next(sexes.Length)], random.Next(1, 8)))
                .ToList();

            var table = KAnonymity.Apply(Attributes, records, k);

            var rows = table.RecordRows().ToList();
            rows.Count.ShouldBe(table.PublishedRecords);
            (table.PublishedRecords + table.SuppressedRecords).ShouldBe(records.Sum(r => r.Count));
            // Any query on any subset of the published attributes returns at least k records or none.
            foreach (var subset in new[] { new[] { 0 }, [1], [0, 1] })
            {
                KAnonymity.IsKAnonymous(rows.Select(r => (IReadOnlyList<string>)subset.Select(i => r[i]).ToList()), k).ShouldBeTrue();
            }
            // What is published is a generalisation of what was recorded, never a new value.
            foreach (var row in table.Rows)
            {
                var levels = table.Generalisations.Select(g => g.Level).ToList();
                records.ShouldContain(r => Attributes.Select((a, i) => a.Levels[levels[i]].Generalise(r.Values[i])).SequenceEqual(row.Values));
            }
        }
    }

    [Fact]
    public void A_hierarchy_must_end_by_withholding_the_attribute()
    {
        Should.Throw<ArgumentException>(() => new QuasiIdentifier("city", GeneralisationLevel.AsRecorded("city")));
    }

    [Fact]
    public void The_suppression_allowance_trades_detail_for_suppressed_records()
    {
        var records = new[] { R("Aton", "F", 30), R("Bree", "F", 30), R("Cato", "F", 5), R("Dune", "F", 5), R("Eden", "F", 5) };

        var strict = KAnonymity.Apply(Attributes, records, 11, suppressionAllowance: 0);
        var lenient = KAnonymity.Apply(Attributes, records, 11, suppressionAllowance: 15);

        Show(strict).ShouldBe("*,F=75");
        strict.SuppressedRecords.ShouldBe(0);
        Show(lenient).ShouldBe("Aton,F=30 | Bree,F=30");
        lenient.SuppressedRecords.ShouldBe(15);
    }
}
