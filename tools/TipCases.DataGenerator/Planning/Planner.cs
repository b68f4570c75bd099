using TipCases.Domain.Cases;
using TipCases.Domain.Staff;
using TipCases.Domain.Victims;

namespace TipCases.DataGenerator.Planning;

/// <summary>
/// Decides the shape of the synthetic data. Cases are opened over the past years (more of them
/// recently), numbered per office and year in the order they were opened, and walked through the
/// stages with plausible durations, so the stage a case is in follows from its age: most old cases
/// are closed or discontinued, recent ones are in intake or investigation. Teams follow the stage
/// rules (an investigator from the start, a lead prosecutor before pre-trial); victims are children
/// as often as the kind of case makes likely, and their child status comes from the domain's own
/// <see cref="ChildRule"/>.
/// </summary>
internal sealed class Planner(Random random, DateTimeOffset now, int years)
{
    private const long Day = 86_400;

    private readonly long _now = now.ToUnixTimeSeconds();

    public Plan Make(OfficeInfo[] offices, StaffMember[] staff, Dictionary<(Guid Office, string Kind, int Year), long> counters)
    {
        var total = offices.Sum(o => o.Cases);
        var cases = new CasePlan[total];
        var changeTimes = new long[total * Plan.MaxChanges];
        var start = 0;
        for (var o = 0; o < offices.Length; o++)
        {
            var roles = StaffByRole(staff, o);
            PlanCases(cases, changeTimes, start, offices[o], (byte)o, roles, counters);
            start += offices[o].Cases;
        }
        var (victims, secondLinks) = PlanVictims(cases, changeTimes, offices, counters);
        var plan = new Plan
        {
            Now = now,
            Offices = offices,
            Staff = staff,
            Cases = cases,
            ChangeTimes = changeTimes,
            Victims = victims,
            SecondLinks = secondLinks,
            Counters = counters,
        };
        plan.Threats = PlanThreats(plan);
        plan.Links = PlanLinks(plan);
        return plan;
    }

    private sealed record Roster(short[] Investigators, short[] Prosecutors, short[] Liaison, short[] Supervisors);

    private static Roster StaffByRole(StaffMember[] staff, int office)
    {
        short[] Of(StaffRole role) => staff.Select((s, i) => (s, i)).Where(x => x.s.Office == office && x.s.Role == role).Select(x => (short)x.i).ToArray();
        var roster = new Roster(Of(StaffRole.Investigator), Of(StaffRole.Prosecutor), Of(StaffRole.VictimLiaisonOfficer), Of(StaffRole.Supervisor));
        if (roster.Investigators.Length == 0 || roster.Prosecutors.Length == 0 || roster.Liaison.Length == 0 || roster.Supervisors.Length == 0)
        {
            throw new InvalidOperationException("Every office needs at least one investigator, prosecutor, liaison officer and supervisor.");
        }
        return roster;
    }

