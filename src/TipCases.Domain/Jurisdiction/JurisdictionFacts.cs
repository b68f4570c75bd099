using System.Globalization;
using System.Text;
using TipCases.Domain.Reference;

namespace TipCases.Domain.Jurisdiction;

/// <summary>Where conduct took place: in a state's territory, or on board a vessel flying its flag
/// or an aircraft registered there (Convention Art. 15(1)(a) and (b)).</summary>
public enum ConductPlaceKind
{
    Territory = 1,
    VesselFlaggedIn = 2,
    AircraftRegisteredIn = 3,
}

/// <summary>Whether a state refused to extradite an offender, and why (Convention Art. 15(3) and (4)).</summary>
public enum ExtraditionRefusal
{
    None = 1,
    RefusedBecauseNational = 2,
    RefusedOtherReason = 3,
}

/// <summary>One place of conduct, as the analysis reads it.</summary>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code of the state (of the territory, the flag or the registry).</param>
/// <param name="Description">What happened there, if recorded (e.g. "recruitment").</param>
public sealed record ConductPlace(ConductPlaceKind Kind, string CountryCode, string? Description = null)
{
    /// <summary>"in Norway", "on board a vessel flying the flag of Panama", ..., with what happened there.</summary>
    public string Describe()
    {
        var state = Countries.NameOf(CountryCode);
        var where = Kind switch
        {
            ConductPlaceKind.VesselFlaggedIn => $"on board a vessel flying the flag of {state}",
            ConductPlaceKind.AircraftRegisteredIn => $"on board an aircraft registered in {state}",
            _ => $"in {state}",
        };
        return Description is null ? where : $"{where} ({Description})";
    }
}

/// <summary>The facts recorded on a case that the jurisdiction analysis reads.</summary>
/// <param name="ConductAbroadAimedAtTerritory">Whether conduct outside the state was aimed at committing a
/// serious crime in its territory (Art. 15(2)(c)), with <paramref name="AimNote"/> saying how.</param>
public sealed record CaseJurisdictionFacts(IReadOnlyList<ConductPlace> Places, bool ConductAbroadAimedAtTerritory, string? AimNote)
{
    public static CaseJurisdictionFacts None { get; } = new([], false, null);
}

/// <summary>What the analysis needs to know about one offender (a defendant on the case).</summary>
/// <param name="Label">How the explanation names the offender.</param>
/// <param name="NationalityCode">ISO alpha-2 code; ignored when <paramref name="IsStateless"/>.</param>
/// <param name="HabitualResidenceCode">ISO alpha-2 code of the state of habitual residence (Art. 15(2)(b), stateless persons).</param>
public sealed record OffenderFacts(
    string Label,
    string? NationalityCode,
    bool IsStateless,
    string? HabitualResidenceCode,
    bool IsPresentInTerritory,
    ExtraditionRefusal ExtraditionRefusal,
    string? ExtraditionNote = null)
{
    public bool IsNationalOf(string stateCode) =>
        !IsStateless && string.Equals(NationalityCode, stateCode, StringComparison.OrdinalIgnoreCase);
}

/// <summary>What the analysis needs to know about one victim: the pseudonym (never the identity) and
/// the nationality as a state code when the recorded nationality names a state.</summary>
/// <param name="RecordedNationality">The nationality as typed on the victim's profile, kept to explain
/// a value that is not a recognised state.</param>
public sealed record VictimFacts(string Pseudonym, string? NationalityCode, string? RecordedNationality = null)
{
    /// <summary>From the victim profile's free-text nationality, matched leniently (see <see cref="NationalityMatch"/>).</summary>
    public static VictimFacts FromRecorded(string pseudonym, string? nationality)
    {
        var recorded = string.IsNullOrWhiteSpace(nationality) ? null : nationality.Trim();
        return new VictimFacts(pseudonym, NationalityMatch.Resolve(recorded)?.Code, recorded);
    }

    /// <summary>A nationality was typed but it names no state on the ISO list.</summary>
    public bool IsUnrecognised => RecordedNationality is not null && NationalityCode is null;
}

/// <summary>
/// Reads a free-text nationality as a state: its ISO alpha-2 code or its name on the ISO list,
/// ignoring case, accents and extra spaces ("no", "NORWAY", "Turkiye" for "Türkiye"). Anything
/// else (a demonym such as "Norwegian", an abbreviation such as "UK") is not matched: guessing a
/// nationality could give or deny jurisdiction on a wrong fact.
/// </summary>
public static class NationalityMatch
{
    private static readonly Dictionary<string, Country> ByName =
        Countries.All.ToDictionary(c => Normalise(c.Name), StringComparer.Ordinal);

    public static Country? Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim();
        if (trimmed.Length == 2 && Countries.IsKnown(trimmed))
        {
            var code = trimmed.ToUpperInvariant();
            return Countries.All.First(c => c.Code == code);
        }
        return ByName.GetValueOrDefault(Normalise(trimmed));
    }

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(ch))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(char.ToUpperInvariant(ch));
        }
        return builder.ToString();
    }
}
