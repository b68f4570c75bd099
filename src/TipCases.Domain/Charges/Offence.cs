namespace TipCases.Domain.Charges;

/// <summary>What an administrator edits on an offence of the catalogue.</summary>
public sealed record OffenceDetails(string Code, string Name, OffenceKind Kind, int BaseMaximumYears, int? AggravatedMaximumYears, bool IsActive)
{
    /// <summary>Everything wrong with these details, in words an administrator can act on.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var code = Code.Trim();
        if (!Offence.IsValidCode(code))
        {
            problems.Add($"Give a code of 1 to {Offence.CodeMaxLength} capital letters, digits or hyphens, for example TIP.");
        }
        var name = Name.Trim();
        if (name.Length == 0 || name.Length > Offence.NameMaxLength)
        {
            problems.Add($"Give the offence's name, in at most {Offence.NameMaxLength} characters.");
        }
        if (!Enum.IsDefined(Kind))
        {
            problems.Add("Choose what kind of offence it is.");
        }
        if (BaseMaximumYears is < 1 or > Offence.MaxYears)
        {
            problems.Add($"The maximum penalty is between 1 and {Offence.MaxYears} years.");
        }
        if (AggravatedMaximumYears is { } aggravated && (aggravated <= BaseMaximumYears || aggravated > Offence.MaxYears))
        {
            problems.Add($"The maximum when aggravated must be higher than the maximum ({BaseMaximumYears} years) and at most {Offence.MaxYears} years; leave it empty when aggravation does not raise it.");
        }
        return problems;
    }
}

/// <summary>
/// An offence of the catalogue (reference data an administrator maintains), with its penalty
/// ceilings: the maximum in years and, where the law raises it for an aggravated offence, the
/// maximum when aggravated. Charges refer to an offence; an inactive offence keeps its charges but
/// takes no new ones.
/// </summary>
public sealed class Offence
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 200;
    public const int MaxYears = 99;

    private Offence() { }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public OffenceKind Kind { get; private set; }

    public int BaseMaximumYears { get; private set; }

    /// <summary>Null when aggravating circumstances do not raise the maximum for this offence.</summary>
    public int? AggravatedMaximumYears { get; private set; }

    public bool IsActive { get; private set; }

    public uint Version { get; private set; }

    /// <summary>"Trafficking in persons (TIP)".</summary>
    public string Label => $"{Name} ({Code})";

    public static bool IsValidCode(string? code) =>
        code is { Length: > 0 and <= CodeMaxLength } && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');

    public static Offence Create(Guid id, OffenceDetails details)
    {
        var offence = new Offence { Id = id };
        offence.Update(details);
        return offence;
    }

    public void Update(OffenceDetails details)
    {
        var problems = details.Problems();
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        Code = details.Code.Trim();
        Name = details.Name.Trim();
        Kind = details.Kind;
        BaseMaximumYears = details.BaseMaximumYears;
        AggravatedMaximumYears = details.AggravatedMaximumYears;
        IsActive = details.IsActive;
    }
}

/// <summary>
/// The catalogue as first installed: the offences DOMAIN.md lists, with the guide's example
/// ceilings for trafficking (12 years, 20 when aggravated, 25 for trafficking of a child). The other
/// maxima are placeholders for an administrator to set to national law. The ids are fixed so that
/// the database seed (EF <c>HasData</c>) and code that needs "the trafficking offence" agree.
/// </summary>
public static class DefaultOffences
{
    public static readonly Guid TraffickingId = new("0192f3a0-0000-7000-8000-000000000001");
    public static readonly Guid TraffickingOfChildrenId = new("0192f3a0-0000-7000-8000-000000000002");
    public static readonly Guid MigrantSmugglingId = new("0192f3a0-0000-7000-8000-000000000003");
    public static readonly Guid ForcedLabourId = new("0192f3a0-0000-7000-8000-000000000004");
    public static readonly Guid ServitudeId = new("0192f3a0-0000-7000-8000-000000000005");
    public static readonly Guid SlaveryId = new("0192f3a0-0000-7000-8000-000000000006");
    public static readonly Guid DebtBondageId = new("0192f3a0-0000-7000-8000-000000000007");
    public static readonly Guid OrganizedCriminalGroupId = new("0192f3a0-0000-7000-8000-000000000008");
    public static readonly Guid ConspiracyId = new("0192f3a0-0000-7000-8000-000000000009");
    public static readonly Guid MoneyLaunderingId = new("0192f3a0-0000-7000-8000-00000000000a");
    public static readonly Guid CorruptionId = new("0192f3a0-0000-7000-8000-00000000000b");
    public static readonly Guid ObstructionOfJusticeId = new("0192f3a0-0000-7000-8000-00000000000c");

    public static IReadOnlyList<(Guid Id, OffenceDetails Details)> All { get; } =
    [
        (TraffickingId, new("TIP", "Trafficking in persons", OffenceKind.Trafficking, 12, 20, true)),
        (TraffickingOfChildrenId, new("TIP-C", "Trafficking in children", OffenceKind.TraffickingOfChildren, 25, null, true)),
        (MigrantSmugglingId, new("SOM", "Smuggling of migrants", OffenceKind.MigrantSmuggling, 10, 15, true)),
        (ForcedLabourId, new("FL", "Forced labour", OffenceKind.ForcedLabour, 10, null, true)),
        (ServitudeId, new("SERV", "Servitude", OffenceKind.Servitude, 10, null, true)),
        (SlaveryId, new("SLAV", "Slavery", OffenceKind.Slavery, 15, null, true)),
        (DebtBondageId, new("DB", "Debt bondage", OffenceKind.DebtBondage, 10, null, true)),
        (OrganizedCriminalGroupId, new("OCG", "Participation in an organized criminal group", OffenceKind.OrganizedCriminalGroup, 10, null, true)),
        (ConspiracyId, new("CONSP", "Conspiracy", OffenceKind.Conspiracy, 10, null, true)),
        (MoneyLaunderingId, new("ML", "Money laundering", OffenceKind.MoneyLaundering, 10, null, true)),
        (CorruptionId, new("CORR", "Corruption", OffenceKind.Corruption, 7, null, true)),
        (ObstructionOfJusticeId, new("OBJ", "Obstruction of justice", OffenceKind.ObstructionOfJustice, 7, null, true)),
    ];

    /// <summary>The default catalogue as entities (for tests and the database seed).</summary>
    public static IReadOnlyList<Offence> Create() => All.Select(o => Offence.Create(o.Id, o.Details)).ToList();
}
