using TipCases.Domain.Cases;
using TipCases.Domain.Reference;
using TipCases.Domain.Jurisdiction;

namespace TipCases.Domain.Charges;

/// <summary>
/// What the team records about a defendant. Fields that do not belong to the kind of person are
/// ignored (a company has no date of birth, a natural person no registration number), so a form
/// that switches between the two never stores a leftover value.
/// </summary>
public sealed record DefendantDetails(
    DefendantKind Kind,
    string Name,
    string? Aliases,
    DateOnly? DateOfBirth,
    string? Nationality,
    bool IsStateless,
    string? HabitualResidence,
    CustodyStatus? Custody,
    LegalForm? LegalForm,
    string? RegistrationNumber,
    string? Country,
    bool IsPresentInTerritory,
    ExtraditionRefusal ExtraditionRefusal,
    string? ExtraditionRefusalNote)
{
    public IReadOnlyList<string> Problems(DateOnly today)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Kind))
        {
            return ["Choose whether the defendant is a natural or a legal person."];
        }
        var name = Name.Trim();
        if (name.Length == 0 || name.Length > Defendant.NameMaxLength)
        {
            problems.Add(Kind == DefendantKind.LegalPerson
                ? $"Give the legal person's name, in at most {Defendant.NameMaxLength} characters."
                : $"Give the defendant's name, in at most {Defendant.NameMaxLength} characters.");
        }
        if (Kind == DefendantKind.NaturalPerson)
        {
            if (Aliases is { Length: > Defendant.AliasesMaxLength })
            {
                problems.Add($"Aliases are limited to {Defendant.AliasesMaxLength} characters.");
            }
            if (DateOfBirth > today)
            {
                problems.Add("The date of birth cannot be in the future.");
            }
            if (DateOfBirth is { } born && born < today.AddYears(-120))
            {
                problems.Add("Check the date of birth: it is more than 120 years ago.");
            }
            if (IsStateless && !string.IsNullOrWhiteSpace(Nationality))
            {
                problems.Add("A stateless person has no nationality: clear the nationality or untick stateless.");
            }
            if (!string.IsNullOrWhiteSpace(Nationality) && !Countries.IsKnown(Nationality))
            {
                problems.Add("Choose the nationality from the list of states.");
            }
            if (!string.IsNullOrWhiteSpace(HabitualResidence) && !Countries.IsKnown(HabitualResidence))
            {
                problems.Add("Choose the state of habitual residence from the list.");
            }
            if (Custody is not { } custody || !Enum.IsDefined(custody))
            {
                problems.Add("Choose the defendant's custody status.");
            }
            if (!Enum.IsDefined(ExtraditionRefusal))
            {
                problems.Add("Choose whether extradition was refused, and why.");
            }
            if (ExtraditionRefusalNote is { Length: > Defendant.NoteMaxLength })
            {
                problems.Add($"The note on extradition is limited to {Defendant.NoteMaxLength} characters.");
            }
        }
        else
        {
            if (LegalForm is not { } form || !Enum.IsDefined(form))
            {
                problems.Add("Choose the legal form: company, charity, association or other.");
            }
            if (RegistrationNumber is { Length: > Defendant.RegistrationMaxLength })
            {
                problems.Add($"The registration number is limited to {Defendant.RegistrationMaxLength} characters.");
            }
            if (!string.IsNullOrWhiteSpace(Country) && !Countries.IsKnown(Country))
            {
                problems.Add("Choose the state of registration from the list.");
            }
        }
        return problems;
    }
}

/// <summary>
/// A person charged, or to be charged, on a case: a natural person or a legal person (Convention
/// Art. 10). The identity (names, aliases, date of birth, nationality, registration) is shown to
/// the case team only (<see cref="ChargeAccessRule"/>); presence in the territory and any refusal
/// to extradite are recorded for the jurisdiction analysis (Convention Art. 15(3), (4)).
/// </summary>
public sealed class Defendant : IBelongsToCase
{
    public const int NameMaxLength = 200;
    public const int AliasesMaxLength = 500;
    public const int RegistrationMaxLength = 100;
    public const int NoteMaxLength = 1000;

    private Defendant() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public DefendantKind Kind { get; private set; }

    public string Name { get; private set; } = "";

    public string? Aliases { get; private set; }

    public DateOnly? DateOfBirth { get; private set; }

    /// <summary>ISO 3166-1 alpha-2 code (<see cref="Countries"/>); null when unknown or stateless.</summary>
    public string? Nationality { get; private set; }

    public bool IsStateless { get; private set; }

    /// <summary>ISO 3166-1 alpha-2 code of the state where the defendant habitually resides.</summary>
    public string? HabitualResidence { get; private set; }

    /// <summary>Null for a legal person.</summary>
    public CustodyStatus? Custody { get; private set; }

    /// <summary>Null for a natural person.</summary>
    public LegalForm? LegalForm { get; private set; }

    public string? RegistrationNumber { get; private set; }

    /// <summary>ISO 3166-1 alpha-2 code of the state where a legal person is registered.</summary>
    public string? Country { get; private set; }

    /// <summary>Convention Art. 15(3), (4): whether the defendant is present in the territory.</summary>
    public bool IsPresentInTerritory { get; private set; }

    public ExtraditionRefusal ExtraditionRefusal { get; private set; } = ExtraditionRefusal.None;

    public string? ExtraditionRefusalNote { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public uint Version { get; private set; }

    public static Defendant Add(Guid id, Case @case, DefendantDetails details, Guid by, DateTimeOffset at, DateOnly today)
    {
        ChargeRules.EnsureCaseOpen(@case);
        var defendant = new Defendant { Id = id, CaseId = @case.Id, CreatedAt = at, CreatedBy = by };
        defendant.Apply(details, today);
        return defendant;
    }

    public void Update(Case @case, DefendantDetails details, DateOnly today)
    {
        ChargeRules.EnsureSameOpenCase(@case, CaseId);
        Apply(details, today);
    }

    private void Apply(DefendantDetails details, DateOnly today)
    {
        var problems = details.Problems(today);
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        var natural = details.Kind == DefendantKind.NaturalPerson;
        Kind = details.Kind;
        Name = details.Name.Trim();
        Aliases = natural ? Clean(details.Aliases) : null;
        DateOfBirth = natural ? details.DateOfBirth : null;
        IsStateless = natural && details.IsStateless;
        Nationality = natural && !details.IsStateless ? Code(details.Nationality) : null;
        HabitualResidence = natural ? Code(details.HabitualResidence) : null;
        Custody = natural ? details.Custody : null;
        LegalForm = natural ? null : details.LegalForm;
        RegistrationNumber = natural ? null : Clean(details.RegistrationNumber);
        Country = natural ? null : Code(details.Country);
        // Presence and extradition are about a person who can be handed over.
        IsPresentInTerritory = natural && details.IsPresentInTerritory;
        ExtraditionRefusal = natural ? details.ExtraditionRefusal : ExtraditionRefusal.None;
        ExtraditionRefusalNote = natural && details.ExtraditionRefusal != ExtraditionRefusal.None ? Clean(details.ExtraditionRefusalNote) : null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Code(string? value) => Clean(value)?.ToUpperInvariant();
}
