using System.Linq.Expressions;
using TipCases.Domain.Victims;

namespace TipCases.Domain.Hearings;

/// <summary>
/// A victim expected to testify at a hearing to come needs at least one trial-stage protection
/// measure (testimonial aids, identity protection, accompaniment, physical safety, ...: the Trial
/// stage of <see cref="ProtectionCatalogue"/>) planned or in place; otherwise the hearing carries a
/// warning (DOMAIN.md, "Victims and protection" and "Dashboards"). Held, adjourned and cancelled
/// hearings carry none: nobody will testify at them any more.
/// <see cref="CoversTrial"/> is the rule as a query filter, so lists compute warnings in the database
/// with exactly the rule <see cref="HasTrialProtection"/> applies in memory.
/// </summary>
public static class WitnessProtectionRule
{
    public const string Warning = "No trial-stage protection measure is planned or in place for this witness.";

    public static Expression<Func<ProtectionMeasure, bool>> CoversTrial { get; } =
        m => m.Stage == ProtectionStage.Trial && m.Status != MeasureStatus.Ended;

    private static readonly Func<ProtectionMeasure, bool> Covers = CoversTrial.Compile();

    public static bool HasTrialProtection(IEnumerable<ProtectionMeasure> measures) => measures.Any(Covers);

    /// <summary>Whether a witness of a hearing in this status, with these measures, is warned about.</summary>
    public static bool Warns(HearingStatus status, IEnumerable<ProtectionMeasure> measures) =>
        status == HearingStatus.Scheduled && !HasTrialProtection(measures);

    /// <summary>The same, from whether the witness has trial protection (as a list query computes it).</summary>
    public static bool Warns(HearingStatus status, bool hasTrialProtection) => status == HearingStatus.Scheduled && !hasTrialProtection;
}
