namespace TipCases.Domain.Victims;

/// <summary>When a case's offence happened, as far as it is known.</summary>
public sealed record OffencePeriod(string CaseReference, DateOnly? From, DateOnly? To, DateOnly CaseOpenedOn)
{
    /// <summary>The first day known to fall within the exploitation: its start, else its end,
    /// else (with a warning) the day the case was opened.</summary>
    public (DateOnly Date, bool Estimated) ReferenceDate => (From ?? To) is { } known ? (known, false) : (CaseOpenedOn, true);
}

public sealed record ChildAssessment(ChildStatus Status, string Reason, int? AgeAtOffence);

/// <summary>
/// A child is a person under 18 (Protocol Art. 3(d)). Whether the victim was a child is computed
/// from the date of birth and the offence dates, never typed: a victim who was under 18 on the
/// first known day of the exploitation in any linked case is a child victim, for whom the means
/// element is not required (Art. 3(c)).
/// </summary>
public static class ChildRule
{
    public const int AgeOfMajority = 18;

    /// <param name="exactAge">False for a reader who may not see the victim's identity: the reason
    /// then says "under 18" or "18 or older", as an exact age on a date all but gives the date of birth.</param>
    public static ChildAssessment Assess(DateOnly? dateOfBirth, IReadOnlyCollection<OffencePeriod> periods, bool exactAge = true)
    {
        if (dateOfBirth is not { } born)
        {
            return new(ChildStatus.Unknown, "Date of birth not recorded: record it, or age evidence, to know whether the victim was a child.", null);
        }
        if (periods.Count == 0)
        {
            return new(ChildStatus.Unknown, "Not linked to a case yet: the offence date decides.", null);
        }
        var youngest = periods
            .Select(p => (Period: p, Age: AgeOn(born, p.ReferenceDate.Date)))
            .OrderBy(x => x.Age)
            .First();
        var (date, estimated) = youngest.Period.ReferenceDate;
        var when = estimated
            ? $"on {date:yyyy-MM-dd}, when {youngest.Period.CaseReference} was opened (its offence dates are not recorded)"
            : $"on {date:yyyy-MM-dd}, the first known day of the offence in {youngest.Period.CaseReference}";
        var child = youngest.Age < AgeOfMajority;
        var aged = exactAge ? $"Aged {youngest.Age}" : child ? "Under 18" : "18 or older";
        return child
            ? new(ChildStatus.Child, $"{aged} {when}: a child victim (under 18).", youngest.Age)
            : new(ChildStatus.Adult, $"{aged} {when}.", youngest.Age);
    }

    /// <summary>Completed years on a date (someone born on 29 February has their birthday on 28 February in common years).</summary>
    public static int AgeOn(DateOnly born, DateOnly on)
    {
        var age = on.Year - born.Year;
        if (on < born.AddYears(age))
        {
            age--;
        }
        return age;
    }
}
