using TipCases.Domain.Assets;
using TipCases.Domain.Cases;
using TipCases.Domain.Cooperation;
using TipCases.Domain.Offices;
using TipCases.Domain.Victims;

namespace TipCases.Web.Data.Seeding;

/// <summary>
/// Demo cooperation requests and assets for Development only, called by <see cref="DemoData.SeedAsync"/>
/// after the victims, through the domain: on open cases of the demo prosecutor, requests in every
/// status (one overdue, one partly executed and overdue, informal material still flagged and some
/// covered by a formal request), and assets at each step of their life, one confiscated and partly
/// allocated to a victim's compensation claim. An office with requests already is left alone.
/// </summary>
internal static class DemoCooperation
{
    public static async Task SeedAsync(TipCasesDbContext db, TimeProvider clock, IReadOnlyDictionary<string, Office> offices, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var (code, prosecutorName) in new[] { (DemoData.CentralOffice.Code, "prosecutor"), (DemoData.NorthernOffice.Code, "prosecutor.north") })
        {
            var office = offices[code];
            if (await db.CooperationRequests.AnyAsync(r => db.Cases.Any(c => c.Id == r.CaseId && c.OfficeId == office.Id), ct))
            {
                continue;
            }
            var prosecutor = await db.Users.Where(u => u.UserName == prosecutorName).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
            if (prosecutor is not { } by)
            {
                continue;
            }
            var cases = (await db.Cases.Include(c => c.Team).Where(c => c.OfficeId == office.Id).OrderBy(c => c.OpenedOn).ThenBy(c => c.Reference).ToListAsync(ct))
                .Where(c => c.IsOpen && c.Stage >= CaseStage.Investigation && c.Team.Any(m => m.UserId == by))
                .ToList();
            if (cases.Count == 0)
            {
                continue;
            }
            if (code == DemoData.CentralOffice.Code)
            {
                await CentralAsync(db, cases, by, now, today, ct);
            }
            else
            {
                Add(db, cases[0].Id, by, now, Mla("FI", "Statements of two workers now living in Finland", [AssistanceKind.TakingEvidenceOrStatements], LegalBasis.Convention, null),
                    r => r.MarkSent(today.AddDays(-12), today.AddDays(15), today));
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private static async Task CentralAsync(TipCasesDbContext db, List<Case> cases, Guid by, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var a = cases[0];
        var b = cases[Math.Min(1, cases.Count - 1)];
        var c = cases[Math.Min(2, cases.Count - 1)];

        // Case A: the money trail to Germany and Romania, and informal leads from Romania.
        Add(db, a.Id, by, now, Mla("DE", "Bank records of Northwind Trading GmbH and a search of its Berlin office",
                [AssistanceKind.RecordsOriginalsOrCertifiedCopies, AssistanceKind.SearchesSeizuresAndFreezing], LegalBasis.Convention, null) with
        { Authority = "Federal Office of Justice (Bundesamt für Justiz)", Confidential = true, UseLimitedToStatedPurpose = true },
            r =>
            {
                r.AddMaterial("Statements of account 2024-2025", now);
                r.AddMaterial("Beneficial ownership records", now);
                r.MarkSent(today.AddDays(-50), today.AddDays(-10), today);
                r.MarkAcknowledged(today.AddDays(-45), today);
            });
        var hotel = Add(db, a.Id, by, now, Mla("RO", "Hotel booking records in Constanța", [AssistanceKind.RecordsOriginalsOrCertifiedCopies], LegalBasis.BilateralTreaty,
                "Treaty on mutual legal assistance in criminal matters (2003)"),
            r => r.MarkSent(today.AddDays(-20), today.AddDays(40), today));
        Add(db, a.Id, by, now, Informal("RO", "Leads from the Romanian police attaché on the recruiter"), r =>
        {
            r.AddMaterial("Subscriber details of the recruiter's phone", now);
            var covered = r.AddMaterial("Hotel booking records in Constanța", now);
            r.MarkSent(today.AddDays(-35), null, today);
            r.RecordExecution(true, today.AddDays(-30), today);
            r.CoverMaterial(covered.Id, hotel);
        });
        Add(db, a.Id, by, now, Mla("NL", "Statement of the driver arrested in Rotterdam", [AssistanceKind.TakingEvidenceOrStatements, AssistanceKind.VoluntaryAppearanceOfPersons],
            LegalBasis.Convention, null), null);

        // Case B: extradition and an incoming request.
        Add(db, b.Id, by, now, new CooperationDetails(CooperationKind.Extradition, CooperationDirection.Outgoing, "AL", "Ministry of Justice", LegalBasis.Convention, null,
                "Extradition of the organiser arrested in Tirana", [], [], false, false, null),
            r => { r.MarkSent(today.AddDays(-25), today.AddDays(20), today); r.MarkAcknowledged(today.AddDays(-21), today); });
        Add(db, b.Id, by, now, Mla("IT", "Service of a summons on a witness living here", [AssistanceKind.ServingJudicialDocuments], LegalBasis.Reciprocity, null) with
        { Direction = CooperationDirection.Incoming, Authority = "Procura della Repubblica di Milano" },
            r => { r.MarkSent(today.AddDays(-60), today.AddDays(-30), today); r.RecordExecution(true, today.AddDays(-40), today); });
        Add(db, b.Id, by, now, Informal("BG", "Vehicle registration check on two minibuses"), r => r.Withdraw(today.AddDays(-3), today));
        Add(db, b.Id, by, now, Mla("TH", "Employment records of the recruitment agency in Bangkok", [AssistanceKind.RecordsOriginalsOrCertifiedCopies], LegalBasis.NationalLaw, null),
            r => { r.MarkSent(today.AddDays(-90), today.AddDays(-30), today); r.Refuse(today.AddDays(-20), "No dual criminality for the labour offences named in the request.", false, today); });

        // Case C: tracing proceeds, partly executed and overdue.
        Add(db, c.Id, by, now, Mla("ES", "Tracing of property bought in Málaga", [AssistanceKind.TracingProceedsPropertyInstrumentalities, AssistanceKind.SearchesSeizuresAndFreezing],
                LegalBasis.Convention, null),
            r => { r.MarkSent(today.AddDays(-70), today.AddDays(-7), today); r.MarkAcknowledged(today.AddDays(-66), today); r.RecordExecution(false, today.AddDays(-15), today); });

        // Assets on case A through their life; one allocated to a victim's compensation claim.
        var account = Asset(db, a.Id, "Account at Northwind Bank, Limassol", AssetKind.BankAccount, "CY", 24_000m, true, by, now, today.AddDays(-90), today);
        // Held by the case's company defendant; the proceeds of the charges against it.
        var company = await db.Defendants.Where(d => d.CaseId == a.Id && d.Kind == Domain.Charges.DefendantKind.LegalPerson)
            .OrderBy(d => d.CreatedAt).FirstOrDefaultAsync(ct);
        if (company is not null)
        {
            var counts = await db.Charges.Where(x => x.DefendantId == company.Id).OrderBy(x => x.CreatedAt).Select(x => x.Id).ToListAsync(ct);
            account.UpdateDetails(new AssetDetails(account.Description, account.Kind, account.Country, account.Location, company.Id, counts,
                account.PredicateOffenceAbroad, account.PredicateNote, account.EstimatedValue, account.EstimatedCurrency));
        }
        account.RecordStep(AssetStep.Frozen, today.AddDays(-80), null, "Freezing order of the investigating judge", now, today);
        account.RecordStep(AssetStep.Confiscated, today.AddDays(-20), ConfiscationBasis.ConvictionBased, "Confiscation order with the judgment", now, today);
        account.RecordRealisedValue(18_000m, "EUR");
        var victim = await db.Victims.Include(v => v.Claims).Include(v => v.Cases).Where(v => v.Cases.Any(l => l.CaseId == a.Id)).OrderBy(v => v.Pseudonym).FirstOrDefaultAsync(ct);
        if (victim is not null)
        {
            var claim = victim.AddClaim(a.Id, CompensationRoute.CriminalCourtOrder, [CompensationHead.UnpaidWages, CompensationHead.PainAndSuffering], "EUR",
                20_000m, 12_000m, 0m, null, "Compensation order in the judgment", now);
            account.Allocate(claim, 5_000m, today.AddDays(-5), by, now, today);
        }
        var flat = Asset(db, a.Id, "Apartment, 12 Strada Mare, Constanța", AssetKind.RealEstate, "RO", 85_000m, true, by, now, today.AddDays(-60), today);
        flat.RecordStep(AssetStep.Seized, today.AddDays(-50), null, null, now, today);
        var car = Asset(db, a.Id, "Minibus used to move workers", AssetKind.Vehicle, null, 15_000m, false, by, now, today.AddDays(-40), today);
        car.RecordStep(AssetStep.Seized, today.AddDays(-35), null, null, now, today);
        car.RecordStep(AssetStep.Returned, today.AddDays(-10), null, "Released: owned by a leasing company not involved", now, today);
        var cash = Asset(db, a.Id, "Cash found at the house", AssetKind.Cash, null, 7_400m, false, by, now, today.AddDays(-100), today);
        cash.RecordStep(AssetStep.Seized, today.AddDays(-99), null, null, now, today);
        cash.RecordStep(AssetStep.Confiscated, today.AddDays(-30), ConfiscationBasis.NonConvictionBased, "Civil forfeiture", now, today);
        cash.RecordStep(AssetStep.Disposed, today.AddDays(-5), null, "Paid into the state's confiscated assets fund", now, today);
        cash.RecordRealisedValue(7_400m, "EUR");
        Asset(db, a.Id, "Crypto-asset wallet", AssetKind.CryptoAsset, null, null, false, by, now, today.AddDays(-5), today);
    }

    private static CooperationDetails Mla(string state, string subject, AssistanceKind[] assistance, LegalBasis basis, string? treaty) =>
        new(CooperationKind.MutualLegalAssistance, CooperationDirection.Outgoing, state, "Central authority", basis, treaty, subject, assistance, [], false, false, null);

    private static CooperationDetails Informal(string state, string subject) =>
        new(CooperationKind.Informal, CooperationDirection.Outgoing, state, "Police attaché", LegalBasis.Reciprocity, null, subject, [], [], false, false, null);

    private static CooperationRequest Add(TipCasesDbContext db, Guid caseId, Guid by, DateTimeOffset now, CooperationDetails details, Action<CooperationRequest>? shape)
    {
        var request = CooperationRequest.Draft(caseId, details, by, now);
        shape?.Invoke(request);
        db.CooperationRequests.Add(request);
        return request;
    }

    private static Asset Asset(TipCasesDbContext db, Guid caseId, string description, AssetKind kind, string? country, decimal? estimate, bool predicateAbroad, Guid by,
        DateTimeOffset now, DateOnly identifiedOn, DateOnly today)
    {
        var asset = TipCases.Domain.Assets.Asset.Identify(caseId, new AssetDetails(description, kind, country, null, null, [], predicateAbroad,
            predicateAbroad ? "The trafficking that produced it was committed abroad." : null, estimate, estimate is null ? null : "EUR"), identifiedOn, null, by, now, today);
        db.Assets.Add(asset);
        return asset;
    }
}