    private void PlanCases(CasePlan[] cases, long[] changeTimes, int start, OfficeInfo office, byte officeIndex, Roster roster,
        Dictionary<(Guid, string, int), long> counters)
    {
        // Opening moments over the span, denser towards today (caseloads grow), sorted so that
        // reference numbers within a year follow the opening dates.
        var span = years * 365L * Day;
        var first = _now - span;
        var openings = new long[office.Cases];
        for (var i = 0; i < openings.Length; i++)
        {
            var u = Math.Sqrt(random.NextDouble());
            var day = first + (long)(u * (span - Day));
            // Working hours: 08:00 to 18:00.
            openings[i] = (day / Day * Day) + (8 * 3600) + random.NextInt64(10 * 3600);
            if (openings[i] > _now - 3600)
            {
                openings[i] = _now - 3600 - random.NextInt64(3600);
            }
        }
        Array.Sort(openings);

        var themeTotal = Vocabulary.ThemeWeights.Sum();
        for (var n = 0; n < openings.Length; n++)
        {
            var i = start + n;
            ref var c = ref cases[i];
            c.OpenedAt = openings[n];
            c.Id = Ids.V7(c.OpenedAt, random);
            c.Office = officeIndex;
            var year = Plan.At(c.OpenedAt).Year;
            c.Year = (short)year;
            var key = (office.Id, "case", year);
            c.Number = (int)(counters[key] = counters.GetValueOrDefault(key) + 1);

            c.Theme = (byte)Pick(Vocabulary.ThemeWeights, themeTotal);
            var theme = Vocabulary.Themes[c.Theme];
            var titleFrom = Vocabulary.ThemeTitleStart[c.Theme];
            c.Title = (short)(titleFrom + random.Next(Vocabulary.ThemeTitleStart[c.Theme + 1] - titleFrom));
            c.Origin = theme.Origins[random.Next(theme.Origins.Length)];
            c.Scope = random.NextDouble() < 0.45 ? CaseScope.Transnational : CaseScope.Domestic;
            c.OrganizedCrime = random.NextDouble() < 0.3;
            c.TaskForce = random.NextDouble() < 0.1;
            c.Summary = (short)(random.NextDouble() < 0.4 ? random.Next(Vocabulary.Summaries.Length) : -1);

            var openedOn = Plan.Day(c.OpenedAt);
            if (random.NextDouble() < 0.85)
            {
                var from = openedOn.AddDays(-(30 + random.Next(870)));
                c.OffenceFrom = from;
                if (random.NextDouble() < 0.6)
                {
                    c.OffenceTo = from.AddDays(random.Next(openedOn.DayNumber - from.DayNumber + 1));
                }
            }
            else if (random.NextDouble() < 0.3)
            {
                c.OffenceTo = openedOn.AddDays(-random.Next(60));
            }

            WalkStages(ref c, changeTimes.AsSpan(i * Plan.MaxChanges, Plan.MaxChanges));

            // Victims: most cases have one or two, some kinds more.
            var count = Pick(VictimCounts, VictimCountTotal);
            if (count > 0 && random.NextDouble() < theme.ExtraVictims / 3)
            {
                count += 1 + random.Next(3);
            }
            c.VictimCount = (byte)count;

            // The team: an investigator from the start, a lead prosecutor before pre-trial (and on
            // many cases earlier), a liaison officer where there are victims to support.
            c.Investigator = Member(roster.Investigators);
            c.SecondInvestigator = random.NextDouble() < 0.2 ? Other(roster.Investigators, c.Investigator) : (short)-1;
            c.Prosecutor = Plan.Furthest(c) >= CaseStage.PreTrial || random.NextDouble() < 0.45 ? Member(roster.Prosecutors) : (short)-1;
            c.Liaison = count > 0 && random.NextDouble() < 0.92 ? Member(roster.Liaison) : (short)-1;
        }
    }

    private static readonly double[] VictimCounts = [20, 45, 20, 8, 4, 2, 1];
    private static readonly double VictimCountTotal = VictimCounts.Sum();

    // Days spent in a stage before the next move (minimum, spread) and the chance that the case is
    // discontinued instead of moving on.
    private static readonly (int Min, int Spread, double Discontinued)[] StageDurations =
    [
        (0, 0, 0),
        (1, 20, 0.03),     // intake
        (60, 540, 0.15),   // investigation
        (30, 270, 0.08),   // pre-trial
        (15, 385, 0.03),   // trial
        (30, 335, 0.0),    // post-trial
    ];

    private void WalkStages(ref CasePlan c, Span<long> times)
    {
        var at = c.OpenedAt;
        times[0] = at;
        c.Changes = 1;
        c.Stage = CaseStage.Intake;
        while (c.Stage < CaseStage.Closed)
        {
            var (min, spread, discontinued) = StageDurations[(int)c.Stage];
            // Squaring skews towards the short end with a long tail, as real durations are.
            var days = min + (int)(Math.Pow(random.NextDouble(), 2) * spread);
            var next = at + (days * Day) + random.NextInt64(Day / 3);
            if (next >= _now)
            {
                break;
            }
            at = next;
            times[c.Changes++] = at;
            if (random.NextDouble() < discontinued)
            {
                c.Stage = CaseStage.Discontinued;
                break;
            }
            c.Stage = (CaseStage)((int)c.Stage + 1);
        }
    }

