using TipCases.Domain.Cases;
using TipCases.Domain.Reference;

namespace TipCases.Domain.Jurisdiction;

/// <summary>
/// The facts about a case that decide jurisdiction (Convention Art. 15): where the conduct took
/// place, whether conduct abroad aimed at a serious crime in the territory, and notes. Kept beside
/// the <see cref="Case"/> (one per case, keyed by the case's id) rather than inside it: the team
/// edits these facts on their own page with their own row version, so editing them never conflicts
/// with someone editing the case's details, and the case aggregate every feature shares stays small.
/// The facts about offenders and victims live on their own records and are read by the analysis.
/// </summary>
public sealed class CaseJurisdiction : IBelongsToCase
{
    public const int AimNoteMaxLength = 1000;
    public const int NotesMaxLength = 4000;

    private readonly List<PlaceOfConduct> _places = [];

    private CaseJurisdiction() { }

    public Guid CaseId { get; private set; }

    public bool ConductAbroadAimedAtTerritory { get; private set; }

    /// <summary>What serious crime in the territory the conduct abroad aimed at, and the evidence of it.</summary>
    public string? AimNote { get; private set; }

    public string? Notes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public IReadOnlyCollection<PlaceOfConduct> Places => _places.AsReadOnly();

    /// <summary>Starts the facts of an open case (before the first of them is recorded, there are none).</summary>
    public static CaseJurisdiction Start(Case @case, DateTimeOffset at)
    {
        EnsureChangeable(@case);
        return new CaseJurisdiction { CaseId = @case.Id, CreatedAt = at };
    }

    public void UpdateFacts(Case @case, bool conductAbroadAimedAtTerritory, string? aimNote, string? notes)
    {
        EnsureChangeable(@case, this);
        var problems = new List<string>();
        if (conductAbroadAimedAtTerritory && string.IsNullOrWhiteSpace(aimNote))
        {
            problems.Add("Say which serious crime in the territory the conduct abroad aimed at, and what shows it.");
        }
        if (aimNote is { Length: > AimNoteMaxLength })
        {
            problems.Add($"The note on the conduct abroad is limited to {AimNoteMaxLength} characters.");
        }
        if (notes is { Length: > NotesMaxLength })
        {
            problems.Add($"Notes are limited to {NotesMaxLength} characters.");
        }
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        ConductAbroadAimedAtTerritory = conductAbroadAimedAtTerritory;
        AimNote = conductAbroadAimedAtTerritory ? aimNote!.Trim() : null;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
    }

    public PlaceOfConduct AddPlace(Case @case, ConductPlaceKind kind, string countryCode, string? description, DateTimeOffset at)
    {
        EnsureChangeable(@case, this);
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleViolation("Choose where the conduct took place: in a state's territory, on a vessel or on an aircraft.");
        }
        var code = countryCode.Trim().ToUpperInvariant();
        if (!Countries.IsKnown(code))
        {
            throw new DomainRuleViolation("Choose a state from the list.");
        }
        if (description is { Length: > PlaceOfConduct.DescriptionMaxLength })
        {
            throw new DomainRuleViolation($"Say what happened there in at most {PlaceOfConduct.DescriptionMaxLength} characters.");
        }
        if (_places.Any(p => p.Kind == kind && p.CountryCode == code))
        {
            throw new DomainRuleViolation($"This place is already recorded: {new ConductPlace(kind, code).Describe()}.");
        }
        var place = new PlaceOfConduct(CaseId, kind, code, string.IsNullOrWhiteSpace(description) ? null : description.Trim(), at);
        _places.Add(place);
        return place;
    }

    public void RemovePlace(Case @case, Guid placeId)
    {
        EnsureChangeable(@case, this);
        var place = _places.FirstOrDefault(p => p.Id == placeId) ?? throw new DomainRuleViolation("There is no such place of conduct on this case.");
        _places.Remove(place);
    }

    /// <summary>The facts as the analysis reads them, places in the order they were recorded.</summary>
    public CaseJurisdictionFacts ToFacts() => new(
        _places.OrderBy(p => p.AddedAt).ThenBy(p => p.Id).Select(p => p.ToConductPlace()).ToList(),
        ConductAbroadAimedAtTerritory, AimNote);

    private static void EnsureChangeable(Case @case, CaseJurisdiction? facts = null)
    {
        if (facts is not null && facts.CaseId != @case.Id)
        {
            throw new DomainRuleViolation("These jurisdiction facts belong to another case.");
        }
        if (!@case.IsOpen)
        {
            throw new DomainRuleViolation($"This case is {@case.Stage.DisplayName().ToLowerInvariant()}: its jurisdiction facts can no longer be changed.");
        }
    }
}

/// <summary>A place where conduct of the case took place.</summary>
public sealed class PlaceOfConduct : IBelongsToCase
{
    public const int DescriptionMaxLength = 200;

    private PlaceOfConduct() { }

    internal PlaceOfConduct(Guid caseId, ConductPlaceKind kind, string countryCode, string? description, DateTimeOffset addedAt)
    {
        Id = Guid.CreateVersion7(addedAt);
        CaseId = caseId;
        Kind = kind;
        CountryCode = countryCode;
        Description = description;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public ConductPlaceKind Kind { get; private set; }

    /// <summary>ISO 3166-1 alpha-2: the state of the territory, the flag or the aircraft's registry.</summary>
    public string CountryCode { get; private set; } = "";

    /// <summary>What happened there (e.g. "recruitment through online adverts").</summary>
    public string? Description { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public ConductPlace ToConductPlace() => new(Kind, CountryCode, Description);
}
