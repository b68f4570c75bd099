namespace TipCases.Domain.Charges;

/// <summary>The most a court may impose on a charge, and why.</summary>
public sealed record PenaltyCeiling(int Years, bool Aggravated, string Reason, string Basis)
{
    public int Months => Years * 12;
}

/// <summary>
/// The penalty ceiling of a charge: the catalogue's maximum for its offence, or the maximum when
/// aggravated if an aggravating circumstance is recorded and the catalogue gives one. The values
/// come from the catalogue entry; the guide's example is 12 years for trafficking, 20 when
/// aggravated and 25 for trafficking of a child.
/// </summary>
public static class PenaltyRules
{
    public const string Basis = "Offence catalogue; the guide's penalty framework (aggravating circumstances attract a higher penalty)";

    public static PenaltyCeiling Ceiling(Offence offence, IReadOnlyCollection<AggravatingCircumstance> circumstances)
    {
        var prefix = offence.Kind == OffenceKind.TraffickingOfChildren
            ? $"Trafficking of a child: the catalogue sets {offence.BaseMaximumYears} years for {offence.Label}"
            : $"The catalogue sets {offence.BaseMaximumYears} years for {offence.Label}";
        if (circumstances.Count == 0)
        {
            return new(offence.BaseMaximumYears, false, $"{prefix}; no aggravating circumstance is recorded.", Basis);
        }
        var list = string.Join("; ", circumstances.Distinct().Order().Select(c => c.DisplayName().ToLowerInvariant()));
        if (offence.AggravatedMaximumYears is { } aggravated && aggravated > offence.BaseMaximumYears)
        {
            return new(aggravated, true,
                $"Aggravated ({list}): the catalogue sets {aggravated} years for {offence.Label} when aggravated, instead of {offence.BaseMaximumYears}.",
                Basis);
        }
        return new(offence.BaseMaximumYears, false,
            $"{prefix}. It gives no higher maximum when aggravated, so the recorded circumstances ({list}) weigh in sentencing within it.",
            Basis);
    }
}
