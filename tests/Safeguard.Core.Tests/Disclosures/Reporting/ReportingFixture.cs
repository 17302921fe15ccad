using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Reporting;

namespace Safeguard.Core.Tests.Disclosures.Reporting;

/// <summary>
/// A migrated database with the four schemes, two areas and a clock at 22 November 2026 10:00 UTC. Applications
/// and their stage periods are written straight into the tables with the dates each test chooses, so every figure
/// can be worked out by hand.
/// </summary>
public abstract class ReportingFixture : IAsyncLifetime
{
    public static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    protected CoreHost Host { get; private set; } = null!;
    protected (int Agency, int AreaA, int AreaB) Org { get; private set; }
    private Dictionary<(Scheme, Route), int> _schemeIds = [];

    public async Task InitializeAsync()
    {
        Host = await CoreHost.StartAsync();
        Host.Clock.Set(new DateTimeOffset(Now));
        Org = await Host.SeedOrganisationAsync();
        using var scope = Host.Scope();
        await scope.ServiceProvider.GetRequiredService<DisclosureSettings>().EnsureDefaultsAsync();
        _schemeIds = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().DisclosureSchemes
            .ToDictionaryAsync(s => (s.Scheme, s.Route), s => s.Id);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    protected static DateTime Utc(int year, int month, int day, int hour = 12, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    protected async Task<string> AddUserAsync(string displayName)
    {
        using var scope = Host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var email = $"{Guid.NewGuid():N}@example.org";
        var user = new User
        {
            DisplayName = displayName, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), AgencyId = Org.Agency, CreatedAt = Now,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>Writes one application. Open unless <paramref name="closedAt"/> is given; due 28 days after receipt unless <paramref name="dueAt"/> says otherwise.</summary>
    protected async Task<int> AddAsync(Scheme scheme, Route route, DateTime receivedAt, int? area = null, DateTime? closedAt = null,
        DisclosureOutcome? outcome = null, DateTime? dueAt = null, DateTime? nextDueAt = null, string? owner = null,
        Action<DisclosureApplication>? with = null, params (DisclosureStage Stage, DateTime EnteredAt, DateTime? LeftAt)[] periods)
    {
        using var scope = Host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var app = new DisclosureApplication
        {
            SchemeId = _schemeIds[(scheme, route)], Scheme = scheme, Route = route, AreaId = area ?? Org.AreaA,
            Stage = closedAt is null ? DisclosureStage.Research : DisclosureStage.Closed, StageEnteredAt = closedAt ?? receivedAt,
            ReceivedAt = receivedAt, ReceivedVia = route == Route.RightToAsk ? ReceivedVia.Phone : ReceivedVia.PoliceInformation,
            WhatPrompted = "Test application", ClosedAt = closedAt, Outcome = outcome,
            DueAt = dueAt ?? receivedAt.AddDays(28), NextDueAt = closedAt is null ? nextDueAt ?? receivedAt.AddDays(28) : null,
            OwnerUserId = owner, CreatedAt = receivedAt, Version = 1,
        };
        with?.Invoke(app);
        db.DisclosureApplications.Add(app);
        await db.SaveChangesAsync();
        db.StagePeriods.AddRange(periods.Select(p => new StagePeriod { ApplicationId = app.Id, Stage = p.Stage, EnteredAt = p.EnteredAt, LeftAt = p.LeftAt }));
        await db.SaveChangesAsync();
        return app.Id;
    }

    /// <summary>
    /// Runs a figure over area A only, as a CRU user of that area is scoped. The rows were written straight into the
    /// tables, so the monthly roll-up is first rebuilt from them, as startup does for a database from before it.
    /// </summary>
    protected async Task<T> InAreaAAsync<T>(Func<DisclosureFigures, FiguresScope, Task<T>> figure) =>
        await FigureAsync(figure, FiguresScope.InAreas([Org.AreaA]));

    /// <summary>Runs a figure over every area, as an auditor is scoped.</summary>
    protected async Task<T> EverywhereAsync<T>(Func<DisclosureFigures, FiguresScope, Task<T>> figure) =>
        await FigureAsync(figure, FiguresScope.Everywhere);

    private async Task<T> FigureAsync<T>(Func<DisclosureFigures, FiguresScope, Task<T>> figure, FiguresScope scope)
    {
        using (var rebuild = Host.Scope())
        {
            await rebuild.ServiceProvider.GetRequiredService<FigureCells>().RebuildAsync();
        }

        using var scope2 = Host.Scope();
        return await figure(scope2.ServiceProvider.GetRequiredService<DisclosureFigures>(), scope);
    }
}
