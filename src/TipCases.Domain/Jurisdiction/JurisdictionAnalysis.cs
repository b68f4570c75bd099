using TipCases.Domain.Reference;

namespace TipCases.Domain.Jurisdiction;

/// <summary>The bases of jurisdiction of Convention Art. 15, in the order of DOMAIN.md's table.</summary>
public enum JurisdictionBasisKind
{
    Territorial = 1,
    NationalNotExtradited = 2,
    PresentNotExtradited = 3,
    PassivePersonality = 4,
    ActivePersonality = 5,
    ConductAbroadAimedAtTerritory = 6,
}

/// <summary>Whether the Convention obliges a state to establish the basis ("shall") or allows it ("may").</summary>
public enum JurisdictionObligation
{
    Mandatory = 1,
    Optional = 2,
}

public sealed record JurisdictionBasis(JurisdictionBasisKind Kind, string Article, string Name, JurisdictionObligation Obligation);

/// <summary>One basis and whether the recorded facts establish it, with the facts it rests on or what is missing.</summary>
public sealed record JurisdictionFinding(JurisdictionBasis Basis, bool Applies, string Explanation)
{
    public JurisdictionBasisKind Kind => Basis.Kind;

    public string Article => Basis.Article;

    public JurisdictionObligation Obligation => Basis.Obligation;
}

public sealed record JurisdictionResult(Country State, IReadOnlyList<JurisdictionFinding> Findings)
{
    public IReadOnlyList<JurisdictionFinding> Applying => Findings.Where(f => f.Applies).ToList();

    public IReadOnlyList<JurisdictionFinding> NotApplying => Findings.Where(f => !f.Applies).ToList();

    /// <summary>A basis the Convention makes mandatory applies: the state must be able to prosecute.</summary>
    public bool MandatoryBasisApplies => Findings.Any(f => f.Applies && f.Obligation == JurisdictionObligation.Mandatory);
}

/// <summary>
/// Which bases of jurisdiction under Convention Art. 15 the facts recorded on a case give the state
/// whose prosecutors use TipCases, marked mandatory or optional as the guide does (DOMAIN.md,
/// "Jurisdiction"). Every finding says which facts it rests on, or what is missing.
/// </summary>
public static class JurisdictionAnalysis
{
    /// <summary>DOMAIN.md's table, in its order.</summary>
    public static IReadOnlyList<JurisdictionBasis> Bases { get; } =
    [
        new(JurisdictionBasisKind.Territorial, "15(1)", "Territorial, including flag vessels and registered aircraft", JurisdictionObligation.Mandatory),
        new(JurisdictionBasisKind.NationalNotExtradited, "15(3)", "Offender is a national, present, and extradition refused because of nationality", JurisdictionObligation.Mandatory),
        new(JurisdictionBasisKind.PresentNotExtradited, "15(4)", "Offender present and extradition refused for another reason", JurisdictionObligation.Optional),
        new(JurisdictionBasisKind.PassivePersonality, "15(2)(a)", "Offence against a national (passive personality)", JurisdictionObligation.Optional),
        new(JurisdictionBasisKind.ActivePersonality, "15(2)(b)", "Offence by a national or a stateless habitual resident (active personality)", JurisdictionObligation.Optional),
        new(JurisdictionBasisKind.ConductAbroadAimedAtTerritory, "15(2)(c)", "Conduct abroad with a view to a serious crime in the territory", JurisdictionObligation.Optional),
    ];

    public static JurisdictionBasis Basis(JurisdictionBasisKind kind) => Bases.First(b => b.Kind == kind);

    /// <param name="stateCode">ISO alpha-2 code of the state whose jurisdiction is analysed.</param>
    public static JurisdictionResult For(string stateCode, CaseJurisdictionFacts caseFacts, IReadOnlyCollection<OffenderFacts> offenders,
        IReadOnlyCollection<VictimFacts> victims)
    {
        if (!Countries.IsKnown(stateCode))
        {
            throw new ArgumentException($"'{stateCode}' is not an ISO 3166-1 alpha-2 code.", nameof(stateCode));
        }
        var state = Countries.All.First(c => string.Equals(c.Code, stateCode, StringComparison.OrdinalIgnoreCase));
        var context = new Context(state, caseFacts, offenders, victims);
        return new JurisdictionResult(state,
        [
            Territorial(context),
            NationalNotExtradited(context),
            PresentNotExtradited(context),
            PassivePersonality(context),
            ActivePersonality(context),
            ConductAbroad(context),
        ]);
    }

