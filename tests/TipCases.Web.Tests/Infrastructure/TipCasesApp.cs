using System.Net;
using Microsoft.AspNetCore.Hosting;
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
            // The audit trail refuses deletes by design, and roles are fixed reference data.
            TablesToIgnore = [new Table("__EFMigrationsHistory"), new Table("audit_events"), new Table("roles"), new Table("data_protection_keys")],
        });
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:TipCases", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Security:RequireHttps", "true");
        builder.UseSetting("Security:IdentityKey", IdentityKey);
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
            services.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = Clock);
        });
    }

    /// <summary>A browser-like client: HTTPS, cookies kept, redirects not followed (so tests see them).</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

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

    public Task<AppUser> UserAsync(string userName, string role, string officeCode = "CPO") => WithScopeAsync(async sp =>
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
        return user;
    });

    /// <summary>Signs in through the real sign-in page and returns the client holding the cookie.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password = Password)
    {
        var client = NewClient();
        var response = await client.SubmitFormAsync("/Account/Login", new() { ["Form.UserName"] = userName, ["Form.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {userName} should redirect");
        return client;
    }
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
