using TipCases.Domain.Cases;
using TipCases.Domain.Charges;

namespace TipCases.Web.Data.Seeding;

/// <summary>
/// Demo defendants and charges for Development only, called by <see cref="DemoData.SeedAsync"/>
/// after the victims.
/// </summary>
internal static class DemoCharges
{
    /// <summary>
    /// Where the demo charges of a case stand once it has reached <paramref name="stage"/>: from
    /// trial on it has a filed charge, and from post-trial on every filed charge has its verdict.
    /// <see cref="DemoCases"/> moves the cases with this, and <see cref="SeedAsync"/> then records
    /// exactly such charges (the demo data tests check that they agree).
    /// </summary>
    public static ChargeProgress ProgressAt(CaseStage stage) => stage switch
    {
        CaseStage.Trial => ChargeProgress.Of(ChargeStatus.Filed),
        CaseStage.PostTrial or CaseStage.Closed => ChargeProgress.Of(ChargeStatus.Convicted),
        _ => ChargeProgress.None,
    };
}
