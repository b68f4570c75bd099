using TipCases.Domain.Cases;

namespace TipCases.Domain.Hearings;

public enum HearingKind
{
    FirstAppearance = 1,
    BailOrCustody = 2,
    PreTrial = 3,
    Trial = 4,
    Sentencing = 5,
    Appeal = 6,
    Other = 7,
}

public enum HearingStatus
{
    Scheduled = 1,
    Held = 2,
    Adjourned = 3,
    Cancelled = 4,
}

public static class HearingEnumNames
{
    public static string DisplayName(this HearingKind kind) => kind switch
    {
        HearingKind.FirstAppearance => "First appearance",
        HearingKind.BailOrCustody => "Bail or custody",
        HearingKind.PreTrial => "Preliminary or pre-trial",
        HearingKind.Sentencing => "Sentencing",
        _ => kind.ToString(),
    };
}

/// <summary>What the team records about a hearing. <see cref="StartsAt"/> is an instant (stored in UTC);
/// the rules on days read it in the office's time zone.</summary>
/// <param name="WitnessIds">The victims expected to testify: victims linked to the case.</param>
public sealed record HearingDetails(
    DateTimeOffset StartsAt,
    string Court,
    HearingKind Kind,
    HearingStatus Status,
    string? Outcome,
    IReadOnlyCollection<Guid> WitnessIds)
{
    /// <summary>Everything wrong with these details, in words a user can act on.</summary>
    /// <param name="caseVictimIds">The victims linked to the hearing's case.</param>
    /// <param name="zone">The time zone of the office, in which a hearing's day and today are read.</param>
    public IReadOnlyList<string> Problems(IReadOnlyCollection<Guid> caseVictimIds, DateTimeOffset now, TimeZoneInfo zone)
    {
        var problems = new List<string>();
        var court = Court.Trim();
        if (court.Length == 0 || court.Length > Hearing.CourtMaxLength)
        {
            problems.Add($"Name the court in at most {Hearing.CourtMaxLength} characters.");
        }
        if (!Enum.IsDefined(Kind) || !Enum.IsDefined(Status))
        {
            problems.Add("Choose the kind of hearing and its status from the lists.");
        }
        var day = Hearing.DayOf(StartsAt, zone);
        var today = Hearing.DayOf(now, zone);
        if (day < today.AddYears(-Hearing.MaxYearsBack) || day > today.AddYears(Hearing.MaxYearsAhead))
        {
            problems.Add($"Enter a date within the last {Hearing.MaxYearsBack} years or the next {Hearing.MaxYearsAhead}.");
        }
        else if (Status == HearingStatus.Held && day > today)
        {
            problems.Add("A hearing cannot have been held on a day that has not come yet.");
        }
        else if (Status == HearingStatus.Scheduled && day < today)
        {
            problems.Add("The day of this hearing has passed: record whether it was held, adjourned or cancelled.");
        }
        if (Status is HearingStatus.Held or HearingStatus.Adjourned && string.IsNullOrWhiteSpace(Outcome))
        {
            problems.Add("Record the outcome: what the court decided, or why the hearing was adjourned and to when.");
        }
        if (Outcome is { Length: > Hearing.OutcomeMaxLength })
        {
            problems.Add($"The outcome is limited to {Hearing.OutcomeMaxLength} characters.");
        }
        if (WitnessIds.Any(id => !caseVictimIds.Contains(id)))
        {
            problems.Add("Choose the witnesses among the victims of this case.");
        }
        return problems;
    }
}

/// <summary>
/// A court event of a case: when and where, what kind, its status and outcome, and the victims
/// expected to testify. Its own aggregate, tied to the case by id, with its own row version:
/// hearings are added and updated one at a time, and the case's own record does not grow with them.
/// </summary>
public sealed class Hearing : IBelongsToCase
{
    public const int CourtMaxLength = 200;
    public const int OutcomeMaxLength = 2000;
    public const int MaxYearsBack = 10;
    public const int MaxYearsAhead = 5;

    private readonly List<HearingWitness> _witnesses = [];

    private Hearing() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>When the hearing starts (stored as timestamptz, shown in the office's time zone).</summary>
    public DateTimeOffset StartsAt { get; private set; }

    public string Court { get; private set; } = "";

    public HearingKind Kind { get; private set; }

    public HearingStatus Status { get; private set; }

    public string? Outcome { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public IReadOnlyCollection<HearingWitness> Witnesses => _witnesses.AsReadOnly();

    public static Hearing Record(Case @case, HearingDetails details, IReadOnlyCollection<Guid> caseVictimIds, Guid by, DateTimeOffset now,
        TimeZoneInfo zone)
    {
        EnsureOpen(@case);
        var hearing = new Hearing
        {
            Id = Guid.CreateVersion7(now),
            CaseId = @case.Id,
            CreatedAt = now,
            CreatedBy = by,
        };
        hearing.Apply(details, caseVictimIds, now, zone);
        return hearing;
    }

    public void Change(Case @case, HearingDetails details, IReadOnlyCollection<Guid> caseVictimIds, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (@case.Id != CaseId)
        {
            throw new DomainRuleViolation("This hearing belongs to another case.");
        }
        EnsureOpen(@case);
        Apply(details, caseVictimIds, now, zone);
    }

    /// <summary>The calendar day of an instant in the office's time zone.</summary>
    public static DateOnly DayOf(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>Still to come and not yet decided: only such a hearing needs its witnesses protected at trial.</summary>
    public bool IsScheduled => Status == HearingStatus.Scheduled;

    private void Apply(HearingDetails details, IReadOnlyCollection<Guid> caseVictimIds, DateTimeOffset now, TimeZoneInfo zone)
    {
        var problems = details.Problems(caseVictimIds, now, zone);
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        StartsAt = details.StartsAt.ToUniversalTime();
        Court = details.Court.Trim();
        Kind = details.Kind;
        Status = details.Status;
        Outcome = string.IsNullOrWhiteSpace(details.Outcome) ? null : details.Outcome.Trim();
        var wanted = details.WitnessIds.ToHashSet();
        _witnesses.RemoveAll(w => !wanted.Contains(w.VictimId));
        foreach (var victimId in wanted.Where(id => _witnesses.All(w => w.VictimId != id)).Order())
        {
            _witnesses.Add(new HearingWitness(Id, CaseId, victimId, now));
        }
    }

    private static void EnsureOpen(Case @case)
    {
        if (!@case.IsOpen)
        {
            throw new DomainRuleViolation($"This case is {@case.Stage.DisplayName().ToLowerInvariant()}: its hearings can no longer be changed.");
        }
    }
}

/// <summary>A victim expected to testify at a hearing. Carries the case id so that adding or removing
/// a witness shows in the case's history.</summary>
public sealed class HearingWitness : IBelongsToCase
{
    private HearingWitness() { }

    internal HearingWitness(Guid hearingId, Guid caseId, Guid victimId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        HearingId = hearingId;
        CaseId = caseId;
        VictimId = victimId;
    }

    public Guid Id { get; private set; }

    public Guid HearingId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid VictimId { get; private set; }
}