    private (VictimPlan[] Victims, (int, int, long)[] SecondLinks) PlanVictims(CasePlan[] cases, long[] changeTimes, OfficeInfo[] offices,
        Dictionary<(Guid, string, int), long> counters)
    {
        var total = cases.Sum(c => (long)c.VictimCount);
        var victims = new VictimPlan[total];
        var secondLinks = new List<(int, int, long)>();
        var v = 0;
        var officeStart = new int[offices.Length];
        for (var o = 1; o < offices.Length; o++)
        {
            officeStart[o] = officeStart[o - 1] + offices[o - 1].Cases;
        }
        var periods = new List<OffencePeriod>(2);
        for (var i = 0; i < cases.Length; i++)
        {
            ref var c = ref cases[i];
            c.FirstVictim = v;
            var theme = Vocabulary.Themes[c.Theme];
            var lastChange = changeTimes[(i * Plan.MaxChanges) + c.Changes - 1];
            for (var k = 0; k < c.VictimCount; k++, v++)
            {
                ref var victim = ref victims[v];
                victim.Case = i;
                victim.SecondCase = -1;
                victim.Office = c.Office;
                victim.Liaison = c.Liaison;
                victim.Transnational = c.Scope == CaseScope.Transnational;
                // Recorded in the first days of the case, before it closed, never in the future.
                var recorded = c.OpenedAt + (k * 1800) + random.NextInt64(5 * Day);
                var latest = Math.Max(c.OpenedAt, Math.Min(_now - 60, c.IsOpen ? _now : lastChange));
                victim.RecordedAt = Math.Min(recorded, latest);
                victim.Id = Ids.V7(victim.RecordedAt, random);
                var year = Plan.At(victim.RecordedAt).Year;
                victim.Year = (short)year;
                var key = (offices[c.Office].Id, "victim", year);
                victim.Number = (int)(counters[key] = counters.GetValueOrDefault(key) + 1);
                victim.Migration = Migration(victim.Transnational);

                // Some victims turn up in a second, earlier case of the same office (the same network).
                var officeFirst = officeStart[c.Office];
                if (i > officeFirst && random.NextDouble() < 0.02)
                {
                    var other = Math.Max(officeFirst, i - 1 - random.Next(500));
                    if (other < i)
                    {
                        victim.SecondCase = other;
                        secondLinks.Add((v, other, Math.Min(victim.RecordedAt + Day + random.NextInt64(30 * Day), _now - 30)));
                    }
                }

                // The date of birth: a child at the time of the offence as often as the kind of case makes likely.
                periods.Clear();
                periods.Add(Period(c));
                if (victim.SecondCase >= 0)
                {
                    periods.Add(Period(cases[victim.SecondCase]));
                }
                if (random.NextDouble() < 0.06)
                {
                    victim.DateOfBirth = null;
                }
                else
                {
                    var age = random.NextDouble() < theme.ChildShare ? 10 + random.Next(8) : 18 + (int)(Math.Pow(random.NextDouble(), 2) * 40);
                    victim.DateOfBirth = periods[0].ReferenceDate.Date.AddYears(-age).AddDays(-random.Next(365));
                }
                victim.ChildStatus = ChildRule.Assess(victim.DateOfBirth, periods).Status;
            }
        }
        return (victims, secondLinks.ToArray());
    }

    private static OffencePeriod Period(in CasePlan c) => new("", c.OffenceFrom, c.OffenceTo, Plan.Day(c.OpenedAt));

    private MigrationStatus Migration(bool transnational)
    {
        var r = random.NextDouble();
        return transnational
            ? r switch
            {
                < 0.25 => MigrationStatus.Citizen,
                < 0.40 => MigrationStatus.RegularResident,
                < 0.75 => MigrationStatus.IrregularMigrant,
                < 0.85 => MigrationStatus.AsylumSeeker,
                < 0.90 => MigrationStatus.Refugee,
                < 0.92 => MigrationStatus.Stateless,
                _ => MigrationStatus.Unknown,
            }
            : r switch
            {
                < 0.75 => MigrationStatus.Citizen,
                < 0.90 => MigrationStatus.RegularResident,
                < 0.96 => MigrationStatus.IrregularMigrant,
                _ => MigrationStatus.Unknown,
            };
    }

