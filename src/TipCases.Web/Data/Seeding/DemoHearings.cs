using Microsoft.Extensions.Options;
using TipCases.Domain.Cases;
using TipCases.Domain.Hearings;
using TipCases.Domain.Jurisdiction;
using TipCases.Domain.Offices;
using TipCases.Domain.Reference;
using TipCases.Domain.Victims;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Jurisdiction;

namespace TipCases.Web.Data.Seeding;

/// <summary>
/// Demo hearings and jurisdiction facts for Development only, called by <see cref="DemoData.SeedAsync"/>
/// after the victims. Hearings in the coming weeks on several cases of both offices, some past ones
/// with their outcomes, one still "scheduled" after its day, and one whose victim witness has no
/// trial-stage protection measure (the warning); the other witnesses get a trial measure planned or
/// in place. Transnational cases get their places of conduct (and the demo state, Norway, its
/// nationals among the victims of a domestic case). Everything goes through the domain. An office
/// whose cases already have hearings is left alone.
/// </summary>
internal static class DemoHearings
{
    private const string OsloCourt = "Oslo District Court";
    private const string NorthCourt = "Nord-Troms and Senja District Court";
    private const string AppealCourt = "Borgarting Court of Appeal";

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, Office> offices, CancellationToken ct)
    {
        var db = services.GetRequiredService<TipCasesDbContext>();
        var time = services.GetRequiredService<OfficeTime>();
        var state = services.GetRequiredService<IOptions<JurisdictionSettings>>().Value.StateCode.ToUpperInvariant();
        foreach (var code in new[] { DemoData.CentralOffice.Code, DemoData.NorthernOffice.Code })
        {
            var office = offices[code];
            var caseIds = db.Cases.Where(c => c.OfficeId == office.Id).Select(c => c.Id);
            if (await db.Hearings.AnyAsync(h => caseIds.Contains(h.CaseId), ct))
            {
                continue;
            }
            var cases = await db.Cases.Include(c => c.Team).Where(c => c.OfficeId == office.Id).ToListAsync(ct);
            var seeder = new Seeder(db, time, state, cases);
            if (code == DemoData.CentralOffice.Code)
            {
                await seeder.CentralAsync(ct);
            }
            else
            {
                await seeder.NorthernAsync(ct);
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private sealed class Seeder(TipCasesDbContext db, OfficeTime time, string state, List<Case> cases)
    {
        private DateTimeOffset Now => time.Now;

        private DateOnly Today => time.Today;

        public async Task CentralAsync(CancellationToken ct)
        {
            // The warning: the trial's second witness has no trial-stage measure.
            await OnAsync("Operation Harbour Lights", (c, victims) =>
            {
                Protect(victims.ElementAtOrDefault(0), ProtectionMeasureKind.ScreenedTestimony, inPlace: false);
                Held(c, -200, 10, 0, HearingKind.FirstAppearance, OsloCourt, "Both defendants remanded in custody for four weeks.");
                Held(c, -60, 13, 0, HearingKind.PreTrial, OsloCourt, "Trial date fixed; screened testimony granted for the first victim.");
                Scheduled(c, 6, 9, 30, HearingKind.Trial, OsloCourt, victims);
                Facts(c, aim: "Recruiters in Vietnam hired the workers for the fish plant knowing they would work off a debt there (intercepted messages, recruitment contracts).",
                    (ConductPlaceKind.Territory, state, "exploitation at the fish processing plant"),
                    (ConductPlaceKind.Territory, "VN", "recruitment with promises of factory jobs"));
            }, ct);
            // Its day has passed and nobody recorded what happened: "outcome to record".
            await OnAsync("Sham marriages", (c, victims) =>
            {
                Protect(victims.ElementAtOrDefault(0), ProtectionMeasureKind.VideoLinkTestimony, inPlace: true);
                ScheduledBefore(c, -2, 9, 0, HearingKind.Trial, OsloCourt, victims.Take(1));
                Scheduled(c, 13, 9, 0, HearingKind.Trial, OsloCourt, victims.Take(1));
                Facts(c, aim: null,
                    (ConductPlaceKind.Territory, "RO", "recruitment of the women for sham marriages"),
                    (ConductPlaceKind.AircraftRegisteredIn, state, "the women escorted on a charter flight"),
                    (ConductPlaceKind.Territory, state, "forced shoplifting"));
            }, ct);
            // A child: the children's trial measures proposed automatically cover the hearing.
            await OnAsync("Teenager groomed online", (c, victims) =>
            {
                MakeNationals(victims);
                Held(c, -90, 11, 0, HearingKind.BailOrCustody, OsloCourt, "Defendant kept in custody; contact ban with the victim.");
                Scheduled(c, 20, 10, 0, HearingKind.Trial, OsloCourt, victims.Take(1));
                Facts(c, aim: null, (ConductPlaceKind.Territory, state, "grooming and exploitation in short-let flats"));
            }, ct);
            await OnAsync("Nail salon network", (c, _) =>
            {
                Scheduled(c, 9, 13, 0, HearingKind.PreTrial, OsloCourt, []);
                Facts(c, aim: null, (ConductPlaceKind.Territory, state, "work in six salons"), (ConductPlaceKind.Territory, "VN", "recruitment"));
            }, ct);
            await OnAsync("Massage parlours on the east side", (c, _) => Scheduled(c, 3, 14, 30, HearingKind.BailOrCustody, OsloCourt, []), ct);
            await OnAsync("Forced begging ring", (c, victims) =>
            {
                MakeNationals(victims);
                Held(c, -40, 10, 0, HearingKind.Sentencing, OsloCourt, "Sentenced to six and four years' imprisonment; compensation order for each child.");
                Scheduled(c, 25, 9, 0, HearingKind.Appeal, AppealCourt, []);
            }, ct);
            await OnAsync("Fishing vessel crew held at sea", (c, _) =>
            {
                Scheduled(c, 16, 10, 0, HearingKind.PreTrial, OsloCourt, []);
                Facts(c, aim: "The manning agency in the Philippines recruited crew for a vessel flying the Norwegian flag, knowing their wages would be withheld.",
                    (ConductPlaceKind.VesselFlaggedIn, state, "crew kept at sea for months"),
                    (ConductPlaceKind.Territory, "PH", "recruitment through a manning agency"));
            }, ct);
            await OnAsync("Online recruitment for sexual exploitation", (c, _) =>
                Facts(c, aim: null, (ConductPlaceKind.Territory, state, "recruitment through the agency's website"),
                    (ConductPlaceKind.Territory, "DE", "exploitation in rented flats")), ct);
            await OnAsync("Fruit picking farms", (c, _) =>
                Facts(c, aim: "The agency abroad recruited the pickers for the three farms, with deductions planned from the start (agency accounts).",
                    (ConductPlaceKind.Territory, "BG", "recruitment by a labour agency"), (ConductPlaceKind.Territory, state, "exploitation on three farms")), ct);
        }

        public async Task NorthernAsync(CancellationToken ct)
        {
            await OnAsync("Roadside brothels", (c, victims) =>
            {
                Protect(victims.ElementAtOrDefault(0), ProtectionMeasureKind.WitnessAssistanceAccompaniment, inPlace: true);
                Held(c, -120, 10, 0, HearingKind.FirstAppearance, NorthCourt, "Three defendants remanded in custody.");
                Scheduled(c, 8, 9, 0, HearingKind.Trial, NorthCourt, victims.Take(1));
                Facts(c, aim: null, (ConductPlaceKind.Territory, state, "exploitation in motels along the highway"),
                    (ConductPlaceKind.Territory, "SE", "transport across the border"));
            }, ct);
            await OnAsync("Logging camp", (c, _) => Scheduled(c, 11, 12, 0, HearingKind.PreTrial, NorthCourt, []), ct);
            await OnAsync("Border crossing", (c, _) =>
                Facts(c, aim: "Smugglers abroad moved the migrants to work off the journey at the recycling plant (messages between the smugglers and the plant).",
                    (ConductPlaceKind.Territory, "FI", "migrants smuggled across the border"), (ConductPlaceKind.Territory, state, "exploitation at a recycling plant")), ct);
        }

        private async Task OnAsync(string titleStart, Action<Case, List<Victim>> seed, CancellationToken ct)
        {
            var @case = cases.FirstOrDefault(c => c.Title.StartsWith(titleStart, StringComparison.Ordinal));
            if (@case is null || !@case.IsOpen)
            {
                return;
            }
            var victims = await db.Victims.AsSplitQuery().Include(v => v.Cases).Include(v => v.Measures)
                .Where(v => v.Cases.Any(l => l.CaseId == @case.Id)).OrderBy(v => v.Pseudonym).ToListAsync(ct);
            seed(@case, victims);
        }

        /// <summary>A weekday <paramref name="days"/> from today (courts do not sit at weekends), moved away from today.</summary>
        private DateTimeOffset At(int days, int hour, int minute)
        {
            var day = Today.AddDays(days);
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(days >= 0 ? 1 : -1);
            }
            return time.Instant(day, new TimeOnly(hour, minute))!.Value;
        }

        private static Guid By(Case c) => c.Lead?.UserId ?? c.CreatedBy;

        private void Scheduled(Case c, int days, int hour, int minute, HearingKind kind, string court, IEnumerable<Victim> witnesses)
        {
            var ids = witnesses.Select(v => v.Id).ToList();
            db.Hearings.Add(Hearing.Record(c, new HearingDetails(At(days, hour, minute), court, kind, HearingStatus.Scheduled, null, ids),
                ids, By(c), Now.AddDays(-Math.Min(20, Math.Max(1, days))), time.Zone));
        }

        /// <summary>Scheduled weeks ago for a day that has now passed, its outcome never recorded.</summary>
        private void ScheduledBefore(Case c, int days, int hour, int minute, HearingKind kind, string court, IEnumerable<Victim> witnesses)
        {
            var ids = witnesses.Select(v => v.Id).ToList();
            db.Hearings.Add(Hearing.Record(c, new HearingDetails(At(days, hour, minute), court, kind, HearingStatus.Scheduled, null, ids),
                ids, By(c), Now.AddDays(days - 21), time.Zone));
        }

        private void Held(Case c, int days, int hour, int minute, HearingKind kind, string court, string outcome)
        {
            var at = At(days, hour, minute);
            if (time.DayOf(at) < DateOnly.FromDateTime(c.CreatedAt.UtcDateTime))
            {
                return; // not before the case was opened
            }
            db.Hearings.Add(Hearing.Record(c, new HearingDetails(at, court, kind, HearingStatus.Held, outcome, []), [], By(c), at.AddHours(3), time.Zone));
        }

        private void Protect(Victim? victim, ProtectionMeasureKind kind, bool inPlace)
        {
            if (victim is null || victim.Measures.Any(m => m.Kind == kind && m.IsActive))
            {
                return;
            }
            var measure = victim.PlanMeasure(kind, "Planned for the trial.", Today.AddDays(-10), Now.AddDays(-10));
            if (inPlace)
            {
                victim.UpdateMeasure(measure.Id, MeasureStatus.InPlace, Today.AddDays(-3), null, "Arranged with the court.", Today);
            }
        }

        /// <summary>Victims of a domestic case who are citizens are nationals of the demo state.</summary>
        private void MakeNationals(List<Victim> victims)
        {
            foreach (var v in victims.Where(v => v.MigrationStatus == MigrationStatus.Citizen && v.Nationality is null))
            {
                v.UpdateProfile(new VictimProfile(v.Sex, Countries.NameOf(state), v.MigrationStatus, v.Disability, v.InterpreterNeeded, v.Languages,
                    v.Exploitation, v.IdentifiedBy, v.IdentifiedOn, v.ReferredTo, v.Willingness), Today);
            }
        }

        private void Facts(Case c, string? aim, params (ConductPlaceKind Kind, string Code, string What)[] places)
        {
            var facts = CaseJurisdiction.Start(c, c.CreatedAt);
            facts.UpdateFacts(c, aim is not null, aim, null);
            var at = c.CreatedAt;
            foreach (var (kind, code, what) in places)
            {
                facts.AddPlace(c, kind, code, what, at = at.AddMinutes(1));
            }
            db.CaseJurisdictions.Add(facts);
        }
    }
}