    private sealed record Context(Country State, CaseJurisdictionFacts Facts, IReadOnlyCollection<OffenderFacts> Offenders,
        IReadOnlyCollection<VictimFacts> Victims)
    {
        public string S => State.Name;

        public bool IsDomestic(ConductPlace place) => string.Equals(place.CountryCode, State.Code, StringComparison.OrdinalIgnoreCase);

        public List<ConductPlace> Domestic => Facts.Places.Where(IsDomestic).ToList();

        public List<ConductPlace> Foreign => Facts.Places.Where(p => !IsDomestic(p)).ToList();
    }

    private static JurisdictionFinding Territorial(Context c)
    {
        var basis = Basis(JurisdictionBasisKind.Territorial);
        if (c.Domestic.Count > 0)
        {
            return new(basis, true, $"Conduct took place {Words(c.Domestic.Select(p => p.Describe()))}.");
        }
        return new(basis, false, c.Facts.Places.Count == 0
            ? "No place of conduct is recorded: record where the conduct took place."
            : $"No conduct is recorded in {c.S}, on board a vessel flying its flag or an aircraft registered there: " +
              $"the conduct recorded took place {Words(c.Foreign.Select(p => p.Describe()))}.");
    }

    private static JurisdictionFinding NationalNotExtradited(Context c)
    {
        var basis = Basis(JurisdictionBasisKind.NationalNotExtradited);
        var qualifying = c.Offenders.Where(o => o.IsNationalOf(c.State.Code) && o.IsPresentInTerritory
            && o.ExtraditionRefusal == ExtraditionRefusal.RefusedBecauseNational).ToList();
        if (qualifying.Count > 0)
        {
            return new(basis, true, Sentences(qualifying.Select(o =>
                $"{o.Label} is a national of {c.S}, is present in its territory, and extradition was refused because of that nationality{Note(o)}.")));
        }
        if (c.Offenders.Count == 0)
        {
            return new(basis, false, NoOffenders);
        }
        var nearMisses = c.Offenders.Where(o => o.ExtraditionRefusal == ExtraditionRefusal.RefusedBecauseNational)
            .Select(o => o.IsNationalOf(c.State.Code)
                ? $"Extradition of {o.Label} was refused because of nationality, but {o.Label} is not recorded as present in {c.S}."
                : $"Extradition of {o.Label} was refused because of nationality, but {o.Label} is not recorded as a national of {c.S}.")
            .ToList();
        return new(basis, false, nearMisses.Count > 0
            ? Sentences(nearMisses)
            : $"No offender who is a national of {c.S} and present in its territory has had extradition refused because of that nationality.");
    }

    private static JurisdictionFinding PresentNotExtradited(Context c)
    {
        var basis = Basis(JurisdictionBasisKind.PresentNotExtradited);
        var qualifying = c.Offenders.Where(o => o.IsPresentInTerritory && o.ExtraditionRefusal == ExtraditionRefusal.RefusedOtherReason).ToList();
        if (qualifying.Count > 0)
        {
            return new(basis, true, Sentences(qualifying.Select(o =>
                $"{o.Label} is present in the territory of {c.S} and extradition was refused for a reason other than nationality{Note(o)}.")));
        }
        if (c.Offenders.Count == 0)
        {
            return new(basis, false, NoOffenders);
        }
        var nearMisses = c.Offenders.Where(o => o.ExtraditionRefusal == ExtraditionRefusal.RefusedOtherReason)
            .Select(o => $"Extradition of {o.Label} was refused, but {o.Label} is not recorded as present in {c.S}.")
            .ToList();
        return new(basis, false, nearMisses.Count > 0
            ? Sentences(nearMisses)
            : $"No offender present in {c.S} has had extradition refused for a reason other than nationality.");
    }

