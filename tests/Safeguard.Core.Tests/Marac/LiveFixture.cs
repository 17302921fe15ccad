using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Marac;
using Safeguard.Core.Organisation;

namespace Safeguard.Core.Tests.Marac;

/// <summary>
/// A MARAC set up straight in the database (the agenda and pack are built elsewhere): the meeting on Thursday
/// 3 December 2026, its invited agencies' attendance rows and its cases, with a co-ordinator and one person per agency.
/// </summary>
public abstract class LiveFixture : IAsyncLifetime
{
    protected static readonly DateOnly MeetingDay = new(2026, 12, 3);
    protected static readonly DateTimeOffset OnTheDay = new(2026, 12, 3, 10, 5, 0, TimeSpan.Zero);

    protected CoreHost Host { get; private set; } = null!;
    protected (int Agency, int AreaA, int AreaB) Org { get; private set; }
    protected int Housing { get; private set; }
    protected int Health { get; private set; }
    protected string Coordinator { get; private set; } = null!;
    protected string HousingOfficer { get; private set; } = null!;
    protected string PoliceOfficer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await CoreHost.StartAsync();
        Host.Clock.Set(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        Org = await Host.SeedOrganisationAsync();
        using var scope = Host.Scope();
        var organisation = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        Housing = (await organisation.SaveAgencyAsync(null, "Testshire Homes", AgencyKind.Housing, true, 0)).Value!.Id;
        Health = (await organisation.SaveAgencyAsync(null, "Testshire Health", AgencyKind.Health, true, 0)).Value!.Id;
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        Coordinator = (await users.CreateAsync(new UserDetails("Morgan Marac", "morgan.marac@example.org", Org.Agency, [Org.AreaA], [Roles.MaracCoordinator]), null)).Value!.User.Id;
        HousingOfficer = (await users.CreateAsync(new UserDetails("Hana Homes", "hana.homes@example.org", Housing, [Org.AreaA], [Roles.AgencyRepresentative]), null)).Value!.User.Id;
        PoliceOfficer = (await users.CreateAsync(new UserDetails("Pat Police", "pat.police@example.org", Org.Agency, [Org.AreaA], [Roles.AgencyRepresentative]), null)).Value!.User.Id;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    protected async Task<T> As<T, TService>(string user, Func<TService, Task<T>> call) where TService : notnull
    {
        using var scope = Host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = user;
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected Task<T> Live<T>(Func<MaracLive, Task<T>> call) => As(Coordinator, call);

    protected Task<T> Record<T>(Func<MaracCaseRecord, Task<T>> call, string? user = null) => As(user ?? Coordinator, call);

    protected async Task<T> Db<T>(Func<SafeguardDbContext, Task<T>> query)
    {
        using var scope = Host.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
    }

    /// <summary>A meeting with the police and housing invited (health is not), its pack released, and <paramref name="cases"/> cases in order.</summary>
    protected Task<(int Meeting, int[] Cases)> MeetingAsync(DateOnly? day = null, int cases = 2, bool released = true, int? drammCaseId = null) =>
        SeedMeetingAsync(Host, Org.AreaA, day ?? MeetingDay, [Org.Agency, Housing], cases, released, drammCaseId);

    internal static async Task<(int Meeting, int[] Cases)> SeedMeetingAsync(CoreHost host, int area, DateOnly day, int[] invited, int cases, bool released, int? drammCaseId = null)
    {
        using var scope = host.Scope();
        return await LiveSeed.MeetingAsync(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>(), area, day, invited, cases, released, drammCaseId);
    }

    protected static string Name(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Seeds a meeting, its attendance rows and agenda cases directly: shared with the bench's shape.</summary>
public static class LiveSeed
{
    public static async Task<(int Meeting, int[] Cases)> MeetingAsync(SafeguardDbContext db, int area, DateOnly day, int[] invited, int cases, bool released, int? drammCaseId = null)
    {
        var starts = new DateTime(day.Year, day.Month, day.Day, 10, 0, 0, DateTimeKind.Utc);
        var meeting = new MaracMeeting
        {
            AreaId = area, Date = day, StartsAtUtc = starts, PackReleaseByUtc = starts.AddDays(-7), CreatedAt = starts.AddDays(-14),
            AgendaBuiltAt = starts.AddDays(-8), PackReleasedAt = released ? starts.AddDays(-7) : null, Version = 1,
        };
        db.MaracMeetings.Add(meeting);
        await db.SaveChangesAsync();
        db.MaracAttendance.AddRange(invited.Select(a => new MaracAttendance { MeetingId = meeting.Id, AgencyId = a, Version = 1 }));
        var list = new List<MaracCase>();
        for (var n = 1; n <= cases; n++)
        {
            var reference = $"MC{meeting.Id:D4}{n:D3}";
            var referral = new MaracReferral
            {
                AreaId = area, Source = n == 1 && drammCaseId is not null ? MaracReferralSource.Dramm : MaracReferralSource.PartnerReferral, Category = MaracCategory.FullDiscussion,
                ReferredAt = starts.AddDays(-20), Reference = reference, DrammCaseId = n == 1 ? drammCaseId : null, MeetingId = meeting.Id, CreatedAt = starts.AddDays(-20),
            };
            db.MaracReferrals.Add(referral);
            await db.SaveChangesAsync();
            list.Add(new MaracCase
            {
                MeetingId = meeting.Id, MaracReferralId = referral.Id, Reference = reference, Category = MaracCategory.FullDiscussion, ReferredAt = referral.ReferredAt,
                Position = n, Minutes = 10, Version = 1,
            });
        }

        db.MaracCases.AddRange(list);
        await db.SaveChangesAsync();
        return (meeting.Id, list.Select(c => c.Id).ToArray());
    }
}
