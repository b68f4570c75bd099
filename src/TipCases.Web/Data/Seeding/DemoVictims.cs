using TipCases.Domain.Cases;
using TipCases.Domain.Offices;
using TipCases.Domain.Victims;
using TipCases.Web.Security;

namespace TipCases.Web.Data.Seeding;

/// <summary>
/// Demo victims for Development only, called by <see cref="DemoData.SeedAsync"/> after the cases:
/// about two on most cases of the central office and one on each northern case, recorded through
/// the domain with an encrypted identity and a pseudonym. Where the demo liaison officer is on a
/// case's team they support its victims: some follow-ups are overdue, some due this week, some
/// victims have had no support step for more than 30 days, and one victim has reported a threat.
/// The first victim of each case about a child was a child when the offence began. Names are
/// invented and plainly fictional. An office that already has victims is left alone.
/// </summary>
internal static class DemoVictims
{
    /// <summary>Every given name and family name the demo uses, so tests can check that none of them
    /// ever appears on a page.</summary>
    public static IReadOnlyList<string> Names => [.. GivenNames, .. FamilyNames];

    private static readonly string[] GivenNames =
        ["Mirela", "Kwabena", "Ilinca", "Thandeka", "Oleksandra", "Nnamdi", "Jovanka", "Farideh", "Bogdana", "Chidinma", "Yesenia"];

    // Family names made up for the demo: no real person is meant.
    private static readonly string[] FamilyNames =
        ["Fictorova", "Imaginu", "Pretendis", "Nonexa", "Fablemoor", "Inventaro", "Makebelle", "Placeholm", "Seemingly"];

    private static readonly string[] Nationalities = ["Moldovan", "Nigerian", "Ukrainian", "Vietnamese", "Romanian", "Filipino", "Albanian", "Brazilian"];

    /// <summary>Cases whose victims were children when the exploitation began (title start, age then).</summary>
    private static readonly (string TitleStart, int Age)[] ChildCases =
    [
        ("Forced begging ring", 12),
        ("Teenager groomed online", 15),
        ("Cannabis farm", 16),
        ("Forced marriage of a 16-year-old", 16),
        ("Child forced to commit burglaries", 14),
    ];

    /// <summary>What the liaison officer has logged for a victim, by the victim's number. Days are
    /// counted back from today; a follow-up is counted from the step that set it.</summary>
    private static readonly (int DaysAgo, SupportStepKind Kind, string Summary, int? FollowUpAfter)[][] Histories =
    [
        // Overdue: a follow-up a week after a step three weeks ago.
        [(21, SupportStepKind.Contact, "Phoned the victim through the shelter's phone; she is settled and asked about her belongings kept as evidence.", 7)],
        // Due this week.
        [
            (40, SupportStepKind.Referral, "Referred to a counselling service that works with interpreters.", null),
            (3, SupportStepKind.Counselling, "Accompanied to the first counselling session; a second is booked.", 4),
        ],
        // No step for more than 30 days.
        [(45, SupportStepKind.InformationGiven, "Explained the stages of the investigation and how long each may take.", null)],
        // Recent, follow-up later than a week: in neither list.
        [(2, SupportStepKind.SafetyCheck, "Checked the safety arrangements at the shelter with its staff; no concerns.", 21)],
        // Overdue and long without a step.
        [(38, SupportStepKind.Contact, "First meeting with an interpreter; agreed to keep in touch through the support organisation.", 5)],
        // Nothing logged yet.
        [],
        // Due today.
        [
            (60, SupportStepKind.Contact, "First meeting at the drop-in centre.", null),
            (14, SupportStepKind.Accompaniment, "Accompanied to the hospital for a medical check.", 14),
        ],
    ];

