using TipCases.Domain.Cases;
using TipCases.Domain.Staff;
using TipCases.Domain.Victims;

namespace TipCases.DataGenerator.Planning;

/// <summary>An office the generator fills, and where its numbering starts.</summary>
internal sealed record OfficeInfo(Guid Id, string Code, string Name, int Cases);

/// <summary>A synthetic member of staff (an Identity user with one role).</summary>
internal sealed record StaffMember(Guid Id, int Office, StaffRole Role, string UserName, string DisplayName);

/// <summary>
/// Everything the table loads need to agree on, decided once before any row is written: which
/// cases exist, their stages and teams, which victims belong to which cases, which threats
/// opened tasks. Details that only one table holds (a task's title, a step's summary) are drawn
/// by that table's load. Compact structs in arrays: a million cases take about 100 MB.
/// </summary>
internal sealed class Plan
{
    /// <summary>At most this many stage changes per case: the opening and five moves
    /// (Intake to Closed), or the opening, up to four moves and a discontinuation.</summary>
    public const int MaxChanges = 6;

    public required DateTimeOffset Now { get; init; }

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public required OfficeInfo[] Offices { get; init; }

    public required StaffMember[] Staff { get; init; }

    public required CasePlan[] Cases { get; init; }

    /// <summary>Unix seconds of each case's stage changes, <see cref="MaxChanges"/> per case.</summary>
    public required long[] ChangeTimes { get; init; }

    public required VictimPlan[] Victims { get; init; }

    public ThreatPlan[] Threats { get; set; } = [];

    public LinkPlan[] Links { get; set; } = [];

    /// <summary>Victims linked to a second case: (victim index, case index, linked at).</summary>
    public required (int Victim, int Case, long At)[] SecondLinks { get; init; }

    /// <summary>The highest number handed out per office, kind ("case", "victim") and year.</summary>
    public required Dictionary<(Guid Office, string Kind, int Year), long> Counters { get; init; }

    public long ChangeAt(int caseIndex, int change) => ChangeTimes[(caseIndex * MaxChanges) + change];

    /// <summary>The stage a case entered with its n-th change (0: the opening, into intake).</summary>
    public static CaseStage StageOfChange(in CasePlan c, int change) =>
        c.Stage == CaseStage.Discontinued && change == c.Changes - 1 ? CaseStage.Discontinued : (CaseStage)(change + 1);

    /// <summary>When the case entered <paramref name="stage"/> (unix seconds), or null if it never did.</summary>
    public long? EnteredAt(int caseIndex, CaseStage stage)
    {
        ref readonly var c = ref Cases[caseIndex];
        for (var k = 0; k < c.Changes; k++)
        {
            if (StageOfChange(c, k) == stage)
            {
                return ChangeAt(caseIndex, k);
            }
        }
        return null;
    }

    /// <summary>The furthest stage of the prosecution's order the case reached (a discontinued case: where it stopped).</summary>
    public static CaseStage Furthest(in CasePlan c) => c.Stage == CaseStage.Discontinued ? (CaseStage)(c.Changes - 1) : c.Stage;

    public string Reference(in CasePlan c) => new CaseReference(Offices[c.Office].Code, c.Year, c.Number).ToString();

    public string Pseudonym(in VictimPlan v) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"V-{Offices[v.Office].Code}-{v.Year:D4}-{v.Number:D4}");

    public static DateTimeOffset At(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

    public static DateOnly Day(long unixSeconds) => DateOnly.FromDateTime(DateTime.UnixEpoch.AddSeconds(unixSeconds));

    public static long Seconds(DateOnly day, int hour, int minute) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero).ToUnixTimeSeconds();
}

internal struct CasePlan
{
    public Guid Id;
    public long OpenedAt;
    public DateOnly? OffenceFrom;
    public DateOnly? OffenceTo;
    public int Number;
    public int FirstVictim;
    public short Year;
    public short Title;
    public short Investigator;
    public short SecondInvestigator;
    public short Prosecutor;
    public short Liaison;
    public byte Office;
    public byte Theme;
    public CaseOrigin Origin;
    public CaseScope Scope;
    public CaseStage Stage;
    /// <summary>How many stage changes the case has (the opening included).</summary>
    public byte Changes;
    public byte VictimCount;
    public bool OrganizedCrime;
    public bool TaskForce;
    public short Summary;

    public readonly bool IsOpen => Stage is not (CaseStage.Closed or CaseStage.Discontinued);
}

internal struct VictimPlan
{
    public Guid Id;
    public long RecordedAt;
    public DateOnly? DateOfBirth;
    public int Case;
    public int SecondCase;
    public int Number;
    public short Year;
    public short Liaison;
    public byte Office;
    public ChildStatus ChildStatus;
    public MigrationStatus Migration;
    public bool Transnational;
}

internal struct ThreatPlan
{
    public Guid Id;
    public Guid TaskId;
    public long At;
    public long TaskDoneAt;
    public int Victim;
    public int Case;
    public short By;
    public short Assignee;
    public byte Kind;
    public bool ReportedToPolice;
}

internal struct LinkPlan
{
    public Guid Id;
    public long At;
    public int From;
    public int To;
    public short By;
}
