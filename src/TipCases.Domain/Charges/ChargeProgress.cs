namespace TipCases.Domain.Charges;

/// <summary>
/// Where a case's charges stand, as <see cref="Cases.CaseStageRules"/> needs it: a case goes to
/// trial only with a filed charge, and to post-trial only when every filed charge has a verdict or
/// was withdrawn. Charges are their own aggregate, so whoever moves a case passes this in.
/// </summary>
public sealed record ChargeProgress(IReadOnlyCollection<ChargeStatus> Statuses)
{
    /// <summary>A case without charges.</summary>
    public static ChargeProgress None { get; } = new([]);

    public static ChargeProgress Of(params ChargeStatus[] statuses) => new(statuses);

    public static ChargeProgress Of(IEnumerable<Charge> charges) => new(charges.Select(c => c.Status).ToList());

    /// <summary>At least one charge is (or was, before its verdict) before the court.</summary>
    public bool HasFiledCharge => Statuses.Any(s => s.HasBeenFiled());

    /// <summary>Filed or amended charges with neither a verdict nor a withdrawal.</summary>
    public int AwaitingOutcome => Statuses.Count(s => s.AwaitsOutcome());
}
