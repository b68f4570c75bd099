using TipCases.Domain.Charges;

namespace TipCases.Domain.Cases;

/// <summary>
/// Which stage a case may move to, and what it must have first. The one place these rules live:
/// later features add their preconditions to <see cref="Preconditions"/>, and every page and test
/// goes through <see cref="WhyNot"/>. Charges are not part of the case aggregate, so the caller
/// passes where they stand (<see cref="ChargeProgress"/>): there is no way to ask without them.
/// </summary>
public static class CaseStageRules
{
    /// <summary>The prosecution's order. A case moves one step forward at a time; it can be
    /// discontinued from any open stage, and a discontinued case reopened to where it was.</summary>
    private static readonly CaseStage[] Order =
        [CaseStage.Intake, CaseStage.Investigation, CaseStage.PreTrial, CaseStage.Trial, CaseStage.PostTrial, CaseStage.Closed];

    /// <summary>What a case must have before it enters a stage, each with the reason shown when it is missing.</summary>
    private static readonly (CaseStage Target, Func<Case, ChargeProgress, bool> IsMet, string Missing)[] Preconditions =
    [
        (CaseStage.Investigation, (c, _) => c.Team.Any(m => m.Role == TeamRole.Investigator),
            "Assign an investigator to the team before the investigation starts."),
        (CaseStage.PreTrial, (c, _) => c.Lead is not null,
            "Assign a lead prosecutor before the case moves to pre-trial."),
        (CaseStage.Trial, (c, _) => c.Lead is not null,
            "Assign a lead prosecutor before the case goes to trial."),
        (CaseStage.Trial, (_, charges) => charges.HasFiledCharge,
            "File a charge before the case goes to trial: a proposed charge is not yet before the court."),
        (CaseStage.PostTrial, (_, charges) => charges.AwaitingOutcome == 0,
            "Record a verdict or the withdrawal of every filed charge before the case moves to post-trial."),
    ];

    public static CaseStage? NextStage(CaseStage stage)
    {
        var index = Array.IndexOf(Order, stage);
        return index >= 0 && index < Order.Length - 1 ? Order[index + 1] : null;
    }

    /// <summary>The stages a user could choose from now (whether their preconditions are met or not).</summary>
    public static IReadOnlyList<CaseStage> Targets(Case @case)
    {
        if (@case.Stage == CaseStage.Discontinued)
        {
            return @case.StageBeforeDiscontinuation is { } previous ? [previous] : [];
        }
        if (@case.Stage == CaseStage.Closed)
        {
            return [];
        }
        return NextStage(@case.Stage) is { } next ? [next, CaseStage.Discontinued] : [CaseStage.Discontinued];
    }

    /// <summary>Why the case cannot move to <paramref name="target"/> now; empty when it can.</summary>
    public static IReadOnlyList<string> WhyNot(Case @case, CaseStage target, string? reason, ChargeProgress charges)
    {
        if (!Enum.IsDefined(target))
        {
            return ["Choose a stage from the list."];
        }
        if (target == @case.Stage)
        {
            return [$"The case is already in {target.DisplayName().ToLowerInvariant()}."];
        }
        if (!Targets(@case).Contains(target))
        {
            return [@case.Stage switch
            {
                CaseStage.Closed => "A closed case cannot change stage.",
                CaseStage.Discontinued => $"A discontinued case can only be reopened to {@case.StageBeforeDiscontinuation?.DisplayName().ToLowerInvariant()}, the stage it was in.",
                _ => $"From {@case.Stage.DisplayName().ToLowerInvariant()} a case moves to {NextStage(@case.Stage)?.DisplayName().ToLowerInvariant()} (or is discontinued); it cannot skip or go back.",
            }];
        }
        var refusals = new List<string>();
        var needsReason = target == CaseStage.Discontinued || @case.Stage == CaseStage.Discontinued;
        if (needsReason && string.IsNullOrWhiteSpace(reason))
        {
            refusals.Add(target == CaseStage.Discontinued
                ? "Give the reason the case is discontinued."
                : "Give the reason the case is reopened.");
        }
        if (reason is { Length: > StageChange.ReasonMaxLength })
        {
            refusals.Add($"The reason is limited to {StageChange.ReasonMaxLength} characters.");
        }
        refusals.AddRange(Preconditions.Where(p => p.Target == target && !p.IsMet(@case, charges)).Select(p => p.Missing));
        return refusals;
    }
}
