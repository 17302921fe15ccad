using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Safeguard.EndToEndTests;

/// <summary>The real app on a real Kestrel port, in demo mode on a fresh SQLite file.</summary>
public sealed class SafeguardFactory(string databasePath) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");

        // UseSetting, not ConfigureAppConfiguration: the app reads these while building its services,
        // before late configuration sources would be applied.
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={databasePath}");

        // Every journey signs in from the same address; the production limit would refuse the later ones.
        builder.UseSetting("Security:SignInAttemptsPerMinute", "1000");
    }
}

/// <summary>One app and one Chromium for every test in the collection; each test takes a fresh browser context.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"safeguard-e2e-{Guid.NewGuid():N}.db");
    private SafeguardFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>
    /// The running app's services. Journeys use them only for what a user cannot do in a test's few minutes: let a
    /// meeting's release or start time pass, by moving it in the database (the app's clock is the real one).
    /// </summary>
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        _factory = new SafeguardFactory(_databasePath);

        // Port 0 lets the OS choose a free port; the bound address is read back below.
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        // Host "localhost", not 127.0.0.1: it is what a developer's browser uses, and the cookies are scoped to it.
        BaseUrl = new UriBuilder(address) { Host = "localhost" }.Uri;

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // No `playwright install` on these machines: use the system Chromium.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,

            // Without the networking flags Chromium tries to reach hosts this machine cannot reach.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh context (own cookies) with its first page. Dispose the context when done.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl.ToString() });

        // Fail a stuck step in 45 s. A sign-in was seen to take just over 20 s on this 2-core machine late in a full
        // run (the page arrived, after the old limit); the cause is not yet found, so the limit leaves room for it.
        context.SetDefaultTimeout(45_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        // SQLite pools connections; release them so the file (and its -wal/-shm) can be deleted.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "App";
}