    public static async Task SeedAsync(TipCasesDbContext db, VictimPseudonyms pseudonyms, IIdentityProtector protector, TimeProvider clock,
        IReadOnlyDictionary<string, Office> offices, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var code in new[] { DemoData.CentralOffice.Code, DemoData.NorthernOffice.Code })
        {
            var office = offices[code];
            if (await db.Victims.AnyAsync(v => v.OfficeId == office.Id, ct))
            {
                continue;
            }
            var liaisonName = DemoData.Accounts.Where(a => a.OfficeCode == code && a.Role == Roles.VictimLiaisonOfficer).Select(a => a.UserName).FirstOrDefault();
            var liaison = liaisonName is null ? null : await db.Users.Where(u => u.UserName == liaisonName).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
            var cases = await db.Cases.Include(c => c.Team).Where(c => c.OfficeId == office.Id)
                .OrderBy(c => c.OpenedOn).ThenBy(c => c.Reference).ToListAsync(ct);
            var central = code == DemoData.CentralOffice.Code;

            // Pseudonym numbers and victims are committed together: a failed run leaves neither.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var number = 0;
            var supported = 0;
            Victim? threatened = null;
            Case? threatCase = null;
            for (var i = 0; i < cases.Count; i++)
            {
                var @case = cases[i];
                // About two victims on most central cases (one on every fifth), one on each northern case.
                var count = central && i % 5 != 4 ? 2 : 1;
                for (var k = 0; k < count; k++, number++)
                {
                    var recordedAt = Earliest(new DateTimeOffset(@case.OpenedOn.AddDays(1 + k).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), now);
                    var recordedOn = DateOnly.FromDateTime(recordedAt.UtcDateTime);
                    var liaisonOnCase = liaison is { } l && @case.Team.Any(m => m.UserId == l && m.Role == TeamRole.VictimLiaisonOfficer) ? l : (Guid?)null;
                    var by = liaisonOnCase ?? @case.CreatedBy;
                    var pseudonym = await pseudonyms.NextAsync(office.Id, office.Code, recordedOn.Year, ct);
                    var victim = Victim.Record(Guid.CreateVersion7(recordedAt), pseudonym, @case, Identity(number, @case, firstOnCase: k == 0), Profile(number, @case),
                        protector, by, recordedAt, today);
                    if (liaisonOnCase is { } officer)
                    {
                        victim.AssignLiaisonOfficer(officer, [@case]);
                        // Each round through the histories happens a day earlier, so dates vary.
                        LogHistory(victim, @case, officer, Histories[supported % Histories.Length], supported / Histories.Length % 3, recordedOn, today);
                        supported++;
                        if (threatened is null && @case.IsOpen && @case.Stage >= CaseStage.PreTrial)
                        {
                            (threatened, threatCase) = (victim, @case);
                        }
                    }
                    db.Victims.Add(victim);
                }
            }
            if (threatened is not null && threatCase is not null)
            {
                // Reported yesterday: the safety review task it opens on the case is due tomorrow.
                var yesterday = today.AddDays(-1);
                threatened.LogThreat(threatCase, yesterday.AddDays(-1), ThreatKind.ContactBySuspect,
                    "A relative of a suspect approached the victim outside the shelter and said she would regret testifying.",
                    true, threatened.LiaisonOfficerId!.Value, now.AddDays(-1), yesterday);
                threatened.LogSupportStep(threatCase.Id, yesterday, SupportStepKind.SafetyCheck,
                    "Met the victim after the threat she reported; the shelter moved her to another house and the police patrol it.",
                    threatened.LiaisonOfficerId!.Value, yesterday.AddDays(4), now.AddDays(-1).AddHours(1), yesterday);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    private static void LogHistory(Victim victim, Case @case, Guid officer,
        (int DaysAgo, SupportStepKind Kind, string Summary, int? FollowUpAfter)[] history, int shift, DateOnly recordedOn, DateOnly today)
    {
        foreach (var (daysAgo, kind, summary, followUpAfter) in history)
        {
            var on = today.AddDays(-daysAgo - shift);
            if (on < recordedOn)
            {
                continue; // not before the victim was known
            }
            // Logged on the day it happened, so its follow-up was in the future then.
            var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero);
            victim.LogSupportStep(@case.Id, on, kind, summary, officer, followUpAfter is { } after ? on.AddDays(after) : null, at, on);
        }
    }

    private static ProtectedIdentity Identity(int number, Case @case, bool firstOnCase)
    {
        var offenceBegan = @case.OffenceFrom ?? @case.OpenedOn;
        // On a case about a child, the first victim recorded is that child.
        var childAge = firstOnCase
            ? ChildCases.Where(c => @case.Title.StartsWith(c.TitleStart, StringComparison.Ordinal)).Select(c => (int?)c.Age).FirstOrDefault()
            : null;
        // A child is made a few months past a birthday when the offence began; adults are 19 to 45 then.
        var age = childAge ?? 19 + (number * 7 % 27);
        var born = offenceBegan.AddYears(-age).AddDays(-(30 + (number * 37 % 300)));
        return new ProtectedIdentity(
            GivenNames[number % GivenNames.Length],
            FamilyNames[number % FamilyNames.Length],
            born,
            // 555 numbers are reserved for fiction.
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"+00 555 01{number % 100:D2}"),
            null,
            null,
            null);
    }

    private static VictimProfile Profile(int number, Case @case)
    {
        var title = @case.Title;
        bool Mentions(params string[] words) => words.Any(w => title.Contains(w, StringComparison.OrdinalIgnoreCase));
        ExploitationForm[] exploitation = Mentions("sexual", "prostitution", "brothel", "escort", "massage", "groomed")
            ? [ExploitationForm.ProstitutionOfOthers, ExploitationForm.OtherSexualExploitation]
            : Mentions("begging") ? [ExploitationForm.ForcedBegging]
            : Mentions("servitude", "au pair") ? [ExploitationForm.Servitude]
            : Mentions("organ", "kidney") ? [ExploitationForm.RemovalOfOrgans]
            : Mentions("criminal", "cannabis", "burglar", "shoplifting") ? [ExploitationForm.ForcedCriminalActivities]
            : Mentions("debt bondage") ? [ExploitationForm.ForcedLabourOrServices, ExploitationForm.PracticesSimilarToSlavery]
            : [ExploitationForm.ForcedLabourOrServices];
        var transnational = @case.Scope == CaseScope.Transnational;
        var migration = transnational
            ? new[] { MigrationStatus.IrregularMigrant, MigrationStatus.RegularResident, MigrationStatus.AsylumSeeker }[number % 3]
            : MigrationStatus.Citizen;
        return new VictimProfile(
            number % 3 == 2 ? Sex.Male : Sex.Female,
            transnational ? Nationalities[number % Nationalities.Length] : null,
            migration,
            number % 9 == 4 ? "Hearing impairment: needs written information as well." : null,
            transnational,
            transnational ? "Interpreter booked through the court's list" : null,
            exploitation,
            (IdentifiedBy)(1 + (number % 7)),
            @case.OpenedOn,
            number % 2 == 0 ? "Shelter run by a support organisation" : null,
            (WillingnessToTestify)(1 + (number % 3)));
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
