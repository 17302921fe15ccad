using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Tests;

namespace Safeguard.Web.Tests;

public sealed record TestUser(string Id, string Email, string Password, string? AuthenticatorKey);

/// <summary>
/// The real app over a fresh database (SQLite or PostgreSQL, as test.sh chose), in the "Testing" environment,
/// with a clock tests can move and every log line captured so tests can look for personal data in them.
/// </summary>
public sealed class SafeguardApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "testing-password-long-enough";

    private TestDatabase _database = null!;
    private readonly Dictionary<string, string?> _settings = new();

    public TestClock Clock { get; } = new();
    public DatabaseOptions DatabaseOptions => _database.Options;
    public ConcurrentQueue<string> Logs { get; } = new();
    public int AgencyId { get; private set; }
    public int OtherAgencyId { get; private set; }
    public int NorthAreaId { get; private set; }
    public int SouthAreaId { get; private set; }
    public string Environment { get; set; } = "Testing";

    public SafeguardApp WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _ = Services; // starts the host: migrations run now
        using var scope = Services.CreateScope();
        var organisation = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        AgencyId = (await organisation.SaveAgencyAsync(null, "Testshire Police", AgencyKind.Police, true, 0)).Value!.Id;
        OtherAgencyId = (await organisation.SaveAgencyAsync(null, "Testshire Housing", AgencyKind.Housing, true, 0)).Value!.Id;
        NorthAreaId = (await organisation.SaveAreaAsync(null, "North", true, 0)).Value!.Id;
        SouthAreaId = (await organisation.SaveAreaAsync(null, "South", true, 0)).Value!.Id;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:Provider", _database.Options.Provider);
        builder.UseSetting("Database:ConnectionString", _database.Options.ConnectionString);
        builder.UseSetting("Security:SignInAttemptsPerMinute", "10000");
        // Tests sweep for action reminders by hand, so no sweep tells a test's users something it did not expect.
        builder.UseSetting("Actions:ReminderSweepMinutes", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
    }

    /// <summary>A browser-like client: HTTPS (cookies are Secure-only), cookies kept, redirects not followed.</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    public async Task<TestUser> CreateUserAsync(string[] roles, int[]? areas = null, int? agency = null, bool enrolled = true, string? email = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        email ??= $"user.{Guid.NewGuid():N}@example.org";
        var user = new User
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test " + email[..8],
            AgencyId = agency ?? AgencyId, CreatedAt = Clock.GetUtcNow().UtcDateTime, LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, Password));
        foreach (var role in roles)
        {
            if (!db.Roles.Any(r => r.Name == role))
            {
                db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
                await db.SaveChangesAsync();
            }
        }

        Check(await users.AddToRolesAsync(user, roles));
        db.UserAreas.AddRange((areas ?? [NorthAreaId]).Select(a => new UserArea { UserId = user.Id, AreaId = a }));
        await db.SaveChangesAsync();
        string? key = null;
        if (enrolled)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return new TestUser(user.Id, email, Password, key);
    }

    public async Task<T> WithDbAsync<T>(Func<SafeguardDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, sink);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(",", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            sink.Enqueue($"{category} {formatter(state, exception)} {structured} {exception}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<SafeguardApp>
{
    public const string Name = "app";
}
