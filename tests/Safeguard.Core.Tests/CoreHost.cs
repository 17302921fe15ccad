using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Tests;

namespace Safeguard.Core.Tests;

/// <summary>The Core services wired as the web app wires them, over a fresh migrated database and a test clock.</summary>
public sealed class CoreHost : IAsyncDisposable
{
    private readonly ServiceProvider _root;
    private readonly TestDatabase _database;

    public TestClock Clock { get; } = new();

    /// <summary>The email settings the services read; off until a test sets a host.</summary>
    public Safeguard.Core.Notifications.EmailOptions Email { get; } = new() { PollSeconds = 0 };

    private CoreHost(TestDatabase database)
    {
        _database = database;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSafeguardCore(database.Options, Path.GetTempPath());
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Email));
        services.AddIdentityCore<User>(AccountPolicy.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SafeguardDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();
        _root = services.BuildServiceProvider();
    }

    public static async Task<CoreHost> StartAsync()
    {
        var host = new CoreHost(await TestDatabase.CreateAsync());
        using var scope = host.Scope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
        return host;
    }

    public IServiceScope Scope() => _root.CreateScope();

    public TestDatabase Database => _database;

    /// <summary>An agency and two areas, as most tests need.</summary>
    public async Task<(int Agency, int AreaA, int AreaB)> SeedOrganisationAsync()
    {
        using var scope = Scope();
        var organisation = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var agency = await organisation.SaveAgencyAsync(null, "Testshire Police", AgencyKind.Police, true, 0);
        var a = await organisation.SaveAreaAsync(null, "Area A", true, 0);
        var b = await organisation.SaveAreaAsync(null, "Area B", true, 0);
        return (agency.Value!.Id, a.Value!.Id, b.Value!.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await _root.DisposeAsync();
        await _database.DisposeAsync();
    }
}
