using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Assets;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Jurisdiction;
using TipCases.Web.Tests.Charges;
using TipCases.Web.Tests.Cooperation;
using TipCases.Web.Tests.Hearings;
using TipCases.Web.Tests.Victims;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Testing.Security;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Security;

/// <summary>A record a route parameter is filled with, named by its relation to the actors
/// (e.g. <c>team</c>: a case the actors work on), with the value per parameter (null: left out).</summary>
public sealed record RecordVariant(string Name, IReadOnlyDictionary<string, string?> Values);

/// <summary>One record of each kind that belongs together: a case of the actors' team, its victim,
/// a CPO colleague's account and the CPO office.</summary>
public sealed record RecordSet(Guid Case, Guid Victim, Guid User, Guid Office);

/// <summary>
/// The records the access matrix and the hostile-input sweep are checked against, built through the
/// domain in two offices. The actors (one per role, all in office CPO) are: investigator,
/// prosecutor (lead) and liaison on the team of the "team" case, and supervisor and administrator,
/// who are on no team. Each route parameter is filled from <see cref="Kinds"/>:
/// <list type="bullet">
/// <item>case (<c>/Cases/{id}</c>, <c>{caseId}</c>): team / office (a CPO case none of the actors is on) / other (a case of office NRO)</item>
/// <item>victim (<c>/Victims/{id}</c>): the victim of each of those cases; liaison is the liaison officer of the team case's victim</item>
/// <item>user (<c>/Admin/Users/…/{id}</c>): office (a CPO colleague) / other (an NRO user)</item>
/// <item>office (<c>/Admin/Offices/…/{id}</c>): office (CPO) / other (NRO)</item>
/// <item>code (<c>/Error/{code}</c>): an error status (404)</item>
/// </list>
/// An optional parameter adds a first variant, "none", without it. A second parameter whose kind has
/// the same relations as the first follows it (a hearing of the team case with the team case). A page
/// whose parameter no kind fills fails the matrix test: add a kind here, with records built the same
/// way (in <see cref="BuildAsync"/>, and for the hostile-input sweep in <see cref="FreshAsync"/>).
/// </summary>
public sealed class AccessWorld
{
    public static readonly IReadOnlyDictionary<string, string> RoleOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["investigator"] = Roles.Investigator,
        ["prosecutor"] = Roles.Prosecutor,
        ["liaison"] = Roles.VictimLiaisonOfficer,
        ["supervisor"] = Roles.Supervisor,
        ["administrator"] = Roles.Administrator,
    };

    private readonly TipCasesApp _app;
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    private AccessWorld(TipCasesApp app) => _app = app;

    public Case TeamCase { get; private set; } = null!;
    public Case OfficeCase { get; private set; } = null!;
    public Case OtherCase { get; private set; } = null!;
    public Guid TeamVictim { get; private set; }
    public Guid OfficeVictim { get; private set; }
    public Guid OtherVictim { get; private set; }
    public Guid OfficeUser { get; private set; }
    public Guid OtherUser { get; private set; }
    public Guid Office { get; private set; }
    public Guid OtherOffice { get; private set; }
    public IReadOnlyDictionary<string, Guid> ActorIds { get; private set; } = new Dictionary<string, Guid>();

    /// <summary>Which records fill a route parameter, by route prefix and parameter name. Add a kind
    /// here when a page takes a new kind of id (a charge, a hearing, a request).</summary>
    /// <summary>Fresh: the value from a <see cref="RecordSet"/> of the actors' own records (null: the kind
    /// has none, and the first record of <c>Records</c> is used).</summary>
    public IReadOnlyList<(string Kind, Func<string, string, bool> Fills, IReadOnlyList<(string Relation, string Value)> Records, Func<RecordSet, string>? Fresh)> Kinds =>
    [
        // Records of a case, before the case itself: their {id} follows the case's {caseId}.
        ("asset", (route, p) => route.StartsWith("/Cases/", StringComparison.Ordinal) && route.Contains("/Assets/", StringComparison.Ordinal) && p == "id",
            Related(_assetOf), set => _assetOf[S(set.Case)]),
        ("request", (route, p) => route.StartsWith("/Cases/", StringComparison.Ordinal) && route.Contains("/Cooperation/", StringComparison.Ordinal) && p == "id",
            Related(_requestOf), set => _requestOf[S(set.Case)]),
        ("charge", (route, p) => (route.StartsWith("/Charges/", StringComparison.Ordinal) && p == "id") || p == "chargeId",
            Related(_chargeOf), set => _chargeOf[S(set.Case)]),
        ("defendant", (_, p) => p == "defendantId", Related(_defendantOf), set => _defendantOf[S(set.Case)]),
        ("hearing", (_, p) => p == "hearingId", Related(_hearingOf), set => _hearingOf[S(set.Case)]),
        ("offence", (route, p) => route.StartsWith("/Admin/Offences/", StringComparison.Ordinal) && p == "id",
            [("offence", S(DefaultOffences.TraffickingId))], null),
        ("case", (route, p) => route.StartsWith("/Cases/", StringComparison.Ordinal) && p is "id" or "caseId",
            [("team", S(TeamCase.Id)), ("office", S(OfficeCase.Id)), ("other", S(OtherCase.Id))], set => S(set.Case)),
        ("victim", (route, p) => route.StartsWith("/Victims/", StringComparison.Ordinal) && p is "id" or "victimId",
            [("team", S(TeamVictim)), ("office", S(OfficeVictim)), ("other", S(OtherVictim))], set => S(set.Victim)),
        ("user", (route, p) => route.StartsWith("/Admin/Users/", StringComparison.Ordinal) && p == "id",
            [("office", S(OfficeUser)), ("other", S(OtherUser))], set => S(set.User)),
        ("office", (route, p) => route.StartsWith("/Admin/Offices/", StringComparison.Ordinal) && p == "id",
            [("office", S(Office)), ("other", S(OtherOffice))], set => S(set.Office)),
        ("code", (route, p) => route.StartsWith("/Error/", StringComparison.Ordinal) && p == "code", [("code", "404")], null),
    ];

    /// <summary>Ids of records of office NRO, for tampering with hidden fields and choices.</summary>
    public IReadOnlyList<Guid> OtherOfficeIds => [OtherCase.Id, OtherVictim, OtherUser, OtherOffice];

    private int _fresh;

    /// <summary>A new set of the actors' own records, as the team case: a case at pre-trial with the
    /// three actors on its team, an open task, its victim (liaison: the liaison actor) with a planned
    /// measure, and a new CPO account; so that what one form's attack changes never reaches the next.</summary>
    public async Task<RecordSet> FreshAsync()
    {
        var n = ++_fresh;
        var @case = await _app.CaseAsync("CPO", $"Fresh case {n}", CaseStage.PreTrial,
            (ActorIds["prosecutor"], TeamRole.Prosecutor), (ActorIds["investigator"], TeamRole.Investigator), (ActorIds["liaison"], TeamRole.VictimLiaisonOfficer));
        _taskOf[S(@case.Id)] = S(await AddTaskAsync(_app, @case.Id));
        var victim = (await _app.VictimAsync(@case, liaisonOfficer: ActorIds["liaison"])).Id;
        _measureOf[S(victim)] = S(await PlanMeasureAsync(_app, victim));
        await AddCaseRecordsAsync(@case);
        var user = await _app.UserAsync($"target.{n}", Roles.Investigator);
        return new RecordSet(@case.Id, victim, user.Id, Office);
    }

    /// <summary>The actors' own records of the world (the team case and its victim, a CPO colleague, CPO).</summary>
    public RecordSet Own => new(TeamCase.Id, TeamVictim, OfficeUser, Office);

    /// <summary>The entry's route filled from <paramref name="set"/>; optional parameters are left out
    /// where <paramref name="like"/> leaves them out.</summary>
    public RecordVariant ValuesFor(PageEntry entry, RecordSet set, RecordVariant? like = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, _) in entry.Parameters)
        {
            var kind = Kinds.First(k => k.Fills(entry.Route, name));
            values[name] = like is not null && like.Values.TryGetValue(name, out var v) && v is null ? null
                : kind.Fresh is { } fresh ? fresh(set) : kind.Records[0].Value;
        }
        return new RecordVariant("own", values);
    }

    private static string S(Guid id) => id.ToString();

    private readonly Dictionary<string, string> _taskOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _defendantOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _chargeOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hearingOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _requestOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _assetOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _placeOf = new(StringComparer.Ordinal);

    /// <summary>The records of the team, office and other cases, by the case's relation.</summary>
    private List<(string Relation, string Value)> Related(Dictionary<string, string> of) =>
        [("team", of[S(TeamCase.Id)]), ("office", of[S(OfficeCase.Id)]), ("other", of[S(OtherCase.Id)])];

    /// <summary>A defendant, a charge against them, a hearing, a cooperation request, an asset and a place of conduct of the case.</summary>
    private async Task AddCaseRecordsAsync(Case @case)
    {
        var id = S(@case.Id);
        await _app.SetOffenceDatesAsync(@case.Id, new DateOnly(2025, 3, 1), null);
        var defendant = await _app.DefendantAsync(@case.Id);
        _defendantOf[id] = S(defendant.Id);
        _chargeOf[id] = S((await _app.ChargeAsync(@case.Id, defendant.Id)).Id);
        _hearingOf[id] = S((await _app.HearingAsync(@case, 14)).Id);
        _requestOf[id] = S((await _app.RequestAsync(@case.Id, CooperationTestData.Mla())).Id);
        _assetOf[id] = S(await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var today = _app.Today();
            var asset = Asset.Identify(@case.Id, new AssetDetails("Account at Northwind Bank", AssetKind.BankAccount, "CY", null, null, [], false, null, 10_000m, "EUR"),
                today.AddDays(-60), null, @case.CreatedBy, _app.Clock.GetUtcNow(), today);
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset.Id;
        }));
        _placeOf[id] = S(await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var stored = await db.Cases.SingleAsync(c => c.Id == @case.Id);
            var facts = CaseJurisdiction.Start(stored, _app.Clock.GetUtcNow());
            var place = facts.AddPlace(stored, ConductPlaceKind.Territory, "NO", "Exploitation at the fish plant", _app.Clock.GetUtcNow());
            db.CaseJurisdictions.Add(facts);
            await db.SaveChangesAsync();
            return place.Id;
        }));
    }
    private readonly Dictionary<string, string> _measureOf = new(StringComparer.Ordinal);

    /// <summary>Form fields a handler needs before it reaches its access check (an empty form would
    /// only ever get "not found" for a task or measure id). Keyed by matrix entry; the rest post an empty form.</summary>
    public IReadOnlyDictionary<string, string> FormFor(PageEntry entry, RecordVariant variant) => entry.Key switch
    {
        "POST /Cases/{id}/Tasks?handler=Complete" => new Dictionary<string, string> { ["taskId"] = _taskOf[variant.Values["id"]!] },
        "POST /Victims/{id}/Protection?handler=Update" => new Dictionary<string, string> { ["Update.MeasureId"] = _measureOf[variant.Values["id"]!] },
        // Without the version the page was loaded with: an allowed actor is shown the conflict (ok) and the place stays for the next.
        "POST /Cases/{id}/Jurisdiction?handler=RemovePlace" => new Dictionary<string, string> { ["placeId"] = _placeOf[variant.Values["id"]!] },
        _ => new Dictionary<string, string>(),
    };

    public static async Task<AccessWorld> BuildAsync(TipCasesApp app)
    {
        var world = new AccessWorld(app);
        var actors = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (actor, role) in RoleOf)
        {
            actors[actor] = (await app.UserAsync(actor, role)).Id;
        }
        world.ActorIds = actors;
        var colleague = await app.UserAsync("colleague.prosecutor", Roles.Prosecutor);
        var colleagueLiaison = await app.UserAsync("colleague.liaison", Roles.VictimLiaisonOfficer);
        var north = await app.UserAsync("north.prosecutor", Roles.Prosecutor, "NRO");
        var northLiaison = await app.UserAsync("north.liaison", Roles.VictimLiaisonOfficer, "NRO");

        world.TeamCase = await app.CaseAsync("CPO", "Harbour Lights forced labour", CaseStage.PreTrial,
            (actors["prosecutor"], TeamRole.Prosecutor), (actors["investigator"], TeamRole.Investigator), (actors["liaison"], TeamRole.VictimLiaisonOfficer));
        world.OfficeCase = await app.CaseAsync("CPO", "Orchard wages withheld", CaseStage.Intake,
            (colleague.Id, TeamRole.Prosecutor), (colleagueLiaison.Id, TeamRole.VictimLiaisonOfficer));
        world.OtherCase = await app.CaseAsync("NRO", "Northern quarry debt bondage", CaseStage.Intake,
            (north.Id, TeamRole.Prosecutor), (northLiaison.Id, TeamRole.VictimLiaisonOfficer));
        world.TeamVictim = (await app.VictimAsync(world.TeamCase, liaisonOfficer: actors["liaison"])).Id;
        world.OfficeVictim = (await app.VictimAsync(world.OfficeCase, liaisonOfficer: colleagueLiaison.Id)).Id;
        world.OtherVictim = (await app.VictimAsync(world.OtherCase, liaisonOfficer: northLiaison.Id)).Id;
        foreach (var @case in new[] { world.TeamCase, world.OfficeCase, world.OtherCase })
        {
            world._taskOf[S(@case.Id)] = S(await AddTaskAsync(app, @case.Id));
        }
        foreach (var victim in new[] { world.TeamVictim, world.OfficeVictim, world.OtherVictim })
        {
            world._measureOf[S(victim)] = S(await PlanMeasureAsync(app, victim));
        }
        foreach (var @case in new[] { world.TeamCase, world.OfficeCase, world.OtherCase })
        {
            await world.AddCaseRecordsAsync(@case);
        }
        world.OfficeUser = colleague.Id;
        world.OtherUser = north.Id;
        world.Office = (await app.OfficeAsync("CPO")).Id;
        world.OtherOffice = (await app.OfficeAsync("NRO")).Id;
        return world;
    }

    private static Task<Guid> AddTaskAsync(TipCasesApp app, Guid caseId) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var @case = await db.Cases.Include(c => c.Team).Include(c => c.Tasks).SingleAsync(c => c.Id == caseId);
        var now = app.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var assignee = @case.Team.First().UserId;
        var task = @case.AddTask("Take the first statement", null, assignee, today.AddDays(7), assignee, now, today);
        db.CaseTasks.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    });

    private static Task<Guid> PlanMeasureAsync(TipCasesApp app, Guid victimId) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var victim = await db.Victims.Include(v => v.Cases).Include(v => v.Measures).SingleAsync(v => v.Id == victimId);
        var now = app.Clock.GetUtcNow();
        var measure = victim.PlanMeasure(ProtectionMeasureKind.CounsellingAndEmotionalSupport, null, DateOnly.FromDateTime(now.UtcDateTime), now);
        await db.SaveChangesAsync();
        return measure.Id;
    });

    /// <summary>The records an entry's route is tried with, in the order the matrix cells list them.</summary>
    public IReadOnlyList<RecordVariant> VariantsFor(PageEntry entry)
    {
        List<RecordVariant> variants = [new RecordVariant("-", new Dictionary<string, string?>())];
        foreach (var (name, optional) in entry.Parameters)
        {
            var kind = Kinds.FirstOrDefault(k => k.Fills(entry.Route, name));
            if (kind.Kind is null)
            {
                throw new InvalidOperationException(
                    $"{entry.Key}: no record kind fills the route parameter {{{name}}}. Add one to AccessWorld.Kinds (tests/TipCases.Web.Tests/Security/AccessWorld.cs).");
            }
            var records = new List<(string Relation, string? Value)>();
            if (optional)
            {
                records.Add(("none", null));
            }
            records.AddRange(kind.Records.Select(r => (r.Relation, (string?)r.Value)));
            // A record that belongs to an earlier one (a hearing of the case in /Cases/{id}/Hearings/{hearingId})
            // has the same relations (team, office, other): it follows the earlier record instead of
            // multiplying the variants, so the route is tried with a team case's own hearing, and so on.
            if (!optional && variants.Count > 1 && variants.All(v => records.Any(r => r.Relation == v.Name)))
            {
                variants = variants.Select(v => new RecordVariant(v.Name,
                    new Dictionary<string, string?>(v.Values) { [name] = records.First(r => r.Relation == v.Name).Value })).ToList();
                continue;
            }
            variants = variants.SelectMany(v => records.Select(r => new RecordVariant(
                v.Name == "-" ? r.Relation : v.Name + "+" + r.Relation,
                new Dictionary<string, string?>(v.Values) { [name] = r.Value }))).ToList();
        }
        return variants;
    }

    /// <summary>The actor's client, signed in through the real sign-in (anonymous: none).</summary>
    public async Task<HttpClient> ClientAsync(string actor)
    {
        if (!_clients.TryGetValue(actor, out var client))
        {
            if (actor != "anonymous")
            {
                // A sweep may have locked the account (wrong current passwords): it is a test user, let it in again.
                await _app.WithScopeAsync(async sp =>
                {
                    var users = sp.GetRequiredService<UserManager<AppUser>>();
                    var user = await users.FindByNameAsync(actor) ?? throw new InvalidOperationException($"No actor {actor}.");
                    await users.SetLockoutEndDateAsync(user, null);
                    await users.ResetAccessFailedCountAsync(user);
                });
            }
            client = actor == "anonymous" ? _app.NewClient() : await _app.SignedInClientAsync(actor);
            _clients[actor] = client;
        }
        return client;
    }

    /// <summary>A new account with the actor's role (office CPO, on no team), to stand in for the actor
    /// where an attack would lock the account or trip the sign-in limits: wrong current passwords
    /// count towards lockout, and a locked actor could not go on. Returns its name, usable as an actor.</summary>
    public async Task<string> StandInAsync(string actor)
    {
        var name = $"{actor}.standin{++_fresh}";
        await _app.UserAsync(name, RoleOf[actor]);
        return name;
    }

    /// <summary>An antiforgery token valid for the actor's client.</summary>
    public async Task<string> TokenAsync(string actor)
    {
        if (!_tokens.TryGetValue(actor, out var token))
        {
            var client = await ClientAsync(actor);
            token = actor == "anonymous"
                ? await client.AntiforgeryTokenAsync("/Account/Login")
                : await client.AntiforgeryTokenAsync();
            _tokens[actor] = token;
        }
        return token;
    }

    /// <summary>Forgets a client whose session a request ended (sign-out), so the next use signs in again.</summary>
    public void Forget(string actor)
    {
        _clients.Remove(actor);
        _tokens.Remove(actor);
    }
}
