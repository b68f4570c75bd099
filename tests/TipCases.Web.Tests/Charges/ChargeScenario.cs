using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;
using Case = TipCases.Domain.Cases.Case;
using TipCases.Domain.Jurisdiction;

namespace TipCases.Web.Tests.Charges;

/// <summary>
/// A CPO case in pre-trial whose offence began on 2025-03-01, with paula (prosecutor, lead), ines
/// (investigator) and lena (liaison officer) on its team; sam supervises CPO; nora is a prosecutor
/// of another office; adam administers. Two victims: a child (15 when the offence began) and an adult.
/// </summary>
internal sealed record ChargeScenario(Case Case, Victim Child, Victim Adult, Guid Paula)
{
    public static readonly DateOnly OffenceBegan = new(2025, 3, 1);

    public static async Task<ChargeScenario> CreateAsync(TipCasesApp app, CaseStage stage = CaseStage.PreTrial)
    {
        var paula = await app.UserAsync("paula", Roles.Prosecutor);
        var ines = await app.UserAsync("ines", Roles.Investigator);
        var lena = await app.UserAsync("lena", Roles.VictimLiaisonOfficer);
        await app.UserAsync("sam", Roles.Supervisor);
        await app.UserAsync("nora", Roles.Prosecutor, "NRO");
        await app.UserAsync("adam", Roles.Administrator);
        var @case = await app.CaseAsync("CPO", "Harbour Lights", stage,
            (paula.Id, TeamRole.Prosecutor), (ines.Id, TeamRole.Investigator), (lena.Id, TeamRole.VictimLiaisonOfficer));
        await app.SetOffenceDatesAsync(@case.Id, OffenceBegan, null);
        var child = await app.VictimAsync(@case, VictimFactory.Identity("Nadia", "Childtest", new DateOnly(2009, 10, 1)), lena.Id);
        var adult = await app.VictimAsync(@case, VictimFactory.Identity("Olga", "Adulttest", new DateOnly(1990, 1, 1)), lena.Id);
        return new ChargeScenario(@case, child, adult, paula.Id);
    }

    public string ChargesUrl => $"/Cases/{Case.Id}/Charges";

    public string NewDefendantUrl => $"/Cases/{Case.Id}/Defendants";

    public string NewChargeUrl => $"/Cases/{Case.Id}/Charges/Edit";
}

internal static class ChargeTestData
{
    public static DefendantDetails Person(string name = "Viktor Testdefendant") => new(DefendantKind.NaturalPerson, name, "\"the boss\"",
        new DateOnly(1975, 6, 1), "RO", false, null, CustodyStatus.RemandedInCustody, null, null, null, true, ExtraditionRefusal.None, null);

    public static DefendantDetails Company(string name = "Harbour Test Staffing Ltd") => new(DefendantKind.LegalPerson, name, null, null,
        null, false, null, null, LegalForm.Company, "REG-777", "NO", false, ExtraditionRefusal.None, null);

