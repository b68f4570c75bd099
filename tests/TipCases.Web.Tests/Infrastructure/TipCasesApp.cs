using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Respawn;
using Respawn.Graph;
using TipCases.Domain.Offices;
using TipCases.Testing;
using TipCases.Web.Data;
using TipCases.Web.Security;

namespace TipCases.Web.Tests.Infrastructure;

/// <summary>
/// The app under test on its own fresh PostgreSQL database (migrations applied at start-up, as
/// in production configuration, with HTTPS-only cookies). Shared by every test class of the
/// assembly; <see cref="ResetAsync"/> empties the data between tests.
/// </summary>
public sealed class TipCasesApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "a long test passphrase";

    /// <summary>The authenticator secret of users made by <see cref="UserAsync"/>.</summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /// <summary>Test-only: the network address a request comes from (TestServer has none). Read
    /// by a middleware the test host alone adds (<see cref="RemoteAddressFromHeader"/>).</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    private Respawner? _respawner;

    public string ConnectionString { get; private set; } = "";

    public MutableTimeProvider Clock { get; } = new();

    public CapturedLogs Logs { get; } = new();

    /// <summary>A fresh identity key per run, as no key may live in the repository.</summary>
    public string IdentityKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabaseServer.CreateDatabaseAsync("web");
        _ = Server; // start the host: applies the migrations
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            // The audit trail refuses deletes by design; roles and the offence catalogue are seeded reference data.
            TablesToIgnore = [new Table("__EFMigrationsHistory"), new Table("audit_events"), new Table("roles"), new Table("data_protection_keys"), new Table("offences")],
        });
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
        Services.GetRequiredService<SignInLimits>().Clear();
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:TipCases", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Security:RequireHttps", "true");
        builder.UseSetting("Security:IdentityKey", IdentityKey);
        // No background summary rounds, and figures counted when a page asks: tests assert them
        // right after changing the data (Scale/SummaryTests and the dashboard's summary test opt back in).
        builder.UseSetting("Summaries:Enabled", "false");
        builder.UseSetting("Summaries:MaxAge", "00:00:00");
        // Information, like production, so the tests see every request line the app would log.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        // Tests provoke database errors on purpose (a duplicate code, say); the page's answer is
        // what they assert, so EF's own error log would only be noise here.
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Fatal");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<Serilog.Core.ILogEventSink>(Logs);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>();
        });
    }

    /// <summary>A browser-like client: HTTPS, cookies kept, redirects not followed (so tests see
    /// them), from a network address of its own unless one is given.</summary>
    public HttpClient NewClient(string? remoteAddress = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        remoteAddress ??= $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";
        client.DefaultRequestHeaders.Add(RemoteAddressHeader, remoteAddress);
        return client;
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task WithScopeAsync(Func<IServiceProvider, Task> work) =>
        WithScopeAsync(async sp => { await work(sp); return true; });

    public Task<Office> OfficeAsync(string code = "CPO", string? name = null) => WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TipCasesDbContext>();
        var office = await db.Offices.SingleOrDefaultAsync(o => o.Code == code);
        if (office is null)
        {
            office = new Office(Guid.CreateVersion7(), code, name ?? $"Office {code}", Clock.GetUtcNow());
            db.Offices.Add(office);
            await db.SaveChangesAsync();
        }
        return office;
    });

    /// <summary>A user with <see cref="Password"/>, enrolled with <see cref="AuthenticatorKey"/>
    /// unless <paramref name="enrolled"/> is false (then the first sign-in sets up the app).</summary>
    public Task<AppUser> UserAsync(string userName, string role, string officeCode = "CPO", bool enrolled = true) => WithScopeAsync(async sp =>
    {
        var office = await OfficeAsync(officeCode);
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            DisplayName = "Test " + userName,
            OfficeId = office.Id,
            CreatedAt = Clock.GetUtcNow(),
        };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        if (enrolled)
        {
            (await ((TipCasesUserManager)users).SetAuthenticatorAsync(user, AuthenticatorKey)).Succeeded.ShouldBeTrue();
        }
        return user;
    });

    /// <summary>A code from the user's authenticator that has not been used yet: when the current
    /// time step's code is used (codes are accepted once only), the clock moves on to the next step.</summary>
    public async Task<string> CodeAsync(string userName)
    {
        var (key, lastStep) = await WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");
            var last = await sp.GetRequiredService<TipCasesDbContext>().AuthenticatorUses
                .Where(u => u.UserId == user.Id).Select(u => (long?)u.LastTimeStep).SingleOrDefaultAsync();
            return (await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{userName} has no authenticator."), last);
        });
        return CodeFor(key, lastStep);
    }

    /// <summary>The code of <paramref name="key"/> for the current time step, after moving the
    /// clock past <paramref name="usedStep"/> if needed.</summary>
    public string CodeFor(string key, long? usedStep = null)
    {
        var step = Totp.StepAt(Clock.GetUtcNow());
        if (usedStep is { } used && used >= step)
        {
            Clock.Advance(TimeSpan.FromSeconds((used + 1 - step) * Totp.Step.TotalSeconds));
            step = Totp.StepAt(Clock.GetUtcNow());
        }
        return Totp.Code(key, step);
    }

    /// <summary>Signs in through the real pages (password, then the code from the app, or setting
    /// the app up for a user without one) and returns the client holding the session cookie.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password = Password, HttpClient? client = null)
    {
        client ??= NewClient();
        var response = await client.SubmitFormAsync("/Account/Login", new() { ["Form.UserName"] = userName, ["Form.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"the password of {userName} should be accepted");
        var codePage = response.Headers.Location!.OriginalString;
        codePage.ShouldStartWith("/Account/Mfa");
        var page = await client.GetAsync(codePage);
        if (page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location!.OriginalString.StartsWith("/Account/Enrol", StringComparison.Ordinal))
        {
            var enrolUrl = page.Headers.Location.OriginalString;
            var enrol = await client.GetHtmlAsync(enrolUrl);
            var key = enrol.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal).Trim();
            var enrolled = await client.SubmitFormAsync(enrol, enrolUrl, new() { ["Form.Code"] = CodeFor(key) });
            enrolled.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await enrolled.ReadHtmlAsync()).QuerySelectorAll("[data-testid=recovery-codes] li").Length.ShouldBe(RecoveryCodes.Count);
            return client;
        }
        page.StatusCode.ShouldBe(HttpStatusCode.OK, $"{userName} should be asked for a code");
        var signedIn = await client.SubmitFormAsync(await page.ReadHtmlAsync(), codePage, new() { ["Form.Code"] = await CodeAsync(userName) });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"the code of {userName} should be accepted");
        return client;
    }
}

/// <summary>Test host only: takes the request's remote address from <see cref="TipCasesApp.RemoteAddressHeader"/>,
/// as TestServer gives none. The app itself trusts no such header.</summary>
internal sealed class RemoteAddressFromHeader : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[TipCasesApp.RemoteAddressHeader].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}

[CollectionDefinition(Name)]
public sealed class WebTestGroup : ICollectionFixture<TipCasesApp>
{
    public const string Name = "web";
}

/// <summary>Base for tests against the app: each test starts from empty data.</summary>
[Collection(WebTestGroup.Name)]
public abstract class WebTest(TipCasesApp app) : IAsyncLifetime
{
    protected TipCasesApp App { get; } = app;

    public Task InitializeAsync() => App.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