    private static JurisdictionFinding PassivePersonality(Context c)
    {
        var basis = Basis(JurisdictionBasisKind.PassivePersonality);
        var nationals = c.Victims.Where(v => string.Equals(v.NationalityCode, c.State.Code, StringComparison.OrdinalIgnoreCase))
            .Select(v => v.Pseudonym).ToList();
        var caveats = new List<string>();
        foreach (var v in c.Victims.Where(v => v.IsUnrecognised))
        {
            caveats.Add($"The nationality recorded for {v.Pseudonym} (\"{v.RecordedNationality}\") is not a recognised state: record the state's name or its ISO code.");
        }
        var unknown = c.Victims.Where(v => v.RecordedNationality is null && v.NationalityCode is null).Select(v => v.Pseudonym).ToList();
        if (unknown.Count > 0)
        {
            caveats.Add($"No nationality is recorded for {Words(unknown)}.");
        }
        if (nationals.Count > 0)
        {
            var who = nationals.Count == 1 ? $"{nationals[0]}, a national of {c.S}" : $"{Words(nationals)}, nationals of {c.S}";
            return new(basis, true, Sentences([$"The offence was committed against {who}.", .. caveats]));
        }
        return new(basis, false, c.Victims.Count == 0
            ? "No victim is recorded on the case."
            : Sentences([$"No victim is recorded as a national of {c.S}.", .. caveats]));
    }

    private static JurisdictionFinding ActivePersonality(Context c)
    {
        var basis = Basis(JurisdictionBasisKind.ActivePersonality);
        var reasons = new List<string>();
        foreach (var o in c.Offenders)
        {
            if (o.IsNationalOf(c.State.Code))
            {
                reasons.Add($"{o.Label} is a national of {c.S}.");
            }
            else if (o.IsStateless && string.Equals(o.HabitualResidenceCode, c.State.Code, StringComparison.OrdinalIgnoreCase))
            {
                reasons.Add($"{o.Label} is stateless and habitually resident in {c.S}.");
            }
        }
        if (reasons.Count > 0)
        {
            return new(basis, true, Sentences(reasons));
        }
        if (c.Offenders.Count == 0)
        {
            return new(basis, false, NoOffenders);
        }
        var nearMisses = c.Offenders.Where(o => o.IsStateless)
            .Select(o => o.HabitualResidenceCode is { } residence
                ? $"{o.Label} is stateless but habitually resident in {Countries.NameOf(residence)}."
                : $"{o.Label} is stateless; no habitual residence is recorded.")
            .ToList();
        return new(basis, false, Sentences([$"No offender is a national of {c.S} or a stateless person habitually resident there.", .. nearMisses]));
    }

    private static JurisdictionFinding ConductAbroad(Context c)
    {
        var basis = Basis(JurisdictionBasisKind.ConductAbroadAimedAtTerritory);
        var foreign = c.Foreign;
        var abroad = foreign.Count > 0 ? $"Conduct took place outside {c.S}, {Words(foreign.Select(p => p.Describe()))}," : null;
        if (c.Facts.ConductAbroadAimedAtTerritory && abroad is not null)
        {
            var aim = string.IsNullOrWhiteSpace(c.Facts.AimNote) ? "." : $": {c.Facts.AimNote.Trim().TrimEnd('.')}.";
            return new(basis, true, $"{abroad} with a view to a serious crime in its territory{aim}");
        }
        if (c.Facts.ConductAbroadAimedAtTerritory)
        {
            return new(basis, false, $"Conduct abroad is recorded as aimed at a serious crime in {c.S}, but no place of conduct outside {c.S} is recorded.");
        }
        return new(basis, false, abroad is not null
            ? $"{abroad} but it is not recorded that it aimed at a serious crime in {c.S}."
            : $"No conduct outside {c.S} aimed at a serious crime in its territory is recorded.");
    }

    private const string NoOffenders = "No offender is recorded on the case.";

    private static string Note(OffenderFacts o) => string.IsNullOrWhiteSpace(o.ExtraditionNote) ? "" : $" ({o.ExtraditionNote.Trim()})";

    private static string Sentences(IEnumerable<string> sentences) => string.Join(" ", sentences);

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string Words(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }
}