    /// <summary>About three in a hundred victims of cases past intake report a threat; while the
    /// case is open it opens a safety review task for the liaison officer (or the lead prosecutor,
    /// or the investigator), due two days later, as <see cref="Victim.LogThreat"/> does.</summary>
    private ThreatPlan[] PlanThreats(Plan plan)
    {
        var threats = new List<ThreatPlan>();
        for (var v = 0; v < plan.Victims.Length; v++)
        {
            ref readonly var victim = ref plan.Victims[v];
            ref readonly var c = ref plan.Cases[victim.Case];
            if (Plan.Furthest(c) < CaseStage.Investigation || random.NextDouble() >= 0.03)
            {
                continue;
            }
            var lastChange = plan.ChangeAt(victim.Case, c.Changes - 1);
            var end = c.IsOpen ? _now - 600 : lastChange + (60 * Day);
            end = Math.Min(end, _now - 600);
            if (end <= victim.RecordedAt)
            {
                continue;
            }
            var at = victim.RecordedAt + random.NextInt64(end - victim.RecordedAt);
            var by = victim.Liaison >= 0 ? victim.Liaison : c.Prosecutor >= 0 ? c.Prosecutor : c.Investigator;
            var assignee = victim.Liaison >= 0 ? victim.Liaison : c.Prosecutor >= 0 ? c.Prosecutor : c.Investigator;
            var caseOpenThen = c.IsOpen || at < lastChange;
            var threat = new ThreatPlan
            {
                Id = Ids.V7(at, random),
                At = at,
                Victim = v,
                Case = victim.Case,
                By = by,
                Assignee = assignee,
                Kind = (byte)random.Next(Vocabulary.Threats.Length),
                ReportedToPolice = random.NextDouble() < 0.7,
            };
            if (caseOpenThen)
            {
                threat.TaskId = Ids.V7(at, random);
                // Most reviews are done within days; recent ones may still be open (or overdue).
                var doneAt = at + Day + random.NextInt64(6 * Day);
                threat.TaskDoneAt = doneAt < _now && (!c.IsOpen || random.NextDouble() < 0.85) ? Math.Min(doneAt, c.IsOpen ? _now : lastChange) : 0;
            }
            threats.Add(threat);
        }
        return [.. threats];
    }

    /// <summary>About one case in seventy is linked to an earlier case of its office (same network, a split-off).</summary>
    private LinkPlan[] PlanLinks(Plan plan)
    {
        var links = new List<LinkPlan>();
        var officeStart = 0;
        for (var o = 0; o < plan.Offices.Length; o++)
        {
            var officeEnd = officeStart + plan.Offices[o].Cases;
            for (var i = officeStart + 1; i < officeEnd; i++)
            {
                if (random.NextDouble() >= 0.015)
                {
                    continue;
                }
                ref readonly var c = ref plan.Cases[i];
                var other = Math.Max(officeStart, i - 1 - random.Next(300));
                var latest = c.IsOpen ? _now - 60 : plan.ChangeAt(i, c.Changes - 1);
                var at = Math.Min(c.OpenedAt + Day + random.NextInt64(30 * Day), latest);
                if (at <= c.OpenedAt)
                {
                    continue;
                }
                links.Add(new LinkPlan { Id = Ids.V7(at, random), At = at, From = i, To = other, By = c.Investigator });
            }
            officeStart = officeEnd;
        }
        return [.. links];
    }

    private int Pick(double[] weights, double total)
    {
        var r = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            r -= weights[i];
            if (r < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    /// <summary>A member of a role, the first ones a little busier than the rest (caseloads are never even).</summary>
    private short Member(short[] pool) => pool[(int)(Math.Pow(random.NextDouble(), 1.15) * pool.Length)];

    private short Other(short[] pool, short not)
    {
        if (pool.Length < 2)
        {
            return -1;
        }
        var pick = Member(pool);
        return pick == not ? pool[(Array.IndexOf(pool, pick) + 1) % pool.Length] : pick;
    }
}
