using Microsoft.AspNetCore.Identity;
using TipCases.Domain.Offices;
using TipCases.Web.Security;

namespace TipCases.Web.Data.Seeding;

/// <summary>
/// Demo offices, accounts, cases (<see cref="DemoCases"/>), victims (<see cref="DemoVictims"/>) and charges (<see cref="DemoCharges"/>) for Development only (Program.cs
/// never calls this elsewhere). Idempotent: running the app again adds what is missing and changes
/// nothing that exists.
/// </summary>
public static class DemoData
{
    public const string DefaultPassword = "tipcases-demo-2026";

    /// <summary>The authenticator secret (base32) of every demo account, published in README so
    /// demos and browser tests can make sign-in codes. Development data only.</summary>
    public const string AuthenticatorKey = "TIPCASESDEMOTOTPSECRETKEYABCDEFG";

    public static readonly (string Code, string Name) CentralOffice = ("CPO", "Central Prosecution Office");
    public static readonly (string Code, string Name) NorthernOffice = ("NRO", "Northern Regional Office");

    public static IReadOnlyList<(string UserName, string DisplayName, string OfficeCode, string Role)> Accounts { get; } =
    [
        ("investigator", "Ines Investigator", "CPO", Roles.Investigator),
        ("prosecutor", "Paula Prosecutor", "CPO", Roles.Prosecutor),
        ("liaison", "Lena Liaison", "CPO", Roles.VictimLiaisonOfficer),
        ("supervisor", "Sam Supervisor", "CPO", Roles.Supervisor),
        ("admin", "Adam Administrator", "CPO", Roles.Administrator),
        ("investigator.north", "Ivar North", "NRO", Roles.Investigator),
        ("prosecutor.north", "Nora North", "NRO", Roles.Prosecutor),
        ("supervisor.north", "Niko North", "NRO", Roles.Supervisor),
    ];

    public static string Password(IConfiguration configuration) =>
        configuration["TIPCASES_DEMO_PASSWORD"] is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultPassword;

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TipCasesDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await RoleSeeder.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>());

        var offices = new Dictionary<string, Office>();
        foreach (var (code, name) in new[] { CentralOffice, NorthernOffice })
        {
            var office = await db.Offices.SingleOrDefaultAsync(o => o.Code == code, ct);
            if (office is null)
            {
                office = new Office(Guid.CreateVersion7(), code, name, clock.GetUtcNow());
                db.Offices.Add(office);
                await db.SaveChangesAsync(ct);
            }
            offices[code] = office;
        }

        var password = Password(configuration);
        foreach (var (userName, displayName, officeCode, role) in Accounts)
        {
            if (await users.FindByNameAsync(userName) is { } existing)
            {
                await EnrolAsync(users, existing);
                continue;
            }
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = userName,
                DisplayName = displayName,
                Email = $"{userName}@tipcases.example",
                EmailConfirmed = true,
                OfficeId = offices[officeCode].Id,
                CreatedAt = clock.GetUtcNow(),
            };
            Ensure(await users.CreateAsync(user, password), userName);
            Ensure(await users.AddToRoleAsync(user, role), userName);
            await EnrolAsync(users, user);
        }

        await DemoCases.SeedAsync(db, scope.ServiceProvider.GetRequiredService<CaseReferences>(), clock, offices, ct);
        await DemoVictims.SeedAsync(db, scope.ServiceProvider.GetRequiredService<VictimPseudonyms>(),
            scope.ServiceProvider.GetRequiredService<TipCases.Domain.Victims.IIdentityProtector>(), clock, offices, ct);
        await DemoCharges.SeedAsync(db, clock, ct);
        await DemoHearings.SeedAsync(scope.ServiceProvider, offices, ct);
        await DemoCooperation.SeedAsync(db, clock, offices, ct);
    }

    /// <summary>Demo accounts sign in with the published authenticator secret.</summary>
    private static async Task EnrolAsync(UserManager<AppUser> users, AppUser user)
    {
        var manager = (TipCasesUserManager)users;
        if (!await manager.IsEnrolledAsync(user))
        {
            Ensure(await manager.SetAuthenticatorAsync(user, AuthenticatorKey), user.UserName!);
        }
    }

    private static void Ensure(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Demo account {userName} could not be created: {string.Join(' ', result.Errors.Select(e => e.Description))}");
        }
    }
}