    /// <summary>Adds a defendant through the domain, as the defendant page would.</summary>
    public static Task<Defendant> DefendantAsync(this TipCasesApp app, Guid caseId, DefendantDetails? details = null) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
        var defendant = Defendant.Add(Guid.CreateVersion7(), @case, details ?? Person(), @case.CreatedBy, app.Clock.GetUtcNow(), app.Today());
        db.Defendants.Add(defendant);
        await db.SaveChangesAsync();
        return defendant;
    });

    /// <summary>Proposes a charge through the domain (and optionally files it and records facts).</summary>
    public static Task<Charge> ChargeAsync(this TipCasesApp app, Guid caseId, Guid defendantId, Guid? offenceId = null, Guid[]? victims = null,
        ChargeFacts? facts = null, bool filed = false, params AggravatingCircumstance[] aggravations) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
        var defendant = await db.Defendants.SingleAsync(d => d.Id == defendantId);
        var offence = await db.Offences.SingleAsync(o => o.Id == (offenceId ?? DefaultOffences.TraffickingId));
        var caseVictims = await db.CaseVictims.Where(l => l.CaseId == caseId).Select(l => l.VictimId).ToListAsync();
        var today = app.Today();
        var charge = Charge.Propose(Guid.CreateVersion7(), @case, defendant, offence,
            new ChargeDetails(ModeOfLiability.Principal, MentalElement.Intention, null, victims ?? [],
                aggravations.Select(a => new Evidenced<AggravatingCircumstance>(a, "Witness statements")).ToList()),
            caseVictims, today.AddDays(-10), @case.CreatedBy, app.Clock.GetUtcNow(), today);
        if (facts is not null)
        {
            charge.RecordFacts(@case, facts, @case.CreatedBy, app.Clock.GetUtcNow());
        }
        if (filed)
        {
            charge.ChangeStatus(@case, ChargeStatus.Filed, today.AddDays(-5), null, null, offence, defendant, @case.CreatedBy, app.Clock.GetUtcNow(), today);
        }
        db.Charges.Add(charge);
        await db.SaveChangesAsync();
        return charge;
    });

    /// <summary>Convicts every filed or amended charge of a case, through the domain.</summary>
    public static Task DecideFiledChargesAsync(this TipCasesApp app, Guid caseId) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
        foreach (var charge in await db.Charges.Include(c => c.Aggravations).Where(c => c.CaseId == caseId).ToListAsync())
        {
            if (charge.Status.AwaitsOutcome())
            {
                var offence = await db.Offences.SingleAsync(o => o.Id == charge.OffenceId);
                var defendant = await db.Defendants.SingleAsync(d => d.Id == charge.DefendantId);
                charge.ChangeStatus(@case, ChargeStatus.Convicted, app.Today(), null, null, offence, defendant, @case.CreatedBy, app.Clock.GetUtcNow(), app.Today());
            }
        }
        await db.SaveChangesAsync();
    });

    /// <summary>The charge as stored, with its parts.</summary>
    public static Task<Charge> StoredChargeAsync(this TipCasesApp app, Guid id) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().Charges.AsNoTracking().AsSplitQuery()
            .Include(c => c.Facts).Include(c => c.Victims).Include(c => c.Aggravations).Include(c => c.Proposals).Include(c => c.StatusHistory)
            .SingleAsync(c => c.Id == id));

    public static Task<List<Charge>> ChargesOfAsync(this TipCasesApp app, Guid caseId) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().Charges.AsNoTracking().AsSplitQuery()
            .Include(c => c.Facts).Include(c => c.Victims).Include(c => c.Aggravations).Include(c => c.StatusHistory)
            .Where(c => c.CaseId == caseId).ToListAsync());

    public static Task<List<Defendant>> DefendantsOfAsync(this TipCasesApp app, Guid caseId) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().Defendants.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync());

    /// <summary>A facts form with the given values ticked and evidenced (rows as the page numbers them).</summary>
    public static Dictionary<string, string> FactsForm(IReadOnlyCollection<TraffickingAct>? acts = null, IReadOnlyCollection<TraffickingMeans>? means = null,
        IReadOnlyCollection<ExploitationForm>? purposes = null, IReadOnlyCollection<ExploitationForm>? exploitation = null)
    {
        var form = new Dictionary<string, string>();
        var rows = Enum.GetValues<TraffickingAct>().Select(a => (ChargeElement.Act, a.ToString(), acts?.Contains(a) == true))
            .Concat(Enum.GetValues<TraffickingMeans>().Select(m => (ChargeElement.Means, m.ToString(), means?.Contains(m) == true)))
            .Concat(Enum.GetValues<ExploitationForm>().Select(p => (ChargeElement.Purpose, p.ToString(), purposes?.Contains(p) == true)))
            .Concat(Enum.GetValues<ExploitationForm>().Select(e => (ChargeElement.Exploitation, e.ToString(), exploitation?.Contains(e) == true)))
            .ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var (element, value, ticked) = rows[i];
            form[$"Form.Facts[{i}].Element"] = element.ToString();
            form[$"Form.Facts[{i}].Value"] = value;
            form[$"Form.Facts[{i}].Evidence"] = ticked ? $"Statement about {value}" : "";
            if (ticked)
            {
                form[$"Form.Facts[{i}].Selected"] = "true";
            }
        }
        return form;
    }

    /// <summary>The row number of a value on the facts form.</summary>
    public static int FactRow(ChargeElement element, string value) => element switch
    {
        ChargeElement.Act => Array.IndexOf(Enum.GetNames<TraffickingAct>(), value),
        ChargeElement.Means => Enum.GetNames<TraffickingAct>().Length + Array.IndexOf(Enum.GetNames<TraffickingMeans>(), value),
        ChargeElement.Purpose => Enum.GetNames<TraffickingAct>().Length + Enum.GetNames<TraffickingMeans>().Length + Array.IndexOf(Enum.GetNames<ExploitationForm>(), value),
        _ => Enum.GetNames<TraffickingAct>().Length + Enum.GetNames<TraffickingMeans>().Length + Enum.GetNames<ExploitationForm>().Length
            + Array.IndexOf(Enum.GetNames<ExploitationForm>(), value),
    };
}
