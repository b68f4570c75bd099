using FluentValidation;
using TipCases.Domain.Hearings;
using TipCases.Web.Infrastructure;

namespace TipCases.Web.Pages.Hearings;

/// <summary>The fields of the add and edit hearing forms. Date and time are read as the offices'
/// local time (<see cref="OfficeTime"/>).</summary>
public sealed record HearingInput
{
    public DateOnly? Date { get; init; }

    public TimeOnly? Time { get; init; }

    public string? Court { get; init; }

    public HearingKind? Kind { get; init; }

    public HearingStatus? Status { get; init; }

    public string? Outcome { get; init; }

    public IReadOnlyList<Guid>? WitnessIds { get; init; }

    public static HearingInput From(Hearing hearing, OfficeTime time)
    {
        var local = time.Local(hearing.StartsAt);
        return new HearingInput
        {
            Date = DateOnly.FromDateTime(local),
            Time = TimeOnly.FromDateTime(local),
            Court = hearing.Court,
            Kind = hearing.Kind,
            Status = hearing.Status,
            Outcome = hearing.Outcome,
            WitnessIds = hearing.Witnesses.Select(w => w.VictimId).ToList(),
        };
    }

    /// <summary>After validation: the details for the domain.</summary>
    public HearingDetails ToDetails(OfficeTime time) =>
        new(time.Instant(Date!.Value, Time!.Value)!.Value, Court!, Kind!.Value, Status!.Value, Outcome, WitnessIds ?? []);
}

/// <summary>
/// The rules of <see cref="HearingDetails.Problems"/>, each next to its field. The victims of the
/// case come with the validation context (<see cref="WitnessChoicesKey"/>).
/// </summary>
public sealed class HearingInputValidator : AbstractValidator<HearingInput>
{
    public const string WitnessChoicesKey = "HearingWitnessChoices";

    public HearingInputValidator(OfficeTime time)
    {
        bool InRange(DateOnly? d) => d >= time.Today.AddYears(-Hearing.MaxYearsBack) && d <= time.Today.AddYears(Hearing.MaxYearsAhead);
        RuleFor(i => i.Date).NotNull().WithMessage("Enter the date of the hearing.")
            .Must(d => InRange(d))
            .WithMessage($"Enter a date within the last {Hearing.MaxYearsBack} years or the next {Hearing.MaxYearsAhead}.");
        RuleFor(i => i.Time).NotNull().WithMessage("Enter the time the hearing starts.")
            .Must((i, t) => !InRange(i.Date) || time.Instant(i.Date!.Value, t!.Value) is not null)
            .WithMessage($"This time does not exist on that day in the offices' time zone ({time.ZoneId}): the clocks go forward. Enter the time as the court gives it.");
        RuleFor(i => i.Court).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("Name the court.")
            .MaximumLength(Hearing.CourtMaxLength).WithMessage($"Use at most {Hearing.CourtMaxLength} characters.");
        RuleFor(i => i.Kind).NotNull().WithMessage("Choose the kind of hearing.")
            .IsInEnum().WithMessage("Choose the kind of hearing.");
        RuleFor(i => i.Status).NotNull().WithMessage("Choose the status of the hearing.")
            .IsInEnum().WithMessage("Choose the status of the hearing.")
            .Must((i, s) => !(s == HearingStatus.Held && i.Date > time.Today))
            .WithMessage("A hearing cannot have been held on a day that has not come yet.")
            .Must((i, s) => !(s == HearingStatus.Scheduled && i.Date < time.Today))
            .WithMessage("The day of this hearing has passed: record whether it was held, adjourned or cancelled.");
        RuleFor(i => i.Outcome)
            .Must((i, o) => !string.IsNullOrWhiteSpace(o) || i.Status is not (HearingStatus.Held or HearingStatus.Adjourned))
            .WithMessage("Record the outcome: what the court decided, or why the hearing was adjourned and to when.")
            .MaximumLength(Hearing.OutcomeMaxLength).WithMessage($"Use at most {Hearing.OutcomeMaxLength} characters.");
        RuleFor(i => i.WitnessIds)
            .Must((_, ids, context) => ids is null || (context.RootContextData.TryGetValue(WitnessChoicesKey, out var choices)
                && choices is IReadOnlySet<Guid> victims && ids.All(victims.Contains)))
            .WithMessage("Choose the witnesses among the victims of this case.");
    }
}
