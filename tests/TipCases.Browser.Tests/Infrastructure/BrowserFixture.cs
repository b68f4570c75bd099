using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using TipCases.Testing;
using TipCases.Web.Data.Seeding;
using TipCases.Web.Security;

namespace TipCases.Browser.Tests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port, in Development with its demo data on a fresh database, and
/// Debian's Chromium driven by Playwright (never a downloaded browser).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DemoPassword = "tipcases-demo-2026";
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The app's clock: real time plus an offset that <see cref="NextCode"/> moves on, as
    /// each authenticator code is accepted once only.</summary>
    public OffsetClock Clock { get; } = new();

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabaseServer.CreateDatabaseAsync("browser");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:TipCases", connectionString);
            builder.UseSetting("TIPCASES_DEMO_PASSWORD", DemoPassword);
            builder.UseSetting("Security:IdentityKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            });
        });
        // A free port on loopback chosen by the OS, so parallel runs never collide; the address
        // actually bound is read back from the server.
        _factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: apt-get install chromium (./test.sh does it).");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // As root in a container Chromium needs --no-sandbox; the rest keep it off the network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>The app's services (its pages, its database), e.g. to find demo records.</summary>
    public IServiceProvider Services => _factory!.Services;

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    public async Task<IPage> SignedInPageAsync(string userName)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Mfa", StringComparison.Ordinal));
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(NextCode());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal));
        return page;
    }

    /// <summary>A code of <paramref name="key"/> (the demo accounts' by default) for a time step no
    /// sign-in has used yet: the app's clock moves on by one step first.</summary>
    public string NextCode(string key = DemoData.AuthenticatorKey)
    {
        Clock.Advance(Totp.Step);
        return Totp.Code(key, Totp.StepAt(Clock.GetUtcNow()));
    }

    /// <summary>A user (demo office CPO) who has not set up an authenticator app yet.</summary>
    public async Task CreateUserWithoutAuthenticatorAsync(string userName, string role)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var office = (await users.FindByNameAsync("prosecutor"))!.OfficeId;
        var user = new AppUser { Id = Guid.CreateVersion7(), UserName = userName, DisplayName = "New " + userName, OfficeId = office, CreatedAt = Clock.GetUtcNow() };
        (await users.CreateAsync(user, DemoPassword)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
    }

    /// <summary>Axe violations of serious or critical impact on the current page.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))})")
            .ToList();
    }
}

/// <summary>Real time plus an offset the tests move forward.</summary>
public sealed class OffsetClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
