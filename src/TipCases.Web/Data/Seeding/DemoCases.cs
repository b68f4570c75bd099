using TipCases.Domain.Cases;
using TipCases.Domain.Offices;
using TipCases.Web.Security;

namespace TipCases.Web.Data.Seeding;

/// <summary>
/// Demo cases for Development only, called by <see cref="DemoData.SeedAsync"/> after the accounts.
/// Every case is built through the domain's own methods (open, team, stages, tasks), so the demo
/// never holds a state the rules would refuse. An office that already has cases is left alone.
/// Dates are relative to the day of seeding: cases opened over the past two years, stage changes
/// after opening, and tasks that are done, overdue or coming up.
/// </summary>
internal static class DemoCases
{
    public static async Task SeedAsync(TipCasesDbContext db, CaseReferences references, TimeProvider clock,
        IReadOnlyDictionary<string, Office> offices, CancellationToken ct)
    {
        foreach (var (officeCode, specs) in new[] { (DemoData.CentralOffice.Code, Central), (DemoData.NorthernOffice.Code, Northern) })
        {
            var office = offices[officeCode];
            if (await db.Cases.AnyAsync(c => c.OfficeId == office.Id, ct))
            {
                continue;
            }
            var staff = await StaffAsync(db, officeCode, ct);
            var catalogue = await DemoCharges.CatalogueAsync(db, ct);
            var now = clock.GetUtcNow();
            // Reference numbers and cases are committed together: a failed run leaves neither.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Oldest first, so reference numbers within a year follow the opening dates.
            var ordered = specs.Select((spec, index) => (spec, index)).OrderByDescending(x => x.spec.OpenedDaysAgo).ToList();
            foreach (var (spec, index) in ordered)
            {
                var openedAt = At(now, spec.OpenedDaysAgo).AddMinutes(index * 7);
                var reference = await references.NextAsync(office.Id, office.Code, openedAt.Year, ct);
                var (@case, charges) = Build(spec, index, reference, office.Id, staff, catalogue, openedAt, now);
                db.Cases.Add(@case);
                charges.AddTo(db);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    private static (Case Case, DemoCharges.Trail Charges) Build(Spec spec, int index, CaseReference reference, Guid officeId, Staff staff,
        IReadOnlyList<TipCases.Domain.Charges.Offence> catalogue, DateTimeOffset openedAt, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var openedOn = DateOnly.FromDateTime(openedAt.UtcDateTime);
        var details = new CaseDetails(spec.Title, spec.Summary, spec.Origin, spec.Scope, spec.OrganizedCrime, spec.TaskForce, openedOn,
            openedOn.AddDays(-spec.OffenceBeganDaysBefore),
            spec.OffenceEndedDaysBefore is { } ended ? openedOn.AddDays(-ended) : null);

        var team = new List<(Guid UserId, TeamRole Role)>();
        foreach (var (part, role) in new[] { (Crew.Investigator, TeamRole.Investigator), (Crew.Prosecutor, TeamRole.Prosecutor), (Crew.Liaison, TeamRole.VictimLiaisonOfficer) })
        {
            if (spec.Crew.HasFlag(part) && staff.For(role) is { } userId)
            {
                team.Add((userId, role));
            }
        }
        // Investigators and prosecutors open cases (liaison officers do not); the team lists the investigator first.
        var opener = team.Where(m => m.Role != TeamRole.VictimLiaisonOfficer).Select(m => (Guid?)m.UserId).FirstOrDefault() ?? staff.Supervisor;

        var @case = Case.Open(Guid.CreateVersion7(openedAt), reference, officeId, details, opener, openedAt, today);
        foreach (var (userId, role) in team)
        {
            @case.AddMember(userId, role, openedAt);
        }

        // The lead prosecutor moves the case; without a prosecutor on the team, the supervisor does.
        var mover = @case.Lead?.UserId ?? staff.Supervisor;
        var lastOpenStage = spec.Stage switch
        {
            CaseStage.Discontinued => spec.DiscontinuedFrom ?? CaseStage.Intake,
            CaseStage.Closed => CaseStage.PostTrial,
            _ => spec.Stage,
        };
        var path = new List<CaseStage>();
        for (var stage = CaseStage.Intake; stage != lastOpenStage && CaseStageRules.NextStage(stage) is { } next; stage = next)
        {
            path.Add(next);
        }
        var terminal = spec.Stage is CaseStage.Closed or CaseStage.Discontinued;
        var moves = path.Count + (terminal ? 1 : 0);
        var span = now - openedAt;
        DateTimeOffset MoveAt(int i) => openedAt + (span * ((i + 1.0) / (moves + 1)));
        // The charges a case needs on its way to trial and beyond are recorded before each move.
        var charges = new DemoCharges.Trail(@case, index, mover, catalogue);
        for (var i = 0; i < path.Count; i++)
        {
            charges.Before(path[i], MoveAt(i), today);
            @case.MoveTo(path[i], mover, MoveAt(i), null, charges.Progress);
        }

        var closingAt = terminal ? MoveAt(moves - 1) : now;
        AddTasks(@case, index, lastOpenStage, staff, openedAt, closingAt, now, terminal);

        if (terminal)
        {
            charges.Before(spec.Stage, closingAt, today);
            @case.MoveTo(spec.Stage, mover, closingAt, spec.Stage == CaseStage.Discontinued ? spec.DiscontinueReason : null, charges.Progress);
        }
        return (@case, charges);
    }

    /// <summary>Up to three tasks of the case's current stage for the people on its team: one done,
    /// one overdue on every other case (older cases only: a task is never due before it was set),
    /// and one coming up. On a closed or discontinued case every task was done before it ended.</summary>
    private static void AddTasks(Case @case, int index, CaseStage stage, Staff staff, DateTimeOffset openedAt,
        DateTimeOffset closingAt, DateTimeOffset now, bool terminal)
    {
        var roles = @case.Team.Select(m => m.Role).ToHashSet();
        var candidates = TaskTemplates.Where(t => t.Stage == stage && roles.Contains(t.Role)).ToList();
        if (candidates.Count == 0)
        {
            return;
        }
        var by = @case.Lead?.UserId ?? staff.Supervisor;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var j = 0; j < Math.Min(3, candidates.Count); j++)
        {
            var (_, role, title) = candidates[(index + j) % candidates.Count];
            var assignee = @case.Team.First(m => m.Role == role).UserId;
            if (terminal)
            {
                var setAt = openedAt + ((closingAt - openedAt) * (0.2 + (0.2 * j)));
                var task = @case.AddTask(title, null, assignee, Day(setAt).AddDays(14), by, setAt, Day(setAt));
                @case.CompleteTask(task.Id, assignee, Earliest(setAt.AddDays(10), closingAt.AddHours(-1)));
                continue;
            }
            switch (j)
            {
                case 0:
                    var doneSetAt = Latest(openedAt.AddHours(2), now.AddDays(-40));
                    var done = @case.AddTask(title, null, assignee, Day(doneSetAt).AddDays(14), by, doneSetAt, Day(doneSetAt));
                    @case.CompleteTask(done.Id, assignee, Earliest(doneSetAt.AddDays(6), now.AddHours(-1)));
                    break;
                case 1 when index % 2 == 0:
                    var lateSetAt = Latest(openedAt.AddHours(3), now.AddDays(-25));
                    @case.AddTask(title, null, assignee, Day(lateSetAt).AddDays(7 + (index % 5)), by, lateSetAt, Day(lateSetAt));
                    break;
                default:
                    var soonSetAt = Latest(openedAt.AddHours(4), now.AddDays(-2));
                    var dueOn = index % 7 == 3 ? today : today.AddDays(3 + (index * 5 % 18));
                    @case.AddTask(title, null, assignee, dueOn, by, soonSetAt, Day(soonSetAt));
                    break;
            }
        }
    }

    private static DateTimeOffset At(DateTimeOffset now, int daysAgo)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-daysAgo);
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 30)), TimeSpan.Zero);
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static async Task<Staff> StaffAsync(TipCasesDbContext db, string officeCode, CancellationToken ct)
    {
        var accounts = DemoData.Accounts.Where(a => a.OfficeCode == officeCode).ToList();
        var names = accounts.Select(a => a.UserName).ToList();
        var ids = await db.Users.Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        Guid? Holder(string role) => accounts.Where(a => a.Role == role).Select(a => ids.TryGetValue(a.UserName, out var id) ? id : (Guid?)null).FirstOrDefault();
        return new Staff(
            Holder(Roles.Supervisor) ?? throw new InvalidOperationException($"The demo supervisor of {officeCode} is missing."),
            Holder(Roles.Investigator), Holder(Roles.Prosecutor), Holder(Roles.VictimLiaisonOfficer));
    }

    private sealed record Staff(Guid Supervisor, Guid? Investigator, Guid? Prosecutor, Guid? Liaison)
    {
        public Guid? For(TeamRole role) => role switch
        {
            TeamRole.Investigator => Investigator,
            TeamRole.Prosecutor => Prosecutor,
            TeamRole.VictimLiaisonOfficer => Liaison,
            _ => null,
        };
    }

    [Flags]
    private enum Crew
    {
        Investigator = 1,
        Prosecutor = 2,
        Liaison = 4,
        All = Investigator | Prosecutor | Liaison,
    }

    /// <summary>One demo case. Offence dates are counted in days before the opening (the end
    /// null: still going on when the case was opened).</summary>
    private sealed record Spec(
        string Title,
        string Summary,
        CaseOrigin Origin,
        CaseScope Scope,
        bool OrganizedCrime,
        bool TaskForce,
        int OpenedDaysAgo,
        int OffenceBeganDaysBefore,
        int? OffenceEndedDaysBefore,
        Crew Crew,
        CaseStage Stage,
        CaseStage? DiscontinuedFrom = null,
        string? DiscontinueReason = null);

    private const CaseOrigin TipOff = CaseOrigin.TipOff;
    private const CaseOrigin Victim = CaseOrigin.VictimReport;
    private const CaseOrigin Witness = CaseOrigin.WitnessReport;
    private const CaseOrigin Found = CaseOrigin.FoundInAnotherInvestigation;
    private const CaseOrigin Intelligence = CaseOrigin.IntelligenceOperation;
    private const CaseOrigin Joint = CaseOrigin.JointInternationalAction;
    private const CaseScope Domestic = CaseScope.Domestic;
    private const CaseScope Abroad = CaseScope.Transnational;

    // Central Prosecution Office: four cases (intake and investigation) have no prosecutor on the
    // team, so that the demo prosecutor's list shows the access rule at work.
    private static readonly Spec[] Central =
    [
        new("Operation Harbour Lights – forced labour in fish processing",
            "Workers recruited abroad with promises of factory jobs, made to gut fish for 14 hours a day for a debt that never shrank. Joint surveillance with the labour inspectorate and the coast guard.",
            Intelligence, Abroad, true, true, 540, 420, 0, Crew.All, CaseStage.Trial),
        new("Nail salon network – debt bondage",
            "Young women working in six salons to pay off 'travel costs'; wages kept by the salon owners, passports held by a relative of the owners.",
            TipOff, Abroad, true, false, 410, 300, 5, Crew.All, CaseStage.PreTrial),
        new("Online recruitment for sexual exploitation via modelling agency",
            "A modelling agency's website and social media accounts used to recruit young women for 'photo shoots' abroad, where they were forced into prostitution.",
            Victim, Abroad, true, false, 190, 260, 20, Crew.All, CaseStage.Investigation),
        new("Domestic servitude in diplomatic household",
            "A domestic worker kept in a diplomat's residence, on call day and night, without pay or days off, her passport held by the employer.",
            Witness, Abroad, false, false, 330, 700, 1, Crew.All, CaseStage.Discontinued, CaseStage.Investigation,
            "The suspect has diplomatic immunity and the sending state declined to waive it. The victim is supported through the national referral mechanism and helped with a civil claim."),
        new("Forced begging ring – children moved between cities",
            "Children brought from rural areas and moved every few weeks between three cities to beg at stations and markets; earnings taken each evening.",
            Found, Domestic, true, false, 680, 500, 0, Crew.All, CaseStage.PostTrial),
        new("Car wash chain – unpaid labour and confiscated passports",
            "Men recruited abroad to work at four car washes, sleeping on site, paid nothing after 'deductions' and threatened with denunciation to immigration.",
            TipOff, Abroad, false, false, 720, 365, 0, Crew.All, CaseStage.Closed),
        new("Construction site near the ring road – forced labour of seasonal workers",
            "Seasonal workers housed in containers on site, their wages withheld by a subcontractor; a worker injured on site was sent home without treatment.",
            Witness, Abroad, false, false, 95, 150, null, Crew.Investigator | Crew.Liaison, CaseStage.Investigation),
        new("Massage parlours on the east side – sexual exploitation",
            "Women moved between five massage parlours and controlled through debts, threats to their families and round-the-clock video surveillance.",
            Intelligence, Abroad, true, true, 450, 540, 0, Crew.All, CaseStage.PreTrial),
        new("Fruit picking farms – exploitation through a labour agency",
            "A labour agency registered abroad supplied pickers to three farms; recruitment fees, housing and transport deducted until nothing remained of the wages.",
            Joint, Abroad, true, true, 240, 400, null, Crew.All, CaseStage.Investigation),
        new("Sham marriages and forced criminal activity – shoplifting gang",
            "Women brought in for sham marriages, then made to steal from shops to order; the proceeds laundered through second-hand stores.",
            Found, Abroad, true, false, 600, 730, 10, Crew.All, CaseStage.Trial),
        new("Teenager groomed online and exploited in short-let flats",
            "A 15-year-old groomed on a gaming platform and sold for sex in short-let flats booked under false names.",
            Victim, Domestic, false, false, 380, 120, 2, Crew.All, CaseStage.Trial),
        new("Cannabis farm – minors forced to tend plants",
            "Two boys found locked in a house converted into a cannabis farm, told that their families would pay if they escaped. Treated as victims, not offenders.",
            Found, Abroad, true, false, 700, 240, 0, Crew.All, CaseStage.PostTrial),
        new("Restaurant kitchen – worker held in debt bondage",
            "A cook who came forward at a drop-in centre: working unpaid for two years to repay a recruitment debt that keeps growing.",
            Victim, Abroad, false, false, 12, 760, null, Crew.Investigator | Crew.Liaison, CaseStage.Intake),
        new("Au pair exploited as live-in domestic worker",
            "A neighbour reported an au pair working from early morning to late at night for a family of six, never allowed out alone.",
            Witness, Domestic, false, false, 20, 240, null, Crew.Investigator | Crew.Prosecutor, CaseStage.Intake),
        new("Trucking company – drivers forced to work without pay",
            "Drivers recruited abroad, driving far beyond legal hours; the company holds their licences and 'fines' them for every delay.",
            TipOff, Abroad, false, false, 150, 365, null, Crew.All, CaseStage.Investigation),
        new("Street prostitution controlled by a family clan",
            "Women controlled by members of one extended family, moved between street locations and rented rooms, beaten when they fell short of nightly quotas.",
            Intelligence, Domestic, true, false, 640, 900, 0, Crew.All, CaseStage.PostTrial),
        new("Organ removal – kidney sale brokered through a clinic abroad",
            "Men in debt persuaded to sell a kidney for a fraction of the promised amount; the operations were carried out at a private clinic abroad.",
            Joint, Abroad, true, true, 280, 500, 60, Crew.All, CaseStage.Investigation),
        new("Cleaning contractor – workers housed in overcrowded flats",
            "Office cleaners employed through a contractor that housed twelve workers to a flat and deducted rent from wages.",
            TipOff, Domestic, false, false, 260, 400, 30, Crew.All, CaseStage.Discontinued, CaseStage.Investigation,
            "Coercion could not be proved after the main witness returned home and could not be reached. The labour-law breaches were referred to the labour inspectorate."),
        new("Forced marriage of a 16-year-old with a view to servitude",
            "A girl taken abroad for a 'family visit' and married to an older man; she escaped on her return and reported to her school.",
            Victim, Abroad, false, false, 300, 200, 14, Crew.All, CaseStage.PreTrial),
        new("Hotel laundry – workers recruited with false job offers",
            "Women recruited abroad for hotel reception jobs and put to work in a laundry basement, housed in rooms above it and never paid.",
            Victim, Abroad, false, false, 650, 300, 0, Crew.All, CaseStage.Closed),
        new("Begging with disabled persons at railway stations",
            "Men with disabilities brought in by minibus each morning to beg at railway stations, their takings collected by a driver every few hours.",
            Witness, Abroad, true, false, 8, 180, null, Crew.Investigator, CaseStage.Intake),
        new("Escort website advertising trafficked women",
            "An escort website whose adverts share phone numbers and photographs with women identified in an earlier case.",
            Intelligence, Abroad, true, false, 120, 300, null, Crew.Investigator | Crew.Liaison, CaseStage.Investigation),
        new("Fishing vessel crew held at sea",
            "Crew recruited through a manning agency, kept at sea for months, their wages paid into accounts controlled by the agency.",
            Joint, Abroad, true, true, 430, 600, 15, Crew.All, CaseStage.PreTrial),
        new("Care worker agency – debt bondage of nursing home staff",
            "Care workers placed in nursing homes by an agency that charges recruitment debts of several years' wages.",
            TipOff, Abroad, false, false, 30, 500, null, Crew.Investigator | Crew.Prosecutor | Crew.Liaison, CaseStage.Intake),
    ];

    // Northern Regional Office.
    private static readonly Spec[] Northern =
    [
        new("Mushroom farm – forced labour of migrant workers",
            "Pickers housed in sheds on the farm, working seven days a week, threatened with deportation when they asked for their pay.",
            TipOff, Abroad, false, false, 160, 270, null, Crew.All, CaseStage.Investigation),
        new("Logging camp – workers kept in isolation and unpaid",
            "Forestry workers taken to a remote camp without transport or phone signal, paid only in food and promised wages at the end of the season.",
            Witness, Abroad, true, false, 390, 200, 0, Crew.All, CaseStage.PreTrial),
        new("Ski resort – seasonal workers recruited by deception",
            "Seasonal staff recruited abroad for well-paid resort jobs, put to work cleaning chalets for a fraction of the pay, with unlawful deductions for housing.",
            Victim, Abroad, false, false, 15, 90, null, Crew.Investigator, CaseStage.Intake),
        new("Roadside brothels along the northern highway",
            "Women moved between motels along the highway by a network that also runs the transport; joint operation with the border police.",
            Intelligence, Abroad, true, true, 560, 700, 0, Crew.All, CaseStage.Trial),
        new("Fish farm – debt bondage of crew recruited abroad",
            "Crew recruited abroad to work the fish farm's cages, owing recruitment debts larger than a year's wages.",
            Joint, Abroad, true, true, 210, 420, null, Crew.All, CaseStage.Investigation),
        new("Child forced to commit burglaries by relatives",
            "A 14-year-old made to break into holiday homes by relatives who kept the proceeds; found during a burglary investigation.",
            Found, Domestic, false, false, 620, 200, 0, Crew.All, CaseStage.PostTrial),
        new("Berry pickers housed in tents – wage theft and threats",
            "Berry pickers housed in tents beside the fields, their wages withheld and their families threatened when they complained.",
            TipOff, Abroad, false, false, 710, 120, 0, Crew.All, CaseStage.Closed),
        new("Mining town bar – women forced into prostitution",
            "Women hired as waitresses for a bar in a mining town and forced to sell sex to customers to repay their travel costs.",
            Victim, Abroad, true, false, 340, 250, 3, Crew.All, CaseStage.PreTrial),
        new("Reindeer farm – domestic servitude of a young woman",
            "A young woman brought in as a 'helper', working in the house and on the farm without pay, not allowed to leave the farm alone.",
            Witness, Domestic, false, false, 230, 600, 7, Crew.All, CaseStage.Discontinued, CaseStage.Investigation,
            "Without the victim's statement, which she chose not to give, the means cannot be proved. Her support and protection continue through the shelter."),
        new("Border crossing – smuggled migrants exploited on arrival",
            "Migrants smuggled across the border and then told to work off the price of the journey at a recycling plant; smuggling and trafficking charged together.",
            Found, Abroad, true, false, 70, 160, null, Crew.All, CaseStage.Investigation),
        new("Online job offers for cannery work – recruitment by deception",
            "Job adverts for cannery work with good pay and housing; the first workers to arrive found neither and were told they owed the agency for the trip.",
            TipOff, Abroad, false, false, 5, 40, null, Crew.Investigator | Crew.Prosecutor, CaseStage.Intake),
    ];

    private static readonly (CaseStage Stage, TeamRole Role, string Title)[] TaskTemplates =
    [
        (CaseStage.Intake, TeamRole.Investigator, "Record the first account of the person who came forward"),
        (CaseStage.Intake, TeamRole.Prosecutor, "Advise on the initial legal qualification"),
        (CaseStage.Intake, TeamRole.VictimLiaisonOfficer, "Arrange a safe place to stay and an interpreter"),
        (CaseStage.Intake, TeamRole.Investigator, "Check the report against police intelligence"),
        (CaseStage.Investigation, TeamRole.Investigator, "Interview the victims with an interpreter present"),
        (CaseStage.Investigation, TeamRole.Prosecutor, "Review the evidence of act, means and purpose"),
        (CaseStage.Investigation, TeamRole.VictimLiaisonOfficer, "Refer the victims for counselling"),
        (CaseStage.Investigation, TeamRole.Investigator, "Secure the suspects' phone and bank records"),
        (CaseStage.Investigation, TeamRole.Prosecutor, "Send a mutual legal assistance request for bank records"),
        (CaseStage.Investigation, TeamRole.VictimLiaisonOfficer, "Apply for temporary residence permits for the victims"),
        (CaseStage.Investigation, TeamRole.Investigator, "Trace the recruitment adverts and who paid for them"),
        (CaseStage.Investigation, TeamRole.Prosecutor, "Apply for a freezing order on the suspects' accounts"),
        (CaseStage.PreTrial, TeamRole.Prosecutor, "Draft the indictment"),
        (CaseStage.PreTrial, TeamRole.VictimLiaisonOfficer, "Prepare the victims for court: visit the courtroom"),
        (CaseStage.PreTrial, TeamRole.Investigator, "Complete the financial investigation report"),
        (CaseStage.PreTrial, TeamRole.Prosecutor, "Apply for screened testimony for the victims"),
        (CaseStage.PreTrial, TeamRole.VictimLiaisonOfficer, "Explain why belongings are kept as evidence and when they come back"),
        (CaseStage.PreTrial, TeamRole.Prosecutor, "Disclose the evidence to the defence"),
        (CaseStage.Trial, TeamRole.Prosecutor, "Prepare the examination of the victims"),
        (CaseStage.Trial, TeamRole.VictimLiaisonOfficer, "Accompany the victim to the hearing"),
        (CaseStage.Trial, TeamRole.Investigator, "Bring the forensic report on the seized phones to court"),
        (CaseStage.Trial, TeamRole.Prosecutor, "Prepare submissions on aggravating circumstances"),
        (CaseStage.Trial, TeamRole.VictimLiaisonOfficer, "Help the victim prepare a victim impact statement"),
        (CaseStage.Trial, TeamRole.Prosecutor, "Request a compensation order"),
        (CaseStage.PostTrial, TeamRole.VictimLiaisonOfficer, "Inform the victims of the verdict, the sentence and the release date"),
        (CaseStage.PostTrial, TeamRole.Prosecutor, "Decide whether to appeal the sentence"),
        (CaseStage.PostTrial, TeamRole.Investigator, "Return the belongings kept as evidence"),
        (CaseStage.PostTrial, TeamRole.VictimLiaisonOfficer, "Review the protection plan with the victim"),
        (CaseStage.PostTrial, TeamRole.Prosecutor, "Enforce the confiscation order"),
        (CaseStage.PostTrial, TeamRole.VictimLiaisonOfficer, "Support the compensation claim to the state fund"),
    ];
}
